"""What each part of a page shows of other posts, as frozen records: views.

A view holds exactly what a listing, a post's header or footer or the
sidebar shows: the posts with the fields a reader sees, the tags and authors
with their slugs, the page numbers.  It is made from the catalog and the
site's settings (:class:`Site`) by a pure function, and rendered into nodes
by :mod:`sphinxblog.pages.render`, which never sees the catalog.  Which pages
to write again is decided by comparing digests of the views
(:mod:`sphinxblog.rebuild.updates`): what a page shows is what the
renderer renders, so the two cannot drift apart.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinxblog.core.language import same_language
from sphinxblog.core.values import tag_key
from sphinxblog.pages.pagination import Page, page_count
from sphinxblog.reading.placeholders import ListStyle, PostFilter

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from sphinxblog.core.authors import Author
    from sphinxblog.core.catalog import Catalog, Term
    from sphinxblog.core.posts import Post
    from sphinxblog.reading.placeholders import Listing


@dataclass(frozen=True)
class Site:
    """What views depend on beside the catalog: settings, and what the output holds."""

    #: posts a page of a long listing (0: one complete list)
    page_size: int = 0
    related: int = 3
    sidebar_posts: int = 5
    words_per_minute: int = 265
    #: a page per tag and author (else the indexes list each one's posts)
    term_pages: bool = True
    #: the site's feeds, and a feed per tag
    feeds: bool = False
    tag_feeds: bool = False
    #: a book: no links between neighbouring posts, whose chapters follow each other
    book: bool = False
    #: the site's language (BCP 47)
    language: str = "en"


@dataclass(frozen=True)
class Item:
    """A post as a list shows it."""

    docname: str
    title: str
    day: dt.date | None
    #: its reading time in minutes (0: none shown)
    minutes: int
    #: the post's language (BCP 47; empty: the site's)
    language: str = ""
    #: where the list shows summaries
    summary: str = ""
    #: pinned, where the list puts pinned posts first
    pinned: bool = False
    #: what a ``{postlist}`` line of ABlog's ``:format:`` names besides the title and
    #: date: ``author``, ``tags``, ``category``, ``language``, ``location``
    details: tuple[tuple[str, str], ...] = ()
    #: its cover (by path from the source folder) and alt text, where the list shows cards
    image: str = ""
    image_alt: str = ""


@dataclass(frozen=True)
class TermItem:
    """A tag or an author as a link shows it."""

    name: str
    slug: str
    #: its number of posts, where it is shown (else 0: a link alone does not
    #: change when a post joins the term)
    count: int = 0


@dataclass(frozen=True)
class Profile:
    """What an author's profile shows beside their name."""

    avatar: str = ""
    title: str = ""
    url: str = ""


@dataclass(frozen=True)
class Byline:
    """One author of a post: their name, their page's slug (empty: no page) and profile."""

    name: str
    slug: str
    profile: Profile


# --- the views -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PostsView:
    """``{postlist}``: the newest posts (pinned ones first), of a tag or all, or those
    its filters let through."""

    items: tuple[Item, ...]
    page: Page
    summaries: bool = False
    style: ListStyle = ListStyle()


@dataclass(frozen=True)
class ArchiveView:
    """``{archive}``: the posts of one page by year and month, and where each year starts."""

    #: every year with the number of the page it starts on
    years: tuple[tuple[int, int], ...]
    #: (year, ((first day of the month, posts), ...)), newest first
    months: tuple[tuple[int, tuple[tuple[dt.date, tuple[Item, ...]], ...]], ...]
    undated: tuple[Item, ...]
    page: Page
    summaries: bool = False
    empty: bool = False


@dataclass(frozen=True)
class TermIndexView:
    """``{tagindex}``, ``{authorindex}``, ``{seriesindex}``: every term with its number
    of posts; in a book, each term's posts under its own heading."""

    taxonomy: str
    terms: tuple[TermItem, ...]
    #: a book's sections: each term's profile (authors) and posts
    sections: tuple[tuple[TermItem, Profile | None, tuple[Item, ...]], ...] = ()


@dataclass(frozen=True)
class TermPostsView:
    """``{tagposts}``, ``{authorposts}``, ``{seriesposts}``: one term's posts, a page
    of them."""

    taxonomy: str
    term: TermItem | None
    items: tuple[Item, ...]
    page: Page
    summaries: bool = False
    profile: Profile | None = None
    #: the term's own feed
    feed: bool = False


