"""Raw HTML and remote images in posts, as each builder can take them.

Posts from other generators hold HTML written for browsers: ``<br>``, ``<img>``
without ``/``, unclosed ``<p>``, ``&nbsp;``, boolean attributes. The HTML
pages keep it as it is. The ePub's pages are XHTML: there it is parsed as a
browser would and written out again as XML, a paragraph's inline tags
together (MyST gives each its own node). The PDF cannot show HTML: simple
markup becomes text, links, line breaks and titled paragraphs; anything else
keeps its text and is named in a warning, never lost silently.

An ``<img>`` standing alone becomes an image of the document, so that the
builders copy a local picture as they copy Markdown's. A remote image is
never fetched at build time: the ePub and the PDF link it by its alt text.
"""

from __future__ import annotations

import os
import posixpath
import re
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

import lxml.etree
import lxml.html
from docutils import nodes
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from sphinxblog.core.locations import file_location
from sphinxblog.pages.conform import NOT_FILES, BookPage, conform, is_remote
from sphinxblog.reading.output import builder_in, output_in
from sphinxblog.reading.safety import line_of, outside_source, warn_outside

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

logger = logging.getLogger(__name__)

#: elements HTML writes without an end tag, which XHTML closes with ``/>``
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
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


def lone_figure(text: str) -> tuple[lxml.html.HtmlElement, str] | None:
    """The ``<img>`` and the caption's text of *text*, where it is one ``<figure>``
    holding one image and at most a ``<figcaption>``."""
    lead, elements = _parts(text)
    if lead.strip() or len(elements) != 1 or elements[0].tag != "figure":
        return None
    figure = elements[0]
    images = list(figure.iter("img"))
    captions = list(figure.iter("figcaption"))
    if len(images) != 1 or len(captions) > 1 or not images[0].get("src"):
        return None
    caption = captions[0].text_content().strip() if captions else ""
    rest = figure.text_content().replace(caption, "", 1)
    tags = {e.tag for e in figure.iterdescendants() if isinstance(e.tag, str)}
    if rest.strip() or not tags <= {"img", "figcaption", "a", "p", "picture", "source"}:
        return None  # more than an image and its caption: left as written
    return images[0], caption


def _image_node(element: lxml.html.HtmlElement, raw: nodes.raw) -> nodes.image:
    image = nodes.image(uri=element.get("src"), alt=element.get("alt", ""))
    for name in ("width", "height"):
        if (value := element.get(name, "")).isdigit():
            image[name] = value + "px"
    image.source, image.line = raw.source, raw.line
    return image


class ImagesFromRawHtml(SphinxTransform):
    """Make a block of raw HTML that is one ``<img>`` an image node, and one that is a
    ``<figure>`` of an image and its caption a figure: every builder then copies the
    picture, as it copies Markdown's."""

    default_priority = 400

    def apply(self, **kwargs: object) -> None:
        for raw in list(self.document.findall(nodes.raw)):
            if "html" not in raw.get("format", "").split():
                continue
            if isinstance(raw.parent, nodes.TextElement):
                continue
            element = lone_image(raw.astext())
            if element is not None:
                raw.replace_self(_image_node(element, raw))
            elif found := lone_figure(raw.astext()):
                figure = nodes.figure("", _image_node(found[0], raw))
                if found[1]:
                    figure += nodes.caption(found[1], found[1])
                figure.source, figure.line = raw.source, raw.line
                self.document.set_id(figure)  # a caption's permalink needs one
                raw.replace_self(figure)


class EncodedImagePaths(SphinxTransform):
    """Read a local picture's path as the file is named: ``My%20post/pic.png`` (as
    Hexo posts write it, and as MyST writes ``<My post/pic.png>``) is the file
    ``My post/pic.png`` where only that one is there."""

    default_priority = 410  # after raw HTML's images became image nodes

    def apply(self, **kwargs: object) -> None:
        folder = Path(self.env.doc2path(self.env.docname)).parent
        for image in self.document.findall(nodes.image):
            uri = image.get("uri", "")
            if "%" not in uri or is_remote(uri) or "://" in uri:
                continue
            written = urllib.parse.unquote(uri)
            base = Path(self.env.srcdir) if uri.startswith("/") else folder
            if not (base / uri.lstrip("/")).exists() and (base / written.lstrip("/")).is_file():
                image["uri"] = written


#: a link's start tag, alone: ``<a id="intro" href="#intro">``, ``<a name="intro">``
_A_START = re.compile(r"^<a\b[^<>]*>$", re.IGNORECASE)
_A_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)


