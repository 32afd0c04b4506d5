"""What a post shows: its title once, date and tag badges under it, neighbours at the end."""

from __future__ import annotations

import pytest

from conftest import heading, read_html


@pytest.fixture(scope="module")
def basic(builds):
    """The root built once, for the tests that read it."""
    return builds("basic")


def test_header_shows_date_and_tag_badges_under_the_title(basic):
    app = basic
    page = read_html(app.outdir, "posts/second.html")
    (title,) = page.select("h1")
    assert heading(title) == "Comma tags"
    meta = title.find_next_sibling()
    assert "blog-post-meta" in meta["class"]
    assert meta.select_one(".blog-date").get_text() == "Feb 3, 2020"
    badges = meta.select(".blog-post-tags a")
    assert [b.get_text() for b in badges] == ["Python", "Sphinx", "documentation"]
    assert [b["href"] for b in badges] == [
        "../tags/python.html", "../tags/sphinx.html", "../tags/documentation.html",
    ]  # fmt: skip
    assert all("sd-badge" in b["class"] for b in badges)


def test_title_from_the_first_heading_when_front_matter_has_none(basic):
    app = basic
    page = read_html(app.outdir, "posts/fourth.html")
    assert [heading(h) for h in page.select("h1")] == ["Қазақстан туралы"]
    assert page.select_one(".blog-post-meta .blog-date").get_text() == "Dec 31, 2021"


def test_a_date_time_keeps_the_calendar_day_it_was_written_on(basic):
    app = basic
    # 23:30 at -05:00 is the next day in UTC; the post still says Feb 03
    page = read_html(app.outdir, "posts/third.html")
    assert page.select_one(".blog-post-meta .blog-date").get_text() == "Feb 3, 2020"


def test_previous_and_next_link_the_chronological_neighbours(basic):
    app = basic
    nav = read_html(app.outdir, "posts/third.html").select_one(".blog-post-nav")
    older, newer = nav.select_one(".blog-older a"), nav.select_one(".blog-newer a")
    assert (older.get_text(), older["href"]) == ("Comma tags", "second.html")
    assert (newer.get_text(), newer["href"]) == ("Қазақстан туралы", "fourth.html")
    oldest = read_html(app.outdir, "posts/first.html").select_one(".blog-post-nav")
    assert oldest.select_one(".blog-older") is None
    assert oldest.select_one(".blog-newer a")["href"] == "second.html"
    newest = read_html(app.outdir, "posts/fifth.html").select_one(".blog-post-nav")
    assert newest.select_one(".blog-newer") is None


def test_posts_stay_out_of_the_toctree_without_warnings(basic):
    app = basic
    assert app.warning.getvalue() == ""
    home = read_html(app.outdir, "index.html")
    toctree_links = [a["href"] for a in home.select(".toctree-wrapper a")]
    assert toctree_links == ["archive.html", "tags/index.html"]
