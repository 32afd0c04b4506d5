"""Feeds, sitemap and social tags, parsed from the built output."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from lxml import etree

from conftest import read_html, warnings_of
from sphinxblog.core.catalog import build_catalog
from sphinxblog.core.posts import Post
from sphinxblog.outputs.feeds import absolute_links, feed_html, rss_date, tag_names, uri, uri_path

BASE = "https://blog.example.org/kk/latest/"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
VISIBLE = ["Қазақстан туралы", "Ampersands & <angle> brackets", "Older"]


# --- pure functions ------------------------------------------------------------------------


def test_links_are_resolved_against_the_posts_page():
    page = "https://example.org/blog/posts/a.html"
    html = (
        '<a href="#why">x</a> <a href="b.html#c">y</a> <img src="../_images/p.png" />'
        ' <a href="https://other.org/">z</a> <a href="mailto:me@example.org">m</a>'
    )
    assert absolute_links(html, page) == (
        f'<a href="{page}#why">x</a> <a href="https://example.org/blog/posts/b.html#c">y</a>'
        ' <img src="https://example.org/blog/_images/p.png" />'
        ' <a href="https://other.org/">z</a> <a href="mailto:me@example.org">m</a>'
    )


def test_feed_html_drops_heading_permalinks():
    html = '<h2>Why<a class="headerlink" href="#why" title="Link to this heading">¶</a></h2>'
    assert feed_html(html, "https://example.org/a.html") == "<h2>Why</h2>"


def test_tags_are_named_as_the_site_names_them():
    old = Post("posts/old", "Old", dt.date(2019, 1, 1), tags=("Python",))
    new = Post("posts/new", "New", dt.date(2020, 1, 1), tags=("python", "Sphinx"))
    draft = Post("posts/draft", "Draft", dt.date(2021, 1, 1), tags=("python", "Wip"), draft=True)
    catalog = build_catalog([old, new, draft])
    assert tag_names(catalog, new) == ["Python", "Sphinx"]
    assert tag_names(catalog, draft) == ["Python", "Wip"]  # no page: the post's spelling


def test_paths_from_file_names_become_valid_uris():
    assert uri_path("posts/a b \"q\" 'x' қаз 100%.html") == (
        "posts/a%20b%20%22q%22%20%27x%27%20%D2%9B%D0%B0%D0%B7%20100%25.html"
    )
    assert uri_path("posts/what?/c:d#e/") == "posts/what%3F/c%3Ad%23e/"  # dirhtml's raw names
    assert uri_path("posts/a%20b.html") == "posts/a%20b.html"  # the html builder's, kept


def test_urls_keep_their_queries_and_fragments():
    assert uri("https://x.org/a b/?q=1&amp;r#frag") == "https://x.org/a%20b/?q=1&amp;r#frag"
    assert uri("https://x.org/ü") == "https://x.org/%C3%BC"


def test_rss_dates_have_four_digit_years():
    assert rss_date(dt.datetime(999, 1, 1, 12, tzinfo=dt.UTC)) == "Tue, 01 Jan 0999 12:00:00 +0000"
    almaty = dt.timezone(dt.timedelta(hours=5))
    assert rss_date(dt.datetime(2020, 2, 3, 9, 5, tzinfo=almaty)).endswith("2020 09:05:00 +0500")


# --- built feeds ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def feeds(builds):
    return builds("feeds")


@pytest.fixture(scope="module")
def fulltext(builds):
    return builds("feeds", blog_feed_fulltext=True)


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


def shown_title(entry) -> str:
    """An RSS entry's title as a reader shows it: a title that looks like HTML is
    written escaped for HTML (``&lt;angle&gt;``), and shown as the text it is."""
    if entry.title_detail.type == "text/html":
        assert "<" not in entry.title
        return html.unescape(entry.title)
    return entry.title


def titles(feed: etree._Element) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


def test_site_atom_feed_is_valid_newest_first_and_only_published_posts(feeds):
    app = feeds
    data = (app.outdir / "atom.xml").read_bytes()
    feed = check_atom(data)
    assert titles(feed) == VISIBLE  # no draft, no post from the future
    ids = [entry.findtext(f"{ATOM}id") for entry in feed.findall(f"{ATOM}entry")]
    assert ids[0] == BASE + "posts/kazakh.html"
    assert feed.findtext(f"{ATOM}updated") == "2022-01-05T12:00:00+00:00"
    assert "Қазақстан туралы".encode() in data and b"&#" not in data  # UTF-8, no escapes


def test_feeds_are_stable_between_builds(feeds, make_app, tmp_path):
    first = {
        name: (feeds.outdir / name).read_bytes() for name in ("atom.xml", "rss.xml", "feed.json")
    }
    # the same sources built again from scratch, into another folder
    again = make_app("html", srcdir=feeds.srcdir, builddir=tmp_path / "again", freshenv=True)
    again.build()
    assert {name: (again.outdir / name).read_bytes() for name in first} == first


def test_rss_and_json_feeds(feeds):
    app = feeds
    rss = feedparser.parse((app.outdir / "rss.xml").read_bytes())
    assert not rss.bozo, rss.bozo_exception
    assert [shown_title(entry) for entry in rss.entries] == VISIBLE
    assert rss.entries[0].link == BASE + "posts/kazakh.html"
    # the channel's link is the site; the feed's own address is only its self link
    assert rss.feed.link == BASE
    channel = etree.fromstring((app.outdir / "rss.xml").read_bytes()).find("channel")
    assert channel.findtext("link") == BASE
    self_links = channel.findall(f"{ATOM}link[@rel='self']")
    assert [link.get("href") for link in self_links] == [BASE + "rss.xml"]
    assert [entry.get("author") for entry in rss.entries] == [None, "Aigerim", None]
    assert rss.entries[1].authors == [{"name": "Aigerim"}]

    feed = json.loads((app.outdir / "feed.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and feed["home_page_url"] == BASE
    assert feed["feed_url"] == BASE + "feed.json"
    assert [item["title"] for item in feed["items"]] == VISIBLE
    for item in feed["items"]:
        assert item["id"] and item["url"].startswith(BASE)
        assert "content_html" in item or "content_text" in item
        assert RFC3339.match(item["date_published"]), item["date_published"]
        assert item.get("summary") != item.get("content_text")  # the summary once
    assert feed["items"][1]["content_text"] == "The summary paragraph."
    assert "Қазақстан" in (app.outdir / "feed.json").read_text(encoding="utf-8")


def test_each_tag_has_an_atom_feed(feeds):
    app = feeds
    python = check_atom((app.outdir / "tags" / "python.xml").read_bytes())
    assert titles(python) == ["Ampersands & <angle> brackets", "Older"]
    politics = check_atom((app.outdir / "tags" / "saiasat.xml").read_bytes())
    assert titles(politics) == ["Қазақстан туралы", "Ampersands & <angle> brackets"]


#: a sentence of each post's text, which a full-text entry holds once
SENTENCES = {
    "Қазақстан туралы": "еркіндік пен бейбітшілікті сүйеміз",
    "Ampersands & <angle> brackets": "Because one source makes the site and the book.",
    "Older": "Older text.",
}
#: what the post's page shows around its text, and a feed entry must not
PAGE_ONLY = ("blog-post-meta", "blog-related", "blog-post-nav", "headerlink")


def full_texts(app) -> dict[str, list[str]]:
    """Each feed's full text of each post, by post title."""
    atom = check_atom((app.outdir / "atom.xml").read_bytes())
    rss = feedparser.parse((app.outdir / "rss.xml").read_bytes())
    feed = json.loads((app.outdir / "feed.json").read_text(encoding="utf-8"))
    texts: dict[str, list[str]] = {}
    for entry in atom.findall(f"{ATOM}entry"):
        texts.setdefault(entry.findtext(f"{ATOM}title"), []).append(
            entry.findtext(f"{ATOM}content")
        )
    for entry in rss.entries:
        texts[shown_title(entry)].append(entry.content[0].value)
    for item in feed["items"]:
        texts[item["title"]].append(item["content_html"])
    return texts


