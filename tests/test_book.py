"""The blog as a book: LaTeX, ePub, single HTML and text hold every post and
link tags and the archive inside themselves."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import read_html

ROOT = Path(__file__).parent / "roots" / "test-book"
book = pytest.mark.sphinx("latex", testroot="book", copy_test_root=True, freshenv=True)

HYPERREF = re.compile(r"\\hyperref\[\\detokenize\{([^}]*)\}\]")
LABEL = re.compile(r"\\label\{\\detokenize\{([^}]*)\}\}")
CHAPTER = re.compile(r"\\chapter\{([^}]*)\}")


def tex_of(app) -> str:
    return (app.outdir / "book.tex").read_text(encoding="utf-8")


@book
def test_latex_has_every_post_as_a_chapter_oldest_first_then_the_indexes(app):
    app.build()
    assert CHAPTER.findall(tex_of(app)) == ["Oldest", "Newest", "Undated", "Archive", "Tags"]


@book
def test_latex_links_tags_to_the_tag_index_and_every_link_resolves(app):
    app.build()
    tex = tex_of(app)
    targets = set(HYPERREF.findall(tex))
    assert {"tags/index:tag-python", "tags/index:tag-c-plus-plus"} <= targets
    assert "posts/a::doc" in targets  # the archive links the post inside the book
    assert targets <= set(LABEL.findall(tex))
    assert "\\href{" not in tex  # nothing points back to a website


@pytest.mark.sphinx("text", testroot="book", copy_test_root=True, freshenv=True)
def test_text_lists_each_tags_posts_on_the_tag_index(app):
    app.build()
    index = (app.outdir / "tags" / "index.txt").read_text(encoding="utf-8")
    assert re.search(
        r"^Python\n=+\n\n\* Jan 1, 2021 Newest 1 min read\n\n\* Jan 1, 2019 Oldest 1 min read",
        index,
        re.M,
    )
    assert app.warning.getvalue() == ""


@pytest.mark.sphinx("singlehtml", testroot="book", copy_test_root=True, freshenv=True)
def test_single_html_links_resolve_inside_the_page(app):
    app.build()
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


def test_web_and_book_builds_share_one_environment(make_app, tmp_path):
    """HTML leaves the posts out of the book's toctree; LaTeX, after it, has them all."""
    srcdir = tmp_path / "book"
    shutil.copytree(ROOT, srcdir)
    html = make_app("html", srcdir=srcdir)
    html.build()
    assert html.env.toctree_includes["book"] == ["archive", "tags/index"]
    post = read_html(html.outdir, "posts/a.html")
    assert post.select('link[rel="prev"], link[rel="next"], link[rel="up"]') == []
    latex = make_app("latex", srcdir=srcdir)
    latex.build()
    assert CHAPTER.findall(tex_of(latex)) == ["Oldest", "Newest", "Undated", "Archive", "Tags"]
    html = make_app("html", srcdir=srcdir)
    html.build()
    assert html.env.toctree_includes["book"] == ["archive", "tags/index"]


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

EPUBCHECK = Path("/usr/share/java/epubcheck.jar")
needs_epubcheck = pytest.mark.skipif(
    not (EPUBCHECK.exists() and shutil.which("java")),
    reason="epubcheck is not installed (apt-get install epubcheck)",
)
needs_xelatex = pytest.mark.skipif(
    not (shutil.which("xelatex") and shutil.which("latexmk") and shutil.which("pdftotext")),
    reason="XeLaTeX, latexmk or pdftotext is not installed (see README: PDF)",
)
KAZAKH_LETTERS = "ӘҒҚҢӨҰҮҺІәғқңөұүһі"


@needs_epubcheck
def test_site_epub_is_valid_and_reads_in_order(make_app, site):
    import subprocess

    app = make_app("epub", srcdir=site, warningiserror=True)
    app.build()
    epub = app.outdir / "blog.epub"
    result = subprocess.run(
        ["java", "-jar", str(EPUBCHECK), str(epub)], capture_output=True, text=True, check=False
    )
    report = result.stdout + result.stderr
    assert "Messages: 0 fatals / 0 errors" in report, report

    opf = (app.outdir / "content.opf").read_text(encoding="utf-8")
    hrefs = dict(re.findall(r'<item id="([^"]+)" href="([^"]+)"', opf))
    spine = re.findall(r'<itemref idref="([^"]+)"( linear="no")?', opf)
    reading_order = [hrefs[idref] for idref, nonlinear in spine if not nonlinear]
    posts = sorted(f"posts/{p.stem}.xhtml" for p in (site / "posts").glob("*.md"))
    assert reading_order[:3] == ["index.xhtml", "archive.xhtml", "tags/index.xhtml"]
    assert reading_order[3:] == posts  # file names start with the date: oldest first
    assert all(href.isascii() for href in hrefs.values())
    assert not [
        href for href in hrefs.values() if href.startswith("tags/") and href != "tags/index.xhtml"
    ]


@needs_xelatex
def test_site_pdf_has_posts_archive_tags_and_kazakh(make_app, site):
    import subprocess

    app = make_app("latex", srcdir=site, warningiserror=True)
    app.build()
    tex = (app.outdir / "blog.tex").read_text(encoding="utf-8")
    assert set(HYPERREF.findall(tex)) <= set(LABEL.findall(tex))  # every link stays in the book
    subprocess.run(
        ["make", "-C", str(app.outdir), "all-pdf"], capture_output=True, check=True,
        env={**os.environ, "LATEXMKOPTS": "-interaction=nonstopmode -halt-on-error"},
    )  # fmt: skip
    pdf = app.outdir / "blog.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for post in (site / "posts").glob("*.md"):
        title = re.search(r"^title: ['\"]?(.*?)['\"]?$", post.read_text(encoding="utf-8"), re.M)
        if title:
            assert title.group(1).upper() in text.upper()
    assert "ARCHIVE" in text and "TAGS" in text
    assert "Jun 18, 2019" in text  # the seed post's header: its date...
    assert re.search(r"demo-content\s+simple-post\s+blog", text)  # ...and its tags
    assert "Сайлау және азаматтық қоғам туралы ойлар" in text  # titled by its heading
    assert [letter for letter in KAZAKH_LETTERS if letter not in text] == []
    log = (app.outdir / "blog.log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log
