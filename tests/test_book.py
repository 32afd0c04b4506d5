"""The blog as a book: LaTeX, ePub, single HTML and text hold every post and
link tags and the archive inside themselves."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from checkers import epubcheck_messages
from conftest import read_html, site_posts

ROOT = Path(__file__).parent / "roots" / "test-book"

HYPERREF = re.compile(r"\\hyperref\[\\detokenize\{([^}]*)\}\]")
LABEL = re.compile(r"\\label\{\\detokenize\{([^}]*)\}\}")
CHAPTER = re.compile(r"\\chapter\{([^}]*)\}")


def tex_of(app) -> str:
    return (app.outdir / "book.tex").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def book(builds):
    return builds("book", "latex")


def test_latex_has_every_post_as_a_chapter_oldest_first_then_the_indexes(book):
    app = book
    assert CHAPTER.findall(tex_of(app)) == ["Oldest", "Newest", "Undated", "Archive", "Tags"]


def test_latex_links_tags_to_the_tag_index_and_every_link_resolves(book):
    app = book
    tex = tex_of(app)
    targets = set(HYPERREF.findall(tex))
    assert {"tags/index:tag-python", "tags/index:tag-c-plus-plus"} <= targets
    assert "posts/a::doc" in targets  # the archive links the post inside the book
    assert targets <= set(LABEL.findall(tex))
    assert "\\href{" not in tex  # nothing points back to a website


def test_a_books_posts_show_no_web_navigation(book, builds):
    # chapters follow each other: "Older"/"Newer" links would only fill a page
    assert "Older" not in tex_of(book) and "Newer" not in tex_of(book)
    epub = builds("book", "epub")
    newest = read_html(epub.outdir, "posts/b.xhtml")
    assert newest.select(".blog-post-nav") == []
    web = builds("book", "html")
    assert read_html(web.outdir, "posts/b.html").select(".blog-post-nav a")


def test_text_lists_each_tags_posts_on_the_tag_index(builds):
    app = builds("book", "text")
    index = (app.outdir / "tags" / "index.txt").read_text(encoding="utf-8")
    assert re.search(
        r"^Python\n=+\n\n\* Jan 1, 2021 Newest 1 min read\n\n\* Jan 1, 2019 Oldest 1 min read",
        index,
        re.M,
    )
    assert app.warning.getvalue() == ""


def test_single_html_links_resolve_inside_the_page(builds):
    app = builds("book", "singlehtml")
    page = read_html(app.outdir, "index.html")
    ids = {element["id"] for element in page.find_all(id=True)}
    hrefs = [a["href"] for a in page.select("div.body a[href]") if a["href"].startswith("#")]
    assert "#tag-python" in hrefs
    assert [href for href in hrefs if href[1:] not in ids] == []
    # posts are not part of the single page: they are named, not linked
    assert page.select_one("ul.blog-postlist a") is None
    assert app.warning.getvalue() == ""


def test_the_book_follows_new_posts(make_app, tmp_path):
    srcdir = tmp_path / "book"
    shutil.copytree(ROOT, srcdir)
    make_app("latex", srcdir=srcdir).build()
    (srcdir / "posts" / "middle.md").write_text(
        "---\ntitle: Middle\ndate: 2020-01-01\ntags: [python]\n---\nText.\n", encoding="utf-8"
    )
    app = make_app("latex", srcdir=srcdir)
    app.build()
    assert CHAPTER.findall(tex_of(app))[:4] == ["Oldest", "Middle", "Newest", "Undated"]


def web_toctree(outdir: Path) -> tuple[list[str], list[str]]:
    """What the web's book page links in its toctrees, and what a post links as its
    neighbours: with the posts in a toctree, Sphinx would link them both."""
    book = read_html(outdir, "book.html")
    entries = [a["href"] for a in book.select(".toctree-wrapper li > a")]
    post = read_html(outdir, "posts/a.html")
    relations = [link["href"] for link in post.select('link[rel="prev"], link[rel="next"]')]
    relations += [link["href"] for link in post.select('link[rel="up"]')]
    return entries, relations


def test_web_and_book_builds_share_one_environment(make_app, tmp_path):
    """HTML leaves the posts out of the book's toctree; LaTeX, after it, has them all."""
    srcdir = tmp_path / "book"
    shutil.copytree(ROOT, srcdir)
    html = make_app("html", srcdir=srcdir)
    html.build()
    assert web_toctree(html.outdir) == (["archive.html", "tags/index.html"], [])
    latex = make_app("latex", srcdir=srcdir)
    latex.build()
    assert CHAPTER.findall(tex_of(latex)) == ["Oldest", "Newest", "Undated", "Archive", "Tags"]
    # the web pages written again from the environment the book's build left
    shutil.rmtree(html.outdir)
    html = make_app("html", srcdir=srcdir)
    html.build()
    assert web_toctree(html.outdir) == (["archive.html", "tags/index.html"], [])


