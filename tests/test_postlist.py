"""`{postlist}`: pinned posts first, and ABlog's options, on built pages."""

from __future__ import annotations

import shutil

import pytest

from conftest import read_html, warnings_of
from sphinxblog.core.frontmatter import interpret, read_front_matter
from sphinxblog.core.values import parse_pin

# --- pure functions ------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "raw", "pinned"), [
    ("pin", True, 0), ("pinned", "yes", 0), ("featured", False, None), ("sticky", 100, -100),
    ("sticky", 0, None), ("weight", 3, 3), ("weight", 0, None),
])  # fmt: skip
def test_what_pins_a_post(key, raw, pinned):
    assert parse_pin(raw, key) == (pinned, [])


def test_a_pin_that_says_neither_yes_nor_no_is_named():
    pinned, problems = parse_pin("maybe", "pin")
    assert pinned is None and [p.subtype for p in problems] == ["pinned"]
    pinned, problems = parse_pin("2", "weight")
    assert pinned is None and "whole number" in problems[0].message


def test_the_first_pin_key_written_decides():
    metadata, _problems = interpret(read_front_matter("---\npin: false\nweight: 2\n---\nBody\n"))
    assert metadata.pinned is None


# --- built pages ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def html(builds):
    return builds("postlist", "html")


def _titles(page, section: str | None = None) -> list[str]:
    scope = page.select_one(f"section#{section}") if section else page
    return [a.get_text() for a in scope.select("ul.blog-postlist a.blog-post-title")]


def test_pinned_posts_come_first_and_say_so(html):
    home = read_html(html.outdir, "index.html")
    assert _titles(home) == ["Start here", "Almaty in English", "The newest", "Алматы"]
    items = home.select("ul.blog-postlist > li")
    assert [li.select_one(".blog-pinned-badge") is not None for li in items] == [
        True, True, False, False,
    ]  # fmt: skip
    assert items[0].select_one(".blog-pinned-badge").get_text() == "Pinned"


def test_older_and_newer_links_keep_date_order(html):
    post = read_html(html.outdir, "posts/pinned.html")
    assert post.select_one(".blog-newer a").get_text() == "The manual"  # by date, not pin


def test_ablog_filters_and_formats(html):
    page = read_html(html.outdir, "ablog.html")
    by_author = page.select_one("section#by-author ul")
    assert [li.get_text(" ", strip=True) for li in by_author.select("li")] == [
        "The manual, again by Ahmet, Durden on 2020-06-01",
        "The manual by Ahmet on 2020-01-01",
    ]
    # categories are tags: both spellings; oldest first; a decimal list
    assert _titles(page, "by-category") == ["The manual", "The manual, again"]
    assert "blog-list-decimal" in page.select_one("section#by-category ul")["class"]
    assert _titles(page, "by-place") == ["Алматы"]  # Almaty, in Kazakh
    excerpts = page.select_one("section#excerpts")
    assert _titles(page, "excerpts") == ["Алматы", "The manual, again"]
    assert [p.get_text() for p in excerpts.select("p.blog-summary")] == [
        "Тау көлі.", "More on posting.",
    ]  # fmt: skip
    more = excerpts.select("a.blog-more")
    assert [(a.get_text(), a["href"]) for a in more] == [
        ("Read more", "posts/almaty.html"), ("Read more", "posts/manual-two.html"),
    ]  # fmt: skip
    assert _titles(page, "by-year") == ["Almaty in English", "Алматы"]


def test_bad_pins_are_named_where_they_are(html):
    assert warnings_of(html) == [
        "posts/newest.md:4: WARNING: sticky 'maybe' is neither true nor false [blog.pinned]"
    ]


def test_pinning_a_post_rewrites_the_listings(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "site"
    shutil.copytree(rootdir / "test-postlist", srcdir)
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    post = srcdir / "posts" / "manual.md"
    post.write_text(post.read_text().replace("author: Ahmet", "author: Ahmet\nweight: 1"))
    app = make_app("html", srcdir=srcdir)
    app.build()
    home = read_html(app.outdir, "index.html")
    assert _titles(home)[:3] == ["Start here", "The manual", "Almaty in English"]
