"""The project's own site builds without a warning, the way `make html` runs it (-W)."""

from __future__ import annotations

import re

import pytest

from conftest import PROJECT, heading, read_html, site_posts

SEED = PROJECT.parent / "shared" / "seed" / "seed-post.md"


def site_titles(builds) -> list[str]:
    """The titles of the site's posts, as its web archive lists them."""
    archive = read_html(builds("site").outdir, "archive.html")
    return [a.get_text() for a in archive.select("article ul.blog-postlist a.blog-post-title")]


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_site_builds_without_warnings(builds, builder):
    app = builds("site", builder)
    assert app.warning.getvalue() == ""
    page = "archive/index.html" if builder == "dirhtml" else "archive.html"
    archive = read_html(app.outdir, page)
    # a translation (Hugo's name.kk.md) is not listed beside its story's English version
    posts = sorted(p.stem for p in site_posts(app.srcdir) if not p.stem.endswith(".kk"))
    listed = archive.select("article ul.blog-postlist a")
    assert len(listed) == len(posts) >= 7


def test_site_builds_without_warnings_as_text(builds):
    app = builds("site", "text")
    assert app.warning.getvalue() == ""
    seed = (app.outdir / "posts" / "2019-06-18-simple-post.txt").read_text(encoding="utf-8")
    assert seed.startswith("A very simple post\n******************\n")
    assert "Қазақстандықтар" in seed
    # one complete archive, every post by its title
    archive = (app.outdir / "archive.txt").read_text(encoding="utf-8")
    assert [title for title in site_titles(builds) if title not in archive] == []
    assert {p.stem for p in (app.outdir / "posts").glob("*.txt")} == {
        p.stem for p in site_posts(app.srcdir)
    }


def test_site_builds_without_warnings_as_a_single_page(builds):
    app = builds("site", "singlehtml")
    assert app.warning.getvalue() == ""
    page = read_html(app.outdir, "index.html")
    # the single page holds the home page, archive and tag index, which name the posts
    body = page.select_one("article")
    assert [title for title in site_titles(builds) if title not in body.get_text(" ")] == []
    # every link to a part of the page leads to one: the text's, the sidebar's recent posts'
    ids = {element["id"] for element in page.find_all(id=True)}
    fragments = [a["href"][1:] for a in page.select("a[href^='#']") if a["href"] != "#"]
    assert "tag-python" in fragments
    assert [name for name in fragments if name not in ids] == []


def test_site_builds_without_warnings_as_books(builds):
    epub, latex = builds("site", "epub"), builds("site", "latex")
    assert epub.warning.getvalue() == latex.warning.getvalue() == ""
    seed = (epub.outdir / "posts" / "2019-06-18-simple-post.xhtml").read_text(encoding="utf-8")
    assert "Қазақстандықтар" in seed
    nav = read_html(epub.outdir, "nav.xhtml").get_text(" ")
    tex = (latex.outdir / "blog.tex").read_text(encoding="utf-8")
    chapters = [
        re.sub(r"\\([#&%$_{}])", r"\1", title)  # as LaTeX escapes them
        for title in re.findall(r"\\chapter\{((?:[^\\}]|\\.)*)\}", tex)
    ]
    for title in site_titles(builds):
        assert title in nav, title
        assert title in chapters, title
    assert "Қазақстандықтар" in tex


def test_seed_post_ships_unchanged_and_renders_in_kazakh(builds):
    seed = PROJECT / "posts" / "2019-06-18-simple-post.md"
    if SEED.exists():
        assert seed.read_bytes() == SEED.read_bytes()
    app = builds("site")
    page = read_html(app.outdir, "posts/2019-06-18-simple-post.html")
    assert heading(page.select_one("article h1")) == "A very simple post"
    assert page.select_one(".blog-post-meta .blog-date").get_text() == "Jun 18, 2019"
    assert [a.get_text() for a in page.select(".blog-post-tags a")] == [
        "demo-content",
        "simple-post",
        "blog",
    ]
    assert "Біз, Қазақстандықтар" in page.select_one("article").get_text()


def test_site_builds_when_read_the_docs_sets_the_language(builds):
    # Read the Docs passes -D language=<the project's language>
    app = builds("site", language="kk")
    assert app.warning.getvalue() == ""
    page = read_html(app.outdir, "posts/2019-06-18-simple-post.html")
    assert page.select_one(".blog-post-meta .blog-date").get_text() == "2019\u202fж. 18 мау."


def test_no_canonical_url_without_read_the_docs(builds):
    # built without READTHEDOCS_CANONICAL_URL (see conftest.Builds)
    page = read_html(builds("site").outdir, "archive.html")
    assert page.select_one('link[rel="canonical"]') is None
