"""Hugo shortcodes, ``{{< name args >}}`` and ``{{% name args %}}``, as MyST.

``highlight`` becomes a code fence (whose options :mod:`.fences` reads),
``details`` a dropdown, Docsy's ``alert`` and the Learn theme's ``notice``
admonitions, ``figure`` an image, ``ref``/``relref`` a link to the
post, ``gist``, ``youtube``, ``vimeo``, ``tweet``, ``x`` and ``instagram`` a
link (nothing is fetched at build time), ``param`` the front-matter value;
``comment`` is dropped with its content; Quarto's shortcodes, written alike,
are :func:`.quarto.shortcode`'s. Any other shortcode is dropped (its inner
text kept) with a warning naming it.
"""

from __future__ import annotations

import re

from sphinxblog.core.problems import Problem
from sphinxblog.migrate.markup import quarto
from sphinxblog.migrate.markup.common import (
    Signs,
    Site,
    admonition_line,
    code_mask,
    doc_link,
    front_matter_text,
    problem,
    sub_outside_code,
)

SHORTCODE = re.compile(r"\{\{([<%])\s*(/?)\s*([\w./-]+)(.*?)\s*[>%]\}\}")
ESCAPED = re.compile(r"\{\{([<%])/\*\s*(.*?)\s*\*/([>%])\}\}")
REF_LINK = re.compile(r"\[([^\]]*)\]\(\s*\{\{[<%]\s*(?:rel)?ref\s+(.*?)\s*[>%]\}\}\s*\)")
_ARG = re.compile(r"""([\w-]+)=("[^"]*"|'[^']*'|`[^`]*`|\S+)|("[^"]*"|'[^']*'|`[^`]*`|\S+)""")
_FIGURE = re.compile(r"^\s*\{\{[<%]\s*figure\b(.*?)\s*[>%]\}\}\s*$")
#: Quarto's ``{{< include _part.qmd >}}`` on a line of its own
_INCLUDE = re.compile(r"^\s*\{\{<\s*include\s+(\S+?)\s*>\}\}\s*$")
#: a shortcode's arguments: anything up to its closing ``>}}`` or ``%}}``
_ARGS = r"((?:(?![>%]\}\}).)*?)"
_OWN_LINE = re.compile(
    r"^\s*\{\{[<%]\s*(/?)\s*(highlight|details|comment|alert|notice)\b" + _ARGS + r"\s*[>%]\}\}\s*$"
)
#: ``comment`` or ``highlight`` opened and closed on one line, with what is between
ONE_LINE_PAIR = re.compile(
    r"\{\{[<%]\s*(comment|highlight)\b" + _ARGS + r"\s*[>%]\}\}"
    r"(.*?)\{\{[<%]\s*/\s*\1\s*[>%]\}\}"
)
#: shortcodes that open a container closed by their own closing tag
_CONTAINERS = frozenset({"details", "alert", "notice"})
#: Docsy's alert colours and the Learn theme's notice types, as admonitions
_ALERT_KINDS = {
    "primary": "note", "info": "note", "note": "note", "secondary": "note", "tip": "tip",
    "success": "tip", "warning": "warning", "danger": "danger", "error": "danger",
}  # fmt: skip
may_hold = Signs(r"\{\{[<%]")


def arguments(raw: str) -> tuple[list[str], dict[str, str]]:
    """A shortcode's positional and named arguments, unquoted."""
    positional, named = [], {}
    for key, value, alone in _ARG.findall(raw):
        if key:
            named[key.lower()] = value[1:-1] if value[:1] in "\"'`" else value
        else:
            positional.append(alone[1:-1] if alone[:1] in "\"'`" else alone)
    return positional, named


def translate(text: str, site: Site | None = None) -> tuple[str, list[Problem]]:
    site = site or Site()
    lines = text.split("\n")
    problems: list[Problem] = []
    _blocks(lines, code_mask(lines), problems)
    mask = code_mask(lines)
    for number, line in enumerate(lines):
        if mask[number] or "{{" not in line:
            continue
        lines[number] = _inline(line, number, site, problems)
    return "\n".join(lines), problems


