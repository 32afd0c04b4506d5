"""Atom, RSS 2.0 and JSON Feed 1.1 for the site, and an Atom feed per tag.

Feeds need absolute URLs, so they are written only when ``html_baseurl`` is
set (Read the Docs sets it through ``READTHEDOCS_CANONICAL_URL``); otherwise
one info message says why there are none.  Each file is rewritten only when
its text changes.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import quote, urljoin

from docutils import nodes
from sphinx.util import logging

from sphinxblog.core.files import replace_if_changed
from sphinxblog.core.language import same_language, site_language
from sphinxblog.core.translations import language_name
from sphinxblog.outputs.laterpages import prepare_page
from sphinxblog.reading.addresses import (
    AUTHORS_FOLDER,
    MEDIA_TYPES,
    SERIES_FOLDER,
    SITE_FEEDS,
    author_feed_path,
    language_feed_path,
    series_feed_path,
    tag_feed_path,
)
from sphinxblog.reading.config import site_zone, tags_folder
from sphinxblog.reading.diagrams import diagram
from sphinxblog.reading.links import without_permalinks
from sphinxblog.reading.output import output_of
from sphinxblog.reading.placeholders import post_footer, post_header
from sphinxblog.reading.store import catalog_of

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from feedgen.feed import FeedGenerator
    from lxml import etree
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

    from sphinxblog.core.catalog import Catalog, Tag
    from sphinxblog.core.posts import Post

logger = logging.getLogger(__name__)

_NOON = dt.time(12)


def feed_time(value: dt.date, zone: ZoneInfo | None) -> dt.datetime:
    """A date-time for a feed, which wants one with an offset.

    A calendar date becomes noon of that day, in the site's zone (else UTC):
    readers from UTC-12 to UTC+12 still see the day the author wrote.
    """
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone or dt.UTC)
    return dt.datetime.combine(value, _NOON, tzinfo=zone or dt.UTC)


def rss_date(value: dt.datetime) -> str:
    """*value* (with an offset) as RSS writes dates: RFC 822 in English, the year in
    four digits (``Mon, 01 Jan 0999 12:00:00 +0000``), as RSS 2.0 allows and readers
    parse; ``strftime`` would write year 999 as ``999``, which is no date."""
    return email.utils.format_datetime(value)


#: what a URI may hold as it is: unreserved characters, delimiters, and percent
#: escapes; in a relative path from a file name ``?``, ``#`` and ``:`` are the
#: name's own characters, not delimiters
_PATH_RAW = r"A-Za-z0-9\-._~!$&()*+,;=@/"
_NOT_IN_URI = re.compile(rf"[^{_PATH_RAW}:?#%]|%(?![0-9A-Fa-f]{{2}})")
_NOT_IN_PATH = re.compile(rf"[^{_PATH_RAW}%]|%(?![0-9A-Fa-f]{{2}})")


def _encode(match: re.Match[str]) -> str:
    return quote(match[0], safe="")


def uri(text: str) -> str:
    """*text*, a URL, with every character a URI may not hold raw (space, quotes,
    non-ASCII, a ``%`` that starts no escape) percent-encoded in UTF-8; escapes
    already there stay as they are."""
    return _NOT_IN_URI.sub(_encode, text)


def uri_path(path: str) -> str:
    """*path*, from file names, as a relative URI: as :func:`uri`, and ``?``, ``#``
    and ``:`` encoded too (Sphinx's HTML builder encodes page names, ``dirhtml``
    does not)."""
    return _NOT_IN_PATH.sub(_encode, path)


def site_address(base: str, path: str) -> str:
    """The absolute URL of *path* (from the output folder) on the site at *base*
    (``html_baseurl``), percent-encoded as every address the blog writes."""
    return uri(base.rstrip("/") + "/" + uri_path(path))


def tag_feeds(app: Sphinx) -> dict[str, Tag]:
    """The tag feeds this build writes, by path from the output folder: one per
    tag whose page exists (a tag folder the blog could not write has none)."""
    config = app.config
    if not (output_of(app.builder).feeds and config.blog_tag_feeds):
        return {}
    folder = tags_folder(config)
    return {
        tag_feed_path(config, tag.slug): tag
        for tag in catalog_of(app.env).tags.values()
        if f"{folder}/{tag.slug}" in app.env.found_docs
    }


def tag_names(catalog: Catalog, post: Post) -> list[str]:
    """The names of *post*'s tags as the whole site spells them (the tag's page,
    its badge), not as this post does; a tag that only hidden posts use keeps
    the post's spelling."""
    return [tag.name if (tag := catalog.tag(name)) else name for name in post.tags]


