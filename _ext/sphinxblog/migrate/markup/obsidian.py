"""Obsidian and Quartz markup (also GitHub's alerts), as MyST and sphinx-design.

``[[note]]``, ``[[note|text]]``, ``[[note#Heading]]`` and ``[[#Heading]]``
become links to the post the note names: by its file name, its path in the
vault, or its title; a heading becomes the GitHub-style id MyST gives it.
``![[image.png]]`` (``|400`` a width, other text its alt text) becomes an
image found by its file name anywhere in the source folder, as Obsidian finds
it; ``![[note]]`` a link to the note, as its text is not copied in.
Callouts (``> [!tip] Title`` and the ``> `` lines after it) become
admonitions, ``> [!faq]-`` and ``> [!faq]+`` dropdowns (closed, open);
GitHub's ``> [!NOTE]`` alerts are the same syntax. ``==highlighted==`` text
is marked (``{blog-mark}``); ``%% comments %%``, on a line or over several,
are dropped, as Obsidian hides them.
"""

from __future__ import annotations

import functools
import re

from sphinxblog.core.problems import Problem
from sphinxblog.migrate.markup.common import (
    SPHINX_ADMONITIONS,
    Signs,
    Site,
    admonition_line,
    code_mask,
    colons,
    dropdown_line,
    is_blank,
    problem,
    sub_outside_code,
)

#: a wikilink or an embed: its target (up to a ``|`` not escaped) and what follows the ``|``
WIKILINK = re.compile(
    r"(?P<embed>!?)\[\[(?P<target>[^\[\]|\n]+?)\\?(?:\|(?P<text>[^\[\]\n]*))?\]\]"
)
#: VitePress's and Markdown-It's contents marker, which another step handles
TOC = re.compile(r"^\s*toc\s*$", re.IGNORECASE)
#: a callout's first line: its quote marks, kind, fold sign and title
CALLOUT = re.compile(
    r"^(?P<quotes>(?:[ ]{0,3}+>[ ]?+)++)\[!(?P<kind>[\w-]+)\](?P<fold>[+-]?)"
    r"[ \t]*(?P<title>.*?)\s*$"
)
QUOTES = re.compile(r"(?:[ ]{0,3}+>[ ]?+)*+")
#: a wikilink or an embed, a callout (``[!`` after a quote mark)
may_hold = Signs(r"\[\[", r"\n[ >]*>[ ]?\[!", r"%%", r"==\S")
#: ``==highlighted==`` (not ``a == b``, nor ``===``)
HIGHLIGHT = re.compile(r"(?<![=\w])==(?=[^\s=])([^=`\n]+?)(?<=\S)==(?![=\w])")
#: an Obsidian comment within a line
COMMENT = re.compile(r"%%.*?%%")

#: what Obsidian displays as an image; other files are linked
IMAGE_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".svg", ".webp", ".avif", ".tif", ".tiff"}
)
#: Obsidian's callout kinds by each of their names
CALLOUT_KINDS = {
    name: kind
    for kind, names in {
        "note": ("note",),
        "abstract": ("abstract", "summary", "tldr"),
        "info": ("info",),
        "todo": ("todo",),
        "tip": ("tip", "hint", "important"),
        "success": ("success", "check", "done"),
        "question": ("question", "help", "faq"),
        "warning": ("warning", "caution", "attention"),
        "failure": ("failure", "fail", "missing"),
        "danger": ("danger", "error"),
        "bug": ("bug",),
        "example": ("example",),
        "quote": ("quote", "cite"),
    }.items()
    for name in names
}
#: quotes nested deeper than this are left as they are
MAX_DEPTH = 32


def translate(text: str, site: Site | None = None) -> tuple[str, list[Problem]]:
    site = site or Site()
    problems: list[Problem] = []
    lines = _callouts(text.split("\n"), 0)
    lines = _links(lines, site, problems)
    if "%%" in text or "==" in text:
        _comments_and_highlights(lines)
    return "\n".join(lines), problems


