"""Headers of other generators: TOML and JSON front matter (Hugo), Pelican's ``Key: value`` lines,
Nikola's ``.. key: value`` lines and its ``.meta`` files.

Each reader takes the file's lines and returns what
:class:`~sphinxblog.core.frontmatter.FrontMatter`
holds: the values by key, each top-level key's 1-based line, problems, and the number of lines
the header takes from the top of the file.  :func:`myst_header` writes the same values as a
YAML block of as many lines, for MyST.  Pure functions, tested without Sphinx.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Container
from typing import Any

from sphinxblog.core.problems import Problem

__all__ = [
    "Header",
    "is_pelican_header",
    "myst_header",
    "is_nikola_header",
    "read_json",
    "read_nikola",
    "read_nikola_meta",
    "read_pelican",
    "read_toml",
]

#: values by key, 1-based line of each key, problems, lines taken from the top of the file
Header = tuple[dict[str, Any], dict[str, int], list[Problem], int]

#: the longest header read, in characters (as for YAML front matter)
MAX_CHARACTERS = 1024 * 1024


def _problem(message: str, line: int | None) -> Problem:
    return Problem("front_matter", message, line)


def _too_long(text: str, line: int, span: int) -> Header | None:
    if len(text) <= MAX_CHARACTERS:
        return None
    message = f"front matter is longer than {MAX_CHARACTERS} characters; it is ignored"
    return {}, {}, [_problem(message, line)], span


# --- TOML (Hugo) --------------------------------------------------------------------------

_TOML_END = re.compile(r"^\+\+\+[ \t]*$")
_TOML_ERROR_LINE = re.compile(r"at line (\d+)")
_TOML_TABLE = re.compile(r"^\s*\[\[?\s*([^\].]+)")


def read_toml(lines: list[str], start: int) -> Header:
    """The TOML between the ``+++`` line at *start* (0-based) and the next one."""
    end = next((n for n in range(start + 1, len(lines)) if _TOML_END.match(lines[n])), None)
    if end is None:
        return {}, {}, [_problem("front matter has no closing '+++' line", start + 1)], 0
    block = lines[start + 1 : end]
    text = "\n".join(block)
    if (refused := _too_long(text, start + 1, end + 1)) is not None:
        return refused
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_ERROR_LINE.search(str(error))
        line = start + 1 + int(found.group(1)) if found else start + 1
        return {}, {}, [_problem(f"front matter is not valid TOML: {error}", line)], end + 1
    except RecursionError:
        return {}, {}, [_problem("front matter is nested too deeply", start + 1)], end + 1
    return data, _key_lines(data, block, start + 2, _toml_key), [], end + 1


def _toml_key(line: str) -> str | None:
    if table := _TOML_TABLE.match(line):
        return table.group(1).strip().strip("\"'")
    key, equals, _value = line.partition("=")
    return key.strip().strip("\"'") if equals else None


# --- JSON (Hugo) --------------------------------------------------------------------------

_JSON_KEY = re.compile(r'^\s*\{?\s*"((?:[^"\\]|\\.)*)"\s*:')


def read_json(lines: list[str], start: int) -> Header:
    """The JSON object that starts on line *start* (0-based); the rest of its last line
    must be blank."""
    text = "\n".join(lines[start:])
    offset = len(text) - len(text.lstrip())
    if text[offset + 1 :].lstrip()[:1] not in {'"', "}"}:
        return {}, {}, [], 0  # text such as a MyST role, "{abbr}`HTML` …": not a header
    try:
        data, end = json.JSONDecoder().raw_decode(text, offset)
    except (ValueError, RecursionError) as error:
        line = start + 1 + getattr(error, "lineno", 1) - 1
        message = getattr(error, "msg", None) or "nested too deeply"
        return {}, {}, [_problem(f"front matter is not valid JSON: {message}", line)], 0
    last = start + text.count("\n", 0, end)
    span = last + 1
    if (refused := _too_long(text[:end], start + 1, span)) is not None:
        return refused
    if text[end:].split("\n", 1)[0].strip():
        message = "front matter's JSON object must end its line; the rest of the line is ignored"
        return data, {}, [_problem(message, last + 1)], span
    if not isinstance(data, dict):
        return {}, {}, [_problem("front matter must be a JSON object", start + 1)], span
    block = lines[start : last + 1]
    return data, _key_lines(data, block, start + 1, _json_key), [], span


def _json_key(line: str) -> str | None:
    found = _JSON_KEY.match(line)
    if found is None:
        return None
    try:
        key: str = json.loads(f'"{found.group(1)}"')  # a JSON string: always a str
    except ValueError:
        return None
    return key


def _key_lines(data: dict[str, Any], block: list[str], first: int, key_of: Any) -> dict[str, int]:
    """The line of each top-level key of *data*: the first line of *block* (its first line
    being line *first*) that names it."""
    found: dict[str, int] = {}
    for number, line in enumerate(block, start=first):
        key = key_of(line)
        if key in data and key not in found:
            found[key] = number
    return found


# --- Pelican's header lines ---------------------------------------------------------------

_PELICAN_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):(?:[ \t]+(.*))?$")
#: Pelican's own keys that the blog reads beyond its front-matter keys
PELICAN_KEYS = frozenset({"save_as", "url", "modified", "status", "slug", "authors"})


def is_pelican_header(lines: list[str], known: Container[str]) -> bool:
    """Whether *lines* start with ``Key: value`` lines naming at least one key the blog
    reads (so that a post starting "Note: …" is not taken for a header)."""
    keys = []
    for line in lines:
        if not line.strip():
            break
        match = _PELICAN_LINE.match(line)
        if match:
            keys.append(match.group(1).lower())
        elif not (keys and line[:1] in " \t"):
            return False
    return any(key in known or key in PELICAN_KEYS for key in keys)


def read_pelican(lines: list[str]) -> Header:
    """Pelican's header: ``Key: value`` lines (keys lower-cased, as Pelican does), each
    continued by indented lines, ended by a blank line."""
    data: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    problems: list[Problem] = []
    key: str | None = None
    number = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            break
        match = _PELICAN_LINE.match(line)
        if match is None:  # indented: continues the key before
            assert key is not None, "is_pelican_header: the first line has a key"
            data[key] = f"{data[key]} {line.strip()}".strip()
            continue
        key = match.group(1).lower()
        if key in data:
            message = f"key {key!r} is repeated (first on line {key_lines[key]}); the last is used"
            problems.append(_problem(message, number))
        data[key] = (match.group(2) or "").strip()
        key_lines[key] = number
    else:
        number += 1  # no blank line: the header is the whole file
    return data, key_lines, problems, number


# --- Nikola's header lines and .meta files ----------------------------------------------

_NIKOLA_LINE = re.compile(r"^\.\.[ \t]+([A-Za-z][\w-]*):(?:[ \t]+(.*?))?[ \t]*$")
#: the values of Nikola's older ``.meta`` files, one a line, in this order
NIKOLA_META_ORDER = ("title", "slug", "date", "tags", "link", "description", "type")


def is_nikola_header(lines: list[str], start: int) -> bool:
    """Whether line *start* (0-based) opens Nikola's header: a ``.. key: value`` line,
    or ``<!--`` alone on its line followed by one."""
    first = lines[start].strip()
    if first == "<!--":
        following = next((line for line in lines[start + 1 :] if line.strip()), "")
        return bool(_NIKOLA_LINE.match(following.strip()))
    return bool(_NIKOLA_LINE.match(first))


def read_nikola(lines: list[str], start: int) -> Header:
    """Nikola's header from line *start* (0-based): ``.. key: value`` lines ended by a
    blank line, or inside an HTML comment (``<!--`` and ``-->`` on lines of their own)."""
    if lines[start].strip() != "<!--":
        end = next((n for n in range(start, len(lines)) if not lines[n].strip()), len(lines))
        data, key_lines, problems = _nikola_lines(lines, start, end)
        return data, key_lines, problems, min(end + 1, len(lines))
    closing = next((n for n in range(start + 1, len(lines)) if lines[n].strip() == "-->"), None)
    if closing is None:
        return {}, {}, [_problem("Nikola's header has no closing '-->' line", start + 1)], 0
    data, key_lines, problems = _nikola_lines(lines, start + 1, closing)
    return data, key_lines, problems, closing + 1


def read_nikola_meta(text: str) -> Header:
    """A Nikola ``.meta`` file: ``.. key: value`` lines, or the older form of one value
    a line in the order of :data:`NIKOLA_META_ORDER`.  Its span is 0: it is no part of
    the post's text."""
    lines = text.lstrip("\ufeff").splitlines()
    if (refused := _too_long(text, 1, 0)) is not None:
        return refused
    first = next((line for line in lines if line.strip()), "")
    if _NIKOLA_LINE.match(first.strip()):
        data, key_lines, problems = _nikola_lines(lines, 0, len(lines))
        return data, key_lines, problems, 0
    data, key_lines = {}, {}
    for number, (key, line) in enumerate(zip(NIKOLA_META_ORDER, lines, strict=False), start=1):
        if line.strip():
            data[key], key_lines[key] = line.strip(), number
    problems = []
    if any(line.strip() for line in lines[len(NIKOLA_META_ORDER) :]):
        message = (
            f"a .meta file of one value a line has {len(NIKOLA_META_ORDER)} lines "
            f"({', '.join(NIKOLA_META_ORDER)}); the lines after them are ignored"
        )
        problems.append(_problem(message, len(NIKOLA_META_ORDER) + 1))
    return data, key_lines, problems, 0


