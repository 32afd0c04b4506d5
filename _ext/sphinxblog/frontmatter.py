"""Reading a post's YAML front matter into typed values.

MyST hands Sphinx the front matter as strings (lists JSON-dumped, dates
stringified, bibliographic fields parsed as inline Markdown), and drops all of
it when one unquoted impossible date makes ``yaml.safe_load`` fail.  So the
extension reads the YAML block itself, with a loader that leaves timestamps as
text, and turns each field into a value with one pure function per field.
:data:`FIELD_KEYS` is the one place that says which keys mean what.  Every
function here returns problems as :class:`Problem` values instead of logging,
so it can be tested without Sphinx.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from sphinxblog.dates import Date, parse_date
from sphinxblog.language import parse_language
from sphinxblog.problems import Problem
from sphinxblog.values import (
    parse_aliases,
    parse_authors,
    parse_flag,
    parse_status,
    parse_tags,
    parse_text,
    tag_key,
)

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

__all__ = ["FIELD_KEYS", "FrontMatter", "Metadata", "interpret", "read_front_matter"]

_FENCE = re.compile(r"^---[ \t]*$")
_END_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


@dataclass(frozen=True)
class FrontMatter:
    """The front matter of one source file."""

    data: dict[str, Any] = field(default_factory=dict)
    #: 1-based source line of each top-level key
    lines: dict[str, int] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    def line_of(self, key: str) -> int | None:
        return self.lines.get(key)


# libyaml's parser where PyYAML has it: reading front matter runs at every build
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextTimestampLoader(_SafeLoader):  # type: ignore[valid-type,misc]
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
    if lines and lines[0].strip() == "+++":
        message = "TOML front matter (+++) is not read; convert it to YAML (hugo convert toYAML)"
        return FrontMatter(problems=(Problem("front_matter", message, 1),))
    if not lines or not _FENCE.match(lines[0]):
        return FrontMatter()
    end = next((n for n, line in enumerate(lines[1:], start=1) if _END_FENCE.match(line)), None)
    if end is None:
        return FrontMatter(
            problems=(Problem("front_matter", "front matter has no closing '---' line", 1),)
        )
    return _load_block("\n".join(lines[1:end]))


@functools.lru_cache(maxsize=4096)
def _load_block(block: str) -> FrontMatter:
    # each changed post is read twice: scanned for its tags before Sphinx reads
    # it, then read with its text; the result is shared, so never mutate it
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
    except (ValueError, TypeError, AttributeError, OverflowError) as exc:
        # PyYAML's constructors fail with plain errors on some explicitly
        # tagged values, such as "!!timestamp 2020-13-01"
        message = f"front matter has a value YAML cannot construct: {exc}"
        return FrontMatter(problems=(Problem("front_matter", message, 1),))
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


# --- what the keys mean --------------------------------------------------------------


@dataclass(frozen=True)
class Metadata:
    """What a post's front matter says, in typed values."""

    title: str | None = None
    date: Date | None = None
    updated: Date | None = None
    tags: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    summary: str | None = None
    draft: bool | None = None
    aliases: tuple[str, ...] = ()
    slug: str | None = None
    #: a BCP 47 tag (``kk``, ``en-GB``)
    language: str | None = None
    #: keys the blog does not know, kept for templates
    extra: dict[str, Any] = field(default_factory=dict)


Fields = dict[str, Any]
Reader = Callable[[object, str, "ZoneInfo | None"], tuple[Fields, list[Problem]]]


def _date(field_name: str) -> Reader:
    def read(raw: object, key: str, zone: ZoneInfo | None) -> tuple[Fields, list[Problem]]:
        if field_name == "date" and isinstance(raw, dict):
            # MkDocs Material: date: {created: ..., updated: ...}
            fields, problems = _date("date")(raw.get("created"), key, zone)
            if "updated" in raw:
                more, more_problems = _date("updated")(raw["updated"], key, zone)
                fields, problems = {**fields, **more}, problems + more_problems
            return fields, problems
        value, problem = parse_date(raw, zone)
        if problem and field_name != "date":
            problem = dataclasses.replace(problem, subtype=field_name)
        return ({field_name: value} if value is not None else {}), [problem] if problem else []

    return read


