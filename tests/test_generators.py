"""Posts written for other generators build unchanged, with the right date, tags,
summary and draft state."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import post_meta, read_html, root_with


@pytest.fixture(scope="module")
def generators(builds):
    return builds("generators")


# post -> (title, date shown, tags shown, summary on the home page)
EXPECTED = {
    "2015-05-28-welcome-to-jekyll": (
        "Welcome to Jekyll!", "May 28, 2015", ["ruby", "jekyll", "update"], "Jekyll's own excerpt.",
    ),
    "2016-01-02-date-from-file-name": (
        "Dated by its file name", "Jan 2, 2016", ["ruby"],
        "Jekyll takes the date from the file name.",
    ),
    "hugo-post": ("Hugo post", "Mar 26, 2019", ["hugo", "go", "web"], "Hugo's description."),
    "gatsby-post": ("Gatsby post", "May 1, 2015", ["gatsby", "react"], "Gatsby's description."),
    "pelican-post": (
        "Pelican post", "Oct 3, 2010", ["pelican", "publishing", "Python"],
        "Short version for index and feeds",
    ),
    "2019-05-28-first-blog-post": (
        "First Blog Post", "May 28, 2019", ["hola", "docusaurus"], "Lorem ipsum dolor sit amet.",
    ),
    "mkdocs-material-post": (
        "Hello world!", "Dec 31, 2023", ["Hello", "World"], "This is the excerpt.",
    ),
    "ablog-post": (
        "ABlog post", "Oct 10, 2020", ["ablog", "sphinx", "Manual"],
        "The first paragraph is the summary.",
    ),
}  # fmt: skip


def test_every_generators_post_builds_without_a_warning(generators):
    assert generators.warning.getvalue() == ""


@pytest.mark.parametrize("post", EXPECTED)
def test_post_lands_with_its_date_tags_and_summary(generators, post):
    app = generators
    title, date, tags, summary = EXPECTED[post]
    assert post_meta(app, f"posts/{post}.html") == (title, date, tags)
    home = read_html(app.outdir, "index.html")
    item = next(li for li in home.select("ul.blog-postlist > li") if li.a.get_text() == title)
    assert item.select_one(".blog-summary").get_text() == summary


def test_updated_dates_and_authors_show_on_the_post(generators):
    app = generators
    hugo = read_html(app.outdir, "posts/hugo-post.html").select_one(".blog-post-meta")
    assert hugo.select_one(".blog-updated").get_text() == "Updated Apr 1, 2019"
    mkdocs = read_html(app.outdir, "posts/mkdocs-material-post.html")
    assert mkdocs.select_one(".blog-updated").get_text() == "Updated Jan 2, 2024"
    assert mkdocs.select_one(".blog-authors").get_text() == "By squidfunk"
    pelican = read_html(app.outdir, "posts/pelican-post.html")
    assert pelican.select_one(".blog-authors").get_text() == "By Alexis Métaireau, Conan Doyle"
    docusaurus = read_html(app.outdir, "posts/2019-05-28-first-blog-post.html")
    byline = docusaurus.select_one(".blog-authors").get_text()
    assert byline == "By Gao Wei (Docusaurus Core Team · github.com/wgao19), slorber"


def test_drafts_and_future_posts_are_built_but_not_listed(generators):
    app = generators
    archive = read_html(app.outdir, "archive.html")
    listed = {a.get_text() for a in archive.select("ul.blog-postlist a")}
    assert listed == {title for title, *_ in EXPECTED.values()}
    draft = read_html(app.outdir, "posts/hugo-draft.html")
    assert draft.select_one(".blog-draft").get_text() == "Draft"
    assert not (app.outdir / "tags" / "secret.html").exists()  # only a draft has it
    assert (app.outdir / "posts" / "pelican-draft.html").exists()
    ruby = read_html(app.outdir, "tags/ruby.html")
    assert "From the future" not in ruby.get_text()
    assert re.search(
        r"future-post.*: post is dated in the future \(2999-01-01\): held back",
        app.status.getvalue(),
    )
    searchindex = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    assert "xylophon" not in searchindex  # the draft's words are not searchable


@pytest.mark.sphinx(
    "html", testroot="generators", copy_test_root=True, freshenv=True,
    confoverrides={"blog_drafts": True, "blog_future_posts": "publish"},
)  # fmt: skip
def test_drafts_and_future_posts_can_be_shown(app):
    app.build()
    archive = read_html(app.outdir, "archive.html")
    listed = {a.get_text() for a in archive.select("ul.blog-postlist a")}
    assert {"Hugo draft", "Pelican draft", "From the future"} <= listed
    assert (app.outdir / "tags" / "secret.html").exists()
    assert "published now" in app.status.getvalue()


def test_aliases_redirect_to_the_post(generators):
    app = generators
    for alias, target in [
        ("2015/05/28/welcome/index.html", "../../../../posts/2015-05-28-welcome-to-jekyll.html"),
        ("old-welcome.html", "posts/2015-05-28-welcome-to-jekyll.html"),
        ("old/hugo-post/index.html", "../../posts/hugo-post.html"),
    ]:
        page = read_html(app.outdir, alias)
        assert page.select_one('meta[http-equiv="refresh"]')["content"] == f"0; url={target}"
        assert (app.outdir / alias).parent.joinpath(target).resolve().exists()
    canonical = read_html(app.outdir, "old-welcome.html").select_one('link[rel="canonical"]')
    expected = "https://blog.example.org/posts/2015-05-28-welcome-to-jekyll.html"
    assert canonical["href"] == expected
    assert read_html(app.outdir, "old-welcome.html").html["lang"] == "en"


def post_record(app, page: str) -> dict | None:
    """What the root's template writes of ``blog_post`` (title, authors, extra) on *page*."""
    script = read_html(app.outdir, page).select_one("script#blog-post-record")
    return None if script is None else json.loads(script.get_text())


