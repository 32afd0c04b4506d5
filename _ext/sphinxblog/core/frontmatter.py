"""Reading a post's YAML front matter into typed values.

MyST hands Sphinx the front matter as strings (lists JSON-dumped, dates
stringified, bibliographic fields parsed as inline Markdown), and drops all of
it when one unquoted impossible date makes ``yaml.safe_load`` fail.  So the
extension reads the YAML block itself, with a loader that leaves timestamps as
text, and turns each field into a value with one pure function per field.
:data:`FIELD_KEYS` is the one place that says which keys mean what.  Every
function here returns problems as :class:`Problem` values instead of logging,
so it can be tested without Sphinx.

Besides YAML between ``---`` lines (after blank lines too, as Hugo reads it),
the headers of other generators are read (:mod:`sphinxblog.core.headers`): TOML
between ``+++`` lines and a JSON object (Hugo), Pelican's ``Key: value``
lines, and Nikola's ``.. key: value`` lines (bare or in an HTML comment).
:func:`for_myst` gives MyST an equivalent YAML block in their place.

Front matter is untrusted text, so reading it is bounded: a block longer than
:data:`MAX_CHARACTERS` or nested deeper than :data:`MAX_DEPTH` is ignored
whole, and a key whose value holds more than :data:`MAX_VALUES` values,
counting every repetition that YAML aliases make (a "billion laughs"), is
ignored alone.  The limits are checked on the parser's events before any
value is built, so they cost time in proportion to the text.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from sphinxblog.core import headers
from sphinxblog.core.dates import Date, parse_date
from sphinxblog.core.language import parse_language
from sphinxblog.core.problems import Problem, short_repr
from sphinxblog.core.translations import parse_translation_key, parse_translation_of
from sphinxblog.core.values import (
    MAX_TAGS,
    parse_aliases,
    parse_authors,
    parse_flag,
    parse_page_aliases,
    parse_part,
    parse_permalink,
    parse_pin,
    parse_redirect,
    parse_series,
    parse_status,
    parse_tags,
    parse_text,
    tag_key,
    xml_safe,
)

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

__all__ = [
    "FIELD_KEYS",
    "MAX_CHARACTERS",
    "MAX_DEPTH",
    "MAX_VALUES",
    "FrontMatter",
    "Metadata",
    "for_myst",
    "interpret",
    "read_front_matter",
]

_FENCE = re.compile(r"^---[ \t]*$")
_END_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


@dataclass(frozen=True)
class FrontMatter:
    """The front matter of one source file."""

    data: dict[str, Any] = field(default_factory=dict)
    #: 1-based source line of each top-level key
    lines: dict[str, int] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    #: where the block was too big to read whole: the lines MyST should read
    #: instead of the block's (as many, so that line numbers stay), else ``None``
    myst_lines: tuple[str, ...] | None = None
    #: how the header is written: ``yaml``, ``headless``, ``toml``, ``json``, ``pelican``
    #: or ``nikola``
    form: str = "yaml"
    #: the lines the header takes from the top of the file (blank lines before
    #: it, its fences, Pelican's closing blank line); 0 without a header
    span: int = 0

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


class _PythonTextTimestampLoader(yaml.SafeLoader):
    """The same in pure Python, which reads escapes that libyaml refuses
    (``"\\ud800"``, as MyST's loader does): their characters are then cleaned
    like any other."""


_TextTimestampLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_PythonTextTimestampLoader.yaml_implicit_resolvers = _TextTimestampLoader.yaml_implicit_resolvers

#: the longest front matter read, in characters
MAX_CHARACTERS = 1024 * 1024
#: the deepest nesting of lists and mappings read
MAX_DEPTH = 32
#: the most values one key may hold, counting what YAML aliases repeat
MAX_VALUES = 100_000


def read_front_matter(text: str) -> FrontMatter:
    """Extract and load the header at the top of *text*: YAML between ``---``
    lines (blank lines may come first), TOML between ``+++`` lines, a JSON
    object, or Pelican's ``Key: value`` lines; and the values of ABlog's
    ``{post}`` directive in the body, where the header does not give them."""
    header = _read_header(text)
    if "{post}" not in text:
        return header  # the directive's opening line names it: most posts have none
    found = headers.find_ablog_post(text.lstrip("\ufeff").splitlines(), header.span)
    if found is None:
        return header
    (data, lines, problems, _span), _taken = found
    known = {key.casefold() for key in header.data}
    new = {key: value for key, value in data.items() if key not in known}  # the header wins
    return dataclasses.replace(
        header,
        data={**header.data, **new},
        lines={**header.lines, **{key: lines[key] for key in new}},
        problems=(*header.problems, *problems),
    )


def _read_header(text: str) -> FrontMatter:
    lines = text.lstrip("\ufeff").splitlines()
    start = next((n for n, line in enumerate(lines) if line.strip()), len(lines))
    if start == len(lines):
        return FrontMatter()
    first = lines[start]
    if first.strip() == "+++":
        return _from_header("toml", headers.read_toml(lines, start))
    if first.lstrip().startswith("{"):
        return _from_header("json", headers.read_json(lines, start))
    if headers.is_nikola_header(lines, start):
        return _from_header("nikola", headers.read_nikola(lines, start))
    if start == 0 and headers.is_pelican_header(lines, FIELD_KEYS):
        return _from_header("pelican", headers.read_pelican(lines))
    if not _FENCE.match(first):
        return _headless(lines, start)
    end = next(
        (n for n, line in enumerate(lines[start + 1 :], start=start + 1) if _END_FENCE.match(line)),
        None,
    )
    if end is None:
        return FrontMatter(
            problems=(Problem("front_matter", "front matter has no closing '---' line", start + 1),)
        )
    loaded = _load_block("\n".join(lines[start + 1 : end]), end - start - 1)
    return dataclasses.replace(
        loaded,
        lines={key: line + start for key, line in loaded.lines.items()},
        problems=tuple(
            dataclasses.replace(p, line=p.line + start) if p.line else p for p in loaded.problems
        ),
        span=end + 1,
    )


#: a line of a YAML header with no opening ``---``: a key, a list item, a continuation
_HEADLESS_LINE = re.compile(r"^(?:[A-Za-z_][\w-]*:(?:[ \t]|$)|[ \t]+\S|-[ \t])")
#: the most lines such a header may take before its ``---``
_HEADLESS_MOST_LINES = 60


def _headless(lines: list[str], start: int) -> FrontMatter:
    """Hexo's YAML header, which needs only its closing ``---``: keys from the first
    line to a ``---`` line, at least one of them a key the blog reads."""
    if not re.match(r"^[A-Za-z_][\w-]*:(?:[ \t]|$)", lines[start]):
        return FrontMatter()
    last = min(len(lines), start + _HEADLESS_MOST_LINES)
    end = next((n for n in range(start + 1, last) if _FENCE.match(lines[n])), None)
    if end is None or not all(
        _HEADLESS_LINE.match(line) for line in lines[start:end] if line.strip()
    ):
        return FrontMatter()
    loaded = _load_block("\n".join(lines[start:end]), end - start)
    if not any(str(key).casefold() in FIELD_KEYS for key in loaded.data):
        return FrontMatter()  # a paragraph of "Note: …" lines above a rule, not a header
    return dataclasses.replace(
        loaded,
        lines={key: line + start - 1 for key, line in loaded.lines.items()},
        problems=tuple(
            dataclasses.replace(p, line=p.line + start - 1) if p.line else p
            for p in loaded.problems
        ),
        form="headless",
        span=end + 1,
    )


def _from_header(form: str, header: headers.Header) -> FrontMatter:
    data, lines, problems, span = header
    if not span and not problems:
        return FrontMatter()  # not a header after all
    return FrontMatter(data=data, lines=lines, problems=tuple(problems), form=form, span=span)


def for_myst(text: str, front_matter: FrontMatter | None = None) -> str | None:
    """*text* as MyST should read it, or ``None`` where it can read it as it is.

    A header MyST does not know (TOML, JSON, Pelican's, YAML after blank
    lines), or a YAML block too big to read whole, becomes a YAML block that
    MyST reads, taking as many lines, so that every line keeps its number.
    *front_matter* is *text*'s, where it was read already.
    """
    front_matter = front_matter or read_front_matter(text)
    if front_matter.span == 0:
        return None
    text = text.lstrip("\ufeff")
    if front_matter.form == "yaml" and front_matter.myst_lines is None and text.startswith("-"):
        # read whole, and at the top of the file (else its first line would be
        # blank): MyST reads it as it is; no need to split a long post into lines
        return None
    lines = text.splitlines(keepends=True)
    span = front_matter.span
    if front_matter.form == "yaml":
        start = next(n for n, line in enumerate(lines) if line.strip())
        if start == 0 and front_matter.myst_lines is None:
            return None  # at the top of the file, read whole: MyST reads it as it is
        inner = front_matter.myst_lines
        if inner is None:
            inner = tuple(line.rstrip("\r\n") for line in lines[start + 1 : span - 1])
        header = ["---", *inner, "---", *[""] * start]
    else:
        header = headers.myst_header(front_matter.data, span)
    return "".join(line + "\n" for line in header) + "".join(lines[span:])


def _front_matter_problem(message: str, line: int | None) -> Problem:
    return Problem("front_matter", message, line)


@dataclass
class _Collection:
    """A list or mapping being read: the values it holds so far."""

    anchor: str | None
    mapping: bool
    size: int = 1
    children: int = 0
    #: a mapping's scalar keys so far, with their 0-based lines
    keys: dict[str, int] = field(default_factory=dict)


@dataclass
class _Scan:
    """What the parser's events say about a block, before any value is built."""

    #: each top-level key and value: (the key's text, its 1-based line, values held)
    entries: list[tuple[str | None, int, int]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: why the whole block is ignored, if it is
    refused: Problem | None = None


_COLLECTION_START = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_COLLECTION_END = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _scan(loader: yaml.SafeLoader) -> _Scan:
    """Measure the block *loader* reads, event by event, stopping as soon as it is too deep.

    Values are counted with what aliases repeat (capped just above
    :data:`MAX_VALUES`), without building them.
    """
    scan = _Scan()
    over = MAX_VALUES + 1
    open_: list[_Collection] = []
    anchors: dict[str, int] = {}
    pending_key: tuple[str | None, int, int] | None = None
    while loader.check_event():
        event = loader.get_event()
        line = event.start_mark.line
        if isinstance(event, _COLLECTION_START):
            if len(open_) >= MAX_DEPTH:
                message = f"front matter is nested more than {MAX_DEPTH} levels deep; it is ignored"
                scan.refused = _front_matter_problem(message, line + 2)
                return scan
            if event.anchor is not None:
                anchors[event.anchor] = over  # an alias inside it would repeat it without end
            open_.append(_Collection(event.anchor, isinstance(event, yaml.MappingStartEvent)))
            continue
        if isinstance(event, _COLLECTION_END):
            done = open_.pop()
            size, anchor = done.size, done.anchor
        elif isinstance(event, yaml.ScalarEvent):
            size, anchor = 1, event.anchor
        elif isinstance(event, yaml.AliasEvent):
            # an alias always names an anchor (its type is shared with events that need none)
            size, anchor = anchors.get(event.anchor or "", 1), None
        else:
            continue
        if anchor is not None:
            anchors[anchor] = size
        if not open_:
            continue
        parent = open_[-1]
        parent.size = min(parent.size + size, over)
        is_key = parent.mapping and parent.children % 2 == 0
        parent.children += 1
        key = event.value if is_key and isinstance(event, yaml.ScalarEvent) else None
        if key is not None and key != "<<":
            if key in parent.keys:
                scan.problems.append(
                    _front_matter_problem(
                        f"key {short_repr(key)} is repeated (first on line "
                        f"{parent.keys[key] + 2}); the last value is used",
                        line + 2,
                    )
                )
            parent.keys[key] = line
        if len(open_) == 1 and parent.mapping:
            if is_key:
                pending_key = (key, line + 2, size)
            elif pending_key is not None:
                name, key_line, key_size = pending_key
                scan.entries.append((name, key_line, min(key_size + size, over)))
                pending_key = None
    return scan


def _too_big(entries: list[tuple[str | None, int, int]]) -> tuple[set[int], list[Problem]]:
    """The top-level entries to ignore so that the rest hold at most :data:`MAX_VALUES`."""
    dropped = {index for index, (_, _, size) in enumerate(entries) if size > MAX_VALUES}
    total = sum(size for index, (_, _, size) in enumerate(entries) if index not in dropped)
    for index in sorted(range(len(entries)), key=lambda index: -entries[index][2]):
        if total <= MAX_VALUES:
            break
        if index not in dropped:
            dropped.add(index)
            total -= entries[index][2]
    problems = [
        _front_matter_problem(
            f"key {short_repr(name)} holds more than {MAX_VALUES} values (counting what "
            "YAML aliases repeat); it is ignored"
            if size > MAX_VALUES
            else f"key {short_repr(name)} is ignored: the front matter would hold more than "
            f"{MAX_VALUES} values (counting what YAML aliases repeat)",
            line,
        )
        for index, (name, line, size) in enumerate(entries)
        if index in dropped
    ]
    return dropped, problems


def _myst_lines(count: int, title: tuple[str, int] | None) -> tuple[str, ...]:
    """*count* lines of YAML for MyST in place of a block it must not read:
    the title alone (it becomes the page's heading) on its own line, or an
    empty mapping."""
    lines = [""] * count
    if title is not None and 0 <= title[1] - 2 < count:
        lines[title[1] - 2] = "title: " + json.dumps(title[0], ensure_ascii=False)
    elif count:
        lines[0] = "{}"
    return tuple(lines)


def _load_block(block: str, line_count: int) -> FrontMatter:
    if len(block) > MAX_CHARACTERS:
        message = f"front matter is longer than {MAX_CHARACTERS} characters; it is ignored"
        return FrontMatter(
            problems=(_front_matter_problem(message, 1),), myst_lines=_myst_lines(line_count, None)
        )
    try:
        return _load_with(_TextTimestampLoader, block, line_count)
    except yaml.YAMLError as exc:
        if "escape" not in str(getattr(exc, "problem", "")):
            return _yaml_problem(exc)
    try:  # libyaml refuses an escaped surrogate; PyYAML (and so MyST) reads it
        return _load_with(_PythonTextTimestampLoader, block, line_count)
    except yaml.YAMLError as exc:
        return _yaml_problem(exc)


def _yaml_problem(exc: yaml.YAMLError) -> FrontMatter:
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 2 if mark is not None else 1
    problem = str(getattr(exc, "problem", None) or exc)
    return FrontMatter(
        problems=(_front_matter_problem(f"front matter is not valid YAML: {problem}", line),)
    )


def _load_with(loader_class: type[yaml.SafeLoader], block: str, line_count: int) -> FrontMatter:
    """Measure *block*, then build what it holds within the limits.

    YAML errors are left to the caller.
    """
    loader = loader_class(block)
    try:
        scan = _scan(loader)
    finally:
        loader.dispose()
    if scan.refused is not None:
        return FrontMatter(problems=(scan.refused,), myst_lines=_myst_lines(line_count, None))
    dropped, too_big = _too_big(scan.entries)
    loader = loader_class(block)
    try:
        node = loader.get_single_node()
        if isinstance(node, yaml.MappingNode) and dropped:
            kept = [pair for index, pair in enumerate(node.value) if index not in dropped]
            node = yaml.MappingNode(node.tag, kept, node.start_mark, node.end_mark)
        data = loader.construct_document(node) if node is not None else None
    except RecursionError:
        return FrontMatter(
            problems=(_front_matter_problem("front matter is nested too deeply", 1),),
            myst_lines=_myst_lines(line_count, None),
        )
    except (ValueError, TypeError, AttributeError, OverflowError) as exc:
        # PyYAML's constructors fail with plain errors on some explicitly
        # tagged values, such as "!!timestamp 2020-13-01"
        message = f"front matter has a value YAML cannot construct: {short_repr(str(exc), 200)}"
        return FrontMatter(problems=(_front_matter_problem(message, 1),))
    finally:
        loader.dispose()
    problems = (*scan.problems, *too_big)
    if data is None:
        return FrontMatter(problems=problems)
    if not isinstance(data, dict):
        return FrontMatter(
            problems=(
                *problems,
                _front_matter_problem(
                    f"front matter must be a mapping of keys to values, not {type(data).__name__}",
                    2,
                ),
            )
        )
    assert isinstance(node, yaml.MappingNode)  # it gave a dict
    key_lines = {
        str(key_node.value): key_node.start_mark.line + 2
        for key_node, _value_node in node.value
        if isinstance(key_node, yaml.ScalarNode)
    }
    myst_lines = None
    if dropped:
        title, _problems = parse_text(data.get("title"), "title")
        shown = (title, key_lines["title"]) if title and "title" in key_lines else None
        myst_lines = _myst_lines(line_count, shown)
    return FrontMatter(
        data={str(k): v for k, v in data.items()},
        lines=key_lines,
        problems=problems,
        myst_lines=myst_lines,
    )


# --- what the keys mean --------------------------------------------------------------


@dataclass(frozen=True)
class Metadata:
    """What a post's front matter says, in typed values."""

    title: str | None = None
    date: Date | None = None
    updated: Date | None = None
    expires: Date | None = None
    tags: tuple[str, ...] = ()
    #: the series the post is part of, and its place in them
    series: tuple[str, ...] = ()
    series_part: int | None = None
    #: a pinned post's place among the pinned ones (:func:`~sphinxblog.core.values.parse_pin`)
    pinned: int | None = None
    authors: tuple[str, ...] = ()
    summary: str | None = None
    draft: bool | None = None
    aliases: tuple[str, ...] = ()
    #: Hugo's and Quartz's page-relative aliases, resolved beside the post
    page_aliases: tuple[str, ...] = ()
    slug: str | None = None
    #: a BCP 47 tag (``kk``, ``en-GB``)
    language: str | None = None
    #: what makes posts one story in several languages (Hugo's ``translationKey``), and
    #: the post this one translates, as written (:mod:`sphinxblog.core.translations`)
    translation_key: str | None = None
    translation_of: str | None = None
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


def _taxonomies(raw: object, key: str, zone: ZoneInfo | None) -> tuple[Fields, list[Problem]]:
    if not isinstance(raw, dict):
        message = f"{short_repr(key)} should be a table of taxonomies (tags = [...]); it is ignored"
        return {}, [Problem("tags", message, None)]
    fields: Fields = {}
    problems: list[Problem] = []
    for name, values in raw.items():
        # each taxonomy as the key of its name where that is authors or series, else as tags
        read = _TAXONOMY_KEYS.get(str(name).casefold(), _tags)
        found, more = read(values, str(name), zone)
        problems += more
        for field_name, value in found.items():
            fields[field_name] = (*fields.get(field_name, ()), *value)
    return fields, problems


def _series(raw: object, key: str, zone: ZoneInfo | None) -> tuple[Fields, list[Problem]]:
    series, problems = parse_series(raw, key)
    return {"series": series}, problems


def _part(raw: object, key: str, zone: ZoneInfo | None) -> tuple[Fields, list[Problem]]:
    part, problems = parse_part(raw, key)
    return ({"series_part": part} if part is not None else {}), problems


def _pin(raw: object, key: str, zone: ZoneInfo | None) -> tuple[Fields, list[Problem]]:
    pinned, problems = parse_pin(raw, key)
    return {"pinned": pinned}, problems


def _page_aliases(raw: object, key: str, zone: ZoneInfo | None) -> tuple[Fields, list[Problem]]:
    absolute, relative, problems = parse_page_aliases(raw)
    return {"aliases": absolute, "page_aliases": relative}, problems


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
    "date-modified": _date("updated"),  # Quarto
    "expirydate": _date("expires"),  # Hugo's expiryDate
    "expiry_date": _date("expires"),
    "expires": _date("expires"),
    "expiry": _date("expires"),
    "tags": _tags,
    "tag": _tags,
    "keywords": _tags,
    "categories": _tags,
    "category": _tags,
    "series": _series,
    # its place in the series (Hugo orders a taxonomy by <taxonomy>_weight)
    "part": _part,
    "series_part": _part,
    "series_order": _part,
    "series_weight": _part,
    # the first of these written decides, even where it says no
    "pin": _pin,
    "pinned": _pin,
    "featured": _pin,
    "sticky": _pin,  # Hexo
    "weight": _pin,  # Hugo
    "authors": _one("authors", parse_authors),
    "author": _one("authors", parse_authors),
    "summary": _one("summary", lambda raw: parse_text(raw, "summary")),
    "description": _one("summary", lambda raw: parse_text(raw, "summary")),
    "excerpt": _one("summary", lambda raw: parse_text(raw, "summary")),
    "draft": _one("draft", lambda raw: parse_flag(raw, "draft")),
    "status": _one("draft", parse_status),
    "aliases": _page_aliases,
    "redirect_from": _one("aliases", parse_aliases),
    "permalink": _one("aliases", parse_permalink),
    "url": _one("aliases", parse_aliases),
    "redirect": _one("aliases", parse_redirect),
    "save_as": _one("aliases", parse_aliases),
    "slug": _one("slug", lambda raw: parse_text(raw, "slug")),
    "lang": _one("language", parse_language),
    "language": _one("language", parse_language),
    "path": _one("aliases", parse_aliases),  # Zola, Gatsby
    "translationkey": _one("translation_key", parse_translation_key),  # Hugo's translationKey
    "translation_key": _one("translation_key", parse_translation_key),
    "translation_of": _one("translation_of", parse_translation_of),
    "translationof": _one("translation_of", parse_translation_of),
    "taxonomies": _taxonomies,  # Zola: tags, categories and any other taxonomy
}
_GATHERED = {"tags", "aliases", "page_aliases"}
#: the taxonomies of Zola's table that are not read as tags
_TAXONOMY_KEYS: dict[str, Reader] = {
    "authors": FIELD_KEYS["authors"], "author": FIELD_KEYS["authors"], "series": _series,
}  # fmt: skip


def interpret(
    front_matter: FrontMatter, zone: ZoneInfo | None = None
) -> tuple[Metadata, list[Problem]]:
    """Read every known key of *front_matter*; keep the others as ``extra``.

    Where keys differing only in case (``Title``, ``title``) fill one field,
    the last one written is used, as YAML itself keeps the last of repeated keys.
    """
    problems = list(front_matter.problems)
    keys: dict[str, str] = {}
    for key in front_matter.data:
        known = key.casefold()
        if known in FIELD_KEYS and known in keys:
            problems.append(
                Problem(
                    "front_matter",
                    f"keys {short_repr(keys[known])} and {short_repr(key)} are the same key; "
                    f"the last, {short_repr(key)}, is used",
                    front_matter.line_of(key),
                )
            )
        keys[known] = key
    fields: Fields = {}
    tags_line = None
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
            if name == "tags" and tags_line is None:
                tags_line = line
    if "tags" in fields:
        first_spelling: dict[str, str] = {}
        for tag in fields["tags"]:
            first_spelling.setdefault(tag_key(tag), tag)
        fields["tags"] = tuple(first_spelling.values())
        if len(fields["tags"]) > MAX_TAGS:
            message = f"post has {len(fields['tags'])} tags; only the first {MAX_TAGS} are kept"
            problems.append(Problem("tags", message, tags_line))
            fields["tags"] = fields["tags"][:MAX_TAGS]
    if "aliases" in fields:
        fields["aliases"] = tuple(dict.fromkeys(fields["aliases"]))
    extra: dict[str, Any] = {}
    for key, value in front_matter.data.items():
        if key.casefold() in FIELD_KEYS:
            continue
        unsafe: list[str] = []
        safe_key = _xml_safe_value(key, unsafe, {})
        extra[safe_key] = _xml_safe_value(value, unsafe, {})
        if unsafe:
            shown = ", ".join(dict.fromkeys(unsafe[:5]))
            message = (
                f"key {short_repr(key)} holds characters that XML does not allow ({shown}); "
                "they are dropped"
            )
            problems.append(Problem("front_matter", message, front_matter.line_of(key)))
    return Metadata(**fields, extra=extra), problems


def _xml_safe_value(value: Any, found: list[str], done: dict[int, Any]) -> Any:
    """*value* with its text cleaned of characters XML does not allow; the
    characters go into *found*.  Values shared through YAML aliases stay shared
    (through *done*): their size is bounded, but not once written out."""
    if isinstance(value, str):
        safe, codes = xml_safe(value)
        found += codes
        return safe
    if not isinstance(value, list | dict):
        return value
    if id(value) in done:
        return done[id(value)]
    if isinstance(value, list):
        cleaned: Any = done.setdefault(id(value), [])
        cleaned += [_xml_safe_value(item, found, done) for item in value]
    else:
        cleaned = done.setdefault(id(value), {})
        for key, item in value.items():
            cleaned[_xml_safe_value(key, found, done)] = _xml_safe_value(item, found, done)
    return cleaned
