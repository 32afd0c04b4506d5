"""Hostile input, made harmless where Sphinx and MyST would meet it.

The front matter itself is read within limits by :mod:`sphinxblog.frontmatter`;
this module covers what happens around it:

- MyST loads the same YAML block again, and writes some of its values out
  whole (the title, ``html_meta``): a block the blog found too big to read
  whole reaches MyST as its title alone, and headers MyST does not know as
  YAML (:func:`keep_from_myst`);
- a source file that is not in ``source_encoding`` stops Sphinx with an
  "Encoding error": it is named in a warning and read with its undecodable
  bytes replaced (:func:`check_encodings`);
- characters that XML does not allow make the ePub ill-formed, and a lone
  surrogate stops Sphinx writing ``objects.inv``: they are dropped from a
  post's text (:class:`XmlSafeText`);
- ``html_meta`` can make a post redirect its readers (``http-equiv``):
  such tags are dropped from posts (:class:`DropHttpEquiv`).
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from sphinxblog.frontmatter import for_myst
from sphinxblog.problems import short_repr
from sphinxblog.reading import post_matcher
from sphinxblog.store import front_matter_of
from sphinxblog.values import xml_safe

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from typing_extensions import Buffer

logger = logging.getLogger(__name__)


def keep_from_myst(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: give MyST a post's front matter as YAML it reads whole.

    A block the blog found too big to read whole reaches MyST as its title
    alone; TOML, JSON and Pelican headers, and YAML after blank lines, as an
    equivalent YAML block (:func:`~sphinxblog.frontmatter.for_myst`).  The
    lines MyST gets instead are as many as the header's, so every line of the
    post keeps its number.
    """
    if not post_matcher(app.config)(docname):
        return
    text = for_myst(source[0], front_matter_of(app.env, docname))
    if text is not None:
        source[0] = text


# --- files that are not UTF-8 ------------------------------------------------------------

#: codec names are normalised (runs of "_" become one): no "__" here
_LENIENT = "sphinxblog_lenient_"


def _lenient_codec(name: str) -> codecs.CodecInfo | None:
    """A codec that reads undecodable bytes as U+FFFD, whatever error handling is asked."""
    if not name.startswith(_LENIENT):
        return None
    inner = codecs.lookup(name.removeprefix(_LENIENT))

    def incremental_decoder(errors: str = "strict") -> codecs.IncrementalDecoder:
        return inner.incrementaldecoder("replace")

    def decode(data: Buffer, errors: str = "strict") -> tuple[str, int]:
        return inner.decode(data, "replace")

    return codecs.CodecInfo(
        inner.encode,
        decode,
        name=name,
        incrementalencoder=inner.incrementalencoder,
        incrementaldecoder=incremental_decoder,
    )


def lenient_encoding(encoding: str) -> str:
    """The name of a codec that reads *encoding*, replacing the bytes it cannot decode."""
    name = _LENIENT + codecs.lookup(encoding).name.replace("-", "_")
    try:
        codecs.lookup(name)
    except LookupError:
        codecs.register(_lenient_codec)
    return name