def test_unknown_keys_reach_templates(generators):
    assert post_record(generators, "posts/ablog-post.html")["extra"] == {
        "blogpost": True, "location": "World",
    }  # fmt: skip
    jekyll = post_record(generators, "posts/2015-05-28-welcome-to-jekyll.html")
    assert jekyll["extra"] == {"layout": "post"}


def test_templates_get_the_post_and_its_unknown_keys(generators):
    post = post_record(generators, "posts/ablog-post.html")
    assert (post["title"], post["authors"], post["extra"]["location"]) == (
        "ABlog post",
        ["Ablog Author"],
        "World",
    )
    assert post_record(generators, "archive.html") is None


def test_drafts_are_listed_in_a_preview_build(make_app, tmp_path, monkeypatch, rootdir):
    import shutil

    monkeypatch.setenv("BLOG_DRAFTS", "1")
    shutil.copytree(rootdir / "test-generators", tmp_path / "site")
    app = make_app("html", srcdir=tmp_path / "site")
    app.build()
    archive = read_html(app.outdir, "archive.html")
    assert "Hugo draft" in {a.get_text() for a in archive.select("ul.blog-postlist a")}


EXPIRED = """---
title: An offer that ended
date: 2019-01-01
expiryDate: 2020-01-01
tags: [offers]
---
The xylophonist's offer has ended.
"""
LASTING = """---
title: An offer that lasts
date: 2019-01-02
expires: 2999-01-01
---
Still on.
"""


def test_an_expired_post_leaves_listings_feeds_search_and_sitemap(make_app, tmp_path):
    srcdir = root_with(
        Path(__file__).parent / "roots" / "test-basic", tmp_path / "site",
        {"posts/expired.md": EXPIRED, "posts/lasting.md": LASTING},
    )  # fmt: skip
    app = make_app("html", srcdir=srcdir, confoverrides={"html_baseurl": "https://b.example/"})
    app.build()
    said = app.status.getvalue().replace(f"{srcdir}/", "")
    expired = "post expired on 2020-01-01: left out of listings, feeds, the search and the sitemap"
    assert f"posts/expired.md: {expired}" in said
    archive = read_html(app.outdir, "archive.html").get_text()
    assert "An offer that lasts" in archive and "An offer that ended" not in archive
    assert (app.outdir / "posts" / "expired.html").exists()  # written, as a draft is
    assert not (app.outdir / "tags" / "offers.html").exists()
    atom = (app.outdir / "atom.xml").read_text(encoding="utf-8")
    assert "An offer that lasts" in atom and "An offer that ended" not in atom
    assert "posts/expired.html" not in (app.outdir / "sitemap.xml").read_text(encoding="utf-8")
    assert "xylophonist" not in (app.outdir / "searchindex.js").read_text(encoding="utf-8")
