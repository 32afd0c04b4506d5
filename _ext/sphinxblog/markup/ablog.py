"""ABlog: the ``{post}`` directive that makes a MyST page a post.

The blog reads its date and options with the front matter
(:func:`sphinxblog.headers.find_ablog_post`); on the page it shows nothing,
so its lines become blank ones, which keeps every later line's number.
"""

from __future__ import annotations

from sphinxblog.headers import find_ablog_post
from sphinxblog.problems import Problem


def translate(text: str) -> tuple[str, list[Problem]]:
    lines = text.splitlines(keepends=True)
    found = find_ablog_post([line.rstrip("\r\n") for line in lines], 0)
    if found is None:
        return text, []
    _header, taken = found
    for number in taken:
        lines[number] = "\n"
    return "".join(lines), []