@pytest.mark.parametrize(("builder", "page"), [("latex", "book.tex"), ("epub", "posts/a.xhtml")])
def test_books_give_dates_and_the_blogs_words_in_kazakh(make_app, tmp_path, builder, page):
    srcdir = tmp_path / "book"
    shutil.copytree(ROOT, srcdir)
    app = make_app(builder, srcdir=srcdir, confoverrides={"language": "kk"})
    app.build()
    text = (app.outdir / page).read_text(encoding="utf-8")
    assert re.search(r"2019\W*ж\.\W*01 қаң\.", text)  # Jan 01, 2019
    assert "Оқуға 1 мин" in text and "min read" not in text


# --- the project's own site ---------------------------------------------------------------

needs_xelatex = pytest.mark.skipif(
    not (shutil.which("xelatex") and shutil.which("latexmk") and shutil.which("pdftotext")),
    reason="XeLaTeX, latexmk or pdftotext is not installed (see docs/books.md)",
)
KAZAKH_LETTERS = "ӘҒҚҢӨҰҮҺІәғқңөұүһі"
SITE_POSTS = site_posts(Path(__file__).parent.parent)
#: the site's posts in Kazakh (the first has an English title over a Kazakh text)
KAZAKH_POSTS = {
    "2019-06-18-simple-post", "2025-06-09-saylau-zhane-azamattyq-qogam",
    "2026-10-17-qazaqsha-qujattama", "2022-09-24-almaty-big-almaty-lake.kk",
}  # fmt: skip
#: a translation (Hugo's name.kk.md) follows its story's English version in the book
BOOK_POSTS = sorted(SITE_POSTS, key=lambda p: (p.stem.removesuffix(".kk"), p.suffixes[0] == ".kk"))


@pytest.fixture(scope="module")
def site_build(builds):
    """The project's site built once per builder and language, with warnings as errors,
    for every test that reads it."""

    def build(builder: str, language: str = "en") -> SphinxTestApp:
        # English is the site's own language (conf.py)
        overrides = {} if language == "en" else {"language": language}
        app = builds("site", builder, **overrides)
        assert app.warning.getvalue() == ""
        return app

    return build


