"""Hostile input, made harmless where Sphinx and MyST would meet it.

The front matter itself is read within limits by :mod:`sphinxblog.core.frontmatter`;
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
  such tags are dropped from posts (:class:`DropHttpEquiv`);
- ``{include}``, ``{literalinclude}``, ``{download}``, links to files and
  images take any path (``../../etc/passwd``) and publish what is there: in
  posts, files outside the source folder are left out (:func:`refuse_includes`,
  :class:`PostLiteralInclude`, :class:`PostCSVTable`, :class:`PostRaw`,
  :class:`FilesOutsideTheSource`; ``{raw}`` and ``{csv-table}`` with a ``:url:``
  too, which docutils would fetch), and so is an
  ``{include}`` of a file that is already being included, which would
  otherwise nest until Python stops the build with ``RecursionError``;
- raw LaTeX reaches TeX as it is written: in posts, raw LaTeX that reads or
  writes files, runs commands or changes how TeX reads (``\\input``,
  ``\\write18``, ``\\catcode``, …) is left out (:class:`RawLatexInPosts`).
  Any other raw LaTeX is trusted as its author wrote it.
"""

from __future__ import annotations

import codecs
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from docutils.parsers.rst.directives.misc import Raw
from docutils.parsers.rst.directives.tables import CSVTable
from myst_parser.mocking import MockIncludeDirective
from sphinx import addnodes
from sphinx.directives.code import LiteralInclude
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from sphinxblog.core.frontmatter import for_myst
from sphinxblog.core.notebooks import is_notebook
from sphinxblog.core.problems import short_repr
from sphinxblog.core.values import xml_safe
from sphinxblog.reading.collector import post_matcher
from sphinxblog.reading.store import front_matter_of

if TYPE_CHECKING:
    from collections.abc import Sequence
    from types import FrameType

    from docutils.nodes import Node
    from docutils.parsers.rst import Directive
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from typing_extensions import Buffer

logger = logging.getLogger(__name__)