class AnchorsInHeadings(SphinxTransform):
    """Make an anchor written as raw HTML in a heading (``## <a id="intro"
    href="#intro">Intro</a>``) an id of its section, and leave its tags out: the
    heading is copied into every table of contents as a link, where a link inside
    it would nest (invalid HTML, and an ePub EPUBCheck rejects)."""

    default_priority = 430

    def apply(self, **kwargs: object) -> None:
        for title in list(self.document.findall(nodes.title)):
            section = title.parent
            if not isinstance(section, nodes.section):
                continue
            for raw in [child for child in title.children if _is_raw_html(child)]:
                text = raw.astext().strip()
                if _A_START.match(text):
                    for found in _A_ID.findall(text):
                        if found not in self.document.ids:
                            section["ids"].append(found)
                            self.document.ids[found] = section
                elif text.lower() != "</a>":
                    continue
                title.remove(raw)


class ImagesOnTheirLines(SphinxTransform):
    """Give each image the line of the paragraph it is in: MyST gives an image line 0,
    and Sphinx's warning of a picture it cannot read would name no line."""

    default_priority = 420

    def apply(self, **kwargs: object) -> None:
        for image in self.document.findall(nodes.image):
            if not image.line:  # MyST gives 0
                image.line = line_of(image)


# --- HTML and ePub: the local files of raw HTML are copied -------------------------------

#: an address in raw HTML: ``src="images/x.png"``, ``href="paper.pdf"``, ``poster="…"``;
#: the tag's name too, when the address is its first
_ADDRESS = re.compile(
    r"""(?:<(?P<tag>[a-zA-Z][\w-]*)\b[^<>]*?)?(?P<before>(?<=\s)(?P<name>src|href|poster)\s*=\s*)"""
    r"""(?P<quote>["']?)(?P<value>[^"'\s<>]+)(?P=quote)"""
)


class FilesOfRawHtml(SphinxTransform):
    """Note each local file that raw HTML points at, outside an image alone or a
    figure's (``<a href="big.png"><img src="small.png"></a>``, an ``<img>`` in a
    ``<div>`` or a sentence, ``<a href="paper.pdf">``, a ``<video>``'s source): a
    picture as the document's image, any other file as a download, so that the HTML
    builders copy them as they copy Markdown's. A picture that cannot be read is
    warned of, as Sphinx warns of Markdown's; an address that names no file is left
    to the links' checks, one outside the source folder is not copied."""

    # after lone images and figures became image nodes (400), and after a title's raw
    # HTML became its text (titles.py, 690)
    default_priority = 720

    def apply(self, **kwargs: object) -> None:
        for raw in _raw_html(self.document):
            text = raw.astext()
            if "=" not in text:
                continue
            files: dict[tuple[bool, str], str] = {}
            for match, picture in _addresses(text):
                key = (picture, match["value"])
                if key not in files and (relative := self._file(raw, *key)):
                    files[key] = relative
            if files:
                raw["blog_files"] = files

    def _file(self, raw: nodes.raw, picture: bool, value: str) -> str | None:
        """The path from the source folder of the file *value* names, once noted."""
        env = self.env
        if is_remote(value) or value.startswith((*NOT_FILES, "#")):
            return None
        path = urllib.parse.unquote(re.split(r"[?#]", value, maxsplit=1)[0])
        if not path or path.endswith("/"):
            return None
        relative, full = env.relfn2path(path, env.docname)
        if picture:
            env.note_dependency(relative)
        if not (os.path.isfile(full) and os.access(full, os.R_OK)):
            if picture:
                logger.warning(
                    "image file not readable: %s", relative,
                    location=(env.docname, line_of(raw)), type="image", subtype="not_readable",
                )  # fmt: skip
            return None
        if outside_source(env, path, env.docname):
            warn_outside("file", value, (env.docname, line_of(raw)))
            return None
        if env.path2doc(full) is not None:
            return None  # a page of the site: the links' business
        if picture:
            env.images.add_file(env.docname, relative)
        else:
            env.note_dependency(relative)
            env.dlfiles.add_file(env.docname, relative)
        return relative


def _addresses(text: str) -> Iterator[tuple[re.Match[str], bool]]:
    """Each address of raw HTML *text*, and whether it is a picture's (an ``<img>``'s
    ``src``)."""
    tag = ""
    for match in _ADDRESS.finditer(text):
        tag = (match["tag"] or tag).lower()
        yield match, tag == "img" and match["name"] == "src"