@dataclass(frozen=True)
class SeriesBox:
    """A series a post is part of, as the box on the post shows it."""

    series: TermItem
    #: the series' posts in reading order; the post's own among them
    items: tuple[Item, ...]
    #: the post's place among them, from 0
    at: int

    @property
    def previous(self) -> Item | None:
        return self.items[self.at - 1] if self.at > 0 else None

    @property
    def next(self) -> Item | None:
        return self.items[self.at + 1] if self.at + 1 < len(self.items) else None


@dataclass(frozen=True)
class HeaderView:
    """A post's date, authors, reading time and tags, under its title, and the box
    of each series it is part of."""

    draft: bool
    day: dt.date | None
    updated: dt.date | None
    authors: tuple[Byline, ...]
    #: its reading time in minutes (0: none shown)
    minutes: int
    #: the tags as the post writes them, with their term (none: only drafts use it)
    tags: tuple[tuple[str, TermItem | None], ...]
    #: the post's language, where it is not the site's
    language: str
    series: tuple[SeriesBox, ...] = ()
    #: the post's story in other languages (:mod:`sphinxblog.core.translations`), each
    #: with its language
    versions: tuple[Item, ...] = ()


@dataclass(frozen=True)
class FooterView:
    """Related posts and the posts next to a post, after its text."""

    related: tuple[Item, ...]
    newer: Item | None
    older: Item | None
    #: the post's language, where it is not the site's
    language: str


View = PostsView | ArchiveView | TermIndexView | TermPostsView | HeaderView | FooterView


# --- making them ---------------------------------------------------------------------------


def reading_minutes(words: int, per_minute: int) -> int:
    """A text's reading time: *words* (not bytes) over the reading speed, at least a
    minute; none for no words."""
    return max(1, round(words / max(1, per_minute))) if words else 0


def item(post: Post, site: Site, summaries: bool = False) -> Item:
    summary = (post.summary or "") if summaries else ""
    minutes = reading_minutes(post.words, site.words_per_minute)
    return Item(post.docname, post.title, post.day, minutes, post.language, summary)


def items(posts: Iterable[Post], site: Site, summaries: bool = False) -> tuple[Item, ...]:
    return tuple(item(post, site, summaries) for post in posts)


def term_item(term: Term, *, counted: bool = False) -> TermItem:
    return TermItem(term.name, term.slug, len(term.posts) if counted else 0)


def counted_item(term: Term) -> TermItem:
    return term_item(term, counted=True)


def profile(author: Author | None) -> Profile | None:
    if author is None:
        return None
    return Profile(author.avatar or "", author.title or "", author.url or "")


def _other_language(language: str, site: Site) -> str:
    return "" if same_language(language or site.language, site.language) else language


def listing_posts(listing: Listing, catalog: Catalog) -> tuple[Post, ...] | None:
    """The posts a listing shows in full, page after page; None for other listings."""
    if listing.kind == "archive":
        return catalog.posts
    if listing.kind == "tagposts":
        tag = catalog.tag_by_slug(listing.key)
        return tag.posts if tag else ()
    if listing.kind == "postlist" and listing.limit is None:
        return _postlist_posts(listing, catalog)
    return None


def _keys(names: Iterable[str]) -> set[str]:
    return {tag_key(name) for name in names}


def _passes(post: Post, listing: Listing, catalog: Catalog) -> bool:
    """Whether *post* passes a ``{postlist}``'s filters (each that is set)."""
    wanted = listing.filter
    if wanted.authors:
        named = catalog.authors_named(post)
        if not _keys(wanted.authors) & _keys([*(a.key for a in named), *(a.name for a in named)]):
            return False
    if wanted.tags and not _keys(wanted.tags) & _keys(post.tags):
        return False
    if wanted.languages and not any(
        same_language(post.language, language) for language in wanted.languages
    ):
        return False
    if wanted.locations:
        locations = str(post.extra.get("location") or "").split(",")
        if not _keys(wanted.locations) & _keys(name.strip() for name in locations):
            return False
    if wanted.series and tag_key(wanted.series) not in _keys(post.series):
        return False
    return wanted.year is None or (post.day is not None and post.day.year == wanted.year)


def _postlist_posts(listing: Listing, catalog: Catalog) -> tuple[Post, ...]:
    """A ``{postlist}``'s posts: its tag's, or all, those that pass its filters, oldest
    first where it asks; pinned posts first, unless it asks not to."""
    if listing.filter.languages:
        # every version of each story: those in the languages asked for
        posts = catalog.published
        if listing.key:
            posts = tuple(post for post in posts if tag_key(listing.key) in _keys(post.tags))
    elif not listing.key:
        posts = catalog.posts
    else:
        tag = catalog.tag(listing.key)
        posts = tag.posts if tag else ()
    if listing.filter != PostFilter():
        posts = tuple(post for post in posts if _passes(post, listing, catalog))
    if listing.style.oldest_first:
        dated = [post for post in posts if post.date is not None]
        posts = (*reversed(dated), *(post for post in posts if post.date is None))
    if listing.style.pinned:
        pinned = sorted(
            (post for post in posts if post.pinned is not None),
            key=lambda post: post.pinned or 0,  # stable: in the listing's order otherwise
        )
        posts = (*pinned, *(post for post in posts if post.pinned is None))
    return posts


