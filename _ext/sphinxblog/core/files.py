"""The blog's files: the names its sources may have, and writing its own files only
when their content changes, never half-written."""

from __future__ import annotations

import os
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinxblog.core.problems import short_repr

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path


def places_named(docname: str, address: str) -> list[str]:
    """Where a path written in *docname* may point, from the source folder, in the
    order to look: beside the document, as a Markdown link or image is read, then
    from the source folder's root (``/images/x.png``, and ``images/x.png`` as Jekyll
    and Hugo read it). Its query and fragment are left out, and nothing above the
    source folder is named."""
    address = address.split("#", 1)[0].split("?", 1)[0]
    candidates = [] if address.startswith("/") else [
        posixpath.join(posixpath.dirname(docname), address)
    ]  # fmt: skip
    places = []
    for candidate in (*candidates, address.lstrip("/")):
        path = posixpath.normpath(candidate)
        if not path.startswith("../") and path not in {"..", "."} and path not in places:
            places.append(path)
    return places


def replace_if_changed(path: Path, data: bytes) -> bool:
    """Write *data* to *path* unless it already holds it; whether it was written.

    An unchanged file keeps its time, so a file watcher (``sphinx-autobuild``)
    sees nothing happen; a changed one is written beside it and moved into
    place, so a killed build never leaves it half-written.
    """
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_name(path.name + ".tmp")
    scratch.write_bytes(data)
    scratch.replace(path)
    return True


# --- the names of sources -----------------------------------------------------------------

#: characters of a source's path that break the links to its page (``#``, ``?``, ``%``
#: and ``;`` end or escape a URL's path) or the ePub (OCF refuses ``"*:<>?\|`` in its
#: file names, its URLs may not hold spaces or ``[]^`{}``, and Sphinx's ePub builder
#: leaves a page whose name holds ``&`` or ``'`` out of the manifest)
UNSAFE_IN_NAMES = frozenset("#?%;:\"*<>|\\[]^`{}&'")
#: the longest name (in UTF-8) a folder or file of the sources may have: the build
#: writes files named after it with up to 13 bytes more (``.markdown.txt``), and a
#: file name has 255 bytes at most
MAX_NAME_BYTES = 240
_JOINERS = frozenset("\u200c\u200d")  # written inside words in Persian and Indic scripts
_DASHES = re.compile(r"-{2,}")


@dataclass(frozen=True)
class NameProblem:
    """A source whose name the build cannot take as it is: why, and whether it is left out."""

    path: str
    message: str
    left_out: bool


def _unsafe(char: str) -> bool:
    if char in UNSAFE_IN_NAMES:
        return True
    category = unicodedata.category(char)
    return category[0] == "Z" or (category[0] == "C" and char not in _JOINERS)


def _shown(char: str) -> str:
    if char == " ":
        return "space"
    if char in "\n\r":
        return "line break"
    return char if char in UNSAFE_IN_NAMES else f"U+{ord(char):04X}"


def printable(path: str) -> str:
    """*path* with its control characters written as escapes, so that a warning stays
    on one line."""
    return "".join(
        char.encode("unicode_escape").decode("ascii")
        if unicodedata.category(char) == "Cc" else char
        for char in path
    )  # fmt: skip


def safe_name(path: str) -> str:
    """*path* with each run of unsafe characters as one ``-`` (none at a name's ends; a
    name of nothing else becomes ``renamed``)."""
    folders, _, name = path.rpartition("/")
    stem, suffix = os.path.splitext(name)
    names = [*folders.split("/"), stem] if folders else [stem]
    dashed = ("".join("-" if _unsafe(char) else char for char in name) for name in names)
    return "/".join(_DASHES.sub("-", name).strip("-") or "renamed" for name in dashed) + suffix


def safe_docname(docname: str) -> str:
    """*docname* (a source's path without its suffix) as the document is named where
    its name would break links or the ePub: each run of unsafe characters as one
    ``-`` (``posts/My first post`` is ``posts/My-first-post``); any other unchanged."""
    if not any(_unsafe(char) for char in docname):
        return docname
    return "/".join(
        _DASHES.sub("-", "".join("-" if _unsafe(char) else char for char in part)).strip("-")
        or "renamed"
        for part in docname.split("/")
    )


def name_problems(paths: Iterable[str]) -> list[NameProblem]:
    """The sources (paths from the source folder, ``/``-separated, as found on disk)
    whose names break the build or its output, in the order of *paths*.

    A name holding characters that break links or the ePub is published under
    its :func:`safe_docname` (no problem, unless that is another source's name).
    A name too long for the files made of it, or written in decomposed Unicode
    (which Sphinx looks for composed, and cannot read) is left out. Two names
    that differ in case alone (once made safe) are one file on a
    case-insensitive disk and in an ePub read there: the second (in sorted
    order) is left out. A decomposed twin of a composed name
    is named, not left out: Sphinx reads the composed one, and no pattern of
    ``exclude_patterns`` tells them apart.
    """
    paths = list(paths)
    problems: dict[str, NameProblem] = {}
    composed = {path for path in paths if unicodedata.is_normalized("NFC", path)}
    for path in paths:
        longest = max(len(name.encode("utf-8")) for name in path.split("/"))
        if longest > MAX_NAME_BYTES:
            message = (
                f"file name {short_repr(path)} has a name of {longest} bytes, too long for the "
                f"files the build makes of it; it is left out: shorten it to {MAX_NAME_BYTES} "
                "bytes at most"
            )
            problems[path] = NameProblem(path, message, left_out=True)
            continue
        if path not in composed:
            twin = unicodedata.normalize("NFC", path) in composed
            if twin:
                message = (
                    f"file name {path!r} is that of another file, written in decomposed "
                    "Unicode (NFD); Sphinx reads the composed one alone: merge them, or rename "
                    "or remove this one"
                )
            else:
                message = (
                    f"file name {path!r} is written in decomposed Unicode (NFD), which Sphinx "
                    "cannot read; it is left out: rename it to its composed form (NFC)"
                )
            problems[path] = NameProblem(path, message, left_out=not twin)
    first: dict[str, str] = {}

    def renamed(path: str) -> bool:
        stem = os.path.splitext(path)[0]
        return safe_docname(stem) != stem

    # a name that needs no change keeps it; a renamed one gives way
    for path in sorted(paths, key=lambda path: (renamed(path), path)):
        if path in problems:
            continue
        stem = os.path.splitext(path)[0]
        key = safe_docname(stem).casefold()
        if key not in first:
            first[key] = path
        elif safe_docname(os.path.splitext(first[key])[0]) != safe_docname(stem):
            message = (
                f"file name {path!r} differs from {first[key]!r} in case alone, and they are "
                "one file on a case-insensitive disk; it is left out: rename it"
            )
            problems[path] = NameProblem(path, message, left_out=True)
        elif safe_docname(stem) != stem or os.path.splitext(first[key])[0] != stem:
            message = (
                f"file name {path!r} is published as {safe_docname(stem)!r}, as "
                f"{first[key]!r} is; it is left out: rename one of them"
            )
            problems[path] = NameProblem(path, message, left_out=True)
    return [problems[path] for path in paths if path in problems]
