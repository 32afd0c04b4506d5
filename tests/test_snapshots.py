"""Snapshots of the pages the blog writes, from a small root: the tag page's body, the
archive's, and a post's header (title, date, reading time, authors and tags).

A change to their markup shows up here as a diff of pretty-printed HTML; when the change
is meant, ``pytest tests/test_snapshots.py --force-regen`` writes the new snapshots.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import read_html, warnings_of


@pytest.fixture(scope="module")
def snapshots(builds):
    app = builds("snapshots")
    assert warnings_of(app) == []
    return app


def pretty(app, *elements) -> str:
    """The *elements* pretty-printed, one after another; no path of this machine in them."""
    text = "".join(BeautifulSoup(str(element), "html.parser").prettify() for element in elements)
    assert str(app.srcdir) not in text and str(app.outdir) not in text
    return text


def test_tag_page_body(snapshots, file_regression):
    body = read_html(snapshots.outdir, "tags/python.html").select_one("div.body")
    file_regression.check(pretty(snapshots, body), basename="tag_page_body", extension=".html")


def test_archive_body(snapshots, file_regression):
    body = read_html(snapshots.outdir, "archive.html").select_one("div.body")
    file_regression.check(pretty(snapshots, body), basename="archive_body", extension=".html")


def test_post_header(snapshots, file_regression):
    page = read_html(snapshots.outdir, "posts/second.html")
    title = page.select_one("div.body h1")
    meta = title.find_next_sibling()
    assert "blog-post-meta" in meta["class"]
    file_regression.check(pretty(snapshots, title, meta), basename="post_header", extension=".html")