def _published(raw: object, key: str, zone: ZoneInfo | None) -> tuple[Fields, list[Problem]]:
    """``published`` is a date (Hugo, Gatsby) or, as a boolean, the opposite of draft."""
    if isinstance(raw, bool):
        return {"draft": not raw}, []
    return _date("date")(raw, key, zone)


def _one(field_name: str, parse: Callable[[object], tuple[Any, list[Problem]]]) -> Reader:
    def read(raw: object, key: str, zone: ZoneInfo | None) -> tuple[Fields, list[Problem]]:
        value, problems = parse(raw)
        return ({field_name: value} if value not in (None, ()) else {}), problems

    return read


def _tags(raw: object, key: str, zone: ZoneInfo | None) -> tuple[Fields, list[Problem]]:
    tags, problems = parse_tags(raw, key)
    return {"tags": tags}, problems


#: front-matter key (matched without regard to case) -> how it is read.  The
#: first key present in this order wins a field, except for tags and aliases,
#: which are gathered from every key.  Categories are folded into the tags.
FIELD_KEYS: dict[str, Reader] = {
    "title": _one("title", lambda raw: parse_text(raw, "title")),
    "date": _date("date"),
    "publishdate": _date("date"),
    "pubdate": _date("date"),
    "published": _published,
    "updated": _date("updated"),
    "lastmod": _date("updated"),
    "modified": _date("updated"),
    "last_modified_at": _date("updated"),
    "tags": _tags,
    "tag": _tags,
    "keywords": _tags,
    "categories": _tags,
    "category": _tags,
    "authors": _one("authors", parse_authors),
    "author": _one("authors", parse_authors),
    "summary": _one("summary", lambda raw: parse_text(raw, "summary")),
    "description": _one("summary", lambda raw: parse_text(raw, "summary")),
    "excerpt": _one("summary", lambda raw: parse_text(raw, "summary")),
    "draft": _one("draft", lambda raw: parse_flag(raw, "draft")),
    "status": _one("draft", parse_status),
    "aliases": _one("aliases", parse_aliases),
    "redirect_from": _one("aliases", parse_aliases),
    "slug": _one("slug", lambda raw: parse_text(raw, "slug")),
    "lang": _one("language", parse_language),
    "language": _one("language", parse_language),
}
_GATHERED = {"tags", "aliases"}


def interpret(
    front_matter: FrontMatter, zone: ZoneInfo | None = None
) -> tuple[Metadata, list[Problem]]:
    """Read every known key of *front_matter*; keep the others as ``extra``."""
    problems = list(front_matter.problems)
    keys = {key.casefold(): key for key in front_matter.data}
    fields: Fields = {}
    for known, read in FIELD_KEYS.items():
        if known not in keys:
            continue
        key = keys[known]
        values, found = read(front_matter.data[key], key, zone)
        line = front_matter.line_of(key)
        problems += [dataclasses.replace(problem, line=line) for problem in found]
        for name, value in values.items():
            if name in _GATHERED:
                fields[name] = (*fields.get(name, ()), *value)
            else:
                fields.setdefault(name, value)
    if "tags" in fields:
        first_spelling: dict[str, str] = {}
        for tag in fields["tags"]:
            first_spelling.setdefault(tag_key(tag), tag)
        fields["tags"] = tuple(first_spelling.values())
    if "aliases" in fields:
        fields["aliases"] = tuple(dict.fromkeys(fields["aliases"]))
    extra = {
        key: value for key, value in front_matter.data.items() if key.casefold() not in FIELD_KEYS
    }
    return Metadata(**fields, extra=extra), problems
