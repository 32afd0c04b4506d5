"""Authors: profiles from ``authors.yml`` / ``.authors.yml``, shown on posts, a page and
feed per author, and the authors index in the books."""

from __future__ import annotations

import re
import shutil

import feedparser
import pytest

from checkers import epubcheck_messages
from conftest import heading, read_html, warnings_of
from sphinxblog.core.authors import (
    Author,
    avatar_candidates,
    is_remote,
    parse_profiles,
    resolve_authors,
)
from sphinxblog.reading.termpages import AUTHOR_MARKER as MARKER

DOCUSAURUS = """\
ada:
  name: Ada Example
  title: Chief Engineer
  url: https://ada.example.org/
  image_url: img/ada.png
  socials:
    github: ada-example
"""

MATERIAL = """\
authors:
  mira:
    name: Mira Testova
    description: Editor
    avatar: https://avatars.example.org/mira.png
"""


# --- pure functions ------------------------------------------------------------------------


def test_docusaurus_profiles_are_read_by_key():
    profiles, problems = parse_profiles(DOCUSAURUS)
    assert problems == []
    assert profiles == {
        "ada": Author("ada", "Ada Example", "Chief Engineer", "https://ada.example.org/",
                      "img/ada.png"),
    }  # fmt: skip


def test_material_profiles_are_read_from_the_authors_mapping():
    profiles, problems = parse_profiles(MATERIAL)
    assert problems == []
    assert profiles["mira"] == Author(
        "mira", "Mira Testova", "Editor", "", "https://avatars.example.org/mira.png"
    )


def test_docusaurus_author_keyed_authors_is_still_a_profile():
    profiles, _problems = parse_profiles("authors:\n  name: Someone Named Authors\n")
    assert profiles["authors"].name == "Someone Named Authors"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("ada:\n  name: [unclosed\n", 3, "the authors file is not valid YAML"),
        ("- ada\n- grace\n", 1, "not a mapping of author keys to profiles"),
        ("ada:\n  name: Ada\nbob:\n  title: No name\n", 3, "author 'bob' has no 'name'"),
        ("bob: just text\n", 1, "author 'bob' has no 'name'"),
    ],
)
def test_malformed_profiles_give_a_located_problem(text, line, message):
    _profiles, problems = parse_profiles(text)
    assert [(p.subtype, p.line) for p in problems] == [("authors_file", line)]
    assert message in problems[0].message


def test_post_authors_are_profiles_inline_mappings_or_names():
    profiles, _ = parse_profiles(DOCUSAURUS)
    raw = ["ada", {"name": "Guest Writer", "title": "Visiting"}, "Jane Plain", "nobody"]
    names = ("ada", "Guest Writer", "Jane Plain", "nobody")
    found, unknown = resolve_authors(names, raw, profiles)
    assert [author.name for author in found] == ["Ada Example", *names[1:]]
    assert found[1].title == "Visiting"
    assert unknown == ["nobody"]  # written as a key; "Jane Plain" is a name
    assert resolve_authors(("nobody",), "nobody", {})[1] == []  # no profiles: plain names


def test_avatars_are_paths_from_the_file_or_urls_never_fetched():
    assert avatar_candidates("img/a.png", "posts") == ["posts/img/a.png"]
    assert avatar_candidates("/img/a.png", "posts") == ["img/a.png", "static/img/a.png"]
    assert avatar_candidates("../../etc/passwd", "posts") == []
    assert avatar_candidates("https://example.org/a.png", "posts") == []
    assert is_remote("//cdn.example.org/a.png") and is_remote("data:image/png;base64,AA")


# --- the web site --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def authors(builds):
    return builds("authors")


def test_post_header_shows_profiles_linked_to_author_pages(authors):
    app = authors
    meta = read_html(app.outdir, "posts/first.html").select_one("p.blog-post-meta")
    byline = meta.select_one(".blog-authors")
    assert byline.get_text(" ", strip=True) == (
        "By Ada Example ( Chief Engineer · ada.example.org ), Grace Sample ( Maintainer )"
    )
    names = {a.get_text(): a["href"] for a in byline.select("a.blog-author")}
    assert names == {"Ada Example": "../authors/ada.html", "Grace Sample": "../authors/grace.html"}
    assert byline.select_one("a.blog-author-url")["href"] == "https://ada.example.org/"
    # the local avatar is copied; the remote one is left out, not fetched nor linked
    assert [img["src"] for img in byline.select("img")] == ["../_images/ada.png"]
    assert (app.outdir / "_images" / "ada.png").is_file()
    assert "avatars.example.org" not in (app.outdir / "posts/first.html").read_text()
    guest = read_html(app.outdir, "posts/guest.html").select_one(".blog-authors")
    assert guest.get_text(" ", strip=True) == "By Guest Writer ( Visiting · guest.example.org )"
    plain = read_html(app.outdir, "posts/plain.html").select_one(".blog-authors")
    assert plain.select_one("a.blog-author")["href"] == "../authors/jane-plain.html"


def test_an_unknown_key_is_a_located_warning_and_shown_as_written(authors):
    app = authors
    assert warnings_of(app) == [
        "posts/unknown.md:4: WARNING: author 'nobody' is not in the authors file (authors.yml); "
        "shown as written [blog.authors_file]"
    ]
    byline = read_html(app.outdir, "posts/unknown.html").select_one(".blog-authors")
    assert byline.get_text(" ", strip=True) == "By nobody"