def test_full_text_feeds_have_absolute_links(fulltext):
    app = fulltext
    feed = check_atom((app.outdir / "atom.xml").read_bytes())
    content = feed.find(f"{ATOM}entry/{ATOM}content").text
    assert f'href="{BASE}posts/english.html"' in content
    assert "еркіндік пен бейбітшілікті" in content
    links = [
        link
        for texts in full_texts(app).values()
        for text in texts
        for link in re.findall(r'(?:href|src)="([^"]*)"', text)
    ]
    assert len(links) == 9  # the Kazakh post's one, the English post's two, in 3 feeds
    assert [link for link in links if not link.startswith(BASE)] == []


def test_full_text_is_the_post_body_once(fulltext):
    app = fulltext
    texts = full_texts(app)
    assert texts.keys() == SENTENCES.keys()
    for title, sentence in SENTENCES.items():
        assert len(texts[title]) == 3  # Atom, RSS, JSON Feed
        for text in texts[title]:
            assert text.count(sentence) == 1, text
            assert not [word for word in PAGE_ONLY if word in text], text
            assert "<h1" not in text  # the entry has the title already


def test_fragment_links_in_full_text_point_into_the_post(fulltext):
    app = fulltext
    for text in full_texts(app)["Ampersands & <angle> brackets"]:
        assert f'href="{BASE}posts/english.html#why-sphinx"' in text
        assert 'href="#' not in text


