"""ABlog: the ``{post}`` directive that makes a MyST page a post.

The blog reads its date and options with the front matter
(:func:`sphinxblog.core.headers.find_ablog_post`); on the page it shows nothing,
so its lines become blank ones, which keeps every later line's number.
"""

from __future__ import annotations

from sphinxblog.core.headers import find_ablog_post
from sphinxblog.core.problems import Problem
from sphinxblog.migrate.markup.common import Signs

may_hold = Signs(r"\{post\}")


def translate(text: str) -> tuple[str, list[Problem]]:
    lines = text.splitlines(keepends=True)
    found = find_ablog_post([line.rstrip("\r\n") for line in lines], 0)
    if found is None:
        return text, []
    _header, taken = found
    for number in taken:
        lines[number] = "\n"
    return "".join(lines), []
