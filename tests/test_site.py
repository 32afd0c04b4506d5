"""The project's own site builds without a warning, the way `make html` runs it (-W)."""

from __future__ import annotations

import pytest
from conftest import PROJECT, heading, read_html

SEED = PROJECT.parent / "shared" / "seed" / "seed-post.md"


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_site_builds_without_warnings(make_app, site, builder):
    app = make_app(builder, srcdir=site, warningiserror=True)
    app.build()
    assert app.warning.getvalue() == ""
    page = "index.html" if builder == "dirhtml" else "archive.html"
    archive = read_html(app.outdir, f"archive/{page}" if builder == "dirhtml" else page)
    posts = sorted(p.stem for p in (site / "posts").glob("*.md"))
    listed = archive.select("article ul.blog-postlist a")
    assert len(listed) == len(posts) >= 7


@pytest.mark.parametrize(
    ("builder", "output", "expected"),
    [
        # a single page holds the home page, archive and tag index, which name the posts
        ("singlehtml", "index.html", "A very simple post"),
        ("text", "posts/2019-06-18-simple-post.txt", "Қазақстандықтар"),
        ("epub", "posts/2019-06-18-simple-post.xhtml", "Қазақстандықтар"),
        ("latex", "blog.tex", "Қазақстандықтар"),
    ],
)
def test_site_builds_without_warnings_in_other_builders(make_app, site, builder, output, expected):
    app = make_app(builder, srcdir=site, warningiserror=True)
    app.build()
    assert app.warning.getvalue() == ""
    assert expected in (app.outdir / output).read_text(encoding="utf-8")


def test_seed_post_ships_unchanged_and_renders_in_kazakh(make_app, site):
    seed = PROJECT / "posts" / "2019-06-18-simple-post.md"
    if SEED.exists():
        assert seed.read_bytes() == SEED.read_bytes()
    app = make_app("html", srcdir=site)
    app.build()
    page = read_html(app.outdir, "posts/2019-06-18-simple-post.html")
    assert heading(page.select_one("article h1")) == "A very simple post"
    assert page.select_one(".blog-post-meta .blog-date").get_text() == "Jun 18, 2019"
    assert [a.get_text() for a in page.select(".blog-post-tags a")] == [
        "demo-content",
        "simple-post",
        "blog",
    ]
    assert "Біз, Қазақстандықтар" in page.select_one("article").get_text()


def test_site_builds_when_read_the_docs_sets_the_language(make_app, site):
    # Read the Docs passes -D language=<the project's language>
    app = make_app("html", srcdir=site, confoverrides={"language": "kk"}, warningiserror=True)
    app.build()
    assert app.warning.getvalue() == ""
    page = read_html(app.outdir, "posts/2019-06-18-simple-post.html")
    assert page.select_one(".blog-post-meta .blog-date").get_text() == "2019\u202fж. 18 мау."


def test_canonical_url_comes_from_read_the_docs(make_app, site, monkeypatch):
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", "https://blog.example.org/kk/latest/")
    app = make_app("html", srcdir=site)
    app.build()
    page = read_html(app.outdir, "archive.html")
    assert page.select_one('link[rel="canonical"]')["href"] == (
        "https://blog.example.org/kk/latest/archive.html"
    )


def test_no_canonical_url_without_read_the_docs(make_app, site, monkeypatch):
    monkeypatch.delenv("READTHEDOCS_CANONICAL_URL", raising=False)
    app = make_app("html", srcdir=site)
    app.build()
    assert read_html(app.outdir, "archive.html").select_one('link[rel="canonical"]') is None
