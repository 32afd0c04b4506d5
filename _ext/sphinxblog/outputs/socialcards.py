"""Social cards drawn at build time for posts without a cover: what a shared link shows.

Each card (:mod:`sphinxblog.core.cards`) is drawn offline with novasvg in
DejaVu Sans, which covers Kazakh and the other Cyrillic and Latin alphabets
(mermaidx ships the font), and written as ``_social/<digest>.jpg``.  A post
whose title has a letter the font lacks gets no card rather than boxes.

Only the web site gets cards, and only with ``html_baseurl`` (a card is shared
by its full address).  The missing cards are drawn by a second process
(:mod:`sphinxblog.outputs.drawcards`) while Sphinx writes the pages, and
waited for when the build ends; a card already
in the output folder is not drawn again, and one no post uses any more is
removed as stale output.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from sphinxblog.core.cards import (
    BACKGROUND,
    FAMILY,
    HEIGHT,
    TITLE_SIZE,
    WIDTH,
    Card,
    card_file,
    card_svg,
)
from sphinxblog.reading.addresses import CARDS_FOLDER
from sphinxblog.reading.covers import cover_of
from sphinxblog.reading.links import format_day
from sphinxblog.reading.output import output_of
from sphinxblog.reading.store import blog_data, catalog_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinxblog.core.posts import Post

logger = logging.getLogger(__name__)

#: JPEG's quality: a photograph's is wasted on flat colour and letters
QUALITY = 85


def _font_files() -> tuple[Path, Path] | None:
    """DejaVu Sans and its bold, as mermaidx ships them; ``None`` without them or novasvg."""
    spec = find_spec("mermaidx")
    if spec is None or spec.origin is None or find_spec("novasvg") is None:
        return None
    folder = Path(spec.origin).parent / "assets" / "fonts"
    regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
    return (regular, bold) if regular.is_file() and bold.is_file() else None


class _Renderer:
    """novasvg with the card's font: loaded once per process, when a card is first needed."""

    def __init__(self, fonts: tuple[Path, Path]) -> None:
        import novasvg.fonts

        self.fonts = fonts
        regular, bold = fonts
        novasvg.fonts.add_font_face_from_file(FAMILY, False, False, str(regular))
        novasvg.fonts.add_font_face_from_file(FAMILY, True, False, str(bold))
        face = novasvg.fonts.get_font_face(FAMILY, True, False)
        self.font = novasvg.fonts.Font(face, TITLE_SIZE)
        self.letters = frozenset(map(chr, face.codepoints()))

    def draws(self, text: str) -> bool:
        """Whether the font has every letter of *text*, and it is not written from right
        to left (which the renderer does not lay out)."""
        return not _RIGHT_TO_LEFT.search(text) and all(
            char in self.letters or char.isspace() for char in text
        )

    def measure(self, text: str) -> float:
        return float(self.font.measure_text(text))


#: Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")

_RENDERERS: dict[tuple[Path, Path], _Renderer] = {}
# novasvg names every object of its own still alive when Python ends, on standard error
atexit.register(_RENDERERS.clear)


def _renderer() -> _Renderer | None:
    fonts = _font_files()
    if fonts is None:
        return None
    if fonts not in _RENDERERS:
        _RENDERERS[fonts] = _Renderer(fonts)
    return _RENDERERS[fonts]


def _card(app: Sphinx, post: Post) -> Card:
    config = app.config
    site = config.html_title or config.project
    day = format_day(post.day, config) if post.day else ""
    return Card(post.title, site, day, post.language or config.language or "en")


def _wants_card(post: Post) -> bool:
    """A post with no picture shown: none named, or a local one that is not there
    (a remote cover is shared as it is)."""
    cover = cover_of(post.extra)
    return not post.cover and (cover is None or not cover.remote)


def social_cards(app: Sphinx) -> dict[str, str]:
    """The social card of each published post that gets one, by docname: its path
    from the output folder."""
    data = blog_data(app.env)
    if data.cards is None:
        data.cards = {}
        renderer = _renderer() if output_of(app.builder).social_cards else None
        if renderer is not None:
            for post in catalog_of(app.env).published:
                card = _card(app, post)
                if _wants_card(post) and renderer.draws(f"{card.title}{card.site}{card.date}"):
                    data.cards[post.docname] = f"{CARDS_FOLDER}/{card_file(post.docname, card)}"
    return data.cards


@dataclass(frozen=True)
class _Drawing:
    """The cards being drawn: the process, and the file of its jobs."""

    process: subprocess.Popen[bytes]
    jobs: Path


def start_drawing_cards(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: draw the missing cards in a second process while the pages
    are written (:mod:`sphinxblog.outputs.drawcards`)."""
    cards = social_cards(app)
    outdir = Path(app.outdir)
    renderer = _renderer()
    if not cards or renderer is None:
        return
    catalog = catalog_of(env)
    jobs = []
    for docname, path in cards.items():
        target = outdir / path
        post = catalog.post(docname)
        if post is not None and not target.is_file():
            jobs.append([card_svg(_card(app, post), renderer.measure), str(target), docname])
    if not jobs:
        return
    (outdir / CARDS_FOLDER).mkdir(parents=True, exist_ok=True)
    logger.info("drawing %d social cards", len(jobs))
    handle, name = tempfile.mkstemp(prefix="sphinxblog-cards-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        json.dump({
            "fonts": [str(font) for font in renderer.fonts], "family": FAMILY, "width": WIDTH,
            "height": HEIGHT, "background": 0xFF000000 | int(BACKGROUND.lstrip("#"), 16),
            "quality": QUALITY, "cards": jobs,
        }, stream)  # fmt: skip
    # a process of its own, holding none of the build's files: a build that is
    # stopped leaves it to finish, and nothing waits on its output
    process = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("drawcards.py")), name],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        close_fds=True,
    )  # fmt: skip
    blog_data(env).card_job = _Drawing(process, Path(name))


def _report(problems: list[tuple[str | None, str]]) -> None:
    for docname, problem in problems:
        logger.warning(
            "social card not drawn: %s", problem, location=docname, type="blog",
            subtype="social_card",
        )  # fmt: skip


def finish_drawing_cards(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: wait for the cards being drawn, and name what went wrong."""
    data = blog_data(app.env)
    job, data.card_job = data.card_job, None
    if not isinstance(job, _Drawing):
        return
    status = job.process.wait()
    out = Path(f"{job.jobs}.out")
    problems: list[tuple[str | None, str]] | None = None
    try:
        if status == 0:
            problems = [
                (docname, problem) for docname, problem in json.loads(out.read_text("utf-8"))
            ]
    except (OSError, ValueError):
        problems = None
    finally:
        job.jobs.unlink(missing_ok=True)
        out.unlink(missing_ok=True)
    if exception is None:
        _report(
            problems
            if problems is not None
            else [(None, f"the drawing process ended with {status}")]
        )