def keep_from_myst(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: give MyST a post's front matter as YAML it reads whole.

    A block the blog found too big to read whole reaches MyST as its title
    alone; TOML, JSON and Pelican headers, and YAML after blank lines, as an
    equivalent YAML block (:func:`~sphinxblog.core.frontmatter.for_myst`).  The
    lines MyST gets instead are as many as the header's, so every line of the
    post keeps its number.
    """
    # a notebook's is given to MyST-NB in its metadata (sphinxblog.reading.notebooks)
    if not post_matcher(app.config)(docname) or is_notebook(app.env.doc2path(docname)):
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


def line_of(node: nodes.Node) -> int | None:
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
        everything = _all_nodes(self.document)
        if not xml_safe("\n".join(_texts_and_attributes(everything)))[1]:
            return  # one search says so of nearly every post
        cleaned: list[tuple[nodes.Node, list[str]]] = []
        for node in everything:
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
                location=(self.env.docname, line_of(node)), type="blog", subtype=what,
            )  # fmt: skip

    def _front_matter_has_title(self) -> bool:
        front_matter = front_matter_of(self.env, self.env.docname)
        return any(key.casefold() == "title" for key in front_matter.data)


def _all_nodes(document: nodes.document) -> list[nodes.Node]:
    """Every node of *document*, itself first, in document order (as ``findall()``
    gives them, without a generator per level)."""
    found: list[nodes.Node] = []
    waiting: list[nodes.Node] = [document]
    while waiting:
        node = waiting.pop()
        found.append(node)
        if isinstance(node, nodes.Element):
            waiting += reversed(node.children)
    return found


def _texts_and_attributes(everything: list[nodes.Node]) -> list[str]:
    """The text of *everything* and the text its attributes hold, as
    :class:`XmlSafeText` cleans them."""
    found: list[str] = []
    for node in everything:
        if isinstance(node, nodes.Text):
            found.append(node)
        elif isinstance(node, nodes.Element):
            for value in node.attributes.values():
                if isinstance(value, str):
                    found.append(value)
                elif value and isinstance(value, list):
                    found += [item for item in value if isinstance(item, str)]
    return found


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


# --- files outside the source folder ------------------------------------------------------


def outside_source(env: BuildEnvironment, written: str, docname: str) -> bool:
    """Whether *written*, a path in *docname*, leads outside the source folder, as Sphinx
    reads it (``/x`` from the source folder, else from the document's folder; ``//x`` and
    ``../..`` leave it) and through symbolic links."""
    try:
        _relative, absolute = env.relfn2path(written, docname)
        return not Path(absolute).resolve().is_relative_to(Path(env.srcdir).resolve())
    except (OSError, ValueError):
        return True


def warn_outside(what: str, written: str, location: str | tuple[str, int | None]) -> None:
    shown = repr(written) if len(written) <= 200 else short_repr(written)
    logger.warning(
        "%s %s is outside the source folder; it is left out", what, shown,
        location=location, type="blog", subtype="include",
    )  # fmt: skip


class PostLiteralInclude(LiteralInclude):
    """``{literalinclude}`` that shows no file outside the source folder in a post."""

    def run(self) -> list[Node]:
        docname = self.env.docname
        if post_matcher(self.config)(docname):
            for written in (self.arguments[0], self.options.get("diff")):
                if written and outside_source(self.env, written, docname):
                    warn_outside("{literalinclude} of", written, (docname, self.lineno))
                    return []
        return super().run()


def _refuses_file_options(directive: Directive, what: str) -> bool:
    """Whether a docutils directive (``{csv-table}``, ``{raw}``) in a post must not run:
    its ``:file:`` leads outside the source folder (docutils reads it from the
    document's folder, and an absolute path as it is), or it has a ``:url:``, which
    docutils would fetch, ``file://`` too. It is named in a warning."""
    env = directive.state.document.settings.env
    if not post_matcher(env.config)(env.docname):
        return False
    location = (env.docname, directive.lineno)
    if "url" in directive.options:
        warn_outside(f"{what} of", directive.options["url"], location)
        return True
    if "file" in directive.options:
        folder = Path(directive.state.document.current_source or ".").absolute().parent
        path = (folder / directive.options["file"]).resolve()
        if not path.is_relative_to(Path(env.srcdir).resolve()):
            warn_outside(f"{what} of", directive.options["file"], location)
            return True
    return False


class PostCSVTable(CSVTable):
    """``{csv-table}`` that reads no file outside the source folder, nor any URL, in a post."""

    def run(self) -> Sequence[nodes.table | nodes.system_message]:
        return [] if _refuses_file_options(self, "{csv-table}") else super().run()


class PostRaw(Raw):
    """``{raw}`` that reads no file outside the source folder, nor any URL, in a post."""

    def run(self) -> Sequence[Node]:
        return [] if _refuses_file_options(self, "{raw}") else super().run()


class FilesOutsideTheSource(SphinxTransform):
    """Leave out of a post the images and downloads of files outside the source folder.

    Sphinx copies them into the output (``_images``,
    ``_downloads``) when it collects them, after the transforms; a refused
    image is left as its alt text, a download as its text. Remote ones are not
    files: they stay.
    """

    # after ImagesFromRawHtml (400), which makes images of <img> tags
    default_priority = 410

    def apply(self, **kwargs: object) -> None:
        docname = self.env.docname
        if not post_matcher(self.config)(docname):
            return
        for image in list(self.document.findall(nodes.image)):
            uri = image.get("uri", "")
            if "://" in uri or uri.startswith("data:") or not uri:
                continue
            if outside_source(self.env, uri, docname) and not self._made_by_the_build(uri):
                warn_outside("image", uri, (docname, line_of(image)))
                alt = image.get("alt", "")
                if isinstance(image.parent, nodes.TextElement):
                    image.replace_self(nodes.Text(alt))
                else:
                    image.replace_self(nodes.paragraph("", alt) if alt else [])
        for download in list(self.document.findall(addnodes.download_reference)):
            target = download.get("reftarget", "")
            if "://" in target or not target:
                continue
            if outside_source(self.env, target, docname):
                warn_outside("download", target, (docname, line_of(download)))
                download.replace_self(nodes.inline("", "", *download.children))

    def _made_by_the_build(self, uri: str) -> bool:
        """Whether *uri* is a file this build wrote beside its doctrees: a notebook's
        pictures (:mod:`sphinxblog.reading.notebooks`)."""
        try:
            _relative, absolute = self.env.relfn2path(uri, self.env.docname)
            return Path(absolute).resolve().is_relative_to(Path(self.env.doctreedir).resolve())
        except (OSError, ValueError):
            return False


def _includes_in_progress() -> list[tuple[MockIncludeDirective, Path]]:
    """MyST's ``{include}`` directives being run, outermost first, with the files they read.

    MyST tells of each file it includes (``include-read``) but not of where it
    is, nor when it is done with it: the frames of its directive still running
    are the chain of includes, and each holds the file it reads (``path``).
    """
    chain = []
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_code is MockIncludeDirective.run.__code__:
            directive, path = frame.f_locals.get("self"), frame.f_locals.get("path")
            if isinstance(directive, MockIncludeDirective) and isinstance(path, Path):
                chain.append((directive, path.resolve()))
        frame = frame.f_back
    return chain[::-1]


def refuse_includes(
    app: Sphinx, relative_path: Path, parent_docname: str, content: list[str]
) -> None:
    """``include-read``: include nothing that is already being included (the document
    itself, or a file that includes itself through others), which would nest without
    end; and in a post, nothing from outside the source folder."""
    env = app.env
    docname = env.docname
    srcdir = Path(app.srcdir).resolve()
    path = (srcdir / relative_path).resolve()
    chain = _includes_in_progress()
    written = chain[-1][0].arguments[0] if chain else str(relative_path)
    location = (docname, chain[0][0].lineno) if chain else docname
    if post_matcher(app.config)(docname) and not path.is_relative_to(srcdir):
        warn_outside("{include} of", written, location)
        content[0] = ""
        return
    own = Path(env.doc2path(docname)).resolve()
    including = [own, *(included for _directive, included in chain[:-1])]
    if path in including:
        shown = [
            p.relative_to(srcdir).as_posix() if p.is_relative_to(srcdir) else str(p)
            for p in [*including, path]
        ]
        logger.warning(
            "{include} of %s includes itself (%s); it is left out",
            short_repr(written), " > ".join(shown[shown.index(shown[-1]):]),
            location=location, type="blog", subtype="include",
        )  # fmt: skip
        content[0] = ""


# --- raw LaTeX ----------------------------------------------------------------------------

#: TeX and LaTeX commands that read or write files, run programs (``\\write18``, Lua), or
#: make other commands out of text (``\\csname``, ``\\catcode``, ``^^5c``), which would
#: let a post reach them anyway
_TEX_REACHING_OUT = (
    "input include includeonly InputIfFileExists IfFileExists openin openout read readline "
    "write immediate newread newwrite closein closeout endinput everyeof scantokens "
    "catcode lccode uccode csname begincsname ifcsname string detokenize "
    "directlua latelua luaexec luadirect luacode special pdfobj pdffiletotext ShellEscape "
    "ExplSyntaxOn makeatletter usepackage RequirePackage documentclass "
    "lstinputlisting verbatiminput includegraphics includepdf"
).split()
_TEX_COMMAND = re.compile(r"\\begin\s*\{([^}]*)\}|\\([A-Za-z@:_]+)|(\^\^)")


def tex_reaching_out(text: str) -> list[str]:
    """The commands in raw LaTeX *text* that could reach beyond the page: files, programs,
    or commands made out of text (an ``@``, ``:`` or ``_`` in a name is a package's
    internal command, such as ``\\@@input``); each once, in order."""
    found = []
    for match in _TEX_COMMAND.finditer(text):
        environment, command = match[1], match[2]
        if match[3]:
            found.append("^^")
        elif command and (command in _TEX_REACHING_OUT or set("@:_") & set(command)):
            found.append(f"\\{command}")
        elif environment and environment.strip() in _TEX_REACHING_OUT:
            found.append(f"\\begin{{{environment}}}")
    return list(dict.fromkeys(found))


class RawLatexInPosts(SphinxTransform):
    """Leave out of posts the raw LaTeX that could read or write files or run programs."""

    default_priority = 680

    def apply(self, **kwargs: object) -> None:
        docname = self.env.docname
        if not post_matcher(self.config)(docname):
            return
        for raw in list(self.document.findall(nodes.raw)):
            if "latex" not in raw.get("format", "").split():
                continue
            found = tex_reaching_out(raw.astext())
            if found:
                logger.warning(
                    "raw LaTeX uses %s, which could read or write files or run programs; it "
                    "is left out",
                    ", ".join(found[:5]),
                    location=(docname, line_of(raw)), type="blog", subtype="raw",
                )  # fmt: skip
                raw.parent.remove(raw)
