"""Nikola's posts build unchanged: ``.. key: value`` headers, bare or in an HTML
comment, and ``.meta`` files beside the posts, in both of Nikola's forms."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from conftest import heading, post_titles, read_html, root_with, warnings_of
from sphinxblog.core.dates import parse_date
from sphinxblog.core.frontmatter import for_myst, read_front_matter
from sphinxblog.core.headers import is_nikola_header, read_nikola, read_nikola_meta
from sphinxblog.core.problems import Problem


def test_bare_header_ends_at_the_first_blank_line():
    lines = [".. title: My Post", ".. tags: python, nikola", ".. link:", "", "Text."]
    data, key_lines, problems, span = read_nikola(lines, 0)
    assert data == {"title": "My Post", "tags": "python, nikola"}  # an empty value is none
    assert (key_lines, problems, span) == ({"title": 1, "tags": 2}, [], 4)


def test_header_in_an_html_comment():
    lines = ["<!--", ".. Title: My Post", "", ".. slug: my-post", "-->", "Text."]
    assert read_nikola(lines, 0) == (
        {"title": "My Post", "slug": "my-post"}, {"title": 2, "slug": 4}, [], 5,
    )  # fmt: skip


def test_malformed_and_repeated_lines_are_located():
    lines = [".. title: A", ".. tags python", ".. title: B"]
    data, _lines, problems, span = read_nikola(lines, 0)
    assert (data, span) == ({"title": "B"}, 3)
    assert problems == [
        Problem(
            "front_matter",
            "line '.. tags python' of Nikola's header is not a '.. key: value' line; it is ignored",
            2,
        ),
        Problem("front_matter", "key 'title' is repeated (first on line 1); the last is used", 3),
    ]


def test_unclosed_comment_is_no_header():
    data, _lines, problems, span = read_nikola(["<!--", ".. title: A", "Text."], 0)
    assert (data, span) == ({}, 0)
    assert problems == [Problem("front_matter", "Nikola's header has no closing '-->' line", 1)]


def test_prose_and_other_comments_are_no_header():
    assert not is_nikola_header(["<!-- more -->"], 0)
    assert not is_nikola_header(["<!--", "a note", "-->"], 0)
    assert not is_nikola_header([".. not a key line"], 0)
    assert is_nikola_header(["", ".. title: A"], 1)


def test_meta_file_in_both_forms():
    assert read_nikola_meta(".. title: A\n.. date: 2012-03-30\n") == (
        {"title": "A", "date": "2012-03-30"}, {"title": 1, "date": 2}, [], 0,
    )  # fmt: skip
    old = "Title\nslug\n2012-03-30 23:00:00 UTC\npython, nikola\n\nSummary.\ntext\n"
    data, key_lines, problems, _span = read_nikola_meta(old)
    assert data == {
        "title": "Title", "slug": "slug", "date": "2012-03-30 23:00:00 UTC",
        "tags": "python, nikola", "description": "Summary.", "type": "text",
    }  # fmt: skip
    assert (key_lines["description"], problems) == (6, [])
    _data, _lines, problems, _span = read_nikola_meta(old + "more\n")
    assert [problem.line for problem in problems] == [8]


def test_nikola_dates():
    plus3 = dt.timezone(dt.timedelta(hours=3))
    assert parse_date("2012-03-30 23:00:00 UTC+03:00") == (
        dt.datetime(2012, 3, 30, 23, tzinfo=plus3),
        None,
    )
    assert parse_date("2012-03-30 23:00:00 UTC+0300") == (
        dt.datetime(2012, 3, 30, 23, tzinfo=plus3),
        None,
    )
    assert parse_date("2012-03-30 23:00:00 UTC") == (
        dt.datetime(2012, 3, 30, 23, tzinfo=dt.UTC),
        None,
    )


def test_myst_reads_a_yaml_block_of_as_many_lines():
    text = "<!--\n.. title: A\n.. tags: x\n-->\nText.\n"
    front_matter = read_front_matter(text)
    assert (front_matter.form, front_matter.span) == ("nikola", 4)
    assert for_myst(text, front_matter) == '---\n{"title": "A", "tags": "x"}\n\n---\nText.\n'


# --- built --------------------------------------------------------------------------------

# post -> (title, date shown, tags shown)
EXPECTED = {
    "bare-header": ("Bare header", "Mar 30, 2012", ["python", "nikola", "notes"]),
    "comment-header": ("Header in a comment", "Apr 1, 2013", ["markdown"]),
    "meta-lines": ("Meta lines", "May 6, 2014", ["meta", "nikola"]),
    "meta-old": ("Header beats meta", "Jun 7, 2015", ["old", "nikola"]),
}


@pytest.fixture(scope="module")
def nikola(builds):
    return builds("from-nikola")


def test_nikola_posts_build_without_a_warning(nikola):
    assert nikola.warning.getvalue() == ""


@pytest.mark.parametrize("post", EXPECTED)
def test_post_shows_its_title_date_and_tags_and_nothing_of_its_header(nikola, post):
    title, date, tags = EXPECTED[post]
    page = read_html(nikola.outdir, f"posts/{post}.html")
    assert heading(page.select_one("h1")) == title
    meta = page.select_one(".blog-post-meta")
    assert meta.select_one(".blog-date").get_text() == date
    assert [a.get_text() for a in meta.select(".blog-post-tags a")] == tags
    body = page.select_one("div.body")
    assert ".." not in body.get_text()
    assert "title" not in str(body).replace("blog-post-title", "")


def test_private_posts_and_summaries(nikola):
    home = read_html(nikola.outdir, "index.html")
    assert post_titles(home.select_one(".blog-postlist")) == [
        "Header beats meta", "Meta lines", "Header in a comment", "Bare header",
    ]  # fmt: skip
    assert "Nikola's description." in home.get_text()
    assert "The old form's description." in home.get_text()
    assert (nikola.outdir / "posts" / "private.html").exists()


@pytest.mark.parametrize(
    ("old", "post"),
    [("bare-old", "bare-header"), ("lines-old", "meta-lines"), ("meta-old-slug", "meta-old")],
)
def test_slug_redirects_from_nikolas_address(nikola, old, post):
    page = read_html(nikola.outdir, f"posts/{old}/index.html")
    refresh = page.select_one('meta[http-equiv="refresh"]')["content"]
    assert refresh == f"0; url=../{post}.html"


def test_malformed_lines_and_unreadable_meta_files_are_located(make_app, rootdir, tmp_path):
    srcdir = root_with(
        rootdir / "test-from-nikola",
        tmp_path / "site",
        {
            "posts/malformed.md": ".. title: Malformed\n.. date 2020-01-01\n\nText.\n",
            "posts/bad-meta.md": "# Bad meta\n\nText.\n",
            "posts/bad-meta.meta": b".. title: ok\n.. date: 2020-01-01\n.. tags: caf\xe9\n",
            "posts/old-meta.md": "Text.\n",
            "posts/old-meta.meta": ".. title: Old meta\n.. date: 2020-01-02\n.. tags nikola\n",
        },
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert warnings_of(app) == [
        "posts/bad-meta.md:1: WARNING: post has no date: no header was found at the top of "
        "the file: add one with 'date:'; the post is listed as undated, after dated posts "
        "[blog.date]",
        "posts/bad-meta.meta:3: WARNING: the .meta file is not in utf-8-sig: invalid "
        "continuation byte; it is ignored [blog.front_matter]",
        "posts/malformed.md:1: WARNING: post has no date: its Nikola header has no date key "
        "(its keys: 'title'); the post is listed as undated, after dated posts [blog.date]",
        "posts/malformed.md:2: WARNING: line '.. date 2020-01-01' of Nikola's header is not "
        "a '.. key: value' line; it is ignored [blog.front_matter]",
        "posts/old-meta.meta:3: WARNING: line '.. tags nikola' of Nikola's header is not "
        "a '.. key: value' line; it is ignored [blog.front_matter]",
    ]


def test_editing_only_the_meta_file_rebuilds_the_post(make_app, rootdir, tmp_path):
    srcdir = root_with(rootdir / "test-from-nikola", tmp_path / "site")
    app = make_app("html", srcdir=srcdir)
    app.build()
    time.sleep(0.01)
    meta = srcdir / "posts" / "meta-lines.meta"
    meta.write_text(meta.read_text("utf-8").replace("Meta lines", "Meta renamed"), "utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    page = read_html(app.outdir, "posts/meta-lines.html")
    assert heading(page.select_one("h1")) == "Meta renamed"
    home = read_html(app.outdir, "index.html")
    assert "Meta renamed" in post_titles(home.select_one(".blog-postlist"))
    clean = make_app("html", srcdir=root_with(srcdir, tmp_path / "clean", {}), freshenv=True)
    clean.build()
    for page_name in ("posts/meta-lines.html", "index.html", "tags/nikola.html"):
        assert (app.outdir / page_name).read_text("utf-8") == (clean.outdir / page_name).read_text(
            "utf-8"
        )
