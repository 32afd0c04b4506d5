"""Ordering and grouping posts, without Sphinx."""

from __future__ import annotations

import datetime as dt

from sphinxblog.core.authors import Author
from sphinxblog.core.catalog import Tag, Term, build_catalog
from sphinxblog.core.posts import Post


def post(name: str, day: int, *tags: str, draft: bool = False) -> Post:
    return Post(name, name.title(), dt.date(2024, 1, day), tags=tags, draft=draft)


def test_related_posts_share_the_most_tags_then_are_newer():
    catalog = build_catalog([
        post("subject", 10, "python", "sphinx", "kazakh"),
        post("two-shared-old", 1, "python", "sphinx"),
        post("one-shared-new", 9, "kazakh"),
        post("one-shared-old", 2, "python"),
        post("unrelated", 8, "cooking"),
        post("draft", 7, "python", "sphinx", "kazakh", draft=True),
    ])  # fmt: skip
    subject = catalog.post("subject")
    assert [p.docname for p in catalog.related(subject, 3)] == [
        "two-shared-old", "one-shared-new", "one-shared-old",
    ]  # fmt: skip
    assert [p.docname for p in catalog.related(subject, 1)] == ["two-shared-old"]
    # a draft is in no listing, but its own page still shows related posts
    assert [p.docname for p in catalog.related(catalog.post("draft"), 2)] == [
        "subject", "two-shared-old",
    ]  # fmt: skip
    assert catalog.related(catalog.post("unrelated"), 3) == []


# --- authors: terms like tags ---------------------------------------------------------------


def written_by(name: str, day: int | None, *authors: str, draft: bool = False) -> Post:
    date = dt.date(2024, 1, day) if day else None
    return Post(name, name.title(), date, authors=authors, draft=draft)


ADA = Author("ada", "Ada Example", "Chief Engineer", "https://ada.example.org/")


def test_authors_are_one_in_any_case_named_by_their_oldest_post():
    catalog = build_catalog([
        written_by("new", 9, "ann lee"),
        written_by("old", 2, "Ann Lee", "Bo"),
        written_by("undated", None, "ANN LEE"),
    ])  # fmt: skip
    assert list(catalog.authors) == ["ann lee", "bo"]  # in order of their newest post
    ann = catalog.authors["ann lee"]
    assert (ann.name, ann.slug, ann.profile) == ("Ann Lee", "ann-lee", Author("Ann Lee", "Ann Lee"))
    assert [p.docname for p in ann.posts] == ["new", "old", "undated"]
    assert catalog.author("ANN lee") is ann and catalog.author_by_slug("ann-lee") is ann
    assert catalog.author("nobody") is None and catalog.author_by_slug("nobody") is None
    assert catalog.authors_of(catalog.post("old")) == [ann, catalog.authors["bo"]]
    # each post's byline as pages show it: one spelling for one author
    assert catalog.author_names(catalog.post("new")) == ["Ann Lee"]


def test_a_profile_names_its_author_and_names_alone_are_matched_by_key():
    catalog = build_catalog(
        [written_by("one", 1, "Ada"), written_by("two", 2, "ada")], profiles={"ada": ADA}
    )
    ada = catalog.authors["ada"]
    assert isinstance(ada, Term) and ada.profile == ADA and ada.name == "Ada Example"
    assert [p.docname for p in ada.posts] == ["two", "one"]
    assert catalog.authors_named(catalog.post("one")) == (Author("Ada", "Ada"),)


def test_authors_as_read_replace_the_names_and_hidden_posts_have_no_author_page():
    posts = [
        written_by("read", 3, "ada"),
        written_by("unread", 2, "Grace"),
        written_by("draft", 1, "Hidden Hand", draft=True),
    ]
    # a mapping in the post's own front matter is its author's profile
    mine = Author("Ada Lovelace", "Ada Lovelace", url="https://ada.example.org/")
    read = {"read": (mine,), "draft": (Author("Hidden Hand", "Hidden Hand"),)}
    catalog = build_catalog(posts, post_authors=read, profiles={"ada": ADA})
    assert list(catalog.authors) == ["ada lovelace"]
    assert catalog.author_by_slug("ada-lovelace").profile == mine
    assert catalog.authors_of(catalog.post("unread")) == []
    assert catalog.author_names(catalog.post("unread")) == ["Grace"]
    assert catalog.author("hidden hand") is None
    assert catalog.author_names(catalog.post("draft")) == ["Hidden Hand"]


def test_the_profile_of_the_authors_file_wins_over_an_older_spelling():
    posts = [written_by("old", 1, "Ada"), written_by("new", 5, "ada")]
    read = {"old": (Author("Ada", "Ada"),), "new": (ADA,)}
    catalog = build_catalog(posts, post_authors=read, profiles={"ada": ADA})
    assert catalog.authors["ada"].profile == ADA
    assert catalog.author_names(catalog.post("old")) == ["Ada Example"]


def test_author_slugs_are_unique_as_tag_slugs_are():
    catalog = build_catalog([written_by("one", 1, "C++", "c plus plus", "con")])
    slugs = {key: term.slug for key, term in catalog.authors.items()}
    assert slugs["c plus plus"] == "c-plus-plus"
    assert slugs["c++"].startswith("c-plus-plus-") and slugs["con"].startswith("con-")


def test_records_read_remake_the_authors_from_the_authors_read():
    catalog = build_catalog([written_by("one", 1, "ada")], profiles={"ada": ADA})
    assert catalog.authors["ada"].profile == ADA
    record = written_by("one", 1, "ada")
    refreshed = catalog.with_records({"one": record}, {"one": (Author("ada", "Ada Lovelace"),)})
    assert refreshed.post("one") is record
    assert refreshed.authors["ada"].profile == Author("ada", "Ada Lovelace")
    assert refreshed.authors["ada"].posts == (record,)
    # and when a post moves, the catalog made again keeps the profiles
    moved = catalog.with_records({"one": written_by("one", 2, "ada")})
    assert moved.authors["ada"].profile == ADA


def test_tags_are_terms_without_a_profile():
    catalog = build_catalog([post("one", 1, "Python")])
    assert Tag is Term
    assert catalog.tags["python"] == Term("python", "Python", "python", (catalog.post("one"),))
    assert catalog.tags["python"].profile is None


def test_an_expired_post_is_hidden_from_its_expiry_date_on():
    now = dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.UTC)
    posts = [
        Post("gone", "Gone", dt.date(2024, 1, 1), tags=("x",), expires=dt.date(2024, 3, 1)),
        Post("tomorrow", "Tomorrow", dt.date(2024, 1, 2), expires=dt.date(2024, 3, 2)),
        Post(
            "an-hour-ago",
            "An hour ago",
            dt.date(2024, 1, 3),
            expires=dt.datetime(2024, 3, 1, 11, 0, tzinfo=dt.UTC),
        ),  # fmt: skip
        Post("lasting", "Lasting", dt.date(2024, 1, 4)),
    ]
    catalog = build_catalog(posts, now=now)
    assert [p.docname for p in catalog.posts] == ["lasting", "tomorrow"]
    assert [p.docname for p in catalog.expired] == ["an-hour-ago", "gone"]
    assert {p.docname for p in catalog.hidden} == {"an-hour-ago", "gone"}
    assert "x" not in catalog.tags  # only an expired post had it
    assert [p.docname for p in build_catalog(posts).posts][:1] == ["lasting"]  # no "now": kept