#: what ABlog's ``:format:`` may name besides ``{title}`` and ``{date}``
DETAILS = ("author", "tags", "category", "language", "location")


def _details(post: Post, catalog: Catalog, template: str) -> tuple[tuple[str, str], ...]:
    """The values of the details *template* names, as the site names them."""
    values = {
        "author": lambda: ", ".join(catalog.author_names(post)),
        "tags": lambda: ", ".join(t.name if (t := catalog.tag(n)) else n for n in post.tags),
        "language": lambda: post.language,
        "location": lambda: str(post.extra.get("location") or ""),
    }
    values["category"] = values["tags"]  # categories are folded into the tags
    return tuple((name, values[name]()) for name in DETAILS if f"{{{name}}}" in template)


def _postlist_items(
    posts: Iterable[Post], listing: Listing, catalog: Catalog, site: Site
) -> tuple[Item, ...]:
    style = listing.style
    return tuple(
        dataclasses.replace(
            item(post, site, listing.summary),
            pinned=style.pinned and post.pinned is not None,
            details=_details(post, catalog, style.template) if style.template else (),
            image=post.cover if style.images else "",
            image_alt=post.cover_alt if style.images else "",
        )
        for post in posts
    )


def _page_of(posts: tuple[Post, ...], page: Page, site: Site) -> tuple[Post, ...]:
    if page.count <= 1:
        return posts
    return posts[(page.number - 1) * site.page_size : page.number * site.page_size]


def _postlist(listing: Listing, catalog: Catalog, site: Site, page: Page) -> PostsView:
    posts = _postlist_posts(listing, catalog)
    if listing.limit is not None:
        posts = posts[: listing.limit]
    shown = _postlist_items(_page_of(posts, page, site), listing, catalog, site)
    return PostsView(shown, page, listing.summary, listing.style)


def _day(post: Post) -> dt.date:
    assert post.day is not None, post.docname
    return post.day


def _archive(listing: Listing, catalog: Catalog, site: Site, page: Page) -> ArchiveView:
    if not catalog.posts:
        return ArchiveView((), (), (), page, listing.summary, empty=True)
    # a page reads its own posts alone, so that an edit rewrites the pages it is on
    size = site.page_size if page.count > 1 else 0
    start = (page.number - 1) * size
    shown = catalog.window(start, start + size) if size else catalog.posts
    years = tuple(catalog.year_pages(size).items())
    dated = [post for post in shown if post.day is not None]
    months = []
    for year, year_posts in itertools.groupby(dated, key=lambda post: _day(post).year):
        by_month = itertools.groupby(year_posts, key=lambda post: _day(post).month)
        months.append((year, tuple(
            (_day(posts[0]).replace(day=1), items(posts, site, listing.summary))
            for posts in (list(group) for _month, group in by_month)
        )))  # fmt: skip
    undated = items((post for post in shown if post.day is None), site, listing.summary)
    return ArchiveView(years, tuple(months), undated, page, listing.summary)


def _index_of(taxonomy: str, terms: Iterable[Term], site: Site) -> TermIndexView:
    """An index of *terms* (tags, series) in order of key; in a book, each one's posts."""
    ordered = sorted(terms, key=lambda term: term.key)
    sections = () if site.term_pages else tuple(
        (term_item(term), None, items(term.posts, site)) for term in ordered
    )  # fmt: skip
    return TermIndexView(taxonomy, tuple(map(counted_item, ordered)), sections)


def _tag_index(listing: Listing, catalog: Catalog, site: Site, page: Page) -> TermIndexView:
    return _index_of("tags", catalog.tags.values(), site)


def _series_index(listing: Listing, catalog: Catalog, site: Site, page: Page) -> TermIndexView:
    return _index_of("series", catalog.series.values(), site)


def _series_posts(listing: Listing, catalog: Catalog, site: Site, page: Page) -> TermPostsView:
    # one page, numbered: a series is read in order, and is short
    series = catalog.series_by_slug(listing.key)
    return TermPostsView(
        "series", counted_item(series) if series else None,
        items(series.posts if series else (), site, summaries=True), page, True,
        feed=site.feeds and series is not None,
    )  # fmt: skip