def _comments_and_highlights(lines: list[str]) -> None:
    """Comments dropped (one opened on a line and closed on a later one, with the lines
    between), highlights marked; a comment never closed is left for a warning."""
    mask = _quote_mask(lines)
    opened: int | None = None
    for number, line in enumerate(lines):
        if mask[number]:
            continue
        if opened is not None:
            if "%%" in line:
                lines[opened] = lines[opened].split("%%", 1)[0].rstrip()
                for between in range(opened + 1, number):
                    lines[between] = ""
                line = line.split("%%", 1)[1]
                opened = None
            else:
                continue
        if "%%" in line:
            line = sub_outside_code(COMMENT, lambda m: "", line)
        if "%%" in line and line.count("%%") == 1 and "`" not in line.split("%%", 1)[1]:
            opened = number
        if "==" in line:
            line = sub_outside_code(HIGHLIGHT, lambda m: f"{{blog-mark}}`{m[1]}`", line)
        lines[number] = line


# --- callouts --------------------------------------------------------------------------


def _depth(line: str) -> int:
    """How many quote marks *line* starts with."""
    return QUOTES.match(line)[0].count(">")  # type: ignore[index]


def _unquote(line: str, depth: int) -> str:
    """*line* without its first *depth* quote marks."""
    marks = re.match(rf"(?:[ ]{{0,3}}+>[ ]?+){{0,{depth}}}+", line)
    return line[marks.end() :] if marks else line


def _quote_mask(lines: list[str]) -> list[bool]:
    """:func:`code_mask` of *lines* read without their quote marks (code in a quote)."""
    return code_mask([_unquote(line, _depth(line)) for line in lines])


def _callouts(lines: list[str], level: int) -> list[str]:
    """*lines* with their callouts as directives, as many lines (but where a closing
    fence found no blank line to take)."""
    if level > MAX_DEPTH:
        return lines
    mask = _quote_mask(lines)
    out = list(lines)
    number = 0
    while number < len(lines):
        header = None if mask[number] else CALLOUT.match(lines[number])
        if not header:
            number += 1
            continue
        depth = _depth(header["quotes"])
        end = number + 1
        while end < len(lines) and _depth(lines[end]) >= depth:
            end += 1
        prefix = "> " * (depth - 1)
        body = _callouts([_unquote(line, depth) for line in lines[number + 1 : end]], level + 1)
        kind, title = _kind(header["kind"], header["title"])
        before_body: list[str] = []
        if not any(line.strip() for line in body):  # a title alone: the title is the text
            kind, title = _kind(header["kind"], "")
            shown = header["title"] or header["kind"].capitalize()
            body, before_body = ([shown, *body[1:]], []) if body else ([], [shown])
        fence = ":" * colons("\n".join(body).split("\n"))
        if header["fold"]:
            named = title or header["kind"].capitalize()
            opening = dropdown_line(fence, kind, named, header["fold"] == "+")
        else:
            opening = admonition_line(fence, kind, title)
        if before_body and not header["fold"] and opening.endswith(f"{{{kind}}}"):
            # a directive that takes no title takes its text on its first line
            opening, before_body = f"{opening} {before_body[0]}", []
        out[number] = "\n".join(prefix + item for item in [opening, *before_body])
        out[number + 1 : end] = [_quoted(prefix, line) for line in body]
        closing = prefix + fence
        if end < len(lines) and is_blank(lines[end]) and not mask[end]:
            out[end] = closing
        else:
            out[end - 1] += "\n" + closing
        number = end
    return out


def _quoted(prefix: str, text: str) -> str:
    """*text* (lines) inside *prefix*'s quote marks."""
    return "\n".join((prefix + line).rstrip() for line in text.split("\n"))


def _kind(written: str, title: str) -> tuple[str, str]:
    """The admonition kind a callout of kind *written* becomes, and its title."""
    name = written.lower()
    if name in SPHINX_ADMONITIONS:
        return name, title
    if name in CALLOUT_KINDS:
        return CALLOUT_KINDS[name], title or written.capitalize()
    return "note", title or written.capitalize()


# --- wikilinks and embeds --------------------------------------------------------------


def _links(lines: list[str], site: Site, problems: list[Problem]) -> list[str]:
    mask = _quote_mask(lines)
    out = list(lines)
    for number, line in enumerate(lines):
        if mask[number] or "[[" not in line:
            continue
        alone = _image_alone(line, site)
        if alone is not None:
            _place(out, mask, number, alone)
            continue
        out[number] = sub_outside_code(
            WIKILINK, functools.partial(_replace, site=site, number=number, problems=problems), line
        )
    return out