_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')


def absolute_links(fragment: str, base: str) -> str:
    """*fragment* (HTML) with every ``href`` and ``src`` resolved against *base*,
    the page it was rendered for: a feed reader resolves relative ones, even a
    bare ``#anchor``, against the feed's address instead."""
    return _URL_ATTRIBUTE.sub(lambda m: m[1] + uri(urljoin(base, m[2])) + m[3], fragment)


def feed_html(fragment: str, base: str) -> str:
    """A post's rendered text as a feed carries it: links absolute, no permalinks."""
    return absolute_links(without_permalinks(fragment), base)


#: what makes a reader that guesses whether an RSS title is HTML (feedparser's
#: rule, which others share) take it for HTML: an end tag or a character reference
_LOOKS_LIKE_HTML = re.compile(r"<[A-Za-z/!?]|&#?\w+;")


def rss_title(title: str) -> str:
    """*title* (text) as an RSS item's ``<title>``: RSS means text there, and most
    readers show it as text, but some guess, and show a title that looks like
    HTML (a tag, even a start tag alone, or an entity) as HTML; such a title is
    escaped for HTML, so that it stays the text it is.  Others stay as they are:
    ``Tom & Jerry`` must not read ``Tom &amp; Jerry``."""
    return html.escape(title, quote=False) if _LOOKS_LIKE_HTML.search(title) else title


_ATOM = "{http://www.w3.org/2005/Atom}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _set_rss_date(element: etree._Element | None, value: dt.datetime | None) -> None:
    if element is not None and value is not None:
        element.text = rss_date(value)


class _FeedExtension:
    """A feedgen extension for a whole feed: the RSS channel's date as
    :func:`rss_date` writes it (feedgen's has no year before 1000)."""

    def __init__(self) -> None:
        self.updated: dt.datetime | None = None

    def extend_ns(self) -> dict[str, str]:
        return {}

    def extend_atom(self, feed: etree._Element) -> etree._Element:
        return feed

    def extend_rss(self, feed: etree._Element) -> etree._Element:
        _set_rss_date(feed.find("channel/lastBuildDate"), self.updated)
        return feed


class _EntryExtension(_FeedExtension):
    """A feedgen extension for an entry: ``xml:lang`` on an Atom entry and its
    content, which feedgen sets only on the whole feed, and the RSS item's date
    as :func:`rss_date` writes it and title as :func:`rss_title` does."""

    def __init__(self) -> None:
        self.language = ""
        self.published: dt.datetime | None = None
        self.rss_title = ""

    def extend_rss(self, entry: etree._Element) -> etree._Element:
        _set_rss_date(entry.find("pubDate"), self.published)
        title = entry.find("title")
        if title is not None and self.rss_title:
            title.text = self.rss_title
        return entry

    def extend_atom(self, entry: etree._Element) -> etree._Element:
        if self.language:
            entry.set(_XML_LANG, self.language)
            # feedgen names its elements without the Atom namespace, which it
            # declares on the root as a plain attribute
            for content in entry:
                if content.tag in {"content", f"{_ATOM}content"}:
                    content.set(_XML_LANG, self.language)
        return entry