def _nikola_lines(
    lines: list[str], start: int, end: int
) -> tuple[dict[str, Any], dict[str, int], list[Problem]]:
    """The ``.. key: value`` lines from *start* to *end* (0-based): keys lower-cased, as
    Nikola writes them; an empty value (Nikola's ``.. link:``) is no value."""
    data: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    problems: list[Problem] = []
    for number in range(start + 1, end + 1):
        line = lines[number - 1].strip()
        if not line:
            continue
        match = _NIKOLA_LINE.match(line)
        if match is None:
            message = (
                f"line {line[:60]!r} of Nikola's header is not a '.. key: value' line; "
                "it is ignored"
            )
            problems.append(_problem(message, number))
            continue
        key, value = match.group(1).lower(), match.group(2) or ""
        if key in key_lines:
            message = f"key {key!r} is repeated (first on line {key_lines[key]}); the last is used"
            problems.append(_problem(message, number))
        key_lines[key] = number
        if value:
            data[key] = value
        else:
            data.pop(key, None)
    return data, {key: line for key, line in key_lines.items() if key in data}, problems


# --- for MyST -----------------------------------------------------------------------------

# characters a YAML stream may not hold as they are (YAML 1.1's printable set)
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~:$&])")


def myst_header(data: dict[str, Any], span: int) -> list[str]:
    """*span* lines that give MyST *data* as front matter: a YAML block whose
    values stand on its first line (as a JSON object, which YAML reads).

    A header of fewer than three lines leaves no room for a block: its line
    becomes the title's heading (as MyST makes of a front-matter title)."""
    if span >= 3:
        flow = json.dumps(data, ensure_ascii=False, default=str)
        flow = _NOT_YAML.sub(lambda match: f"\\u{ord(match.group()):04x}", flow)
        return ["---", flow, *[""] * (span - 3), "---"]
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        return [""] * span
    return ["# " + _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(title.split())), *[""] * (span - 1)]