@pytest.mark.sphinx(
    "html", testroot="feeds", srcdir="feeds-without-base-url", freshenv=True,
    # the English post's title holds markup on purpose
    confoverrides={"html_baseurl": "", "ogp_site_url": "", "suppress_warnings": ["blog.title"]},
)  # fmt: skip
def test_no_feeds_without_a_base_url_and_one_message_why(app):
    app.build()
    assert not (app.outdir / "atom.xml").exists()
    assert app.status.getvalue().count("no feeds: they need html_baseurl") == 1
    assert warnings_of(app) == []


def test_pages_announce_the_feeds(feeds):
    app = feeds
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
def test_sitemap_lists_every_page(builds, builder):
    app = builds("feeds", builder)
    text = (app.outdir / "sitemap.xml").read_text(encoding="utf-8")
    assert "hreflang" not in text  # the locale folder's kk is no published translation
    sitemap = etree.fromstring(text.encode("utf-8"))
    locations = sitemap.findall(".//{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    urls = {location.text for location in locations}
    post = "posts/english/" if builder == "dirhtml" else "posts/english.html"
    assert BASE + post in urls
    for left_out in ("posts/draft", "posts/future", "genindex", "search"):
        assert not any(url.startswith(BASE + left_out) for url in urls), left_out
    for url in urls:
        path = url.removeprefix(BASE)
        assert (app.outdir / path / "index.html").exists() or (app.outdir / path).is_file(), url
    # a post's last change: when it was updated, else its date, as written (with its offset)
    changed = {
        entry.findtext(f"{SITEMAP_NS}loc").removeprefix(BASE): entry.findtext(
            f"{SITEMAP_NS}lastmod"
        )
        for entry in sitemap.findall(f"{SITEMAP_NS}url")
    }
    older = "posts/older/" if builder == "dirhtml" else "posts/older.html"
    assert (changed[post], changed[older]) == ("2020-02-03T23:30:00-05:00", "2019-06-18")
    assert changed["tags/python/" if builder == "dirhtml" else "tags/python.html"] is None
    # robots.txt lets crawlers in and names the sitemap
    robots = (app.outdir / "robots.txt").read_text(encoding="utf-8")
    assert robots == f"User-agent: *\nAllow: /\n\nSitemap: {BASE}sitemap.xml\n"


def test_drafts_and_held_posts_ask_search_engines_not_to_index_them(builds):
    app = builds("feeds", "html")
    for page, hidden in (("draft", True), ("future", True), ("english", False)):
        html = read_html(app.outdir, f"posts/{page}.html")
        robots = html.select('meta[name="robots"]')
        assert [m["content"] for m in robots] == (["noindex"] if hidden else []), page


def test_entries_carry_their_posts_language_and_feeds_the_sites(feeds):
    app = feeds
    atom = check_atom((app.outdir / "atom.xml").read_bytes())
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert atom.get(xml_lang) == "en"
    languages = {
        entry.findtext(f"{ATOM}id"): entry.get(xml_lang) for entry in atom.findall(f"{ATOM}entry")
    }
    assert languages == {
        BASE + "posts/kazakh.html": "kk",
        BASE + "posts/english.html": "en",
        BASE + "posts/older.html": "en",
    }
    parsed = feedparser.parse((app.outdir / "atom.xml").read_bytes())
    assert [entry.title_detail.language for entry in parsed.entries] == ["kk", "en", "en"]
    feed = json.loads((app.outdir / "feed.json").read_text(encoding="utf-8"))
    assert feed["language"] == "en"
    assert [item["language"] for item in feed["items"]] == ["kk", "en", "en"]
    rss = feedparser.parse((app.outdir / "rss.xml").read_bytes())
    assert rss.feed.language == "en"
    assert [entry.language for entry in rss.entries] == ["kk", "en", "en"]


def test_full_text_content_carries_its_posts_language(fulltext):
    app = fulltext
    atom = check_atom((app.outdir / "atom.xml").read_bytes())
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    contents = [entry.find(f"{ATOM}content") for entry in atom.findall(f"{ATOM}entry")]
    assert [content.get(xml_lang) for content in contents] == ["kk", "en", "en"]
    assert '<section id="id1" lang="kk">' in contents[0].text


def test_a_tag_has_one_spelling_in_every_output(feeds):
    """The oldest post writes "Python", a newer one "python": the site says "Python"."""
    app = feeds
    page = read_html(app.outdir, "posts/english.html")
    badges = [a.get_text() for a in page.select(".blog-post-meta a.blog-tag")]
    meta = [tag["content"] for tag in page.select('meta[property="article:tag"]')]
    atom = check_atom((app.outdir / "atom.xml").read_bytes())
    entry = atom.findall(f"{ATOM}entry")[1]
    assert entry.findtext(f"{ATOM}id") == BASE + "posts/english.html"
    categories = [category.get("term") for category in entry.findall(f"{ATOM}category")]
    rss = feedparser.parse((app.outdir / "rss.xml").read_bytes())
    rss_tags = [tag.term for tag in rss.entries[1].tags]
    feed = json.loads((app.outdir / "feed.json").read_text(encoding="utf-8"))
    json_tags = feed["items"][1]["tags"]
    assert badges == meta == categories == rss_tags == json_tags == ["Python", "саясат"]


def test_posts_have_social_cards(feeds):
    app = feeds
    page = read_html(app.outdir, "posts/kazakh.html")

    def meta(key):
        found = page.select(f'meta[property="{key}"], meta[name="{key}"]')
        return [tag["content"] for tag in found]

    assert meta("og:title") == ["Қазақстан туралы"]
    assert meta("og:type") == ["article"]
    assert meta("og:description")[0].startswith("Біз, Қазақстандықтар")
    # its picture is not there: it is shared with a card drawn for it instead
    (card,) = meta("og:image")
    assert card.startswith(BASE + "_social/") and (app.outdir / card.removeprefix(BASE)).is_file()
    assert meta("og:url") == [BASE + "posts/kazakh.html"]
    assert meta("article:published_time") == ["2021-12-31T12:00:00+00:00"]
    assert meta("article:tag") == ["Қазақстан", "саясат"]
    assert meta("twitter:card") == ["summary_large_image"]


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


def test_related_posts_share_tags(feeds):
    app = feeds
    page = read_html(app.outdir, "posts/english.html")
    related = [a.get_text() for a in page.select(".blog-related a.blog-post-title")]
    assert related == ["Қазақстан туралы", "Older"]  # both share one tag; newer first


def test_posts_and_the_home_page_describe_themselves_to_search_engines(builds):
    app = builds("feeds", "html")

    def structured(page: str) -> list[dict]:
        scripts = read_html(app.outdir, page).select('script[type="application/ld+json"]')
        return [json.loads(script.string) for script in scripts]

    [posting] = structured("posts/english.html")
    assert posting["@context"] == "https://schema.org" and posting["@type"] == "BlogPosting"
    assert posting["headline"] == "Ampersands & <angle> brackets"
    assert posting["url"] == BASE + "posts/english.html"
    assert posting["datePublished"] == "2020-02-03T23:30:00-05:00"
    assert posting["author"] == [{"@type": "Person", "name": "Aigerim"}]
    assert (posting["inLanguage"], posting["keywords"]) == ("en", ["Python", "саясат"])
    raw = (app.outdir / "posts" / "english.html").read_text(encoding="utf-8")
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', raw).group(1)
    assert "<" not in script and "\\u003cangle>" in script  # no text can close the script
    [blog] = structured("index.html")
    assert (blog["@type"], blog["url"]) == ("Blog", BASE + "index.html")
    assert structured("tags/python.html") == []
