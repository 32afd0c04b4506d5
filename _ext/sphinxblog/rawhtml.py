"""Raw HTML and remote images in posts, as each builder can take them.

Posts from other generators hold HTML written for browsers: ``<br>``, ``<img>``
without ``/``, unclosed ``<p>``, ``&nbsp;``, boolean attributes. The HTML
pages keep it as it is. The ePub's pages are XHTML: there it is parsed as a
browser would and written out again as XML. The PDF cannot show HTML: simple
markup becomes text, links, line breaks and titled paragraphs; anything else
keeps its text and is named in a warning, never lost silently.

An ``<img>`` standing alone becomes an image of the document, so that the
builders copy a local picture as they copy Markdown's. A remote image is
never fetched at build time: the ePub and the PDF link it by its alt text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

import lxml.etree
import lxml.html
from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

if TYPE_CHECKING:
    from collections.abc import Iterator

logger = logging.getLogger(__name__)

#: elements HTML writes without an end tag, which XHTML closes with ``/>``
VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
#: elements the PDF shows as paragraphs of their text
BLOCKS = frozenset(
    "address article aside blockquote center details dd div dl dt figcaption figure footer "
    "header main nav p section".split()
)
#: elements whose text the PDF shows as a bold title line
TITLES = frozenset("summary h1 h2 h3 h4 h5 h6 caption".split())
#: inline elements the PDF shows as their text, some with its emphasis
INLINE = {
    "em": nodes.emphasis, "i": nodes.emphasis, "cite": nodes.emphasis, "var": nodes.emphasis,
    "strong": nodes.strong, "b": nodes.strong,
    "code": nodes.literal, "kbd": nodes.literal, "samp": nodes.literal, "tt": nodes.literal,
    "sub": nodes.subscript, "sup": nodes.superscript,
}  # fmt: skip
PLAIN = frozenset(
    "abbr bdi bdo big data dfn del font ins mark q s small span strike time u".split()
)
#: elements with no text for a reader
SILENT = frozenset("script style template".split())


def is_remote(uri: str) -> bool:
    return uri.startswith(("http://", "https://", "//"))


def html_fragments(text: str) -> list[str | lxml.html.HtmlElement]:
    """*text* parsed as a browser would: leading text, then elements with their tails."""
    try:
        fragments: list[str | lxml.html.HtmlElement] = lxml.html.fragments_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return [text] if text.strip() else []
    return fragments


def _parts(text: str) -> tuple[str, list[lxml.html.HtmlElement]]:
    fragments = html_fragments(text)
    lead = fragments[0] if fragments and isinstance(fragments[0], str) else ""
    return lead, [part for part in fragments if not isinstance(part, str)]


# --- all builders: an <img> alone becomes an image ---------------------------------------


def lone_image(text: str) -> lxml.html.HtmlElement | None:
    """The ``<img>`` that *text* consists of (maybe inside a ``<p>``), if so."""
    lead, elements = _parts(text)
    if lead.strip() or len(elements) != 1 or (elements[0].tail or "").strip():
        return None
    element = elements[0]
    if element.tag == "p" and not (element.text or "").strip() and len(element) == 1:
        element = element[0]
        if (element.tail or "").strip():
            return None
    return element if element.tag == "img" and element.get("src") else None


class ImagesFromRawHtml(SphinxTransform):
    """Make a block of raw HTML that is one ``<img>`` an image node."""

    default_priority = 400

    def apply(self, **kwargs: object) -> None:
        for raw in list(self.document.findall(nodes.raw)):
            if "html" not in raw.get("format", "").split():
                continue
            if isinstance(raw.parent, nodes.TextElement):
                continue
            element = lone_image(raw.astext())
            if element is None:
                continue
            image = nodes.image(uri=element.get("src"), alt=element.get("alt", ""))
            for name in ("width", "height"):
                if (value := element.get(name, "")).isdigit():
                    image[name] = value + "px"
            image.source, image.line = raw.source, raw.line
            raw.replace_self(image)


# --- ePub and PDF: remote images become links ---------------------------------------------


class RemoteImagesAsLinks(SphinxPostTransform):
    """Link a remote image by its alt text where the builder would download it."""

    default_priority = 90  # before Sphinx's ImageDownloader (100)

    #: the builders that download remote images (``supported_remote_images`` false)
    builders = ("epub", "latex", "texinfo")

    def run(self, **kwargs: object) -> None:
        for image in list(self.document.findall(nodes.image)):
            uri = image.get("uri", "")
            if not is_remote(uri):
                continue
            text = image.get("alt") or uri
            if isinstance(image.parent, nodes.reference):
                replacement: nodes.Node = nodes.Text(text)
            else:
                replacement = nodes.reference("", text, refuri=uri)
            if not isinstance(image.parent, nodes.TextElement):
                replacement = nodes.paragraph("", "", replacement)
            image.replace_self(replacement)


# --- ePub: XHTML ------------------------------------------------------------------------


def _start_tag(element: lxml.html.HtmlElement) -> str:
    attributes = "".join(f" {name}={quoteattr(value)}" for name, value in element.items())
    return f"<{element.tag}{attributes}{' /' if element.tag in VOID else ''}>"


def _links_for_remote_images(element: lxml.html.HtmlElement) -> None:
    for image in list(element.iter("img")):
        src = image.get("src", "")
        if is_remote(src):
            link = lxml.html.Element("a", href=src)
            link.text, link.tail = image.get("alt") or src, image.tail
            image.getparent().replace(image, link)


_SVG_WITHOUT_NAMESPACE = re.compile(r"<svg\b(?![^>]*\bxmlns=)")


def _well_formed(text: str) -> bool:
    try:
        lxml.etree.fromstring(f"<div>{text}</div>")
    except lxml.etree.XMLSyntaxError:
        return False
    return True


def xhtml(text: str) -> str:
    """HTML as browsers read it, written as well-formed XHTML; remote images as links.

    Text that is well-formed XML already is kept as it is (an inline SVG keeps
    its ``viewBox``), only given the SVG namespace it needs in XHTML.
    """
    if _well_formed(text) and "<img" not in text:
        return _SVG_WITHOUT_NAMESPACE.sub('<svg xmlns="http://www.w3.org/2000/svg"', text)
    out = []
    for part in html_fragments(text):
        if isinstance(part, str):
            out.append(escape(part))
            continue
        if part.tag == "img" and is_remote(part.get("src", "")):
            wrapper = lxml.html.Element("span")
            wrapper.append(part)
            _links_for_remote_images(wrapper)
            part = wrapper[0]
        _links_for_remote_images(part)
        out.append(lxml.etree.tostring(part, method="xml", encoding="unicode", with_tail=True))
    return _SVG_WITHOUT_NAMESPACE.sub('<svg xmlns="http://www.w3.org/2000/svg"', "".join(out))


_END_TAG = re.compile(r"^</\s*([A-Za-z][\w-]*)\s*>$")
_START_TAG = re.compile(r"^<([A-Za-z][\w-]*)\b[^<>]*>$", re.DOTALL)


def xhtml_tag(text: str) -> str:
    """One inline piece of raw HTML (MyST gives each tag its own) as XHTML.

    A start tag stays open (its end tag comes in a later piece); a void
    element closes itself; anything longer is written out whole.
    """
    stripped = text.strip()
    if stripped.startswith("<!--"):
        return text
    if match := _END_TAG.match(stripped):
        return "" if match[1].lower() in VOID else f"</{match[1].lower()}>"
    if (match := _START_TAG.match(stripped)) and match[1].lower() not in VOID:
        _lead, elements = _parts(stripped)
        if len(elements) == 1:
            return _start_tag(elements[0])
    return xhtml(text)


class RawHtmlAsXhtml(SphinxPostTransform):
    """Rewrite raw HTML as well-formed XHTML for the ePub."""

    # after sphinx-design's (199), whose dropdowns hold SVG icons as raw HTML
    default_priority = 250
    builders = ("epub",)

    def run(self, **kwargs: object) -> None:
        for raw in list(_raw_html(self.document)):
            text = raw.astext()
            fixed = xhtml_tag(text) if isinstance(raw.parent, nodes.TextElement) else xhtml(text)
            raw.replace_self(nodes.raw("", fixed, format="html"))


# --- PDF: text, links and line breaks ----------------------------------------------------


def _line_break() -> nodes.raw:
    return nodes.raw("", "\\leavevmode\\newline{}", format="latex")


class _ToNodes:
    """Builds Docutils nodes from parsed HTML, and notes the elements it could not."""

    def __init__(self) -> None:
        self.blocks: list[nodes.Element] = []
        self.paragraph: nodes.paragraph | None = None
        self.unknown: list[str] = []

    def _open(self) -> nodes.paragraph:
        if self.paragraph is None:
            self.paragraph = nodes.paragraph()
            self.blocks.append(self.paragraph)
        return self.paragraph

    def text(self, container: nodes.Element | None, text: str | None) -> None:
        if not text or (container is None and not text.strip()):
            return
        if container is None and self.paragraph is None:
            text = text.lstrip()  # a paragraph starts at its first word
        (container if container is not None else self._open()).append(nodes.Text(text))

    def element(self, element: lxml.html.HtmlElement, container: nodes.Element | None) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if not tag:  # a comment or a processing instruction
            pass
        elif tag in SILENT:
            self.unknown.append(tag)
        elif tag == "br":
            (container if container is not None else self._open()).append(_line_break())
        elif tag == "img":
            self.image(element, container)
        elif tag in BLOCKS or tag in TITLES:
            self.paragraph = None
            if tag in TITLES:
                title = nodes.strong()
                self._open().append(title)
                self.children(element, title)
            else:
                self.children(element, None)
            self.paragraph = None
        elif tag == "a" or tag in INLINE or tag in PLAIN:
            if tag == "a" and element.get("href"):
                inline: nodes.Element = nodes.reference("", "", refuri=element.get("href"))
            else:
                inline = INLINE.get(tag, nodes.inline)()
            (container if container is not None else self._open()).append(inline)
            self.children(element, inline)
        else:
            self.unknown.append(tag)
            self.children(element, container)
        self.text(container, element.tail)

    def children(self, element: lxml.html.HtmlElement, container: nodes.Element | None) -> None:
        self.text(container, element.text)
        for child in element:
            self.element(child, container)

    def image(self, element: lxml.html.HtmlElement, container: nodes.Element | None) -> None:
        src, alt = element.get("src", ""), element.get("alt", "")
        target = container if container is not None else self._open()
        if is_remote(src):
            target.append(nodes.reference("", alt or src, refuri=src))
        else:
            self.unknown.append("img")
            target.append(nodes.Text(alt))


def latex_nodes(text: str, inline: bool) -> tuple[list[nodes.Node], list[str]]:
    """Raw HTML as Docutils nodes for the PDF, and the elements left out of it."""
    converter = _ToNodes()
    holder = nodes.inline() if inline else None
    for part in html_fragments(text):
        if isinstance(part, str):
            converter.text(holder, part)
        else:
            converter.element(part, holder)
    found: list[nodes.Node] = list(holder.children if holder is not None else converter.blocks)
    return found, converter.unknown


class RawHtmlForLatex(SphinxPostTransform):
    """Show simple raw HTML in the PDF; name in a warning what it cannot show."""

    default_priority = 95
    builders = ("latex",)

    def run(self, **kwargs: object) -> None:
        for raw in list(_raw_html(self.document)):
            text = raw.astext()
            if isinstance(raw.parent, nodes.TextElement):
                replacement, unknown = self._inline(text.strip())
            else:
                replacement, unknown = latex_nodes(text, inline=False)
            if unknown:
                logger.warning(
                    "raw HTML %s cannot be shown in the PDF; its text is kept",
                    ", ".join(f"<{tag}>" for tag in dict.fromkeys(unknown)),
                    location=raw, type="blog", subtype="html",
                )  # fmt: skip
            raw.replace_self(replacement)

    def _inline(self, text: str) -> tuple[list[nodes.Node], list[str]]:
        """One inline tag: a line break, a remote image's link, or nothing but its text."""
        if text.startswith("<!--"):
            return [], []
        if _END_TAG.match(text):  # its start tag was named, if need be
            return [], []
        if (match := _START_TAG.match(text)) and match[1].lower() not in VOID:
            tag = match[1].lower()
            # its text follows in the paragraph; only its emphasis is lost
            known = tag in INLINE or tag in PLAIN or tag == "a" or tag in BLOCKS or tag in TITLES
            return [], [] if known else [tag]
        return latex_nodes(text, inline=True)


def _raw_html(document: nodes.document) -> Iterator[nodes.raw]:
    for raw in list(document.findall(nodes.raw)):
        if "html" in raw.get("format", "").split():
            yield raw