def _replace(match: re.Match[str], site: Site, number: int, problems: list[Problem]) -> str:
    target, text = match["target"].strip(), match["text"]
    if TOC.match(target) and text is None and not match["embed"]:
        return match[0]
    if match["embed"]:
        return _embed(match[0], target, text, site, number, problems)
    page, _, heading = target.partition("#")
    shown = text.strip() if text and text.strip() else _display(target)
    if not page.strip():
        if _is_block(heading):  # a paragraph of this page: no id to go to
            return _escape_markup(shown)
        return f"[{_escape(shown)}](#{_slug(heading)})"
    docname = find_note(site, page)
    if docname is None:
        problems.append(problem(number, f"Obsidian wikilink {match[0]} names no post: its "
                                "text is kept (link the post's file, or bring it into "
                                "the site)"))  # fmt: skip
        return _escape_markup(shown)
    return f"[{_escape(shown)}]({_doc_url(docname, heading)})"


def _embed(
    written: str, target: str, text: str | None, site: Site, number: int, problems: list[Problem]
) -> str:
    name = target.partition("#")[0].strip()
    alt = _alt(text) or name.rpartition("/")[2]
    if _suffix(name) in IMAGE_SUFFIXES:
        path = find_file(site, name)
        if path is None:
            problems.append(problem(number, f"Obsidian embed {written} names no file of this "
                                    "site: its text is kept (put the image in the source "
                                    "folder)"))  # fmt: skip
            return _escape_markup(alt)
        return f"![{_escape(alt)}]({_url('/' + path)})"
    docname = find_note(site, name) if not _suffix(name) or name.endswith(".md") else None
    if docname is not None:
        problems.append(problem(number, f"Obsidian embed {written} is shown as a link to the "
                                "post: a note's text is not copied in (copy the text, "
                                "or write a link)"))  # fmt: skip
        shown = _alt(text) or _display(target)
        return f"[{_escape(shown)}]({_doc_url(docname, target.partition('#')[2])})"
    path = find_file(site, name)
    if path is not None:
        problems.append(problem(number, f"Obsidian embed {written} is shown as a link to the "
                                "file: only images are shown in the page"))  # fmt: skip
        return f"[{_escape(alt)}]({_url('/' + path)})"
    problems.append(problem(number, f"Obsidian embed {written} names no post or file of "
                            "this site: its text is kept (bring the note or file into the "
                            "site)"))  # fmt: skip
    return _escape_markup(_alt(text) or _display(target))


def _image_alone(line: str, site: Site) -> list[str] | None:
    """The lines of an ``{image}`` directive for a line holding only an image embed
    with a width, which a Markdown image cannot give."""
    quotes = re.match(r"^[ >]*", line)
    prefix = quotes[0] if quotes else ""
    match = WIKILINK.fullmatch(line[len(prefix) :].rstrip())
    if not match or not match["embed"] or match["text"] is None:
        return None
    name = match["target"].strip()
    size = _size(match["text"])
    path = find_file(site, name) if _suffix(name) in IMAGE_SUFFIXES else None
    if path is None or size is None:
        return None
    alt = _alt(match["text"]) or name.rpartition("/")[2]
    prefix = prefix.rstrip() + " " if ">" in prefix else prefix
    directive = [f"```{{image}} /{path}", f":alt: {alt}", f":width: {size[0]}px"]
    if size[1]:
        directive.append(f":height: {size[1]}px")
    return [prefix + item for item in [*directive, "```"]]


def _place(lines: list[str], mask: list[bool], number: int, new: list[str]) -> None:
    """*new* on line *number* and the blank lines after it, else the blank line before
    it too; the rest on the last of them."""
    slots = [number]
    while (
        len(slots) < len(new)
        and (following := slots[-1] + 1) < len(lines)
        and is_blank(lines[following])
        and not mask[following]
    ):
        slots.append(following)
    if len(slots) < len(new) and number and is_blank(lines[number - 1]) and not mask[number - 1]:
        slots.insert(0, number - 1)
    for slot, text in zip(slots, new, strict=False):
        lines[slot] = text
    lines[slots[-1]] = "\n".join([lines[slots[-1]], *new[len(slots) :]])