# --- ABlog's post directive, in a MyST post's body ---------------------------------------

_POST_OPENING = re.compile(r"^(`{3,}|~{3,}|:{3,})\{post\}[ \t]*(.*?)[ \t]*$")
_CODE_FENCE = re.compile(r"^(`{3,}|~{3,})")
_OPTION = re.compile(r"^:([A-Za-z_-]+):(?:[ \t]+(.*?))?[ \t]*$")
#: ABlog's options, as the front-matter keys the blog reads (``category`` is
#: folded into the tags; ``location`` is kept for templates)
ABLOG_OPTIONS = {
    "tags": "tags", "category": "category", "author": "author", "language": "language",
    "redirect": "redirect", "title": "title", "location": "location",
}  # fmt: skip


def find_ablog_post(lines: list[str], start: int) -> tuple[Header, range] | None:
    """ABlog's ``{post}`` directive in a MyST body (from line index *start*): its date
    (the argument) and options as front-matter values with their lines, and the lines
    the directive takes; ``None`` where there is none (code blocks are not looked in)."""
    fence = None
    for number in range(start, len(lines)):
        line = lines[number]
        opening = _POST_OPENING.match(line) if fence is None else None
        if opening:
            return _read_ablog_post(lines, number, opening)
        code = _CODE_FENCE.match(line.lstrip())
        if code and (fence is None or code.group(1).startswith(fence)):
            fence = code.group(1) if fence is None else None
    return None


def _read_ablog_post(lines: list[str], first: int, opening: re.Match[str]) -> tuple[Header, range]:
    marker, argument = opening.group(1), opening.group(2)
    data: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    if argument:
        data["date"], key_lines["date"] = argument, first + 1
    last = first
    for number in range(first + 1, len(lines)):
        last = number
        if lines[number].strip() == marker:
            break
        option = _OPTION.match(lines[number].strip())
        if option and option.group(1).lower() in ABLOG_OPTIONS:
            key = ABLOG_OPTIONS[option.group(1).lower()]
            data[key], key_lines[key] = option.group(2) or "", number + 1
    else:
        # unclosed: its options are still read, and only they are taken from the page
        end = next(
            (n for n in range(first + 1, len(lines)) if not _OPTION.match(lines[n].strip())),
            len(lines),
        )
        problem = _problem(f"ABlog's {{post}} directive has no closing {marker} line", first + 1)
        return (data, key_lines, [problem], 0), range(first, end)
    return (data, key_lines, [], 0), range(first, last + 1)