def series_boxes(post: Post, catalog: Catalog, site: Site) -> tuple[SeriesBox, ...]:
    """The box of each series *post* is part of."""
    boxes = []
    for series in catalog.series_of(post):
        at = next(i for i, member in enumerate(series.posts) if member.docname == post.docname)
        boxes.append(SeriesBox(counted_item(series), items(series.posts, site), at))
    return tuple(boxes)


def _author_index(listing: Listing, catalog: Catalog, site: Site, page: Page) -> TermIndexView:
    authors = sorted(catalog.authors.values(), key=lambda author: author.name.casefold())
    sections = () if site.term_pages else tuple(
        (term_item(author), profile(author.profile), items(author.posts, site))
        for author in authors
    )  # fmt: skip
    return TermIndexView("authors", tuple(map(counted_item, authors)), sections)


def _tag_posts(listing: Listing, catalog: Catalog, site: Site, page: Page) -> TermPostsView:
    tag = catalog.tag_by_slug(listing.key)
    posts = _page_of(tag.posts, page, site) if tag else ()
    return TermPostsView(
        "tags", term_item(tag, counted=page.number == 1) if tag else None,
        items(posts, site, listing.summary), page,
        listing.summary, feed=site.tag_feeds and tag is not None,
    )  # fmt: skip


def _author_posts(listing: Listing, catalog: Catalog, site: Site, page: Page) -> TermPostsView:
    author = catalog.author_by_slug(listing.key)
    if author is None:
        return TermPostsView("authors", None, (), page)
    return TermPostsView(
        "authors", counted_item(author), items(author.posts, site, summaries=True), page, True,
        profile(author.profile), feed=site.feeds,
    )  # fmt: skip


def header(docname: str, catalog: Catalog, site: Site) -> HeaderView | None:
    post = catalog.post(docname)
    if post is None:
        return None
    updated = post.updated
    if isinstance(updated, dt.datetime):
        updated = updated.date()
    tags = tuple(
        (name, term_item(tag) if (tag := catalog.tag(name)) else None) for name in post.tags
    )
    versions = tuple(
        dataclasses.replace(item(version, site), language=version.language or site.language)
        for version in catalog.versions(post)
        if version.docname != post.docname
    )
    return HeaderView(
        post.draft, post.day, updated, bylines(post, catalog),
        reading_minutes(post.words, site.words_per_minute), tags,
        _other_language(post.language, site), series_boxes(post, catalog, site), versions,
    )  # fmt: skip


def bylines(post: Post, catalog: Catalog) -> tuple[Byline, ...]:
    """Each author of *post* as its byline shows them: the name their page has, and
    the profile the post gives."""
    shown = []
    for author in catalog.authors_named(post):
        term = catalog.author(author.key)
        name, slug = (term.name, term.slug) if term else (author.name, "")
        shown.append(Byline(name, slug, profile(author) or Profile()))
    return tuple(shown)


def footer(docname: str, catalog: Catalog, site: Site) -> FooterView:
    post = catalog.post(docname)
    related = catalog.related(post, site.related) if post else []
    newer, older = (None, None) if site.book else catalog.neighbours(docname)
    return FooterView(
        items(related, site),
        item(newer, site) if newer else None,
        item(older, site) if older else None,
        _other_language(post.language if post else "", site),
    )


def sidebar(catalog: Catalog, site: Site) -> tuple[Item, ...]:
    """The newest dated posts, which every web page's sidebar shows."""
    return items(catalog.dated[: site.sidebar_posts], site)


_LISTINGS: dict[str, Callable[[Listing, Catalog, Site, Page], View]] = {
    "postlist": _postlist,
    "archive": _archive,
    "tagindex": _tag_index,
    "tagposts": _tag_posts,
    "authorindex": _author_index,
    "authorposts": _author_posts,
    "seriesindex": _series_index,
    "seriesposts": _series_posts,
}


def view_of(listing: Listing, catalog: Catalog, site: Site, page: Page) -> View | None:
    """What *listing* shows on *page*; ``None`` for a post toctree, which Sphinx renders."""
    if listing.kind == "post_header":
        return header(listing.key, catalog, site)
    if listing.kind == "post_footer":
        return footer(listing.key, catalog, site)
    make = _LISTINGS.get(listing.kind)
    return make(listing, catalog, site, page) if make else None


def pages_of(listings: Iterable[Listing], docname: str, catalog: Catalog, site: Site) -> list[Page]:
    """Each listing's first page on *docname*: the first listing of posts in full is
    paginated, and its later pages are written beside it."""
    pages, paginated = [], False
    for listing in listings:
        count = 1
        if not paginated and (posts := listing_posts(listing, catalog)) is not None:
            count, paginated = page_count(posts, site.page_size), True
        pages.append(Page(docname, 1, count))
    return pages
