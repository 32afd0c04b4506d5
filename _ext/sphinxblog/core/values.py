"""Front-matter values other than dates, each turned into text by a pure function.

Every function returns the value and the problems found, never raises.  Text
keeps only characters that XML allows, so that feeds, the ePub and the pages
stay well-formed whatever a post's front matter holds.
"""

from __future__ import annotations

import dataclasses
import functools
import posixpath
import re
import unicodedata

from sphinxblog.core.problems import Problem, short_repr

__all__ = [
    "MAX_TAGS",
    "parse_aliases",
    "parse_authors",
    "parse_flag",
    "parse_permalink",
    "parse_redirect",
    "parse_status",
    "parse_tags",
    "parse_text",
    "tag_key",
    "xml_safe",
]

_WHITESPACE = re.compile(r"\s+")
_SEPARATORS = re.compile(r"[,;]")

#: characters XML 1.0 does not allow (C0 controls but tab and line breaks,
#: surrogates, U+FFFE, U+FFFF), and those it discourages and HTML calls errors
#: (DEL, C1 controls, the other noncharacters)
_NOT_XML_IN_BMP = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
_NOT_XML_BEYOND_BMP = "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17)
)
_NOT_XML = re.compile(f"[{_NOT_XML_IN_BMP}{_NOT_XML_BEYOND_BMP}]")
# a class holding characters beyond the Basic Multilingual Plane is searched ten
# times slower: clean text, nearly all of it, is told clean by the two parts
_ANY_NOT_XML_IN_BMP = re.compile(f"[{_NOT_XML_IN_BMP}]")

#: invisible characters that are not format characters (category Cf): the
#: combining grapheme joiner, Hangul fillers, variation selectors
_OTHER_INVISIBLE = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u3164\uffa0"
    + "".join(map(chr, range(0xFE00, 0xFE10)))
    + "".join(map(chr, range(0xE0100, 0xE01F0)))
)


def _invisible(char: str) -> bool:
    return char in _OTHER_INVISIBLE or unicodedata.category(char) == "Cf"


def xml_safe(text: str) -> tuple[str, list[str]]:
    """*text* without the characters XML does not allow, and those found (as ``U+0001``)."""
    if not _ANY_NOT_XML_IN_BMP.search(text) and not any(
        map(text.__contains__, _NOT_XML_BEYOND_BMP)
    ):
        return text, []
    found = _NOT_XML.findall(text)
    if not found:
        return text, []
    return _NOT_XML.sub("", text), [f"U+{ord(char):04X}" for char in dict.fromkeys(found)]


def _not_xml_problem(subtype: str, what: str, codes: list[str]) -> Problem:
    shown = ", ".join(codes[:5]) + (", ..." if len(codes) > 5 else "")
    return Problem(
        subtype, f"{what} holds characters that XML does not allow ({shown}); they are dropped"
    )


def _clean(text: str) -> str:
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", _NOT_XML.sub("", text))).strip()


@functools.lru_cache(maxsize=8192)
def tag_key(tag: str) -> str:
    """The identity of a tag: the same tag in another case, or with invisible
    characters (zero-width spaces and joiners, other format characters), is the
    same tag."""
    text = unicodedata.normalize("NFC", tag)
    if not text.isascii():
        text = "".join(char for char in text if not _invisible(char))
    return text.casefold()


def _strip_invisible(text: str) -> str:
    """*text* without invisible characters at either end (a joiner inside stays)."""
    start, end = 0, len(text)
    while start < end and (_invisible(text[start]) or text[start].isspace()):
        start += 1
    while end > start and (_invisible(text[end - 1]) or text[end - 1].isspace()):
        end -= 1
    return text[start:end]


def parse_text(raw: object, what: str) -> tuple[str | None, list[Problem]]:
    """A title or summary: text with its whitespace collapsed (numbers are text too)."""
    if raw is None:
        return None, []
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        return None, [Problem(what, f"{what} {_short(raw)} is not text")]
    text = str(raw)
    _safe, found = xml_safe(text)
    problems = [_not_xml_problem(what, what, found)] if found else []
    return _clean(text) or None, problems


#: the most tags a post keeps: every tag is a page and a feed that list the
#: post, and every entry of those feeds names all of the post's tags
MAX_TAGS = 50
#: the most problems reported for one value; the rest are counted
MAX_PROBLEMS = 10


