"""What this build's output can do: one record, asked instead of the builder's name.

Whether there are tag pages, feeds, later pages of long listings, a sitemap,
a book: every module asks :func:`output_of` rather than looking at the
builder, so that a new builder (or a theme's) is described in one place.
The record is made once a build, at ``builder-inited``
(:func:`describe_output`), and kept in the store beside the catalog.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinx.builders import Builder
from sphinx.builders.epub3 import Epub3Builder
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.builders.latex import LaTeXBuilder
from sphinxcontrib.serializinghtml import SerializingHTMLBuilder

from sphinxblog.reading.store import blog_data

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: builders writing a page per document that a reader browses: tag pages, author
#: pages, later pages of long listings; the others list every tag on the tag index
_PAGE_PER_DOCUMENT = frozenset({"html", "dirhtml", "json", "pickle"})
#: builders writing a web site of HTML files: feeds, sitemap, redirects
_WEB_SITE = frozenset({"html", "dirhtml"})


@dataclass(frozen=True)
class Output:
    """What the output of one build holds."""

    #: the builder's name, for file names and messages alone
    name: str
    #: HTML of some kind (web pages, one page, an ePub's XHTML, JSON or pickled HTML)
    html: bool = False
    #: a page per document for readers to browse: a page per tag and per author,
    #: later pages of long listings
    pages: bool = False
    #: a web site of HTML files: redirects, a sitemap, feeds where a base URL is set
    site: bool = False
    #: HTML files written by Sphinx's HTML builder (a search index, stale files to remove)
    html_files: bool = False
    #: each page's template context written as data (json, pickle), no template rendered
    serialized: bool = False
    #: everything in one page (singlehtml)
    single_page: bool = False
    #: a book (ePub, LaTeX): chapters in order, no web navigation between posts
    book: bool = False
    epub: bool = False
    latex: bool = False
    #: the output starts at the book's start document, not at the web home page:
    #: LaTeX (``latex_documents``), and an ePub whose builder says so
    #: (``starts_at_book``, as :class:`sphinxblog.book.extension.BookEpubBuilder` does)
    starts_at_book: bool = False
    #: remote images are downloaded into the output as pages are written (ePub,
    #: LaTeX, Texinfo): the blog links them instead, fetching nothing
    downloads_remote_images: bool = False
    #: every document is written in every build (LaTeX, singlehtml)
    writes_everything: bool = False
    #: the Atom, RSS and JSON feeds are written
    feeds: bool = False
    #: posts a page of a long listing (0: one complete list)
    page_size: int = 0
    #: the sitemap is written
    sitemap: bool = False
    #: Sphinx writes a search index
    search: bool = False
    #: a social card is drawn for each post without a cover
    social_cards: bool = False


def describe(builder: Builder) -> Output:
    """The record of what *builder*'s output holds, with this site's settings."""
    config, name = builder.config, builder.name
    pages = name in _PAGE_PER_DOCUMENT
    site = name in _WEB_SITE
    html_files = isinstance(builder, StandaloneHTMLBuilder)
    epub = isinstance(builder, Epub3Builder)
    latex = isinstance(builder, LaTeXBuilder) or builder.format == "latex"
    return Output(
        name=name,
        html=builder.format == "html",
        pages=pages,
        site=site,
        html_files=html_files,
        serialized=isinstance(builder, SerializingHTMLBuilder),
        single_page=name == "singlehtml",
        book=epub or latex,
        epub=epub,
        latex=latex,
        starts_at_book=latex or (epub and bool(getattr(builder, "starts_at_book", False))),
        downloads_remote_images=epub or latex or name == "texinfo",
        writes_everything=isinstance(builder.get_outdated_docs(), str),
        feeds=bool(pages and config.html_baseurl and config.blog_feeds),
        page_size=config.blog_page_size if pages else 0,
        sitemap=bool(site and config.html_baseurl),
        search=html_files and bool(getattr(builder, "search", False)),
        social_cards=bool(site and config.html_baseurl and config.blog_social_cards),
    )


def output_of(builder: Builder) -> Output:
    """This build's record: made at ``builder-inited``, or now for a builder made later."""
    data = blog_data(builder.env)
    if data.output is None or data.output_builder is not builder:
        data.output, data.output_builder = describe(builder), builder
    return data.output


def output_in(env: BuildEnvironment) -> Output:
    """This build's record, for transforms, which are given the environment and
    not the builder: made at ``builder-inited``, before any document is read."""
    return blog_data(env).output or Output(name="")


def builder_in(env: BuildEnvironment) -> Builder | None:
    """This build's builder, for post-transforms that write what it copies."""
    builder = blog_data(env).output_builder
    return builder if isinstance(builder, Builder) else None


def describe_output(app: Sphinx) -> None:
    """``builder-inited``: describe the output once, before anything asks."""
    output_of(app.builder)
