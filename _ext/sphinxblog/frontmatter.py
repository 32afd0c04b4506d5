"""Reading a post's YAML front matter into typed values.

MyST hands Sphinx the front matter as strings (lists JSON-dumped, dates
stringified, bibliographic fields parsed as inline Markdown), and drops all of
it when one unquoted impossible date makes ``yaml.safe_load`` fail.  So the
extension reads the YAML block itself, with a loader that leaves timestamps as
text, and turns each field into a value with one pure function per field.
Every function here returns problems as :class:`Problem` values instead of
logging, so it can be tested without Sphinx.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

__all__ = [
    "FrontMatter",
    "Problem",
    "parse_date",
    "parse_tags",
    "parse_title",
    "read_front_matter",
    "tag_key",
]

_FENCE = re.compile(r"^---[ \t]*$")
_END_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


@dataclass(frozen=True)
class Problem:
    """Something wrong with a post's front matter, for a warning."""

    subtype: str
    message: str
    line: int | None = None  # 1-based line in the source file


@dataclass(frozen=True)
class FrontMatter:
    """The front matter of one source file."""

    data: dict[str, Any] = field(default_factory=dict)
    #: 1-based source line of each top-level key
    lines: dict[str, int] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    def line_of(self, key: str) -> int | None:
        return self.lines.get(key)


class _TextTimestampLoader(yaml.SafeLoader):
    """A safe loader that keeps timestamps as text.

    PyYAML raises on an unquoted impossible date such as ``2023-13-01``, which
    would lose every other key; as text it reaches :func:`parse_date`, which
    reports just that field.
    """


_TextTimestampLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_front_matter(text: str) -> FrontMatter:
    """Extract and load the ``---`` delimited YAML block at the top of *text*."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or not _FENCE.match(lines[0]):
        return FrontMatter()
    end = next((n for n, line in enumerate(lines[1:], start=1) if _END_FENCE.match(line)), None)
    if end is None:
        return FrontMatter(
            problems=(Problem("front_matter", "front matter has no closing '---' line", 1),)
        )
    block = "\n".join(lines[1:end])
    loader = _TextTimestampLoader(block)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except RecursionError:
        return FrontMatter(
            problems=(Problem("front_matter", "front matter is nested too deeply", 1),)
        )
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = str(getattr(exc, "problem", None) or exc)
        return FrontMatter(
            problems=(Problem("front_matter", f"front matter is not valid YAML: {problem}", line),)
        )
    finally:
        loader.dispose()
    if data is None:
        return FrontMatter()
    if not isinstance(data, dict):
        return FrontMatter(
            problems=(
                Problem(
                    "front_matter",
                    f"front matter must be a mapping of keys to values, not {type(data).__name__}",
                    2,
                ),
            )
        )
    key_lines = {
        str(key_node.value): key_node.start_mark.line + 2
        for key_node, _value_node in node.value
        if isinstance(key_node, yaml.ScalarNode)
    }
    return FrontMatter(data={str(k): v for k, v in data.items()}, lines=key_lines)


# --- dates ---------------------------------------------------------------------------

_DATE_ONLY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
# Jekyll writes offsets without a colon (+0500) and often after a space.
_OFFSET_NO_COLON = re.compile(r"\s*([+-])(\d{2})(\d{2})$")
_OFFSET_SPACED = re.compile(r"\s+([+-]\d{2}:\d{2}|Z)$")


def parse_date(raw: object) -> tuple[dt.date | dt.datetime | None, Problem | None]:
    """Turn a front-matter date into a calendar date or a date-time.

    A date-only value stays a :class:`~datetime.date`: it names a calendar day
    and is never shifted through a time zone.  A date-time keeps the offset it
    was written with (or none).
    """
    if isinstance(raw, dt.datetime | dt.date):
        return raw, None
    if not isinstance(raw, str) or not raw.strip():
        return None, Problem("date", f"date {raw!r} is not a date")
    text = raw.strip()
    if match := _DATE_ONLY.match(text):
        year, month, day = (int(part) for part in match.groups())
        try:
            return dt.date(year, month, day), None
        except ValueError as exc:
            return None, Problem("date", f"date {text!r} is impossible: {exc}")
    normalised = _OFFSET_NO_COLON.sub(r"\1\2:\3", text)
    normalised = _OFFSET_SPACED.sub(r"\1", normalised)
    try:
        return dt.datetime.fromisoformat(normalised), None
    except ValueError:
        return None, Problem(
            "date",
            f"date {text!r} is not understood; write it as YYYY-MM-DD "
            "or YYYY-MM-DDTHH:MM[:SS][+HH:MM]",
        )


# --- tags ----------------------------------------------------------------------------

_WHITESPACE = re.compile(r"\s+")


def tag_key(tag: str) -> str:
    """The identity of a tag: the same tag in another case is the same tag."""
    return unicodedata.normalize("NFC", tag).casefold()


def parse_tags(raw: object) -> tuple[tuple[str, ...], tuple[Problem, ...]]:
    """Turn a front-matter ``tags`` value into distinct, cleaned tag names.

    Accepts a YAML list or a comma-separated string.  Whitespace inside a tag
    is collapsed; the first spelling of a tag in a post wins over later ones
    that differ only in case.
    """
    problems: list[Problem] = []
    if raw is None:
        return (), ()
    if isinstance(raw, str):
        items: list[object] = raw.split(",")
    elif isinstance(raw, list):
        items = raw
    else:
        return (), (
            Problem("tags", f"tags must be a list or a comma-separated string, not {raw!r}"),
        )
    tags: dict[str, str] = {}
    for item in items:
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            problems.append(Problem("tags", f"tag {item!r} is not text; it is ignored"))
            continue
        if not isinstance(item, str):
            problems.append(
                Problem("tags", f"tag {item!r} is not a string; quote it to use it as text")
            )
            item = str(item)
        name = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", item)).strip()
        if not name:
            problems.append(Problem("tags", "an empty tag is ignored"))
            continue
        tags.setdefault(tag_key(name), name)
    return tuple(tags.values()), tuple(problems)


# --- title ---------------------------------------------------------------------------


def parse_title(raw: object) -> tuple[str | None, Problem | None]:
    """Turn a front-matter ``title`` into text."""
    if raw is None:
        return None, None
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        return None, Problem("title", f"title {raw!r} is not text")
    title = _WHITESPACE.sub(" ", str(raw)).strip()
    return (title or None), None
