"""Ordering and grouping posts, without Sphinx."""

from __future__ import annotations

import datetime as dt

from sphinxblog.catalog import build_catalog
from sphinxblog.posts import Post


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
