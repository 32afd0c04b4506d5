"""Linked translations: one story in several languages, linked on its pages, in the page
heads and the sitemap, listed once, with a feed per language."""

from __future__ import annotations

import datetime as dt
import json

import feedparser
import pytest
from lxml import etree

from checkers import epubcheck_messages
from conftest import epub_spine, read_html, warnings_of
from sphinxblog.core.catalog import build_catalog
from sphinxblog.core.frontmatter import interpret, read_front_matter
from sphinxblog.core.posts import Post
from sphinxblog.core.translations import (
    language_name,
    parse_translation_key,
    path_story,
    resolve_post_reference,
    stories,
)

BASE = "https://blog.example.org/"
STEPPE = ["posts/twin", "posts/steppe", "posts/dala", "posts/step"]


# --- pure functions ------------------------------------------------------------------------


def test_the_keys_that_name_a_story():
    text = "---\ntranslationKey: steppe\ntranslation_of: ../en/steppe.md\n---\n"
    metadata, problems = interpret(read_front_matter(text))
    assert (metadata.translation_key, metadata.translation_of) == ("steppe", "../en/steppe.md")
    assert problems == []
    assert parse_translation_key(2024) == ("2024", [])
    key, problems = parse_translation_key({"a": 1})
    assert key is None and [p.subtype for p in problems] == ["translation"]


def test_paths_name_stories_as_hugo_and_docusaurus_lay_them_out():
    assert path_story("posts/hello.kk") == path_story("posts/kk/hello") == "path:posts/hello"
    assert path_story("posts/hello") == path_story("posts/notes.py") == ""
    assert (
        resolve_post_reference("../en/tea.md", "posts/kk/tea", {"posts/en/tea"}) == "posts/en/tea"
    )
    assert resolve_post_reference("/posts/en/tea", "x", {"posts/en/tea"}) == "posts/en/tea"
    assert resolve_post_reference("../../../etc/passwd", "posts/a", {"etc/passwd"}) is None


def test_language_names_are_in_their_own_language():
    assert [language_name(tag) for tag in ("kk", "ru", "en")] == [
        "Қазақ тілі",
        "Русский",
        "English",
    ]
    assert language_name("not-a-language") == "not-a-language"


def _post(docname: str, language: str, day: int, **more) -> Post:
    return Post(docname, docname, dt.date(2024, 1, day), language=language, **more)


def test_listings_show_the_version_in_the_sites_language():
    posts = [
        _post("a-kk", "kk", 1, translation_key="a"),
        _post("a-en", "en", 2, translation_key="a"),
        _post("b.kk", "kk", 3),
        _post("b", "en", 4),
        _post("c", "kk", 5),
    ]
    assert stories(posts) == {"a-en": "a-en", "a-kk": "a-en", "b": "b", "b.kk": "b"}
    english = build_catalog(posts, language="en")
    assert [p.docname for p in english.posts] == ["c", "b", "a-en"]
    assert [p.docname for p in english.translated] == ["b.kk", "a-kk"]
    kazakh = build_catalog(posts, language="kk")
    assert [p.docname for p in kazakh.posts] == ["c", "b.kk", "a-kk"]
    assert [p.docname for p in kazakh.versions(posts[1])] == ["a-kk", "a-en"]
    # the book has every version, each story's together
    assert english.book_order() == ("a-en", "a-kk", "b", "b.kk", "c")


# --- built pages ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def html(builds):
    return builds("translations", "html")


def test_each_version_names_the_others_in_their_language(html):
    page = read_html(html.outdir, "posts/dala.html")
    box = page.select_one(".blog-translations")
    assert box.get_text(" ", strip=True) == "Also in: English · Русский"
    assert box["lang"] == "en"  # the label is the site's, in a Kazakh post
    links = [(a["href"], a["lang"], a.get_text()) for a in box.select("a")]
    assert links == [("twin.html", "en", "English"), ("step.html", "ru", "Русский")]
    tea = read_html(html.outdir, "posts/en/tea.html").select_one(".blog-translations a")
    assert (tea["href"], tea.get_text()) == ("../kk/tea.html", "Қазақ тілі")
    hello = read_html(html.outdir, "posts/hello.kk.html").select_one(".blog-translations a")
    assert hello["href"] == "hello.html"  # Hugo's hello.kk.md and hello.md
    assert not read_html(html.outdir, "posts/alone.html").select(".blog-translations")