@pytest.fixture(scope="module")
def site_pdf(site_build):
    """The site's PDF in a language: its pages as ``pdftotext`` reads them, and its log."""
    pdfs = {}

    def pdf(language: str) -> tuple[SphinxTestApp, list[str], str]:
        if language not in pdfs:
            app = site_build("latex", language)
            subprocess.run(
                ["make", "-C", str(app.outdir), "all-pdf"], capture_output=True, check=True,
                env={**os.environ, "LATEXMKOPTS": "-interaction=nonstopmode -halt-on-error"},
            )  # fmt: skip
            text = subprocess.run(
                ["pdftotext", "-layout", str(app.outdir / "blog.pdf"), "-"],
                capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
            log = (app.outdir / "blog.log").read_text(encoding="utf-8", errors="replace")
            pdfs[language] = app, text.split("\f")[:-1], log
        return pdfs[language]

    return pdf


def epub_reading_order(outdir: Path) -> tuple[list[str], list[str], list[str]]:
    """The ePub's spine (linear items), every item in its package, and its nav's links."""
    opf = (outdir / "content.opf").read_text(encoding="utf-8")
    hrefs = dict(re.findall(r'<item id="([^"]+)" href="([^"]+)"', opf))
    spine = re.findall(r'<itemref idref="([^"]+)"( linear="no")?', opf)
    reading_order = [hrefs[idref] for idref, nonlinear in spine if not nonlinear]
    nav = re.findall(r'<a href="([^"]+)"', (outdir / "nav.xhtml").read_text(encoding="utf-8"))
    return reading_order, list(hrefs.values()), nav


def test_site_epub_is_a_book_of_posts_that_epubcheck_passes(site_build):
    app = site_build("epub")
    assert epubcheck_messages(app.outdir / "blog.epub") == []
    reading_order, package, nav = epub_reading_order(app.outdir)
    posts = [f"posts/{post.stem}.xhtml" for post in BOOK_POSTS]  # named by date: oldest first
    book = ["book.xhtml", *posts, "archive.xhtml", "tags/index.xhtml", "authors/index.xhtml"]
    assert reading_order == book
    ncx = (app.outdir / "toc.ncx").read_text(encoding="utf-8")
    assert nav == re.findall(r'<content src="([^"]+)"', ncx) == book
    # neither the web home page nor a page per tag: the tag index lists every tag's posts
    pages = sorted(href for href in package if href.endswith(".xhtml"))
    assert pages == sorted([*book, "nav.xhtml"])
    title_page = read_html(app.outdir, "book.xhtml")
    assert title_page.select_one("p.blog-book-author").get_text() == "The blog's authors"
    # the book's language on every page, a Kazakh post's on its text
    assert {read_html(app.outdir, page).html["lang"] for page in book} == {"en"}
    seed = read_html(app.outdir, "posts/2019-06-18-simple-post.xhtml")
    assert seed.select_one("section")["lang"] == "kk"


def test_site_epub_in_kazakh_passes_epubcheck(site_build):
    app = site_build("epub", "kk")
    assert epubcheck_messages(app.outdir / "blog.epub") == []
    nav = read_html(app.outdir, "nav.xhtml")
    assert nav.select_one("h1").get_text() == "Мазмұны"
    assert [a.get_text() for a in nav.select("a")][-3:] == ["Archive", "Тегтер", "Авторлары"]


@needs_xelatex
def test_site_pdf_is_a_book_of_posts(site_pdf):
    _app, pages, log = site_pdf("en")
    assert [number for number, page in enumerate(pages, 1) if not page.strip()] == []  # no blank
    assert pages[0].split() == ["Blog", "The", "blog's", "authors"]  # title page
    assert pages[1].split()[0] == "Contents"
    assert "Release" not in "".join(pages)
    text = " ".join("".join(pages).split())
    for post in SITE_POSTS:
        title = re.search(r"^title: ['\"]?(.*?)['\"]?$", post.read_text(encoding="utf-8"), re.M)
        if title:
            assert re.search(rf"Chapter \d+\s+{re.escape(title.group(1))}", text)
    assert "Сайлау және азаматтық қоғам туралы ойлар" in text  # titled by its heading
    assert re.search(r"Chapter \d+\s+A sine wave, drawn without a plotting library", text)
    # each post's header: date, reading time, tags (and authors)
    assert "Jun 18, 2019 · 3 min read · demo-content simple-post blog" in text
    assert "Sep 24, 2022 · By Aigerim Nurlanqyzy · 1 min read · travel" in text
    # the archive and the tag index close the book, unnumbered, as do their sections
    archive = next(page for page in pages if page.lstrip().startswith("Archive\n"))
    assert re.search(r"^\s*2026\s*$", archive, re.M)
    assert re.search(r"^\s*October\s*$", archive, re.M)
    assert not re.search(r"\b\d+\.\d+(\.\d+)?\s+(\d{4}|October|python)\b", text)
    assert not re.search(r"Chapter \d+ (Archive|Tags)", text)
    assert [letter for letter in KAZAKH_LETTERS if letter not in text] == []
    assert "Missing character" not in log


@needs_xelatex
def test_site_pdf_in_kazakh_has_kazakh_labels(site_pdf):
    _app, pages, log = site_pdf("kk")
    assert [number for number, page in enumerate(pages, 1) if not page.strip()] == []
    assert pages[1].split()[0] == "Мазмұны"
    text = "".join(pages)
    assert re.search(r"Тарау 1\s+A very simple post", text)
    assert "Chapter" not in text and "Contents" not in text and "Release" not in text
    assert "Missing character" not in log
    assert "polyglossia Warning" not in log  # it has no Kazakh: the labels are the book's


def test_site_chapters_are_hyphenated_in_their_posts_language(site_build):
    """Kazakh has no hyphenation patterns in TeX: its posts are not hyphenated as English."""
    for language in ("en", "kk"):
        tex = (site_build("latex", language).outdir / "blog.tex").read_text(encoding="utf-8")
        chapters = re.findall(
            r"\\blog(post|page)\{(\w+)\}\s*\\chapter\{[^}]*\}\s*"
            r"(?:\\label\{\\detokenize\{[^}]*\}\})*?\\label\{\\detokenize\{([^:}]*)::doc\}\}",
            tex,
        )
        site = {"en": "english", "kk": "kazakh"}[language]
        assert [kind for kind, _, _ in chapters] == ["post"] * len(SITE_POSTS) + ["page"] * 3
        for kind, patterns, docname in chapters:
            if kind == "page":
                assert patterns == site, docname
            elif docname.removeprefix("posts/") in KAZAKH_POSTS:
                assert patterns == "kazakh", docname
            else:
                assert patterns == "english", docname
        assert rf"\AtBeginDocument{{\blogsethyphenation{{{site}}}}}" in tex
        # TeX has no Kazakh patterns: \blogsethyphenation falls back to none at all
        assert r"\else\language=\l@nohyphenation\fi" in tex
