"""Views: what each part of a page shows, made from the catalog without a build.

Which pages a rebuild writes again is decided by comparing views, so these
check that a view changes exactly when what it shows changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sphinxblog.core.authors import Author
from sphinxblog.core.catalog import build_catalog
from sphinxblog.core.posts import Post
from sphinxblog.pages.pagination import Page
from sphinxblog.pages.views import (
    ArchiveView,
    Byline,
    Profile,
    Site,
    TermItem,
    footer,
    header,
    pages_of,
    reading_minutes,
    sidebar,
    view_of,
)
from sphinxblog.reading.placeholders import Listing
from sphinxblog.rebuild.updates import digest

SITE = Site(page_size=2, related=2, sidebar_posts=2, words_per_minute=100)


def post(name: str, day: int | None, *tags: str, words: int = 300, **more: object) -> Post:
    date = dt.date(2024, 3, day) if day else None
    return Post(name, name.title(), date, tags=tags, words=words, **more)  # type: ignore[arg-type]


POSTS = [
    post("a", 1, "python"), post("b", 2, "python", "rust"), post("c", 3, "rust"),
    post("d", 4, "python"), post("e", None, "cooking"),
]  # fmt: skip


def shown(posts: list[Post], listing: Listing, number: int = 1, site: Site = SITE) -> object:
    catalog = build_catalog(posts)
    (first,) = pages_of([listing], "page", catalog, site)
    return view_of(listing, catalog, site, Page("page", number, first.count))


def test_the_archive_is_paginated_and_each_year_knows_its_page():
    first = shown(POSTS, Listing("archive"))
    assert isinstance(first, ArchiveView)
    assert first.page == Page("page", 1, 3)
    assert first.years == ((2024, 1),)
    ((year, months),) = first.months
    assert year == 2024 and [entry.docname for entry in months[0][1]] == ["d", "c"]
    last = shown(POSTS, Listing("archive"), 3)
    assert [entry.docname for entry in last.undated] == ["e"] and last.months == ()


def test_a_listing_without_summaries_does_not_change_when_a_summary_does():
    edited = [dataclasses.replace(POSTS[0], summary="A new summary."), *POSTS[1:]]
    for listing in (Listing("archive"), Listing("postlist", limit=5)):
        assert digest(shown(POSTS, listing, 2)) == digest(shown(edited, listing, 2))
    with_summaries = Listing("tagposts", "python", summary=True)
    assert digest(shown(POSTS, with_summaries, 2)) != digest(shown(edited, with_summaries, 2))


def test_retagging_changes_the_tag_views_not_the_archive():
    retagged = [post("a", 1, "rust"), *POSTS[1:]]
    assert digest(shown(POSTS, Listing("archive"))) == digest(shown(retagged, Listing("archive")))
    index_before, index_after = (
        shown(POSTS, Listing("tagindex")),
        shown(retagged, Listing("tagindex")),
    )
    assert TermItem("python", "python", 3) in index_before.terms
    assert TermItem("python", "python", 2) in index_after.terms


def test_reading_time_changes_a_view_only_when_its_minutes_do():
    assert reading_minutes(0, 100) == 0 and reading_minutes(10, 100) == 1
    longer = [dataclasses.replace(POSTS[3], words=310), *POSTS[:3], POSTS[4]]
    assert digest(shown(POSTS, Listing("postlist"))) == digest(shown(longer, Listing("postlist")))
    much_longer = [dataclasses.replace(POSTS[3], words=900), *POSTS[:3], POSTS[4]]
    assert digest(shown(POSTS, Listing("postlist"))) != digest(
        shown(much_longer, Listing("postlist"))
    )


def test_a_book_footer_has_no_links_to_neighbouring_posts():
    catalog = build_catalog(POSTS)
    web = footer("b", catalog, SITE)
    assert (web.newer.docname, web.older.docname) == ("c", "a")
    book = footer("b", catalog, dataclasses.replace(SITE, book=True))
    assert book.newer is None and book.older is None
    assert [entry.docname for entry in book.related] == [entry.docname for entry in web.related]


def test_a_header_names_authors_as_their_page_does_with_the_posts_profile():
    ada = Author(key="ada", name="Ada Lovelace", title="Analyst", url="https://ada.example.org/")
    posts = [post("a", 1, "python", authors=("ada", "bob")), post("x", 2, "secret", draft=True)]
    catalog = build_catalog(posts, post_authors={"a": (ada, Author(key="bob", name="bob"))})
    view = header("a", catalog, SITE)
    assert view.authors == (
        Byline("Ada Lovelace", "ada", Profile("", "Analyst", "https://ada.example.org/")),
        Byline("bob", "bob", Profile()),
    )
    # a badge links the tag: how many posts it has is not shown, and changes nothing
    assert view.tags == (("python", TermItem("python", "python")),) and view.minutes == 3
    # a tag that only drafts use has no page yet
    assert header("x", catalog, SITE).tags == (("secret", None),)


def test_the_sidebar_shows_the_newest_dated_posts():
    assert [entry.docname for entry in sidebar(build_catalog(POSTS), SITE)] == ["d", "c"]
