"""Raw HTML made to conform to the XHTML an ePub may hold.

Browsers take HTML that EPUB 3's XHTML refuses: elements HTML dropped long
ago (``<center>``, ``<font>``), attributes of other tools (``markdown="1"``,
Svelte's ``on:click``), the frame attributes of embedded players, a link
inside a link, a caption outside its figure, a player or a frame that loads
from another host, a link to a fragment the page does not have. Each is
rewritten so that its text stays: an element as the one XHTML has instead,
or its content alone; a remote player as a link to what it plays. A picture inside
other HTML is not brought into the book: its alt text stands for it. Every
change is named, so that the build can say what it did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import lxml.etree

if TYPE_CHECKING:
    from collections.abc import Callable

#: elements HTML no longer has, as the element that stands for them in XHTML
OBSOLETE = {
    "acronym": "abbr", "basefont": "span", "big": "span", "blink": "span", "center": "div",
    "dir": "ul", "font": "span", "listing": "pre", "marquee": "div", "nobr": "span",
    "noframes": "div", "noscript": "div", "plaintext": "pre", "spacer": "span", "strike": "s",
    "tt": "code", "xmp": "pre", "frame": "div", "frameset": "div", "applet": "div",
}  # fmt: skip
#: the elements of HTML that an ePub's XHTML takes (custom elements, with a hyphen, too)
ELEMENTS = frozenset(
    """
