"""A post's title: from front matter or its first heading, shown once."""

from __future__ import annotations

import pytest

from conftest import heading, read_html, warnings_of


@pytest.fixture(scope="module")
def title(builds):
    return builds("title")


def test_a_heading_repeating_the_front_matter_title_is_shown_once(title):
    app = title
    page = read_html(app.outdir, "posts/repeated.html")
    assert [heading(h) for h in page.select("h1")] == ["Moved from Jekyll"]
    assert page.select_one("h1").find_next_sibling()["class"] == ["blog-post-meta"]
    assert [heading(h) for h in page.select("h2")] == ["Part"]


def test_front_matter_title_is_the_heading(title):
    app = title
    page = read_html(app.outdir, "posts/plain.html")
    assert [heading(h) for h in page.select("h1")] == ["Front title"]


def test_a_post_myst_cannot_read_front_matter_of_is_still_listed_by_its_title(title):
    app = title
    assert warnings_of(app) == [
        # MyST's own warning: it drops the front matter
        "posts/malformed.md:1: WARNING: Malformed YAML [myst.topmatter]",
        "posts/malformed.md:4: WARNING: date '2023-13-01' is impossible: month must be in "
        "1..12; the post is listed as undated, after dated posts [blog.date]",
    ]
    tag_page = read_html(app.outdir, "tags/a.html")
    titles = [a.get_text() for a in tag_page.select("ul.blog-postlist a")]
    assert titles == ["Moved with parts", "Front title", "Moved from Jekyll", "Not valid"]


def test_top_level_headings_under_a_title_become_its_sections(title):
    app = title
    page = read_html(app.outdir, "posts/repeated-parts.html")
    assert [heading(h) for h in page.select("h1")] == ["Moved with parts"]
    assert [heading(h) for h in page.select("h2")] == ["Second part", "Third part"]
    # the heading keeps the id the old site gave it, not MyST's "moved-with-parts-1"
    assert page.select_one("h1").parent["id"] == "moved-with-parts"
    # the footer closes the one section: nothing of the post is left outside it
    (section,) = page.select("div.body > section")
    assert section.select_one(".blog-post-nav") is not None