def cap_problems(problems: list[Problem], what: str) -> list[Problem]:
    """At most :data:`MAX_PROBLEMS` of *problems*, the rest counted in one more."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    subtype = problems[MAX_PROBLEMS].subtype
    return [*problems[:MAX_PROBLEMS], Problem(subtype, f"{rest} more problems with {what}")]


def parse_tags(raw: object, key: str = "tags") -> tuple[tuple[str, ...], list[Problem]]:
    """Distinct, cleaned tag names from a YAML list or a comma- or semicolon-separated string.

    The first spelling of a tag wins over later ones that differ only in case
    or in invisible characters; a tag of invisible characters alone is dropped.
    """
    if raw is None:
        return (), []
    if isinstance(raw, str):
        items: list[object] = _SEPARATORS.split(raw)
    elif isinstance(raw, list):
        items = raw
    elif isinstance(raw, int | float) and not isinstance(raw, bool):
        items = [raw]
    else:
        message = f"{key} must be a list or a comma-separated string, not {_short(raw)}"
        return (), [Problem("tags", message)]
    problems: list[Problem] = []
    tags: dict[str, str] = {}
    for item in items:
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            problems.append(Problem("tags", f"tag {_short(item)} is not text; it is ignored"))
            continue
        if not isinstance(item, str):
            message = f"tag {item!r} is not a string; quote it to use it as text"
            problems.append(Problem("tags", message))
            item = str(item)
        _safe, found = xml_safe(item)
        if found:
            problems.append(_not_xml_problem("tags", f"tag {_short(item)}", found))
        name = _clean(item)
        if not name:
            problems.append(Problem("tags", "an empty tag is ignored"))
            continue
        name = _strip_invisible(name)
        if not name or not tag_key(name).strip():
            message = f"tag {_short(item)} has no visible characters; it is ignored"
            problems.append(Problem("tags", message))
            continue
        tags.setdefault(tag_key(name), name)
    return tuple(tags.values()), cap_problems(problems, key)


#: an author written as a Markdown link, with an affiliation after it (Docsy):
#: ``[Jane Doe](https://example.org/jane) (Example Inc.)``
_LINKED_AUTHOR = re.compile(r"^\s*\[([^\]]+)\]\(\s*(\S+?)\s*\)\s*(?:\(([^)]*)\))?\s*$")


#: the most series a post is part of: each puts a box on its page
MAX_SERIES = 5


def parse_series(raw: object, key: str = "series") -> tuple[tuple[str, ...], list[Problem]]:
    """The series a post is part of: one name (commas and all), or Hugo's list of them,
    cleaned as tags are; at most :data:`MAX_SERIES`."""
    if isinstance(raw, str):
        raw = [raw]
    names, problems = parse_tags(raw, key)
    problems = [dataclasses.replace(problem, subtype="series") for problem in problems]
    if len(names) > MAX_SERIES:
        message = f"post is in {len(names)} series; only the first {MAX_SERIES} are kept"
        problems.append(Problem("series", message))
    return names[:MAX_SERIES], problems


def parse_part(raw: object, key: str) -> tuple[int | None, list[Problem]]:
    """A post's place in its series (``part: 2``): a whole number, written or quoted."""
    if raw is None:
        return None, []
    if isinstance(raw, str) and raw.strip().isdecimal():
        raw = int(raw.strip())
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw < 1_000_000:
        message = f"{key} {_short(raw)} is not a whole number; the series is ordered by date"
        return None, [Problem("series", message)]
    return raw, []


def linked_author(item: object) -> dict[str, str] | None:
    """An author written as a Markdown link (and an affiliation) as a mapping like
    Docusaurus' (``name``, ``url``, ``title``), else ``None``."""
    match = _LINKED_AUTHOR.match(item) if isinstance(item, str) else None
    if match is None:
        return None
    return {"name": match[1].strip(), "url": match[2], "title": (match[3] or "").strip()}


def parse_authors(raw: object) -> tuple[tuple[str, ...], list[Problem]]:
    """Author names from a string, a list, or mappings with a ``name`` (Docusaurus),
    or Markdown links to them (Docsy)."""
    if raw is None:
        return (), []
    if isinstance(raw, str):
        raw = _SEPARATORS.split(raw)  # Pelican: "authors: Alexis Métaireau, Conan Doyle"
    items = raw if isinstance(raw, list) else [raw]
    names: list[str] = []
    problems: list[Problem] = []
    for item in items:
        item = linked_author(item) or item
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            item = item["name"]
        if isinstance(item, str) and _clean(item):
            _safe, found = xml_safe(item)
            if found:
                problems.append(_not_xml_problem("authors", f"author {_short(item)}", found))
            names.append(_clean(item))
        else:
            problems.append(Problem("authors", f"author {_short(item)} is not a name"))
    return tuple(dict.fromkeys(names)), cap_problems(problems, "authors")


def parse_flag(raw: object, key: str) -> tuple[bool | None, list[Problem]]:
    """``draft: true``: a YAML boolean (or yes/no text)."""
    if isinstance(raw, bool):
        return raw, []
    if isinstance(raw, str) and raw.strip().lower() in {"true", "yes", "on", "false", "no", "off"}:
        return raw.strip().lower() in {"true", "yes", "on"}, []
    return None, [Problem("draft", f"{key} {_short(raw)} is neither true nor false")]