def _blocks(lines: list[str], mask: list[bool], problems: list[Problem]) -> None:
    """``highlight``, ``details`` and ``comment`` written on lines of their own."""
    opened: tuple[int, str, str] | None = None  # line, name, arguments
    for number, line in enumerate(lines):
        if mask[number] and (opened is None or opened[1] != "comment"):
            continue
        if opened is not None and opened[1] == "highlight":
            match = _OWN_LINE.match(line)
            if match and match[1] and match[2] == "highlight":
                lines[number] = "```"
                opened = None
            continue
        if opened is not None and opened[1] == "comment":
            match = _OWN_LINE.match(line)
            lines[number] = ""
            if match and match[1] and match[2] == "comment":
                opened = None
            continue
        if _figure(lines, mask, number) or _include(lines, mask, number):
            continue
        match = _OWN_LINE.match(line)
        if not match:
            continue
        closing, name, raw = match[1], match[2], match[3]
        if closing:
            if name in _CONTAINERS:
                lines[number] = ":::"
            continue
        positional, named = arguments(raw)
        if name == "highlight":
            language = positional[0] if positional else "text"
            options = " ".join(
                f'{key}="{value}"'
                for key, value in (
                    pair.split("=", 1) for pair in re.split(r"\s*,\s*", " ".join(positional[1:]))
                    if "=" in pair
                )
            )  # fmt: skip
            lines[number] = f"```{language} {{{options}}}" if options else f"```{language}"
        elif name in {"alert", "notice"}:  # Docsy's alert, the Learn theme's notice
            kind = named.get("color") or named.get("type") or (positional[0] if positional else "")
            title = named.get("title", "")
            lines[number] = admonition_line(":::", _ALERT_KINDS.get(kind.lower(), "note"), title)
        elif name == "details":
            summary = named.get("summary", "Details")
            state = "open" if named.get("open", "").lower() in {"true", "1"} else "closed"
            lines[number] = f":::{{blog-dropdown}} {state} plain {summary}"
        else:
            lines[number] = ""
        opened = (number, name, raw) if name not in _CONTAINERS else None
    if opened is not None and opened[1] == "highlight":
        problems.append(problem(opened[0], "Hugo shortcode 'highlight' is not closed: "
                                "the rest of the post is shown as code (close it with "
                                "{{< /highlight >}})"))  # fmt: skip


def _figure(lines: list[str], mask: list[bool], number: int) -> bool:
    """A ``figure`` with a caption alone between blank lines, as MyST's ``{figure}``."""
    match = _FIGURE.match(lines[number])
    if not match or not 0 < number < len(lines) - 1:
        return False
    positional, named = arguments(match[1])
    caption = named.get("caption") or named.get("title")
    around = (lines[number - 1], lines[number + 1])
    if not caption or any(line.strip() for line in around) or mask[number - 1] or mask[number + 1]:
        return False
    src = named.get("src") or (positional[0] if positional else "")
    lines[number - 1 : number + 2] = [f":::{{figure}} {src}", caption, ":::"]
    return True


def _include(lines: list[str], mask: list[bool], number: int) -> bool:
    """Quarto's ``include`` on a line of its own, as MyST's ``{include}``: the file's
    text, read as the post's (a partial, whose name starts with ``_``, is no page)."""
    match = _INCLUDE.match(lines[number])
    if not match:
        return False
    path = match[1].strip("\"'")
    following = number + 1
    if following < len(lines) and not lines[following].strip() and not mask[following]:
        lines[number : following + 1] = [f"```{{include}} {path}", "```"]
    else:
        lines[number] = f"```{{include}} {path}\n```"
    return True


