"""Feeds, sitemap and social tags, parsed from the built output."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from conftest import read_html
from lxml import etree

feeds = pytest.mark.sphinx("html", testroot="feeds", copy_test_root=True, freshenv=True)
BASE = "https://blog.example.org/kk/latest/"
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
VISIBLE = ["Қазақстан туралы", "Ampersands & <angle> brackets", "Older"]


def check_atom(data: bytes) -> etree._Element:
    """RFC 4287's rules for a feed and its entries, strictly (sections 4.1.1 and 4.1.2)."""
    feed = etree.fromstring(data)
    assert feed.tag == f"{ATOM}feed"

    def one(parent, name, required=True):
        found = parent.findall(f"{ATOM}{name}")
        assert len(found) <= 1, f"more than one atom:{name}"
        assert found or not required, f"atom:{name} is missing"
        return found[0] if found else None

    def check_dates(parent):
        for name in ("updated", "published"):
            element = one(parent, name, required=name == "updated")
            if element is not None:
                assert RFC3339.match(element.text), element.text

    def absolute(iri):
        return bool(urlsplit(iri).scheme)

    assert absolute(one(feed, "id").text)
    assert one(feed, "title").text
    check_dates(feed)
    links = feed.findall(f"{ATOM}link")
    assert any(link.get("rel") == "self" and absolute(link.get("href")) for link in links)
    feed_has_author = feed.find(f"{ATOM}author/{ATOM}name") is not None
    for entry in feed.findall(f"{ATOM}entry"):
        assert absolute(one(entry, "id").text)
        assert one(entry, "title").text
        check_dates(entry)
        assert feed_has_author or entry.find(f"{ATOM}author/{ATOM}name") is not None
        alternates = [
            link
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        content = one(entry, "content", required=False)
        assert alternates or content is not None  # 4.1.1: link rel=alternate unless content
        if content is not None:
            assert content.get("type", "text") in {"text", "html", "xhtml"}
        summary = one(entry, "summary", required=False)
        if summary is not None:
            assert summary.get("type", "text") in {"text", "html", "xhtml"}
    return feed


def titles(feed: etree._Element) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


@feeds
def test_site_atom_feed_is_valid_newest_first_and_only_published_posts(app):
    app.build()
    data = (app.outdir / "atom.xml").read_bytes()
    feed = check_atom(data)
    assert titles(feed) == VISIBLE  # no draft, no post from the future
    ids = [entry.findtext(f"{ATOM}id") for entry in feed.findall(f"{ATOM}entry")]
    assert ids[0] == BASE + "posts/kazakh.html"
    assert feed.findtext(f"{ATOM}updated") == "2022-01-05T12:00:00+00:00"
    assert "Қазақстан туралы".encode() in data and b"&#" not in data  # UTF-8, no escapes


@feeds
def test_feeds_are_stable_between_builds(app, make_app):
    app.build()
    first = {
        name: (app.outdir / name).read_bytes() for name in ("atom.xml", "rss.xml", "feed.json")
    }
    again = make_app("html", srcdir=app.srcdir, freshenv=True)
    again.build()
    assert {name: (again.outdir / name).read_bytes() for name in first} == first


@feeds
def test_rss_and_json_feeds(app):
    app.build()
    rss = feedparser.parse((app.outdir / "rss.xml").read_bytes())
    assert not rss.bozo, rss.bozo_exception
    assert [entry.title for entry in rss.entries] == VISIBLE
    assert rss.entries[0].link == BASE + "posts/kazakh.html"

    feed = json.loads((app.outdir / "feed.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and feed["home_page_url"] == BASE
    assert feed["feed_url"] == BASE + "feed.json"
    assert [item["title"] for item in feed["items"]] == VISIBLE
    for item in feed["items"]:
        assert item["id"] and item["url"].startswith(BASE)
        assert "content_html" in item or "content_text" in item
        assert RFC3339.match(item["date_published"]), item["date_published"]
    assert feed["items"][1]["summary"] == "The summary paragraph."
    assert "Қазақстан" in (app.outdir / "feed.json").read_text(encoding="utf-8")


@feeds
def test_each_tag_has_an_atom_feed(app):
    app.build()
    python = check_atom((app.outdir / "tags" / "python.xml").read_bytes())
    assert titles(python) == ["Ampersands & <angle> brackets", "Older"]
    politics = check_atom((app.outdir / "tags" / "saiasat.xml").read_bytes())
    assert titles(politics) == ["Қазақстан туралы", "Ampersands & <angle> brackets"]


@pytest.mark.sphinx(
    "html", testroot="feeds", copy_test_root=True, freshenv=True,
    confoverrides={"blog_feed_fulltext": True},
)  # fmt: skip
def test_full_text_feeds_have_absolute_links(app):
    app.build()
    feed = check_atom((app.outdir / "atom.xml").read_bytes())
    content = feed.find(f"{ATOM}entry/{ATOM}content").text
    assert f'href="{BASE}posts/english.html"' in content
    assert "еркіндік пен бейбітшілікті" in content


@pytest.mark.sphinx(
    "html", testroot="feeds", srcdir="feeds-without-base-url", freshenv=True,
    # sphinx-sitemap warns of the missing base URL itself; the site's conf.py
    # loads it only with one
    confoverrides={"html_baseurl": "", "ogp_site_url": "", "suppress_warnings": ["sitemap"]},
)  # fmt: skip
def test_no_feeds_without_a_base_url_and_one_message_why(app):
    app.build()
    assert not (app.outdir / "atom.xml").exists()
    assert app.status.getvalue().count("no feeds: they need html_baseurl") == 1
    assert "warning" not in app.warning.getvalue().lower()


@feeds
def test_pages_announce_the_feeds(app):
    app.build()
    for page in ("index.html", "posts/older.html", "tags/python.html"):
        html = read_html(app.outdir, page)
        hrefs = [link["href"] for link in html.select('link[rel="alternate"]')]
        resolved = {urljoin(BASE + page, href) for href in hrefs}
        assert BASE + "atom.xml" in resolved and BASE + "feed.json" in resolved
    tag_links = read_html(app.outdir, "tags/python.html").select('link[rel="alternate"]')
    assert tag_links[0]["href"] == "python.xml"
    home = read_html(app.outdir, "index.html")
    assert [a["href"] for a in home.select(".blog-feeds a")] == ["atom.xml", "rss.xml", "feed.json"]
    tag_page = read_html(app.outdir, "tags/python.html")
    assert tag_page.select_one(".blog-tag-summary a.blog-feed")["href"] == "python.xml"


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_sitemap_lists_every_page(make_app, rootdir, tmp_path, builder):
    import shutil

    shutil.copytree(rootdir / "test-feeds", tmp_path / "site")
    app = make_app(builder, srcdir=tmp_path / "site")
    app.build()
    sitemap = etree.parse(str(app.outdir / "sitemap.xml"))
    locations = sitemap.findall(".//{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    urls = {location.text for location in locations}
    post = "posts/english/" if builder == "dirhtml" else "posts/english.html"
    assert BASE + post in urls
    for url in urls:
        path = url.removeprefix(BASE)
        assert (app.outdir / path / "index.html").exists() or (app.outdir / path).is_file(), url


@feeds
def test_posts_have_social_cards(app):
    app.build()
    page = read_html(app.outdir, "posts/kazakh.html")

    def meta(key):
        found = page.select(f'meta[property="{key}"], meta[name="{key}"]')
        return [tag["content"] for tag in found]

    assert meta("og:title") == ["Қазақстан туралы"]
    assert meta("og:type") == ["article"]
    assert meta("og:description")[0].startswith("Біз, Қазақстандықтар")
    assert meta("og:image") == [BASE + "images/steppe.png"]
    assert meta("og:url") == [BASE + "posts/kazakh.html"]
    assert meta("article:published_time") == ["2021-12-31T12:00:00+00:00"]
    assert meta("article:tag") == ["Қазақстан", "саясат"]
    assert meta("twitter:card") == ["summary"]


@pytest.mark.sphinx(
    "html", testroot="feeds", copy_test_root=True, freshenv=True,
    confoverrides={"blog_words_per_minute": 5},
)  # fmt: skip
def test_reading_time_counts_words_not_bytes(app):
    app.build()
    # title 2 + first paragraph 15 + "Тағы бір сілтеме." 3 = 20 words; at 5 a minute: 4
    page = read_html(app.outdir, "posts/kazakh.html")
    assert page.select_one(".blog-post-meta .blog-reading-time").get_text() == "4 min read"
    home = read_html(app.outdir, "index.html")
    item = next(li for li in home.select("ul.blog-postlist > li") if "Қазақстан" in li.get_text())
    assert item.select_one(".blog-reading-time").get_text() == "4 min read"


@feeds
def test_related_posts_share_tags(app):
    app.build()
    page = read_html(app.outdir, "posts/english.html")
    related = [a.get_text() for a in page.select(".blog-related a.blog-post-title")]
    assert related == ["Қазақстан туралы", "Older"]  # both share one tag; newer first
