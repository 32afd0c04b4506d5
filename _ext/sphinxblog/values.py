"""Front-matter values other than dates, each turned into text by a pure function.

Every function returns the value and the problems found, never raises.
"""

from __future__ import annotations

import re
import unicodedata

from sphinxblog.problems import Problem

__all__ = [
    "parse_aliases",
    "parse_authors",
    "parse_flag",
    "parse_status",
    "parse_tags",
    "parse_text",
    "tag_key",
]

_WHITESPACE = re.compile(r"\s+")
_SEPARATORS = re.compile(r"[,;]")


def _clean(text: str) -> str:
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def tag_key(tag: str) -> str:
    """The identity of a tag: the same tag in another case is the same tag."""
    return unicodedata.normalize("NFC", tag).casefold()


def parse_text(raw: object, what: str) -> tuple[str | None, list[Problem]]:
    """A title or summary: text with its whitespace collapsed (numbers are text too)."""
    if raw is None:
        return None, []
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        return None, [Problem(what, f"{what} {_short(raw)} is not text")]
    return _clean(str(raw)) or None, []


def parse_tags(raw: object, key: str = "tags") -> tuple[tuple[str, ...], list[Problem]]:
    """Distinct, cleaned tag names from a YAML list or a comma- or semicolon-separated string.

    The first spelling of a tag wins over later ones that differ only in case.
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
        name = _clean(item)
        if not name:
            problems.append(Problem("tags", "an empty tag is ignored"))
            continue
        tags.setdefault(tag_key(name), name)
    return tuple(tags.values()), problems


def parse_authors(raw: object) -> tuple[tuple[str, ...], list[Problem]]:
    """Author names from a string, a list, or mappings with a ``name`` (Docusaurus)."""
    if raw is None:
        return (), []
    if isinstance(raw, str):
        raw = _SEPARATORS.split(raw)  # Pelican: "authors: Alexis Métaireau, Conan Doyle"
    items = raw if isinstance(raw, list) else [raw]
    names: list[str] = []
    problems: list[Problem] = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            item = item["name"]
        if isinstance(item, str) and _clean(item):
            names.append(_clean(item))
        else:
            problems.append(Problem("authors", f"author {_short(item)} is not a name"))
    return tuple(dict.fromkeys(names)), problems


def parse_flag(raw: object, key: str) -> tuple[bool | None, list[Problem]]:
    """``draft: true``: a YAML boolean (or yes/no text)."""
    if isinstance(raw, bool):
        return raw, []
    if isinstance(raw, str) and raw.strip().lower() in {"true", "yes", "on", "false", "no", "off"}:
        return raw.strip().lower() in {"true", "yes", "on"}, []
    return None, [Problem("draft", f"{key} {_short(raw)} is neither true nor false")]


_STATUSES = {"draft": True, "hidden": True, "published": False, "public": False}


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
    return tuple(dict.fromkeys(paths)), problems


def _short(value: object, limit: int = 60) -> str:
    """A value for a message, cut to a readable length."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