a abbr address area article aside audio b bdi bdo blockquote br button canvas caption cite
code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset
figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr i iframe img input ins kbd
label legend li main map mark menu meter nav object ol optgroup option output p param picture
pre progress q rp rt ruby s samp search section select slot small source span strong sub
summary sup table tbody td template textarea tfoot th thead time tr track u ul var video wbr
svg math
""".split()
)
#: where a remote resource would be loaded: the ePub links it instead
EMBEDS = frozenset({"iframe", "embed", "object", "video", "audio"})
#: the attributes every element may have
GLOBAL_ATTRIBUTES = frozenset(
    "id class style title lang dir hidden tabindex accesskey role translate".split()
)
#: the attributes of particular elements
ATTRIBUTES = {
    "a": {"href", "hreflang", "rel", "type", "download", "target"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr"},
    "ol": {"start", "reversed", "type"}, "li": {"value"}, "time": {"datetime"}, "data": {"value"},
    "q": {"cite"}, "blockquote": {"cite"}, "del": {"cite", "datetime"}, "ins": {"cite", "datetime"},
    "col": {"span"}, "colgroup": {"span"}, "details": {"open"}, "abbr": set(),
    "source": {"src", "type", "srcset", "sizes", "media"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "video": {"src", "controls", "poster", "width", "height", "loop", "muted", "preload"},
    "audio": {"src", "controls", "loop", "muted", "preload"},
    "button": {"type", "name", "value", "disabled"}, "label": {"for"},
    "input": {"type", "name", "value", "disabled", "checked", "readonly", "placeholder"},
    "meter": {"value", "min", "max", "low", "high", "optimum"}, "progress": {"value", "max"},
    "area": {"href", "alt", "shape", "coords"}, "map": {"name"},
}  # fmt: skip


#: attributes of EPUB's and XML's namespaces, as lxml names them
_NAMESPACED = frozenset(
    {"{http://www.idpf.org/2007/ops}type", "{http://www.w3.org/XML/1998/namespace}lang"}
)


def _allowed(tag: str, name: str) -> bool:
    if name.startswith("{"):
        return name in _NAMESPACED
    if not re.fullmatch(r"[a-z][a-z0-9-]*", name):
        return False  # another tool's: Svelte's on:click, Vue's @click and :class
    return (
        name in GLOBAL_ATTRIBUTES
        or name in ATTRIBUTES.get(tag, ())
        or name.startswith(("data-", "aria-"))
    )


def is_remote(uri: str) -> bool:
    """Whether *uri* is loaded from another host."""
    return uri.startswith(("http://", "https://", "//"))


def _unwrap(element: lxml.etree._Element) -> None:
    """*element* gone, its text, children and tail kept in its place."""
    parent = element.getparent()
    at = parent.index(element)
    text, tail = element.text or "", element.tail or ""
    children = list(element)
    if at == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[at - 1]
        before.tail = (before.tail or "") + text
    parent.remove(element)
    for offset, child in enumerate(children):
        parent.insert(at + offset, child)
    last = children[-1] if children else (parent[at - 1] if at else None)
    if last is None:
        parent.text = (parent.text or "") + tail
    else:
        last.tail = (last.tail or "") + tail


#: addresses that name no file (nor a place in the page)
NOT_FILES = ("mailto:", "tel:", "data:", "javascript:")
#: a picture of raw HTML that the build copied among the book's images
COPIED_PICTURE = re.compile(r"^(?:\.\./)*_images/[^/]+$")


@dataclass(frozen=True)
class BookPage:
    """What a page of the book can link to: the fragments it has, and whether a
    relative address leads to a page or a file of the book."""

    ids: frozenset[str]
    leads: Callable[[str], bool] = field(default=lambda address: True)


def conform(root: lxml.etree._Element, page: BookPage | None = None) -> list[str]:
    """Rewrite what *root* holds (not *root* itself, a wrapper) into what an ePub's
    XHTML takes; what changed, each once, in words. *page* says what the page can
    link to, where known."""
    changes: list[str] = []
    for element in list(root.iterdescendants()):
        if not isinstance(element.tag, str):
            continue  # a comment
        tag = element.tag.lower()
        if tag in {"svg", "math"} or any(a.tag in {"svg", "math"} for a in element.iterancestors()):
            continue  # their own vocabularies
        if tag in OBSOLETE:
            changes.append(f"<{tag}> as <{OBSOLETE[tag]}>")
            element.tag = tag = OBSOLETE[tag]
        elif tag not in ELEMENTS and "-" not in tag:
            changes.append(f"<{tag}> left out, its text kept")
            _unwrap(element)
            continue
        src = element.get("src", "") if tag == "img" else ""
        if tag == "img" and not is_remote(src) and not COPIED_PICTURE.match(src):
            # a picture the build copied is in the book (rawhtml.py); not another
            changes.append(f"the picture {src}, which the build did not copy, as its alt text")
            _as_text(element, element.get("alt") or src)
            continue
        if tag in EMBEDS and is_remote(src := _source_of(element)):
            changes.append(f"<{tag}> from {src} as a link to it")
            _as_link(element, src)
            continue
        dropped = [name for name in element.attrib if not _allowed(tag, name.lower())]
        for name in dropped:
            del element.attrib[name]
        changes += [f"attribute {name}" for name in dropped]
        if tag == "a" and any(parent.tag == "a" for parent in element.iterancestors()):
            changes.append("a link inside a link, as its text")
            _unwrap(element)
            continue
        parent = element.getparent()
        if tag == "figcaption" and (parent is root or parent.tag != "figure"):
            changes.append("<figcaption> outside a figure, as a paragraph")
            element.tag = "p"
        href = element.get("href", "") if tag == "a" else ""
        if page is None or not href or is_remote(href) or href.startswith(NOT_FILES):
            continue
        if href.startswith("#") and href[1:] not in page.ids:
            changes.append(f"a link to {href}, which is on no element of the page, as its text")
            del element.attrib["href"]
        elif not href.startswith("#") and not page.leads(href):
            changes.append(f"a link to {href}, which is no page or file of the book, as its text")
            del element.attrib["href"]
    return list(dict.fromkeys(changes))


def _source_of(element: lxml.etree._Element) -> str:
    source = element.get("src") or element.get("data") or ""
    if not source:
        inner = next(iter(element.iter("source")), None)
        source = inner.get("src", "") if inner is not None else ""
    return source


def _as_link(element: lxml.etree._Element, src: str) -> None:
    """A player or frame as a link to what it would load, named by its title or text."""
    text = element.get("title") or "".join(element.itertext()).strip() or src
    tail = element.tail
    element.clear()
    element.tag = "a"
    element.set("href", src)
    element.text, element.tail = text, tail


def _as_text(element: lxml.etree._Element, text: str) -> None:
    tail = element.tail
    element.clear()
    element.tag = "span"
    element.text, element.tail = text, tail