class SiteFeeds:
    """What every feed of one build shares: URLs, times, and post contents."""

    def __init__(self, app: Sphinx) -> None:
        self.app, self.config = app, app.config
        # feeds are written by the HTML builders alone (a page per document)
        assert output_of(app.builder).html_files, output_of(app.builder).name
        self.builder = cast("StandaloneHTMLBuilder", app.builder)
        self.base = uri(self.config.html_baseurl.rstrip("/") + "/")
        self.zone = site_zone(self.config)
        self.title = self.config.html_title or self.config.project
        self.language = site_language(self.config.language)
        self.catalog = catalog_of(app.env)
        self._contents: dict[str, str] = {}

    def url(self, path: str) -> str:
        """The address of *path*, from the output folder, as a valid URI."""
        return site_address(self.base, path)

    def post_url(self, post: Post) -> str:
        return self.url(self.builder.get_target_uri(post.docname))

    def published(self, post: Post) -> dt.datetime:
        """When *post*, dated as every entry is (:meth:`entries`), was published."""
        assert post.date is not None, post.docname
        return feed_time(post.date, self.zone)

    def updated(self, post: Post) -> dt.datetime:
        return feed_time(post.updated, self.zone) if post.updated else self.published(post)

    def language_of(self, post: Post) -> str:
        return post.language or self.language

    def tags(self, post: Post) -> list[str]:
        return tag_names(self.catalog, post)

    def authors(self, post: Post) -> list[str]:
        """The names of *post*'s authors: their profiles' names for keys."""
        return self.catalog.author_names(post)

    def content(self, post: Post) -> str:
        """The post's text as HTML with absolute links, rendered once per build.

        Only the text the author wrote: the date line, related posts and
        links to the next posts belong to the page, so their placeholders
        are dropped before the doctree is resolved (which would fill them).
        """
        if post.docname not in self._contents:
            env = self.app.env
            doctree = env.get_doctree(post.docname)
            for node in list(doctree.findall(lambda n: isinstance(n, post_header | post_footer))):
                node.parent.remove(node)
            # a feed reader runs no script: a diagram is its picture
            for drawn in list(doctree.findall(diagram)):
                for picture in drawn.findall(nodes.image):  # as the page's builder picks it
                    candidates: dict[str, str] = picture.get("candidates") or {}
                    picture["uri"] = candidates.get("image/png", picture["uri"])
                drawn.replace_self(nodes.figure("", *drawn.children))
            doctree = env.get_and_resolve_doctree(
                post.docname, self.builder, tags=self.builder.tags, doctree=doctree
            )
            first = next(iter(doctree.children), None)
            if isinstance(first, nodes.section) and isinstance(first[0], nodes.title):
                first.remove(first[0])  # the entry has its own title
            # pictures' paths from the post's own page, not the last page written
            prepare_page(self.builder, post.docname, post.docname)
            # one top-level node at a time: a whole document given to
            # render_partial comes out twice (its body is emitted by the inner
            # and the outer document alike)
            fragment = "".join(
                self.builder.render_partial(node)["fragment"] for node in list(doctree.children)
            )
            self._contents[post.docname] = feed_html(fragment, self.post_url(post))
        return self._contents[post.docname]

    def entries(self, posts: tuple[Post, ...]) -> list[Post]:
        return [post for post in posts if post.date is not None][: self.config.blog_feed_length]


