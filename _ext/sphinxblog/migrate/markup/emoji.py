"""Emoji shortcodes, ``:tada:`` and ``:+1:``, as the emoji GitHub and Jekyll's jemoji show.

A name no emoji has (``:shipit:``, a site's own image) stays as written.
"""

from __future__ import annotations

import functools
import re

from sphinxblog.core.problems import Problem
from sphinxblog.migrate.markup.common import Signs, code_mask, sub_outside_code

#: not inside a word or a run of colons: ``12:30:45`` and ``::name`` are no shortcodes
SHORTCODE = re.compile(r"(?<![\w:]):([a-z0-9_+-]+):(?![\w:])")
may_hold = Signs(r":[a-z0-9_+-]+:")


@functools.lru_cache(maxsize=1024)
def emoji_of(name: str) -> str | None:
    """The emoji GitHub's shortcode *name* stands for, if any."""
    import emoji  # only posts that hold a shortcode need its table

    shown = emoji.emojize(f":{name}:", language="alias")
    return None if shown == f":{name}:" else shown


def translate(text: str) -> tuple[str, list[Problem]]:
    lines = text.split("\n")
    mask = code_mask(lines)
    for number, line in enumerate(lines):
        if not mask[number] and ":" in line:
            lines[number] = sub_outside_code(SHORTCODE, _emoji, line)
    return "\n".join(lines), []


def _emoji(match: re.Match[str]) -> str:
    return emoji_of(match[1]) or match[0]