def test_page_heads_and_the_sitemap_name_every_version(html):
    expected = [
        ("en", f"{BASE}posts/twin.html"), ("kk", f"{BASE}posts/dala.html"),
        ("ru", f"{BASE}posts/step.html"), ("x-default", f"{BASE}posts/twin.html"),
    ]  # fmt: skip
    for page in ("posts/dala.html", "posts/step.html", "posts/twin.html"):
        head = read_html(html.outdir, page).select('link[rel="alternate"][hreflang]')
        assert [(link["hreflang"], link["href"]) for link in head] == expected, page
    sitemap = etree.parse(html.outdir / "sitemap.xml")
    spaces = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    entry = sitemap.xpath(
        "//s:url[s:loc='https://blog.example.org/posts/dala.html']", namespaces=spaces
    )[0]
    found = [(x.get("hreflang"), x.get("href")) for x in entry.xpath("x:link", namespaces=spaces)]
    assert found == expected
    alone = sitemap.xpath(
        "//s:url[s:loc='https://blog.example.org/posts/alone.html']", namespaces=spaces
    )[0]
    assert not alone.xpath("x:link", namespaces=spaces)


def test_listings_show_one_version_of_each_story(html):
    home = read_html(html.outdir, "index.html")
    lists = home.select("ul.blog-postlist")
    titles = [[a.get_text() for a in ul.select("a.blog-post-title")] for ul in lists]
    assert titles[0] == ["Hello", "About tea", "A twin in English", "Only in English"]
    assert titles[1] == ["Сәлем", "Шай туралы", "Дала арқылы"]  # :language: kk
    archive = read_html(html.outdir, "archive.html")
    assert "Дала арқылы" not in archive.get_text() and "Hello" in archive.get_text()
    # a tag only another version has lists that version
    tag = read_html(html.outdir, "tags/saiahat.html")
    assert [a.get_text() for a in tag.select("a.blog-post-title")] == ["Дала арқылы"]
    feed = feedparser.parse((html.outdir / "atom.xml").read_bytes())
    assert "Дала арқылы" not in [entry.title for entry in feed.entries]


def test_each_language_has_its_feed(html):
    feed = feedparser.parse((html.outdir / "atom.kk.xml").read_bytes())
    assert not feed.bozo and feed.feed.language == "kk"
    assert feed.feed.title.endswith("(Қазақ тілі)")
    assert [entry.title for entry in feed.entries] == ["Сәлем", "Шай туралы", "Дала арқылы"]
    page = read_html(html.outdir, "posts/dala.html")
    feeds = [link["href"] for link in page.select('link[type="application/atom+xml"]')]
    assert feeds[0] == "../atom.kk.xml"
    assert sorted(path.name for path in html.outdir.glob("atom*.xml")) == [
        "atom.en.xml", "atom.kk.xml", "atom.ru.xml", "atom.xml",
    ]  # fmt: skip


def test_kazakh_typed_in_latin_letters_finds_the_kazakh_post(html):
    index = (html.outdir / "searchindex.js").read_text(encoding="utf-8")
    frozen = json.loads(index[index.index("(") + 1 : index.rindex(")")])
    # the text says «Қазақстанның»: indexed with and without the letters' marks too
    for typed in ("qazaqstannyñ", "qazaqstannyn"):
        hits = frozen["terms"][typed]
        assert frozen["docnames"][hits if isinstance(hits, int) else hits[0]] == "posts/dala"


def test_what_cannot_be_linked_is_named(html):
    assert warnings_of(html) == [
        "posts/alone.md:4: WARNING: translation_of 'no-such-post.md' names no post of the "
        "site; the post is linked to no other [blog.translation]",
        "posts/steppe.md: WARNING: post is a version of the story of 'posts/twin' in the same "
        "language (en); listings show only that one: give it another translation key or "
        "language [blog.translation]",
    ]


def test_the_book_has_every_version_of_a_story_together(builds):
    app = builds("translations", "epub")
    epub = next(app.outdir.glob("*.epub"))
    assert epubcheck_messages(epub) == []
    order = epub_spine(epub)
    # the story where its oldest version comes, the version listings show first
    steppe = [name for name in order if name in STEPPE]
    assert steppe == ["posts/twin", "posts/steppe", "posts/dala", "posts/step"]
    at = order.index("posts/twin")
    assert order[at : at + 4] == steppe
    assert {"posts/hello.kk", "posts/kk/tea"} <= set(order)