class FilesOfRawHtmlCopied(SphinxPostTransform):
    """Point each address :class:`FilesOfRawHtml` noted at the file's copy in the
    site, and have the builder copy a picture (downloads are all copied). An ePub
    holds no downloads: there a link to one keeps its text alone, with a warning."""

    default_priority = 92  # with the other images' steps, before the ePub's XHTML

    def is_supported(self) -> bool:
        return output_in(self.env).html_files

    def run(self, **kwargs: object) -> None:
        for raw in _raw_html(self.document):
            if files := raw.get("blog_files"):
                raw[:] = [nodes.Text(self._copied(raw, files))]

    def _copied(self, raw: nodes.raw, files: dict[tuple[bool, str], str]) -> str:
        text = raw.astext()
        pieces, end = [], 0
        for match, picture in _addresses(text):
            address = self._address(raw, match, picture, files.get((picture, match["value"])))
            if address == match["value"]:
                continue
            quote = match["quote"] or '"'
            written = f"{match['before']}{quote}{address}{quote}" if address else ""
            pieces += [text[end : match.start("before")], written]
            end = match.end()
        return "".join([*pieces, text[end:]])

    def _address(
        self, raw: nodes.raw, match: re.Match[str], picture: bool, relative: str | None
    ) -> str | None:
        """Where the address *match* should lead in this output (None: nowhere)."""
        builder = builder_in(self.env)
        if relative is None or not isinstance(builder, StandaloneHTMLBuilder):
            return match["value"]
        page = builder.get_target_uri(self.env.docname)
        if picture and relative in self.env.images:
            name = builder.images[relative] = self.env.images[relative][1]
            return relative_uri(page, f"{builder.imagedir}/{name}")
        if picture or Path(relative) not in self.env.dlfiles:
            return match["value"]
        if output_in(self.env).epub:
            logger.warning(
                "raw HTML's %s=%r is left out of the ePub, which holds no downloads",
                match["name"], match["value"], location=_where(raw), type="blog", subtype="html",
            )  # fmt: skip
            return None
        stored = self.env.dlfiles[Path(relative)][1].as_posix()
        return relative_uri(page, f"_downloads/{stored}")


# --- ePub and PDF: remote images become links ---------------------------------------------


class RemoteImagesAsLinks(SphinxPostTransform):
    """Link a remote image by its alt text where the builder would download it."""

    default_priority = 90  # before Sphinx's ImageDownloader (100)

    def is_supported(self) -> bool:
        return output_in(self.env).downloads_remote_images

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


class UnreadableImagesAsText(SphinxPostTransform):
    """Show an image the build could not read as its alt text in a book, which would
    otherwise hold a reference to a file it lacks (Sphinx has warned of the file)."""

    default_priority = 91  # after remote images became links, before images are copied

    def is_supported(self) -> bool:
        return output_in(self.env).book

    def run(self, **kwargs: object) -> None:
        for image in list(self.document.findall(nodes.image)):
            candidates: dict[str, str] = image.get("candidates", {})
            if not candidates or any(path in self.env.images for path in candidates.values()):
                continue
            text = image.get("alt") or image.get("uri", "")
            target = image.parent if isinstance(image.parent, nodes.figure) else image
            replacement: nodes.Node = nodes.inline(text, text, classes=["blog-missing-image"])
            if not isinstance(target.parent, nodes.TextElement):
                replacement = nodes.paragraph("", "", replacement)
            target.replace_self(replacement)


# --- ePub: XHTML ------------------------------------------------------------------------


def _links_for_remote_images(element: lxml.html.HtmlElement) -> None:
    for image in list(element.iter("img")):
        src = image.get("src", "")
        if is_remote(src):
            link = lxml.html.Element("a", href=src)
            link.text, link.tail = image.get("alt") or src, image.tail
            image.getparent().replace(image, link)


_SVG_WITHOUT_NAMESPACE = re.compile(r"<svg\b(?![^>]*\bxmlns=)")


#: what would run or restyle the page in a reader: an ePub must declare scripts (and
#: EPUBCheck refuses them undeclared, and ``<style>`` inside the text)
_ACTIVE = re.compile(r"<\s*(script|style|template)\b|\s(on[a-z]+)\s*=", re.IGNORECASE)


def is_notebook_output(raw: nodes.Node) -> bool:
    """Whether *raw* is a notebook's HTML output (MyST-NB's class), not the author's HTML."""
    return isinstance(raw, nodes.raw) and "text_html" in raw["classes"]


def active_html(text: str) -> list[str]:
    """The scripts, styles and event attributes in raw HTML *text*, each once."""
    found = (f"<{tag.lower()}>" if tag else name.lower() for tag, name in _ACTIVE.findall(text))
    return list(dict.fromkeys(found))


