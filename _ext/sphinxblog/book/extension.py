"""The blog as a book: posts in the reading order of LaTeX and ePub output.

HTML keeps posts out of the toctree (see docs/books.md); books take their
chapters from toctrees, so the start document of a book holds a
``{posttoctree}``. The PDF starts there (``latex_documents``), and so does the
ePub: its reading order and table of contents are the book's, not the web
home page's. In LaTeX each chapter is hyphenated in its post's language, or
not at all where TeX has no patterns for it, and a site language that
polyglossia does not know (Kazakh) gets its fixed labels from the catalogs.

``sphinxblog`` loads it as the extension ``sphinxblog.book.extension``.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.epub3 import HTML_TAG, Epub3Builder
from sphinx.builders.latex.util import ExtBabel
from sphinx.locale import _ as sphinx_message
from sphinx.locale import get_translation
from sphinx.util.texescape import escape

from sphinxblog.core import VERSION
from sphinxblog.reading.addresses import AUTHORS_FOLDER, SERIES_FOLDER, book_start
from sphinxblog.reading.config import tags_folder
from sphinxblog.reading.links import reachable
from sphinxblog.reading.output import output_of
from sphinxblog.reading.placeholders import POST_TOCTREE
from sphinxblog.reading.scan import book_series
from sphinxblog.reading.store import catalog_of

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.builders.epub3 import NavPoint
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

_ = get_translation("sphinxblog")


# --- ePub ----------------------------------------------------------------------------------


def epub_start(app: Sphinx) -> str:
    """Where the ePub starts: the book's start document with :class:`BookEpubBuilder`."""
    if output_of(app.builder).starts_at_book:
        return book_start(app.config, app.env)
    root: str = app.config.root_doc
    return root


#: a page's entry in the ePub's manifest (``content.opf``), as Sphinx writes it
_XHTML_ITEM = re.compile(
    r'<item id="[^"]*" href="(?P<href>[^"]*)" media-type="application/xhtml\+xml" />'
)


class BookEpubBuilder(Epub3Builder):
    """Sphinx's ePub 3 builder, whose reading order and table of contents start at
    the book's start document (as the PDF's do) rather than at the web home page.

    Sphinx takes both from the root document when it packs the book, after the
    environment is saved; the root document is the book's for that time only.
    """

    #: read by :func:`sphinxblog.reading.output.describe`
    starts_at_book = True

    def handle_finish(self) -> None:
        home = self.config.root_doc
        self.config.root_doc = book_start(self.config, self.env)
        try:
            super().handle_finish()
        finally:
            self.config.root_doc = home

    def build_content(self) -> None:
        """Sphinx's ``content.opf``, with the properties EPUB asks of every page that
        holds an SVG (an icon in raw HTML or of a sphinx-design dropdown) or MathML
        (math: :mod:`sphinxblog.pages.mathml`)."""
        super().build_content()
        opf = Path(self.outdir, "content.opf")
        text = opf.read_text(encoding="utf-8")

        def declare(match: re.Match[str]) -> str:
            page = Path(self.outdir, html.unescape(match["href"]))
            content = page.read_text(encoding="utf-8") if page.is_file() else ""
            held = [name for name, tag in (("mathml", "<math"), ("svg", "<svg")) if tag in content]
            if held:
                return match[0].removesuffix("/>").rstrip() + f' properties="{" ".join(held)}" />'
            return match[0]

        opf.write_text(_XHTML_ITEM.sub(declare, text), encoding="utf-8")

    def prepare_writing(self, docnames: Set[str]) -> None:
        # every page's <html> with the book's language, which Sphinx leaves out
        language = html.escape(self.config.language or "en")
        self.html_tag = HTML_TAG.removesuffix(">") + f' lang="{language}" xml:lang="{language}">'
        super().prepare_writing(docnames)

    def navigation_doc_metadata(self, navlist: list[NavPoint]) -> dict[str, Any]:
        metadata = super().navigation_doc_metadata(navlist)
        # Sphinx translates this heading with its console messages, which a site's
        # catalogs do not reach; the page's own messages do
        metadata["toc_locale"] = html.escape(sphinx_message("Table of Contents"))
        return metadata


