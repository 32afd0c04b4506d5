"""Pelican's links to other content and its summary markers, as MyST.

``[text]({filename}/posts/other.md)`` links to that post, ``{static}`` and
``{attach}`` paths to the file; ``{tag}``, ``{category}``, ``{author}`` and
``{index}`` links have no page of their own here and keep their text, with
a warning. ``<!-- PELICAN_END_SUMMARY -->`` becomes ``<!-- more -->``, which
ends the post's summary (the text before it); the begin marker stays an
HTML comment, shown nowhere.
"""

from __future__ import annotations

import re
from functools import partial

from sphinxblog.core.problems import Problem
from sphinxblog.migrate.markup.common import (
    Signs,
    Site,
    code_mask,
    doc_link,
    problem,
    sub_outside_code,
)

LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*[{|](\w+)[}|]([^)\s]*)(\s+\"[^\"]*\")?\s*\)")
BARE = re.compile(r"""(?<=["'(])[{|](filename|static|attach)[}|]([^)\s"']*)""")
END = re.compile(r"^\s*<!--\s*PELICAN_END_SUMMARY\s*-->\s*$")
#: the end marker, and a link's or a path's ``{kind}`` after its ``(`` or quote
may_hold = Signs("PELICAN_END_SUMMARY", r"\(\s*[{|]\w+[}|]", r"\"[{|]\w+[}|]", r"'[{|]\w+[}|]")


def translate(text: str, site: Site | None = None) -> tuple[str, list[Problem]]:
    site = site or Site()
    lines = text.split("\n")
    mask = code_mask(lines)
    problems: list[Problem] = []
    for number, line in enumerate(lines):
        if mask[number]:
            continue
        if END.match(line):
            lines[number] = "<!-- more -->"
        elif "{" in line or "|" in line:
            link = partial(_link, number=number, site=site, problems=problems)
            line = sub_outside_code(LINK, link, line)
            lines[number] = sub_outside_code(BARE, lambda m: _path(m[2]), line)
    return "\n".join(lines), problems


def _path(path: str) -> str:
    return "/" + path.lstrip("./").removeprefix("static/") if not path.startswith("/") else path


def _link(match: re.Match[str], number: int, site: Site, problems: list[Problem]) -> str:
    bang, text, kind, target, title = match[1], match[2], match[3], match[4], match[5] or ""
    if bang:
        return f"{bang}[{text}]({_path(target)}{title})"
    if kind in {"static", "attach"}:
        return f"{{download}}`{text.replace('`', '')} <{_path(target)}>`"
    if kind == "filename":
        found = doc_link(site, target, text)
        if found is not None:
            return found
        if not re.search(r"\.(md|markdown|rst|mdx|html?)$", target):
            return f"[{text}]({_path(target)}{title})"
        problems.append(
            problem(
                number,
                f"Pelican link {{filename}}{target} names no post of "
                "this site: the link text is kept (link to the post's file)",
            )
        )
        return text
    problems.append(
        problem(
            number,
            f"Pelican link {{{kind}}}{target} has no page here: the "
            "link text is kept (link to the tag's page, tags/<slug>.html)",
        )
    )
    return text