def feed_generator(
    site: SiteFeeds,
    title: str,
    home: str,
    feed_url: str,
    posts: list[Post],
    tag: Tag | None = None,
    language: str | None = None,
) -> FeedGenerator:
    """A feed of *posts*; in *tag*'s feed each entry carries that tag alone as its
    category, so that the tag feeds of a post with many tags cost no more than
    its tags (rather than their square)."""
    # imported here: feedgen loads lxml, which a site without feeds never needs
    from feedgen.feed import FeedGenerator

    generator = FeedGenerator()
    # RSS has no author without an e-mail address; Dublin Core's creator is
    # what readers show instead (and dc:language is RSS's language of an item)
    generator.load_extension("dc", atom=False, rss=True)
    generator.register_extension("blog", _FeedExtension, _EntryExtension)
    generator.id(home)
    generator.title(title)
    set_links(generator, home, feed_url)
    generator.description(tag.description if tag and tag.description else title)
    generator.language(language or site.language)
    generator.author({"name": site.config.author})
    times = [site.updated(post) for post in posts]
    newest = max((time for time in times if time), default=feed_time(dt.date(1970, 1, 1), None))
    generator.updated(newest)
    generator.lastBuildDate(newest)  # not the build's time: unchanged feeds stay unchanged
    generator.blog.updated = newest
    fulltext = site.config.blog_feed_fulltext
    for post in posts:
        entry = generator.add_entry(order="append")
        url = site.post_url(post)
        entry.id(url)
        entry.guid(url, permalink=True)
        entry.title(post.title)
        entry.blog.rss_title = rss_title(post.title)
        entry.link(href=url, rel="alternate")
        entry.published(site.published(post))
        entry.blog.published = site.published(post)
        entry.updated(site.updated(post))
        for author in site.authors(post):
            entry.author({"name": author})
        if post.authors:
            entry.dc.dc_creator(site.authors(post))
        entry.dc.dc_language(site.language_of(post))
        entry.blog.language = site.language_of(post)
        if post.summary:
            entry.summary(post.summary)  # text in Atom, whose summary has no type
            # RSS's description is HTML: the text escaped for it, to stay text
            entry.description(html.escape(post.summary, quote=False))
        if fulltext:
            entry.content(site.content(post), type="html")
        for name in [tag.name] if tag else site.tags(post):
            entry.category(term=name, scheme=site.url(f"{tags_folder(site.config)}/"))
    return generator


def set_links(generator: FeedGenerator, home: str, feed_url: str) -> None:
    """The feed's page (*home*) and its own address (*feed_url*).

    feedgen writes the last link given as RSS's ``<link>``, the channel's web
    page; the self link goes only into ``atom:link``. So the page comes last.
    """
    generator.link(href=feed_url, rel="self", replace=True)
    generator.link(href=home, rel="alternate")


def _json_feed(site: SiteFeeds, posts: list[Post]) -> str:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    items = []
    for post in posts:
        item: dict[str, Any] = {
            "id": site.post_url(post),
            "url": site.post_url(post),
            "title": post.title,
            "date_published": site.published(post).isoformat(),
            "date_modified": site.updated(post).isoformat(),
            "language": site.language_of(post),
        }
        # an item needs content_html or content_text; without the full text
        # the summary is the content, given once rather than as both
        if site.config.blog_feed_fulltext:
            item["content_html"] = site.content(post)
            if post.summary:
                item["summary"] = post.summary
        else:
            item["content_text"] = post.summary or post.title
        if post.tags:
            item["tags"] = site.tags(post)
        if post.authors:
            item["authors"] = [{"name": name} for name in site.authors(post)]
        items.append(item)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": site.title,
        "home_page_url": site.base,
        "feed_url": site.url(SITE_FEEDS["json"]),
        "language": site.language,
        "authors": [{"name": site.config.author}],
        "items": items,
    }
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"


