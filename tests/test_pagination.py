"""Long listings split into pages in HTML; books keep one list."""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import post_titles, read_html


@pytest.fixture(scope="module")
def paged(builds):
    return builds("basic", blog_page_size=2)


def test_tag_pages_split_with_links_between_pages(paged):
    app = paged
    first = read_html(app.outdir, "tags/python.html")
    assert post_titles(first) == ["New year", "Comma tags"]
    assert first.select_one(".blog-pager .blog-page-number").get_text() == "Page 1 of 2"
    assert first.select_one(".blog-pager a.blog-older")["href"] == "python/page/2.html"
    second = read_html(app.outdir, "tags/python/page/2.html")
    assert post_titles(second) == ["First steps"]
    assert second.select_one(".blog-pager a.blog-newer")["href"] == "../../python.html"
    assert "Python (page 2 of 2)" in second.title.get_text()
    # the count is the first page's: a later page changes only where its posts do
    assert first.select_one(".blog-tag-summary").get_text().startswith("3 posts")
    assert second.select_one(".blog-tag-summary").get_text(strip=True) == "All tags"
    post = second.select_one("ul.blog-postlist a.blog-post-title")["href"]
    assert (app.outdir / "tags" / "python" / "page" / post).resolve().exists()


def test_archive_pages_keep_year_links_working(paged):
    app = paged
    pages = [read_html(app.outdir, "archive.html")]
    pages += [read_html(app.outdir, f"archive/page/{n}.html") for n in (2, 3)]
    assert [post_titles(page) for page in pages] == [
        ["New year", "Қазақстан туралы"],
        ["Late evening west of Greenwich", "Comma tags"],
        ["First steps"],
    ]
    years = {a.get_text(): a["href"] for a in pages[0].select(".blog-archive-years a")}
    assert years == {
        "2022": "#year-2022", "2021": "#year-2021",
        "2020": "archive/page/2.html#year-2020", "2019": "archive/page/3.html#year-2019",
    }  # fmt: skip
    assert pages[2].select_one("#year-2019") is not None
    assert not (app.outdir / "archive" / "page" / "4.html").exists()


def test_a_limited_list_is_not_paginated(paged):
    app = paged
    home = read_html(app.outdir, "index.html")
    assert len(post_titles(home)) == 3 and home.select_one(".blog-pager") is None


@pytest.mark.sphinx(
    "text", testroot="basic", copy_test_root=True, freshenv=True,
    confoverrides={"blog_page_size": 2},
)  # fmt: skip
def test_books_keep_one_complete_list(app):
    app.build()
    archive = (app.outdir / "archive.txt").read_text(encoding="utf-8")
    assert all(title in archive for title in ["New year", "Comma tags", "First steps"])
    assert "Page 1 of" not in archive


def test_pages_follow_the_posts_and_rebuilds_leave_them_alone(make_app, tmp_path, rootdir):
    site = tmp_path / "site"
    shutil.copytree(rootdir / "test-basic", site)
    overrides = {"blog_page_size": 2}
    make_app("html", srcdir=site, confoverrides=overrides).build()
    second = site / "_build" / "html" / "tags" / "python" / "page" / "2.html"
    mtime = second.stat().st_mtime_ns
    make_app("html", srcdir=site, confoverrides=overrides).build()
    assert second.stat().st_mtime_ns == mtime  # a no-op rebuild rewrites nothing
    (site / "posts" / "first.md").unlink()
    make_app("html", srcdir=site, confoverrides=overrides).build()
    assert not second.exists()  # python now fits on one page
    assert (site / "_build" / "html" / "tags" / "python.html").exists()


def _rebuild_with_first_post_retitled(make_app, site, overrides):
    """Rename "First steps" to "Second steps" and build again: the app, and the
    pages it wrote."""
    first = site / "posts" / "first.md"
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace("First steps", "Second steps"), encoding="utf-8")
    later = first.stat().st_mtime + 10
    os.utime(first, (later, later))
    app = make_app("html", srcdir=site, confoverrides=overrides)
    rendered = []
    app.connect("html-page-context", lambda _app, pagename, *_args: rendered.append(pagename))
    app.build()
    return app, rendered


def test_an_edited_post_rewrites_only_the_later_pages_that_list_it(make_app, tmp_path, rootdir):
    site = tmp_path / "site"
    shutil.copytree(rootdir / "test-basic", site)
    overrides = {"blog_page_size": 1}  # python: New year | Comma tags | First steps
    make_app("html", srcdir=site, confoverrides=overrides).build()
    pages = site / "_build" / "html" / "tags" / "python" / "page"
    mtime = (pages / "2.html").stat().st_mtime_ns
    app, rendered = _rebuild_with_first_post_retitled(make_app, site, overrides)
    assert post_titles(read_html(app.outdir, "tags/python/page/3.html")) == ["Second steps"]
    assert "tags/python/page/3" in rendered
    assert "tags/python/page/2" not in rendered  # Comma tags, as it was: not even rendered
    assert (pages / "2.html").stat().st_mtime_ns == mtime


def test_an_edited_post_rewrites_only_the_archive_page_that_lists_it(make_app, tmp_path, rootdir):
    site = tmp_path / "site"
    shutil.copytree(rootdir / "test-basic", site)
    overrides = {"blog_page_size": 1}  # one post an archive page
    make_app("html", srcdir=site, confoverrides=overrides).build()
    app, rendered = _rebuild_with_first_post_retitled(make_app, site, overrides)
    archive_pages = sorted((app.outdir / "archive" / "page").glob("*.html"))
    listing = [
        page.stem
        for page in archive_pages
        if "Second steps" in post_titles(read_html(app.outdir, f"archive/page/{page.name}"))
    ]
    assert len(archive_pages) > 2 and len(listing) == 1
    assert [name for name in rendered if name.startswith("archive/page/")] == [
        f"archive/page/{listing[0]}"
    ]


def test_a_changed_setting_renders_every_later_page_again(make_app, tmp_path, rootdir):
    site = tmp_path / "site"
    shutil.copytree(rootdir / "test-basic", site)
    make_app("html", srcdir=site, confoverrides={"blog_page_size": 1}).build()
    overrides = {"blog_page_size": 1, "html_title": "Renamed blog"}
    app = make_app("html", srcdir=site, confoverrides=overrides)
    app.build()
    second = read_html(app.outdir, "tags/python/page/2.html")
    assert "Renamed blog" in second.title.get_text()


BASE = "https://example.org/"


@pytest.mark.sphinx(
    "html", testroot="basic", copy_test_root=True, freshenv=True,
    confoverrides={
        "blog_page_size": 2, "html_theme": "sphinx_book_theme", "html_baseurl": BASE,
        "extensions": ["myst_parser", "sphinxext.opengraph", "sphinxblog"],
    },
)  # fmt: skip
def test_later_pages_have_titles_and_social_tags_as_first_pages_do(app):
    app.build()
    second = read_html(app.outdir, "tags/python/page/2.html")
    headings = [h1.get_text(" ", strip=True).removesuffix(" #") for h1 in second.select("h1")]
    assert headings and all(text == "Python (page 2 of 2)" for text in headings), headings

    def meta(key: str) -> list[str]:
        found = second.select(f'meta[property="{key}"], meta[name="{key}"]')
        return [tag["content"] for tag in found]

    assert meta("og:url") == [BASE + "tags/python/page/2.html"]
    assert meta("og:title") == ["Python (page 2 of 2)"]
    (description,) = meta("description")
    assert "First steps" in description