def _size(text: str) -> tuple[str, str] | None:
    """An embed's ``|400`` or ``|400x300``, as width and height."""
    for part in text.split("|"):
        if match := re.fullmatch(r"\s*(\d+)(?:x(\d+))?\s*", part):
            return match[1], match[2] or ""
    return None


def _alt(text: str | None) -> str:
    """An embed's text without its size."""
    parts = (text or "").split("|")
    return " ".join(p.strip() for p in parts if not re.fullmatch(r"\s*\d+(?:x\d+)?\s*", p)).strip()


def _display(target: str) -> str:
    """What Obsidian shows for a link without its own text."""
    page, _, heading = target.partition("#")
    page = re.sub(r"\.md$", "", page.strip())
    heading = heading.replace("#", " > ").strip()
    if not page:
        return heading
    return f"{page} > {heading}" if heading else page


def _suffix(name: str) -> str:
    base = name.rpartition("/")[2]
    return "." + base.rpartition(".")[2].lower() if "." in base else ""


def _slug(heading: str) -> str:
    """The id MyST gives a heading (GitHub's way); of ``A#B``, B's."""
    last = heading.rpartition("#")[2].strip()
    return re.sub(r"[^\w\u4e00-\u9fff\- ]", "", last.lower().replace(" ", "-"))


def _is_block(heading: str) -> bool:
    """Whether a link's ``#…`` names a paragraph (``#^id``), which has no id here."""
    return heading.rpartition("#")[2].strip().startswith("^")


def _doc_url(docname: str, heading: str) -> str:
    anchor = f"#{_slug(heading)}" if heading.strip() and not _is_block(heading) else ""
    return _url(f"project:/{docname}.md{anchor}")


def _url(url: str) -> str:
    return f"<{url}>" if re.search(r"[\s()<>]", url) else url


def _escape(text: str) -> str:
    return re.sub(r"([\[\]])", r"\\\1", text)


def _escape_markup(text: str) -> str:
    return re.sub(r"([\[\]<>*_`])", r"\\\1", text)


# --- finding what a wikilink names -------------------------------------------------------


def find_note(site: Site, name: str) -> str | None:
    """The document a wikilink's *name* means: by path in the vault, file name or title."""
    return site.answer("note", name, _find_note(site, name))


def _find_note(site: Site, name: str) -> str | None:
    path = re.sub(r"\.md$", "", name.strip().strip("/"))
    if not path:
        return None
    # a file name with spaces is renamed with hyphens to enter the site
    folded = _folded(path)
    docnames = {_folded(doc): doc for doc in sorted(site.docnames, reverse=True)}
    for matches in (
        lambda doc: doc == folded,
        lambda doc: doc.endswith("/" + folded) or folded.endswith("/" + doc),
        lambda doc: doc.rpartition("/")[2] == folded.rpartition("/")[2],
    ):
        found = sorted(docnames[doc] for doc in docnames if matches(doc))
        if found:
            return found[0]
    wanted = path.casefold()
    titled = [doc for doc, title in sorted(site.titles.items()) if title.casefold() == wanted]
    return titled[0] if titled else None


def _folded(name: str) -> str:
    return re.sub(r"\s+", "-", name.strip()).casefold()


def find_file(site: Site, name: str) -> str | None:
    """The file (relative to the source folder) an embed's *name* means, as Obsidian
    finds it: by its path, else by its name anywhere."""
    return site.answer("file", name, _find_file(site, name))


def _find_file(site: Site, name: str) -> str | None:
    path = name.strip().strip("/")
    if not path:
        return None
    files = sorted(site.files)
    for matches in (
        lambda file: file == path,
        lambda file: file.endswith("/" + path) or path.endswith("/" + file),
        lambda file: file.rpartition("/")[2] == path.rpartition("/")[2],
        lambda file: file.rpartition("/")[2].casefold() == path.rpartition("/")[2].casefold(),
    ):
        found = [file for file in files if matches(file)]
        if found:
            return found[0]
    return None