def _make_inert(element: lxml.html.HtmlElement) -> None:
    """Drop the scripts, styles and event attributes inside *element*."""
    for inner in list(element.iter()):
        if not isinstance(inner.tag, str):
            continue  # a comment
        if inner is not element and inner.tag.lower() in SILENT:
            inner.drop_tree()  # its tail stays
            continue
        for name in [name for name in inner.attrib if name.lower().startswith("on")]:
            del inner.attrib[name]


def xhtml(text: str, page: BookPage | None = None) -> str:
    """HTML as browsers read it, written as well-formed XHTML that an ePub takes
    (:func:`xhtml_conformed`)."""
    return xhtml_conformed(text, page)[0]


def xhtml_conformed(text: str, page: BookPage | None = None) -> tuple[str, list[str]]:
    """HTML as browsers read it, written as well-formed XHTML; remote images as links;
    no scripts, styles or event attributes; what XHTML forbids rewritten
    (:func:`~sphinxblog.pages.conform.conform`, with what the *page* links to).
    Also what was rewritten, in words.

    Text that is well-formed XML already is kept as it is where nothing in it
    needs rewriting (an inline SVG keeps its ``viewBox``), only given the SVG
    namespace it needs in XHTML.
    """
    if not _ACTIVE.search(text) and "<img" not in text and (root := _xml_root(text)) is not None:
        changes = conform(root, page)
        kept = _inner_xml(root) if changes else text
        return _SVG_WITHOUT_NAMESPACE.sub('<svg xmlns="http://www.w3.org/2000/svg"', kept), changes
    root = lxml.html.Element("div")
    for part in html_fragments(text):
        if isinstance(part, str):
            root.text = (root.text or "") + part
        else:
            root.append(part)
    _make_inert(root)
    _links_for_remote_images(root)
    changes = conform(root, page)
    return _SVG_WITHOUT_NAMESPACE.sub(
        '<svg xmlns="http://www.w3.org/2000/svg"', _inner_xml(root)
    ), changes


def _xml_root(text: str) -> lxml.etree._Element | None:
    """*text* in a wrapper element, if it is well-formed XML."""
    try:
        return lxml.etree.fromstring(f"<div>{text}</div>")
    except lxml.etree.XMLSyntaxError:
        return None


def _inner_xml(root: lxml.etree._Element) -> str:
    """What *root* holds, written as XML."""
    return escape(root.text or "") + "".join(
        lxml.etree.tostring(child, method="xml", encoding="unicode", with_tail=True)
        for child in root
    )


#: the ids raw HTML gives its elements: fragments a link may name
_IDS = re.compile(r"""\bid\s*=\s*["']?([^"'\s>]+)""")
_END_TAG = re.compile(r"^</\s*([A-Za-z][\w-]*)\s*>$")
_START_TAG = re.compile(r"^<([A-Za-z][\w-]*)\b[^<>]*>$", re.DOTALL)

#: where a part between inline raw HTML stands while the HTML around it is parsed:
#: noncharacters, which the parser keeps in place as text and posts do not hold
_SLOT = "\ufdd0{}\ufdd1"
_SLOTS = re.compile("\ufdd0([0-9]+)\ufdd1")


def inline_xhtml(
    parts: Sequence[str | None],
    page: BookPage | None = None,
    changes: list[str] | None = None,
) -> list[str | int] | None:
    """A paragraph's inline raw HTML, written out together as well-formed XHTML.

    MyST gives each inline tag its own raw node, with the paragraph's text and
    inline markup between them: *parts* holds the raw HTML as strings and
    ``None`` for each part between. Tags written one by one cannot be closed
    right (``<b><i>x</b></i>``, ``<svg><circle/></svg>``, a stray
    ``</script>``), so they are parsed together, as a browser would, with a
    slot standing for each part between. The result is the XHTML in pieces,
    with the index of each part between (in *parts*) where it goes, in
    order; a part inside a script or a style is not there (it is code, not
    text). ``None`` if the parts between cannot keep their order around it.
    What had to be rewritten is added to *changes* (:func:`xhtml_conformed`).
    """
    if any(part and ("\ufdd0" in part or "\ufdd1" in part) for part in parts):
        return None
    between = [index for index, part in enumerate(parts) if part is None]
    text = "".join(_SLOT.format(at) if part is None else part for at, part in enumerate(parts))
    written, changed = xhtml_conformed(text, page)
    pieces = _SLOTS.split(written)
    slots = [int(index) for index in pieces[1::2]]
    if slots != sorted(set(slots)) or not set(slots) <= set(between):
        return None
    if changes is not None:
        changes += changed
    return [int(piece) if index % 2 else piece for index, piece in enumerate(pieces) if piece]