def _inline(line: str, number: int, site: Site, problems: list[Problem]) -> str:
    line = sub_outside_code(ESCAPED, lambda m: f"`{{{{{m[1]} {m[2]} {m[3]}}}}}`", line)

    def ref_link(match: re.Match[str]) -> str:
        positional, named = arguments(match[2])
        target = named.get("path") or (positional[0] if positional else "")
        link = doc_link(site, target, match[1])
        if link is None:
            problems.append(
                problem(
                    number,
                    f"Hugo ref {target!r} names no post of this site: "
                    "the link text is kept (link to the post's file)",
                )
            )
            return match[1]
        return link

    line = sub_outside_code(REF_LINK, ref_link, line)
    line = sub_outside_code(ONE_LINE_PAIR, _one_line_pair, line)
    return sub_outside_code(SHORTCODE, lambda m: _shortcode(m, number, site, problems), line)


def _one_line_pair(match: re.Match[str]) -> str:
    """A comment is dropped with its content, as Hugo drops it; highlighted code is code."""
    if match[1] == "comment":
        return ""
    code = match[3].strip()
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", code)), default=0) + 1)
    padding = " " if code.startswith("`") or code.endswith("`") else ""
    return f"{ticks}{padding}{code}{padding}{ticks}" if code else ""


def _shortcode(match: re.Match[str], number: int, site: Site, problems: list[Problem]) -> str:
    closing, name, raw = match[2], match[3].lower(), match[4]
    if closing:
        return ""
    positional, named = arguments(raw)
    first = positional[0] if positional else ""
    if name == "figure":
        src = named.get("src", first)
        alt = named.get("alt") or named.get("caption") or named.get("title") or ""
        caption = named.get("caption") or named.get("title")
        image = f'![{alt}]({src} "{caption}")' if caption else f"![{alt}]({src})"
        return f"[{image}]({named['link']})" if named.get("link") else image
    if name in {"ref", "relref"}:
        target = named.get("path", first)
        link = doc_link(site, target, None)
        if link is None:
            problems.append(
                problem(
                    number,
                    f"Hugo ref {target!r} names no post of this site: "
                    "dropped (link to the post's file)",
                )
            )
            return ""
        return link
    if name == "gist" and len(positional) >= 2:
        return (
            f"[gist {positional[0]}/{positional[1]}](https://gist.github.com/{positional[0]}/"
            f"{positional[1]})"
        )
    if name == "youtube" and (named.get("id") or first):
        video = named.get("id") or first
        title = named.get("title") or f"YouTube video {video}"
        return f"[{title}](https://www.youtube.com/watch?v={video})"
    if name == "vimeo" and (named.get("id") or first):
        video = named.get("id") or first
        title = named.get("title") or f"Vimeo video {video}"
        return f"[{title}](https://vimeo.com/{video})"
    if name in {"tweet", "x", "twitter"} and (named.get("id") or first):
        post = named.get("id") or first
        user = named.get("user", "i")
        host = "x.com" if name == "x" else "twitter.com"
        return (
            f"[post by @{user}](https://{host}/{user}/status/{post})"
            if user != "i"
            else f"[post {post}](https://{host}/i/status/{post})"
        )
    if name == "instagram" and (named.get("id") or first):
        post = named.get("id") or first
        return f"[Instagram post {post}](https://www.instagram.com/p/{post}/)"
    if name == "param" and first:
        value = _param(site.params, first)
        if value is not None:
            return value
        problems.append(
            problem(
                number,
                f"Hugo param {first!r} is not in the front matter: dropped (write its value)",
            )
        )
        return ""
    if name in quarto.SHORTCODES:  # the same syntax
        return quarto.shortcode(name, positional, named, number, site, problems)
    problems.append(
        problem(
            number,
            f"Hugo shortcode {name!r} is not supported: dropped, its "
            "inner text kept (write it in Markdown or a MyST directive)",
        )
    )
    return ""


def _param(params: dict, key: str) -> str | None:
    lowered = {str(k).lower(): v for k, v in params.items()}
    nested = lowered.get("params")
    for table in (lowered, {str(k).lower(): v for k, v in nested.items()}
                  if isinstance(nested, dict) else {}):  # fmt: skip
        value = front_matter_text(table.get(key.lower()))
        if value is not None:
            return value
    return None
