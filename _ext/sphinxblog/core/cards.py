"""Social cards: the picture a shared link shows for a post without a cover.

A card is an SVG drawing (the post's title, the site's name and the post's
date) that :mod:`sphinxblog.outputs.socialcards` renders offline to a JPEG.
Its file is named by a digest of everything drawn on it, so a card is drawn
again only when what it shows changes, and a shared link's picture changes
its address with it (sites that show shared links keep pictures by address).

Pure: the text is measured by the function it is given.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

__all__ = ["Card", "card_file", "card_svg", "wrap"]

#: the size sites that show shared links ask for (Open Graph's 1.91:1)
WIDTH, HEIGHT = 1200, 630
MARGIN = 80
TITLE_SIZE, TITLE_LINES = 64, 4
LINE_HEIGHT = 1.2
FOOT_SIZE = 32
BACKGROUND, ACCENT, TITLE_COLOUR, FOOT_COLOUR = "#1f3b57", "#f0b429", "#ffffff", "#d6e4f0"
#: the family the renderer is given the card's font under
FAMILY = "Blog Card Sans"
#: changes with the drawing below, so that every card is drawn again
DESIGN = "1"


@dataclass(frozen=True)
class Card:
    """What a card shows."""

    title: str
    site: str
    date: str
    #: the post's language (BCP 47), for the drawing's ``xml:lang``
    language: str


def card_file(docname: str, card: Card) -> str:
    """The card's file name: a digest of the post and of what the card shows."""
    inputs = "\x00".join((DESIGN, docname, card.title, card.site, card.date, card.language))
    return hashlib.blake2b(inputs.encode("utf-8"), digest_size=10).hexdigest() + ".jpg"


def wrap(text: str, width: float, measure: Callable[[str], float], lines: int) -> list[str]:
    """*text* in at most *lines* lines no wider than *width*: broken at spaces (a word
    too long for a line is cut), the last line ended by an ellipsis where text is left."""
    result: list[str] = []
    words = text.split()
    while words and len(result) < lines:
        line = words.pop(0)
        while measure(line) > width and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and measure(line[:cut] + "-") > width:
                cut -= 1
            words.insert(0, line[cut:])
            line = line[:cut] + "-"
        while words and measure(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        result.append(line)
    if words and result:
        last = result[-1]
        while last and measure(last + "…") > width:
            last = last[:-1].rstrip()
        result[-1] = last + "…"
    return result


def card_svg(card: Card, measure: Callable[[str], float]) -> str:
    """The card as an SVG drawing; *measure* gives a text's width at the title's size."""
    lines = wrap(card.title, WIDTH - 2 * MARGIN, measure, TITLE_LINES)
    step = TITLE_SIZE * LINE_HEIGHT
    top = MARGIN + 40 + TITLE_SIZE
    title = "".join(
        f'<text x="{MARGIN}" y="{top + index * step:.0f}">{escape(line)}</text>'
        for index, line in enumerate(lines)
    )
    foot = " · ".join(part for part in (card.site, card.date) if part)
    # as wide as the title's letters at the foot's size: bold, so it errs on the safe side
    foot_lines = wrap(foot, WIDTH - 2 * MARGIN, lambda t: measure(t) * FOOT_SIZE / TITLE_SIZE, 1)
    foot = foot_lines[0] if foot_lines else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" xml:lang="{escape(card.language)}">'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{BACKGROUND}"/>'
        f'<rect x="{MARGIN}" y="{MARGIN}" width="120" height="10" fill="{ACCENT}"/>'
        f'<g font-family="{FAMILY}" font-weight="bold" font-size="{TITLE_SIZE}" '
        f'fill="{TITLE_COLOUR}">{title}</g>'
        f'<text x="{MARGIN}" y="{HEIGHT - MARGIN}" font-family="{FAMILY}" '
        f'font-size="{FOOT_SIZE}" fill="{FOOT_COLOUR}">{escape(foot)}</text>'
        "</svg>"
    )