class RawHtmlAsXhtml(SphinxPostTransform):
    """Rewrite raw HTML as well-formed XHTML for the ePub."""

    # after sphinx-design's (199), whose dropdowns hold SVG icons as raw HTML
    default_priority = 250

    def is_supported(self) -> bool:
        return output_in(self.env).epub

    def run(self, **kwargs: object) -> None:
        inline: dict[int, nodes.Element] = {}
        raws = list(_raw_html(self.document))
        ids = frozenset(self.document.ids).union(*(_IDS.findall(raw.astext()) for raw in raws))
        page = BookPage(ids, self._leads())
        for raw in raws:
            self._warn_active(raw)
            if isinstance(raw.parent, nodes.TextElement):
                inline.setdefault(id(raw.parent), raw.parent)
            else:
                written, changes = xhtml_conformed(raw.astext(), page)
                if not is_notebook_output(raw):
                    self._warn_rewritten(raw, changes)
                raw.replace_self(nodes.raw("", written, format="html"))
        for parent in inline.values():
            self._rewrite_inline(parent, page)

    def _leads(self) -> Callable[[str], bool]:
        """Whether a relative address on this page leads to a page of the book (its
        documents' ``.xhtml``) or a file in it (the pictures and static files)."""
        builder = builder_in(self.env)
        suffix = getattr(builder, "out_suffix", ".xhtml")
        pictures = set(getattr(builder, "images", {}).values())
        folder = posixpath.dirname(self.env.docname)
        documents = self.env.all_docs

        def leads(address: str) -> bool:
            path = urllib.parse.unquote(re.split(r"[?#]", address, maxsplit=1)[0])
            target = posixpath.normpath(posixpath.join(folder, path)) if path else ""
            if not target or target.startswith("_static/"):
                return True
            if target.endswith(suffix) and target.removesuffix(suffix) in documents:
                return True
            return target.startswith("_images/") and target.removeprefix("_images/") in pictures

        return leads

    @staticmethod
    def _warn_rewritten(raw: nodes.Node, changes: list[str]) -> None:
        if changes:
            logger.warning(
                "raw HTML is rewritten for the ePub, whose XHTML does not take it as written: "
                "%s", "; ".join(dict.fromkeys(changes)),
                location=_where(raw), type="blog", subtype="html",
            )  # fmt: skip

    @staticmethod
    def _warn_active(raw: nodes.raw) -> None:
        found = active_html(raw.astext())
        if is_notebook_output(raw):
            # a library wrote it: its styles and attributes are its own look, but
            # what a script would have drawn is lost
            found = [name for name in found if name == "<script>"]
        if found:
            logger.warning(
                "raw HTML %s is left out of the ePub, which takes no scripts, styles or event "
                "attributes in its text",
                ", ".join(found), location=_where(raw), type="blog", subtype="html",
            )  # fmt: skip

    def _rewrite_inline(self, parent: nodes.Element, page: BookPage) -> None:
        """Write the raw HTML among *parent*'s children again, parsed together."""
        children = list(parent.children)
        parts = [child.astext() if _is_raw_html(child) else None for child in children]
        changes: list[str] = []
        pieces = inline_xhtml(parts, page, changes)
        self._warn_rewritten(next(child for child in children if _is_raw_html(child)), changes)
        if pieces is None:
            first = next(child for child in children if _is_raw_html(child))
            logger.warning(
                "raw HTML cannot be written as well-formed XHTML in the ePub; its tags are left "
                "out there, its text is kept",
                location=first, type="blog", subtype="html",
            )  # fmt: skip
            parent[:] = [child for child in children if not _is_raw_html(child)]
            return
        parent[:] = [
            children[piece] if isinstance(piece, int) else nodes.raw("", piece, format="html")
            for piece in pieces
        ]


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

    def is_supported(self) -> bool:
        return output_in(self.env).latex

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
                    location=_where(raw), type="blog", subtype="html",
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


def _where(raw: nodes.Node) -> str | nodes.Node:
    """*raw*'s file and line, as a warning's location: MyST gives inline raw HTML its
    file and not its line, which its paragraph has."""
    node: nodes.Node | None = raw
    while node is not None and not getattr(node, "source", None):
        node = node.parent
    line = line_of(raw)
    return file_location(f"{node.source}:{line}") if node is not None and line else raw


def _is_raw_html(node: nodes.Node) -> bool:
    return isinstance(node, nodes.raw) and "html" in node.get("format", "").split()


def _raw_html(document: nodes.document) -> Iterator[nodes.raw]:
    for raw in list(document.findall(nodes.raw)):
        if _is_raw_html(raw):
            yield raw
