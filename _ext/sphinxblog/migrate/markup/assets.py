"""Pictures kept in a folder named as the post, as Hexo keeps them.

With Hexo's ``post_asset_folder``, ``posts/My post.md`` shows
``![a diagram](diagram.png)`` (or ``<img src="diagram.png">``) from
``posts/My post/diagram.png``. Where a picture is not beside the post but in
that folder, its path names the folder.
"""

from __future__ import annotations

import re
import urllib.parse

from sphinxblog.core.problems import Problem
from sphinxblog.migrate.markup.common import Signs, Site, code_mask, sub_outside_code

#: a Markdown image: ``![alt](path "title")`` or ``![alt](<path with spaces>)``
IMAGE = re.compile(r"(!\[[^\]\n]*\]\()\s*(<[^>\n]+>|[^)\s]+)(\s+\"[^\"\n]*\")?\s*\)")
#: an HTML picture's source: ``<img src="diagram.png" width="80%">``
IMG_SRC = re.compile(r"""(<img\b[^>]*?\bsrc\s*=\s*)(["'])([^"'\n]+)\2""", re.IGNORECASE)
may_hold = Signs(r"!\[", r"<img\b")


def translate(text: str, site: Site | None = None) -> tuple[str, list[Problem]]:
    site = site or Site()
    if not site.asset_folder:
        return text, []
    lines = text.split("\n")
    mask = code_mask(lines)
    for number, line in enumerate(lines):
        if mask[number]:
            continue
        if "![" in line:
            line = sub_outside_code(IMAGE, lambda m: _in_folder(m, site), line)
        if "<img" in line.lower():
            line = sub_outside_code(IMG_SRC, lambda m: _src_in_folder(m, site), line)
        lines[number] = line
    return "\n".join(lines), []


def _in_folder(match: re.Match[str], site: Site) -> str:
    path = _in_the_folder(match[2].strip("<>"), site)
    return match[0] if path is None else f"{match[1]}<{path}>{match[3] or ''})"


def _in_the_folder(path: str, site: Site) -> str | None:
    """*path* from beside the post, where it names a file of the post's folder: by its
    name (Hexo's way), or by the folder's, written with ``%20`` for spaces."""
    if path in site.asset_files:
        return f"{site.asset_folder}/{path}"
    unquoted = urllib.parse.unquote(path)
    folder, _, name = unquoted.partition("/")
    if unquoted != path and folder == site.asset_folder and name in site.asset_files:
        return unquoted
    return None


def _src_in_folder(match: re.Match[str], site: Site) -> str:
    path = _in_the_folder(match[3], site)
    return match[0] if path is None else f"{match[1]}{match[2]}{path}{match[2]}"
