"""MDC (Nuxt Content) components, as MyST and sphinx-design.

Block components ``::note``, ``::tip``, ``::warning``, ``::caution``,
``::important``, ``::callout`` and ``::alert{type="info"}``, closed by a line
``::``, become admonitions (nested ones have more colons; a ``#title`` slot
or a ``title`` attribute gives the title); ``::video{src}``,
``::youtube-video{id}`` and ``::read-more{to}`` become links (``read-more``
to the post it names). Any other block component keeps its content, with a
warning naming it. Inline, ``:kbd{value="Ctrl"}`` becomes MyST's ``{kbd}``
role, ``:name[text]`` its text, ``:icon{name}`` is dropped with a warning,
any other ``:name{…}`` keeps the text of its attributes, with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sphinxblog.core.problems import Problem
from sphinxblog.migrate.markup.common import (
    Signs,
    Site,
    admonition_line,
    code_mask,
    colons,
    doc_link,
    problem,
    sub_outside_code,
)

if TYPE_CHECKING:
    from collections.abc import Callable

#: ``::name[text]{attributes}`` alone on its line; nested ones have more colons
BLOCK = re.compile(
    r"^(?P<indent>[ \t]*)(?P<colons>:{2,})(?P<name>[a-zA-Z][\w-]*)"
    r"(?:\[(?P<text>[^\]]*)\])?(?:\{(?P<attributes>[^}]*)\})?[ \t]*$"
)
CLOSING = re.compile(r"^[ \t]*(:{2,})[ \t]*$")
SLOT = re.compile(r"^[ \t]*#(?P<name>[a-zA-Z][\w-]*)[ \t]*$")
#: not after a word, a colon, a slash or a backquote: ``10:30``, ``:::{note}``, URLs
INLINE = re.compile(
    r"(?<![\w:/`\\]):(?P<name>[a-zA-Z][\w-]*)"
    r"(?:\[(?P<text>[^\]\n]*)\](?:\{(?P<after>[^}\n]*)\})?|\{(?P<attributes>[^}\n]*)\})"
)
_ATTRIBUTE = re.compile(
    r"""(?P<key>[:@]?[\w-]+)(?:=(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"']+)))?"""
    r"|(?P<mark>[.#])(?P<word>[\w-]+)"
)
ADMONITIONS = {
    "note": "note", "tip": "tip", "warning": "warning", "caution": "caution",
    "important": "important", "callout": "note", "alert": "note", "danger": "danger",
    "info": "info", "success": "success",
}  # fmt: skip
LINKS = frozenset({"video", "youtube-video", "youtube", "read-more"})
#: attributes that style a component: their values are no text of the post
STYLE = frozenset({"class", "id", "style", "color", "size", "variant", "icon", "type", "target"})
#: a block component or its end, an inline component with text or attributes
may_hold = Signs(r"\n[ \t]*::[a-zA-Z]", r":[a-zA-Z][\w-]*[\[{]")


def attributes(raw: str | None) -> dict[str, str]:
    """``key="v" key2=v bool .class #id`` as a mapping (classes joined under ``class``)."""
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(raw or ""):
        if match["mark"]:
            key = "class" if match["mark"] == "." else "id"
            found[key] = f"{found.get(key, '')} {match['word']}".strip()
            continue
        value = next((v for v in match.group("double", "single", "bare") if v is not None), "")
        found[match["key"].lstrip(":@")] = value if "=" in match[0] else "true"
    return found


@dataclass
class Component:
    """A block component: its opening line, its closing line (None: not closed), its slots."""

    start: int
    match: re.Match[str]
    end: int | None = None
    slots: list[int] = field(default_factory=list)

    @property
    def depth(self) -> int:
        return len(self.match["colons"])

    @property
    def name(self) -> str:
        return self.match["name"].lower()


def translate(text: str, site: Site | None = None) -> tuple[str, list[Problem]]:
    site = site or Site()
    lines = text.split("\n")
    problems: list[Problem] = []
    for component in _components(lines, code_mask(lines)):
        _block(lines, component, site, problems)
    mask = code_mask(lines)
    for number, line in enumerate(lines):
        if not mask[number] and ":" in line:
            lines[number] = sub_outside_code(INLINE, _inline_at(number, site, problems), line)
    return "\n".join(lines), problems


def _components(lines: list[str], mask: list[bool]) -> list[Component]:
    """The block components of *lines*, the innermost first.

    Only two colons open one outside any other: ``:::note`` alone is
    Docusaurus's. A link component is closed only where a closing line comes
    before any other component: else it stands alone, as it mostly does.
    """
    opened: list[Component] = []
    found: list[Component] = []
    taken: set[int] = set()  # the closing lines of link components
    for number, line in enumerate(lines):
        if mask[number] or number in taken:
            continue
        match = BLOCK.match(line)
        if (
            match
            and len(match["colons"]) >= (opened[-1].depth if opened else 2)
            and (opened or len(match["colons"]) == 2)
        ):
            component = Component(number, match)
            if component.name in LINKS:
                component.end = _link_end(lines, mask, number, component.depth)
                if component.end is not None:
                    taken.add(component.end)
                found.append(component)
            else:
                opened.append(component)
            continue
        bare = CLOSING.match(line)
        # a closing line ends the innermost component it is long enough for; those
        # inside it, never closed, end with it
        closes = [c for c in opened if bare and c.depth <= len(bare[1])]
        if closes:
            while opened[-1] is not closes[-1]:
                found.append(opened.pop())
            opened[-1].end = number
            found.append(opened.pop())
        elif opened and SLOT.match(line):
            opened[-1].slots.append(number)
    found += reversed(opened)
    return sorted(found, key=lambda c: (c.end if c.end is not None else len(lines)) - c.start)


def _link_end(lines: list[str], mask: list[bool], start: int, depth: int) -> int | None:
    for number in range(start + 1, len(lines)):
        if mask[number]:
            continue
        if (bare := CLOSING.match(lines[number])) and len(bare[1]) == depth:
            return number
        if BLOCK.match(lines[number]) or CLOSING.match(lines[number]):
            return None
    return None


def _block(lines: list[str], component: Component, site: Site, problems: list[Problem]) -> None:
    match, start, end = component.match, component.start, component.end
    values = attributes(match["attributes"])
    stop = len(lines) if end is None else end
    _props(lines, start, stop, values)
    title = _title_slot(lines, component, stop) or values.get("title") or (match["text"] or "")
    for slot in component.slots:
        lines[slot] = ""
    name = component.name
    if name in LINKS:
        lines[start] = match["indent"] + _link(name, values, title, site)
        if end is not None:
            lines[end] = ""
        return
    kind = ADMONITIONS.get(values.get("type", "") if name == "alert" else name)
    if kind is None and name != "alert":
        problems.append(problem(start, f"MDC component ::{match['name']} is not rendered: "
                                "dropped, its content kept (write it in Markdown or a MyST "
                                "directive)"))  # fmt: skip
        lines[start] = match["indent"] + title
        if end is not None:
            lines[end] = ""
        return
    fence = match["indent"] + ":" * colons(lines[start + 1 : stop])
    lines[start] = admonition_line(fence, kind or values.get("type") or "note", title)
    if end is not None:
        lines[end] = fence


def _props(lines: list[str], start: int, stop: int, values: dict[str, str]) -> None:
    """A YAML block of props right below the opening line, read into *values*."""
    if start + 1 >= stop or lines[start + 1].strip() != "---":
        return
    for number in range(start + 2, stop):
        if lines[number].strip() == "---":
            for inner in range(start + 1, number + 1):
                key, _, value = lines[inner].partition(":")
                if value.strip() and inner > start + 1:
                    values.setdefault(key.strip(), value.strip().strip("\"'"))
                lines[inner] = ""
            return


def _title_slot(lines: list[str], component: Component, stop: int) -> str:
    """The text of a ``#title`` slot, taken from its lines (up to the next slot)."""
    for index, slot in enumerate(component.slots):
        if SLOT.match(lines[slot])["name"].lower() != "title":  # type: ignore[index]
            continue
        last = component.slots[index + 1] if index + 1 < len(component.slots) else stop
        words = [lines[number].strip() for number in range(slot + 1, last)]
        if any(BLOCK.match(line) or CLOSING.match(line) for line in words):
            return ""
        for number in range(slot + 1, last):
            lines[number] = ""
        return " ".join(word for word in words if word)
    return ""


def _link(name: str, values: dict[str, str], title: str, site: Site) -> str:
    if name == "read-more":
        target = values.get("to") or values.get("href") or ""
        text = title or "Read more"
        return doc_link(site, target, text) or f"[{text}]({target})"
    if name in {"youtube-video", "youtube"}:
        video = values.get("id") or values.get("video-id") or values.get("src") or ""
        url = video if "/" in video else f"https://www.youtube.com/watch?v={video}"
        return f"[{title or 'YouTube video'}]({url})"
    src = values.get("src") or values.get("url") or ""
    return f"[{title or src.rpartition('/')[2] or 'Video'}]({src})"


def _inline_at(number: int, site: Site, problems: list[Problem]) -> Callable[[re.Match[str]], str]:
    return lambda match: _inline(match, number, site, problems)


def _inline(match: re.Match[str], number: int, site: Site, problems: list[Problem]) -> str:
    name, text = match["name"], match["text"]
    values = attributes(match["attributes"] if text is None else match["after"])
    if name.lower() == "kbd":
        key = (text or values.get("value", "")).replace("`", "")
        return f"{{kbd}}`{key}`" if key else ""
    if text is not None:
        target = values.get("href") or values.get("to")
        if target:
            return doc_link(site, target, text) or f"[{text}]({target})"
        return text
    shown = f":{name}{{{match['attributes']}}}"
    if name.lower() == "icon" or name.lower().endswith("-icon") or name == "UIcon":
        problems.append(problem(number, f"MDC inline component {shown} is not rendered: "
                                "dropped (write the icon's meaning in words)"))  # fmt: skip
        return ""
    words = " ".join(value for key, value in values.items() if key not in STYLE and value != "true")
    problems.append(problem(number, f"MDC inline component {shown} is not rendered: "
                            "its text kept (write it in Markdown)"))  # fmt: skip
    return words