def parse_pin(raw: object, key: str) -> tuple[int | None, list[Problem]]:
    """A pinned post's place among the pinned ones (lower first), or ``None`` for a post
    not pinned: ``pin: true`` (MkDocs Material), ``pinned``, ``featured``, ``sticky``
    (Hexo: a number, higher first) pin it first; Hugo's ``weight`` (lower first, 0 for
    none) after those."""
    if key.casefold() == "weight":
        if isinstance(raw, int) and not isinstance(raw, bool):
            return (raw if raw else None), []
        return None, [Problem("pinned", f"weight {_short(raw)} is not a whole number")]
    if isinstance(raw, int) and not isinstance(raw, bool):
        return (-raw if raw > 0 else None), []  # Hexo: the highest sticky first
    flag, problems = parse_flag(raw, key)
    problems = [dataclasses.replace(problem, subtype="pinned") for problem in problems]
    return (0 if flag else None), problems


# Nikola's "private" posts are built but listed nowhere; its "featured" ones are published
_STATUSES = {
    "draft": True, "hidden": True, "private": True,
    "published": False, "public": False, "featured": False,
}  # fmt: skip


def parse_status(raw: object) -> tuple[bool | None, list[Problem]]:
    """Pelican's ``status``: whether it makes the post a draft."""
    if isinstance(raw, str) and raw.strip().lower() in _STATUSES:
        return _STATUSES[raw.strip().lower()], []
    allowed = ", ".join(_STATUSES)
    return None, [Problem("draft", f"status {_short(raw)} is not one of {allowed}")]


_SAFE_PATH = re.compile(r"^[\w.~@+-]+(/[\w.~@+-]+)*/?$")


def parse_aliases(raw: object) -> tuple[tuple[str, ...], list[Problem]]:
    """Old paths of a post (Hugo ``aliases``, Jekyll ``redirect_from``), made relative.

    ``/2019/06/old/`` and ``old.html`` are kept as ``2019/06/old/`` and
    ``old.html``; a path that could leave the output folder is refused.
    """
    if raw is None:
        return (), []
    items = raw if isinstance(raw, list) else [raw]
    paths: list[str] = []
    problems: list[Problem] = []
    for item in items:
        path = item.strip().lstrip("/") if isinstance(item, str) else None
        segments = path.split("/") if path else ()
        if not path or not _SAFE_PATH.match(path) or any(s in {".", ".."} for s in segments):
            problems.append(Problem("alias", f"alias {_short(item)} is not a safe relative path"))
            continue
        paths.append(path)
    return tuple(dict.fromkeys(paths)), cap_problems(problems, "aliases")


def parse_page_aliases(raw: object) -> tuple[tuple[str, ...], tuple[str, ...], list[Problem]]:
    """Hugo's and Quartz's ``aliases``: site-absolute ones (``/old/``, made relative to
    the site as :func:`parse_aliases` makes them), and page-relative ones (``old``,
    ``../old/``), which the post's folder resolves (see :func:`resolve_page_alias`)."""
    if raw is None:
        return (), (), []
    items = raw if isinstance(raw, list) else [raw]
    absolute = [item for item in items if not isinstance(item, str) or item.strip().startswith("/")]
    relative: list[str] = []
    problems: list[Problem] = []
    for item in items:
        if not isinstance(item, str) or item in absolute:
            continue
        path = item.strip()
        inner = [s for s in path.split("/") if s not in {".", ".."}]
        if not inner or not _SAFE_PATH.match("/".join(inner)):
            problems.append(Problem("alias", f"alias {_short(item)} is not a safe relative path"))
            continue
        relative.append(path)
    paths, more = parse_aliases(absolute)
    return paths, tuple(dict.fromkeys(relative)), cap_problems([*more, *problems], "aliases")


def resolve_page_alias(alias: str, docname: str) -> str | None:
    """A page-relative *alias* of the post *docname*, from the site's root: beside the
    post (``posts/new`` with ``old`` is ``posts/old``), ``None`` if it leaves the site."""
    parts = docname.split("/")
    page = parts[:-1] if parts[-1] == "index" else parts  # a page bundle's folder is the page
    resolved = posixpath.normpath(posixpath.join(*page[:-1], alias) if page[:-1] else alias)
    if resolved in {".", ".."} or resolved.startswith("../"):
        return None
    return resolved + "/" if alias.endswith("/") and not resolved.endswith("/") else resolved


def parse_permalink(raw: object) -> tuple[tuple[str, ...], list[Problem]]:
    """Jekyll's ``permalink``: an old path, unless it holds placeholders (``:title``)."""
    if isinstance(raw, str) and ":" in raw:
        message = (
            f"permalink {_short(raw)} holds placeholders (:year, :title, …), which are not "
            "expanded; no redirect is written for it"
        )
        return (), [Problem("alias", message)]
    return parse_aliases(raw)


def parse_redirect(raw: object) -> tuple[tuple[str, ...], list[Problem]]:
    """ABlog's ``redirect``: old paths, separated by commas."""
    if isinstance(raw, str):
        raw = [part for part in raw.split(",") if part.strip()]
    return parse_aliases(raw)


def _short(value: object, limit: int = 60) -> str:
    """A value for a message, cut to a readable length (never written out whole)."""
    return short_repr(value, limit)