def check_encodings(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: warn of each document that is not in ``source_encoding``.

    Sphinx decodes strictly and stops the whole build at the first such file;
    once one is found, every document of this read is decoded with
    undecodable bytes replaced by U+FFFD (``source_encoding`` is unchanged).
    """
    encoding = app.config.source_encoding
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return  # an unknown source_encoding: Sphinx says so itself
    shown = "UTF-8" if name in {"utf-8", "utf-8-sig"} else encoding
    bad = False
    for docname in docnames:
        data = Path(env.doc2path(docname)).read_bytes()
        try:
            data.decode(encoding)
        except UnicodeDecodeError as exc:
            bad = True
            line = data.count(b"\n", 0, exc.start) + 1
            logger.warning(
                "file is not %s: byte 0x%02X on this line cannot be decoded; undecodable bytes "
                "are read as U+FFFD (save the file as %s)",
                shown, data[exc.start], shown,
                location=(docname, line), type="blog", subtype="encoding",
            )  # fmt: skip
    if bad:
        env.settings["input_encoding"] = lenient_encoding(encoding)


# --- characters XML does not allow ------------------------------------------------------


def _line_of(node: nodes.Node) -> int | None:
    while node is not None:
        if getattr(node, "line", None):
            return node.line
        node = node.parent
    return None


class XmlSafeText(SphinxTransform):
    """Drop characters that XML does not allow from a post's text and attributes.

    The front-matter fields the blog reads are cleaned (and reported) as they
    are read; this covers the text MyST renders: the heading it makes of the
    front-matter title, and the post's body.
    """

    # before the title and metadata collectors (doctree-read), and before
    # PostTitleAsText (690) and RemoveRepeatedTitle (700) read the title
    default_priority = 680

    def apply(self, **kwargs: object) -> None:
        if not post_matcher(self.config)(self.env.docname):
            return
        cleaned: list[tuple[nodes.Node, list[str]]] = []
        for node in list(self.document.findall()):
            if isinstance(node, nodes.Text):
                safe, found = xml_safe(str(node))
                if found:
                    parent = node.parent
                    parent.replace(node, nodes.Text(safe))
                    cleaned.append((parent, found))
            elif isinstance(node, nodes.Element):
                found = self._clean_attributes(node)
                if found:
                    cleaned.append((node, found))
        self._warn(cleaned)

    @staticmethod
    def _clean_attributes(node: nodes.Element) -> list[str]:
        found: list[str] = []
        safe: str | list[object]
        for name, value in node.attributes.items():
            if isinstance(value, str):
                safe, codes = xml_safe(value)
            elif isinstance(value, list):
                pairs = [xml_safe(item) if isinstance(item, str) else (item, []) for item in value]
                safe, codes = [item for item, _ in pairs], [c for _, cs in pairs for c in cs]
            else:
                continue
            if codes:
                node.attributes[name] = safe
                found += codes
        return found

    def _warn(self, cleaned: list[tuple[nodes.Node, list[str]]]) -> None:
        """One warning for the title (unless it came from the front matter, whose
        fields were reported as they were read) and one for the rest of the text."""
        reported: set[str] = set()
        for node, found in cleaned:
            ancestors = _ancestors(node)
            if any(isinstance(parent, nodes.docinfo) for parent in ancestors):
                continue  # a front-matter field: reported as it was read
            # a section's names are its title's text
            in_title = isinstance(node, nodes.section) or any(
                isinstance(parent, nodes.title) for parent in ancestors
            )
            what = "title" if in_title else "text"
            if what in reported or (what == "title" and self._front_matter_has_title()):
                continue
            reported.add(what)
            logger.warning(
                "%s holds characters that XML does not allow (%s); they are dropped",
                what, ", ".join(found[:5]),
                location=(self.env.docname, _line_of(node)), type="blog", subtype=what,
            )  # fmt: skip

    def _front_matter_has_title(self) -> bool:
        front_matter = front_matter_of(self.env, self.env.docname)
        return any(key.casefold() == "title" for key in front_matter.data)


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = [node]
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


# --- meta tags that act as HTTP headers ---------------------------------------------------


class DropHttpEquiv(SphinxTransform):
    """Drop ``http-equiv`` meta tags that a post's ``html_meta`` asks for.

    ``<meta http-equiv="refresh" content="0; url=…">`` would send readers
    elsewhere, and other ``http-equiv`` values act as HTTP headers (cookies,
    content security policy): a post, possibly imported from elsewhere, may
    not set them.
    """

    default_priority = 680

    def apply(self, **kwargs: object) -> None:
        if not post_matcher(self.config)(self.env.docname):
            return
        for meta in list(self.document.findall(nodes.meta)):
            equiv = next((k for k in meta.attributes if k.lower() == "http-equiv"), None)
            if equiv is None:
                continue
            meta.parent.remove(meta)
            logger.warning(
                "html_meta sets an http-equiv meta tag (%s: %s), which could redirect readers "
                "or act as an HTTP header; it is dropped",
                short_repr(meta[equiv]), short_repr(meta.get("content", "")),
                location=(self.env.docname, self._html_meta_line()),
                type="blog", subtype="front_matter",
            )  # fmt: skip

    def _html_meta_line(self) -> int | None:
        front_matter = front_matter_of(self.env, self.env.docname)
        return front_matter.line_of("html_meta") or front_matter.line_of("myst")