def add_posts_to_epub(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: keep the ePub a book of posts.

    The tag index lists every tag's posts, so the separate tag pages stay out
    of the package, and so do the series pages (a series is consecutive
    chapters) and drafts; where the ePub starts at the book, so does
    the web home page. Posts that no toctree under the ePub's start document
    holds join its reading order at the end, oldest first.
    """
    if not output_of(app.builder).epub:
        return
    suffix = cast("Epub3Builder", app.builder).out_suffix
    catalog = catalog_of(env)
    start = epub_start(app)
    in_book = reachable(env, start)
    titles = {post.docname: post.title for post in catalog.published}
    if book_series(app) is not None:
        # a book of one series: its start page and its parts, nothing else
        keep = {start, *catalog.book_order(book_series(app))}
        app.config.epub_exclude_files = [
            *app.config.epub_exclude_files,
            *sorted(docname + suffix for docname in env.found_docs if docname not in keep),
        ]
        return
    posts = [
        (docname + suffix, titles[docname])
        for docname in catalog.book_order()
        if docname in titles and docname not in in_book
    ]
    folder = tags_folder(app.config)
    left_out = [
        docname + suffix
        for docname in env.found_docs
        if (docname.startswith(f"{folder}/") and docname != f"{folder}/index")
        or docname.startswith(f"{SERIES_FOLDER}/")  # a series is consecutive chapters there
    ] + [post.docname + suffix for post in catalog.hidden]
    if start != app.config.root_doc and app.config.root_doc not in in_book:
        left_out.append(app.config.root_doc + suffix)
    app.config.epub_post_files = [*app.config.epub_post_files, *posts]
    app.config.epub_exclude_files = [*app.config.epub_exclude_files, *sorted(left_out)]


def name_a_series_book(app: Sphinx) -> None:
    """``builder-inited``, once the catalog is made: a book of one series is called by
    the series' name, in files named by its slug."""
    series = book_series(app)
    if series is None:
        return
    app.config.epub_title = series.name
    app.config.epub_basename = series.slug
    documents = app.config.latex_documents
    if documents:
        # read when the book is written, after the catalog is made
        start, _target, _title, *rest = documents[0]
        app.config.latex_documents = [(start, f"{series.slug}.tex", escape(series.name), *rest)]


def keep_a_series_book_to_its_series(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``, before the toctrees are collected: the start page of a book of
    one series holds its parts alone, not the archive and indexes its other
    toctrees name."""
    env = app.env
    if not app.config.blog_book_series or env.docname != book_start(app.config, env):
        return
    for toctree in list(doctree.findall(addnodes.toctree)):
        wrapper = toctree.parent
        if isinstance(wrapper, nodes.compound) and POST_TOCTREE in wrapper["classes"]:
            continue
        toctree.parent.remove(toctree)


def leave_author_pages_out_of_epub(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: the ePub has the authors index, not a page per author; not
    even the index where nothing leads to it (no toctree holds it, no post names
    an author): EPUBCheck refuses a page no one can reach."""
    if not output_of(app.builder).epub:
        return
    suffix = cast("Epub3Builder", app.builder).out_suffix
    index = f"{AUTHORS_FOLDER}/index"
    keep = {index} if catalog_of(env).authors or index in reachable(env, epub_start(app)) else set()
    pages = sorted(
        docname + suffix
        for docname in env.found_docs
        if docname.startswith(f"{AUTHORS_FOLDER}/") and docname not in keep
    )
    app.config.epub_exclude_files = [*app.config.epub_exclude_files, *pages]


def unlink_left_out_pages(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: no link of the ePub leads to a page it leaves out (a draft
    a glob toctree holds, a tag page): a toctree's entry goes, a link keeps its text.
    EPUBCheck refuses a link to a file the package lacks."""
    if not output_of(app.builder).epub:
        return
    left_out = set(app.config.epub_exclude_files)
    if not left_out:
        return
    suffix = cast("Epub3Builder", app.builder).out_suffix
    for toctree in doctree.findall(addnodes.toctree):  # resolved after this event
        toctree["entries"] = [
            (title, ref) for title, ref in toctree["entries"] if ref + suffix not in left_out
        ]
        toctree["includefiles"] = [
            ref for ref in toctree["includefiles"] if ref + suffix not in left_out
        ]
    folder = posixpath.dirname(docname)
    for reference in list(doctree.findall(nodes.reference)):
        path = reference.get("refuri", "").partition("#")[0]
        if not path or "://" in path or not reference.get("internal"):
            continue
        if posixpath.normpath(posixpath.join(folder, path)) in left_out:
            text = nodes.inline("", "", *reference.children, classes=reference["classes"])
            reference.replace_self(text)


def add_title_page_byline(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: the ePub's first page names the authors under the title."""
    if not output_of(app.builder).epub or not app.config.author:
        return
    if docname != epub_start(app) or docname == app.config.root_doc:
        return
    section = doctree.next_node(nodes.section)
    if section is not None:
        author = app.config.author
        section.insert(1, nodes.paragraph(author, author, classes=["blog-book-author"]))


# --- LaTeX ---------------------------------------------------------------------------------

#: macros the chapters call; a post's header set small, its parts apart
LATEX_MACROS = r"""
\makeatletter
\ifdefined\l@nohyphenation\else\chardef\l@nohyphenation=255 \fi
% \blogsethyphenation{<name>}: TeX's patterns of that name, else none at all
\newcommand{\blogsethyphenation}[1]{%
  \ifcsname l@#1\endcsname\language=\csname l@#1\endcsname
  \else\language=\l@nohyphenation\fi}
% a post is a numbered chapter; the archive and the tag index are not
\AtBeginDocument{\edef\blogsecnumdepth{\the\c@secnumdepth}}
\newcommand{\blogpost}[1]{\setcounter{secnumdepth}{\blogsecnumdepth}\blogsethyphenation{#1}}
\newcommand{\blogpage}[1]{\setcounter{secnumdepth}{-1}\blogsethyphenation{#1}}
% the line under a post's title, and a listed post's date and reading time:
% small, the parts after the first apart
\newcommand{\blog@sep}{\ifnum\lastnodetype>1 \unskip\enspace\textperiodcentered\enspace\fi}
\@namedef{DUroleblog-date}#1{{\small\sffamily\bfseries #1}}
\@namedef{DUroleblog-updated}#1{{\small\sffamily\blog@sep #1}}
\@namedef{DUroleblog-authors}#1{{\small\sffamily\blog@sep #1}}
\@namedef{DUroleblog-reading-time}#1{{\small\sffamily\blog@sep #1}}
% tags set apart by wide spaces; a space inside a tag's name (its link) stays narrow
\@namedef{DUroleblog-post-tags}#1{{\small\sffamily\blog@sep\spaceskip=.8em plus .2em\relax
  \def\sphinxcrossref##1{{\spaceskip\z@ ##1}}#1}}
% struck text (GitHub's ~~x~~): ulem's, which breaks across lines, where TeX has it;
% else a rule through a box
\IfFileExists{ulem.sty}{\RequirePackage[normalem]{ulem}\newcommand{\blogstrike}[1]{\sout{##1}}}{%
  \newcommand{\blogstrike}[1]{\leavevmode\setbox\z@\hbox{##1}%
    \rlap{\rule[.55ex]{\wd\z@}{.4pt}}\box\z@}}
\makeatother
"""


def hyphenation_name(language: str) -> str:
    """The name of TeX's hyphenation patterns for a BCP 47 tag (``kk`` -> ``kazakh``)."""
    babel = ExtBabel(language.replace("_", "-"), use_polyglossia=True)
    return babel.get_language() if babel.is_supported_language() else "nohyphenation"


@functools.lru_cache(maxsize=8)
def polyglossia_knows(name: str) -> bool:
    """Whether polyglossia has a ``gloss-<name>.ldf`` (assumed so without TeX to ask)."""
    kpsewhich = shutil.which("kpsewhich")
    if name == "english" or kpsewhich is None:
        return True
    found = subprocess.run(
        [kpsewhich, f"gloss-{name}.ldf"], capture_output=True, text=True, check=False
    )
    return bool(found.stdout.strip())


def set_latex_language(app: Sphinx, config: Config) -> None:
    """``config-inited``: the macros the book's chapters use, and labels in the site's
    language where polyglossia has none (it would warn and print English ones)."""
    name = hyphenation_name(config.language or "en")
    elements = dict(config.latex_elements)
    preamble = [elements.get("preamble", ""), LATEX_MACROS]
    if not polyglossia_knows(name):
        elements["polyglossia"] = ""
        labels = {"chaptername": _("Chapter"), "contentsname": sphinx_message("Contents")}
        preamble += [
            rf"\renewcommand{{\{command}}}{{{escape(text)}}}" for command, text in labels.items()
        ]
    preamble.append(rf"\AtBeginDocument{{\blogsethyphenation{{{name}}}}}")
    elements["preamble"] = "\n".join(preamble)
    config.latex_elements = elements


def mark_chapters(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: start each of the book's chapters in its own language.

    The LaTeX builder resolves the whole book at once; each document in it
    starts at a ``start_of_file`` node.
    """
    if not output_of(app.builder).latex:
        return
    catalog = catalog_of(app.env)
    site = app.config.language or "en"
    for start in doctree.findall(addnodes.start_of_file):
        post = catalog.post(start["docname"])
        language = hyphenation_name(getattr(post, "language", "") or site)
        macro = "blogpost" if post is not None else "blogpage"
        start.insert(0, nodes.raw("", rf"\{macro}{{{language}}}" + "\n", format="latex"))


def setup(app: Sphinx) -> ExtensionMetadata:
    """The book's parts of the blog, loaded by ``sphinxblog``, which wires the post toctrees."""
    app.add_builder(BookEpubBuilder, override=True)
    app.connect("config-inited", set_latex_language, priority=600)
    # after the catalog is made (scan_posts, 500)
    app.connect("builder-inited", name_a_series_book, priority=600)
    # before Sphinx collects the toctrees (500)
    app.connect("doctree-read", keep_a_series_book_to_its_series, priority=400)
    app.connect("doctree-resolved", add_title_page_byline)
    # after the blog's listings are filled (500): a tag badge leads to the tag index
    app.connect("doctree-resolved", unlink_left_out_pages, priority=600)
    app.connect("doctree-resolved", mark_chapters)
    return {"version": VERSION, "parallel_read_safe": True, "parallel_write_safe": True}