def write_feeds(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the site's feeds and one Atom feed per tag."""
    output = output_of(app.builder)
    if exception is not None or not output.pages or not app.config.blog_feeds:
        return
    if not output.feeds:
        logger.info("no feeds: they need html_baseurl (the site's address) in conf.py")
        return
    site = SiteFeeds(app)
    outdir = Path(app.outdir)
    catalog = site.catalog
    posts = site.entries(catalog.posts)
    formats = set(app.config.blog_feeds)
    if formats & {"atom", "rss"}:
        generator = feed_generator(site, site.title, site.base, site.url(SITE_FEEDS["atom"]), posts)
        if "atom" in formats:
            replace_if_changed(outdir / SITE_FEEDS["atom"], generator.atom_str(pretty=True))
        if "rss" in formats:
            set_links(generator, site.base, site.url(SITE_FEEDS["rss"]))
            replace_if_changed(outdir / SITE_FEEDS["rss"], generator.rss_str(pretty=True))
    if "json" in formats:
        replace_if_changed(outdir / SITE_FEEDS["json"], _json_feed(site, posts).encode("utf-8"))
    for path, tag in tag_feeds(app).items():
        tag_home = site.url(app.builder.get_target_uri(f"{tags_folder(app.config)}/{tag.slug}"))
        title = f"{site.title}: {tag.name}"
        entries = site.entries(tag.posts)
        generator = feed_generator(site, title, tag_home, site.url(path), entries, tag)
        replace_if_changed(outdir / path, generator.atom_str(pretty=True))


def language_feeds(app: Sphinx) -> dict[str, str]:
    """The feed of each language of a site with posts in several, by path from the
    output folder: the language (BCP 47)."""
    if not output_of(app.builder).feeds:
        return {}
    found = catalog_of(app.env).languages  # asked for by every page's head
    return {language_feed_path(language): language for language in found} if len(found) > 1 else {}


def write_language_feeds(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: an Atom feed per language, on a site with posts in several:
    every version of each story in that language, newest first."""
    if exception is not None or not (feeds := language_feeds(app)):
        return
    site = SiteFeeds(app)
    catalog = site.catalog
    for path, language in feeds.items():
        posts = tuple(
            post for post in catalog.published if same_language(site.language_of(post), language)
        )
        title = f"{site.title} ({language_name(language)})"
        generator = feed_generator(
            site, title, site.base, site.url(path), site.entries(posts), language=language
        )
        replace_if_changed(Path(app.outdir, path), generator.atom_str(pretty=True))


def feed_links(app: Sphinx, pagename: str) -> list[tuple[str, str, str]]:
    """(media type, title, path from the output root) of the feeds a page announces."""
    if not output_of(app.builder).feeds:
        return []
    title = app.config.html_title or app.config.project
    links = [
        (MEDIA_TYPES[kind], f"{title} ({kind.upper() if kind != 'json' else 'JSON Feed'})", path)
        for kind, path in SITE_FEEDS.items()
        if kind in app.config.blog_feeds
    ]
    catalog = catalog_of(app.env)
    folder = tags_folder(app.config)
    tag = catalog.tag_by_slug(pagename.removeprefix(f"{folder}/"))
    if app.config.blog_tag_feeds and pagename.startswith(f"{folder}/") and tag is not None:
        links.insert(
            0, (MEDIA_TYPES["atom"], f"{title}: {tag.name}", tag_feed_path(app.config, tag.slug))
        )
    series = catalog.series_by_slug(pagename.removeprefix(f"{SERIES_FOLDER}/"))
    if pagename.startswith(f"{SERIES_FOLDER}/") and series is not None:
        feed = series_feed_path(series.slug)
        links.insert(0, (MEDIA_TYPES["atom"], f"{title}: {series.name}", feed))
    post = catalog.post(pagename)
    language = (post.language if post else "") or site_language(app.config.language)
    if post is not None and (feed := language_feed_path(language)) in language_feeds(app):
        links.insert(0, (MEDIA_TYPES["atom"], f"{title} ({language_name(language)})", feed))
    return links


def author_feeds(app: Sphinx) -> dict[str, str]:
    """The author feeds this build writes, by path from the output folder: each
    author's name."""
    if not output_of(app.builder).feeds:
        return {}
    authors = catalog_of(app.env).authors.values()
    return {author_feed_path(author.slug): author.name for author in authors}


def series_feeds(app: Sphinx) -> dict[str, str]:
    """The series feeds this build writes, by path from the output folder: each
    series' name."""
    if not output_of(app.builder).feeds:
        return {}
    return {series_feed_path(term.slug): term.name for term in catalog_of(app.env).series.values()}


def write_term_feeds(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: an Atom feed per author and per series, where the site has feeds."""
    if exception is not None or not output_of(app.builder).feeds:
        return
    site = SiteFeeds(app)
    catalog = site.catalog
    for folder, path_of, terms in (
        (AUTHORS_FOLDER, author_feed_path, catalog.authors.values()),
        (SERIES_FOLDER, series_feed_path, catalog.series.values()),
    ):
        for term in terms:
            home = site.url(app.builder.get_target_uri(f"{folder}/{term.slug}"))
            title = f"{site.title}: {term.name}"
            path = path_of(term.slug)
            members = {post.docname for post in term.posts}  # a series' are in reading order
            newest = tuple(post for post in catalog.posts if post.docname in members)
            generator = feed_generator(site, title, home, site.url(path), site.entries(newest))
            replace_if_changed(Path(app.outdir, path), generator.atom_str(pretty=True))
