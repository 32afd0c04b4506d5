"""obsidian: to be written (a translator: ``translate(text, site) -> (text, problems)``)."""

from __future__ import annotations

from sphinxblog.core.problems import Problem
from sphinxblog.migrate.markup.common import Signs, Site

#: what this markup cannot be written without (a quick search, never a false "no")
may_hold = Signs(r"\A\b\B")  # matches nothing until the translator is written


def translate(text: str, site: Site | None = None) -> tuple[str, list[Problem]]:
    return text, []