def test_each_author_has_a_page_of_their_posts_and_an_atom_feed(authors):
    app = authors
    page = read_html(app.outdir, "authors/ada.html")
    assert heading(page.select_one("h1")) == "Ada Example"
    profile = page.select_one("p.blog-author-profile")
    assert profile.select_one("img")["src"] == "../_images/ada.png"
    assert profile.select_one(".blog-author-title").get_text() == "Chief Engineer"
    titles = [a.get_text() for a in page.select("a.blog-post-title")]
    assert titles == ["Second thoughts", "First steps"]  # newest first
    assert page.select_one("a.blog-feed")["href"] == "ada.xml"
    feed = feedparser.parse((app.outdir / "authors" / "ada.xml").read_bytes())
    assert feed.feed.link == "https://blog.example.org/authors/ada.html"
    assert [entry.title for entry in feed.entries] == ["Second thoughts", "First steps"]
    assert feed.entries[1].authors == [{"name": "Ada Example"}, {"name": "Grace Sample"}]
    grace = read_html(app.outdir, "authors/grace.html")
    assert [a.get_text() for a in grace.select("a.blog-post-title")] == ["First steps"]
    assert grace.select("img") == []  # a remote avatar is left out


def test_the_authors_index_lists_every_author_with_their_count(authors):
    app = authors
    index = read_html(app.outdir, "authors/index.html")
    assert heading(index.select_one("h1")) == "Authors"
    rows = [
        (item.select_one("a.blog-author").get_text(), item.select_one(".blog-tag-count").get_text())
        for item in index.select("ul.blog-authorindex li")
    ]
    assert rows == [
        ("Ada Example", "2"), ("Grace Sample", "1"), ("Guest Writer", "1"),
        ("Jane Plain", "1"), ("nobody", "1"),
    ]  # fmt: skip


def test_generated_pages_are_rewritten_only_when_changed(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "authors"
    shutil.copytree(rootdir / "test-authors", srcdir)
    folder = srcdir / "authors"
    folder.mkdir()
    (folder / "mine.md").write_text("# Mine\n", encoding="utf-8")  # not the blog's
    first = make_app("html", srcdir=srcdir, freshenv=True)
    first.build()
    assert (first.outdir / "authors" / "jane-plain.xml").is_file()
    ada = folder / "ada.md"
    assert ada.read_text(encoding="utf-8").count(MARKER) == 1
    written = ada.stat().st_mtime_ns
    (srcdir / "posts" / "plain.md").unlink()
    make_app("html", srcdir=srcdir).build()
    assert ada.stat().st_mtime_ns == written  # unchanged: not written again
    assert not (folder / "jane-plain.md").exists()  # no post names her any more
    # nor her page and feed in the output, as after a clean build
    assert not (first.outdir / "authors" / "jane-plain.html").exists()
    assert not (first.outdir / "authors" / "jane-plain.xml").exists()
    assert (folder / "mine.md").read_text(encoding="utf-8") == "# Mine\n"


def test_material_authors_file_is_read(builds):
    app = builds("authors-material")
    assert app.warning.getvalue() == ""
    byline = read_html(app.outdir, "posts/note.html").select_one(".blog-authors")
    assert byline.get_text(" ", strip=True) == "By Mira Testova ( Editor · mira.example.org )"
    assert byline.select("img") == []


def test_a_malformed_authors_file_is_a_located_warning(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "material"
    shutil.copytree(rootdir / "test-authors-material", srcdir)
    (srcdir / "people.yml").write_text("mira:\n  name: [oops\n", encoding="utf-8")
    app = make_app("html", srcdir=srcdir, confoverrides={"blog_authors_file": "people.yml"})
    app.build()
    assert warnings_of(app) == [
        "people.yml:3: WARNING: the authors file is not valid YAML: expected ',' or ']', but got "
        "'<stream end>' [blog.authors_file]"
    ]


# --- the books -----------------------------------------------------------------------------


@pytest.mark.sphinx("epub", testroot="authors", copy_test_root=True, freshenv=True)
def test_epub_has_the_authors_index_and_passes_epubcheck(app):
    app.build()
    opf = (app.outdir / "content.opf").read_text(encoding="utf-8")
    pages = re.findall(r'href="([^"]+\.xhtml)"', opf)
    assert "authors/index.xhtml" in pages
    assert not any(page.startswith("authors/") and page != "authors/index.xhtml" for page in pages)
    post = read_html(app.outdir, "posts/first.xhtml").select_one(".blog-authors")
    hrefs = [a["href"] for a in post.select("a.blog-author")]
    assert hrefs == ["../authors/index.xhtml#author-ada", "../authors/index.xhtml#author-grace"]
    epub = next(app.outdir.glob("*.epub"))
    assert epubcheck_messages(epub) == []


@pytest.mark.sphinx("latex", testroot="authors", copy_test_root=True, freshenv=True)
def test_latex_has_the_authors_index_and_its_links_resolve(app):
    app.build()
    tex = (app.outdir / "book.tex").read_text(encoding="utf-8")
    assert "\\chapter{Authors}" in tex
    targets = set(re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", tex))
    assert "authors/index:author-ada" in targets
    assert targets <= set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
