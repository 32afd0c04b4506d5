"""Posts from other generators move in unchanged: their file types, every form of header,
their folder dates, and their old addresses as redirects."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import heading, read_html, warnings_of
from sphinxblog.core.dates import date_from_path
from sphinxblog.core.frontmatter import for_myst, interpret, read_front_matter
from sphinxblog.core.headers import is_pelican_header, myst_header
from sphinxblog.core.oldurls import bundle_addresses, pattern_addresses, slug_addresses
from sphinxblog.core.values import parse_permalink, parse_redirect


@pytest.fixture(scope="module")
def built(builds):
    """One build of the root, shared by the tests that only read its output."""
    return builds("headers")


ABLOG = (
    "posts/ablog-post.rst:4: WARNING: ablog-post.rst is an ABlog reStructuredText post, which "
    "the site does not read (it reads .markdown, .md, .mdx, .qmd); convert it to MyST Markdown "
    "with YAML front matter [blog.source]"
)
LEGACY = (
    "posts/legacy.html:1: WARNING: legacy.html is not read: the site reads .markdown, .md, .mdx, "
    ".qmd files; convert it to Markdown to publish it [blog.source]"
)


# page -> (title, date shown, tags shown, draft)
EXPECTED = {
    "posts/jekyll-post.html": ("Jekyll markdown post", "Jun 18, 2019", ["jekyll", "ruby"], False),
    "posts/docusaurus-post.html": (
        "Docusaurus MDX post", "Mar 4, 2021", ["docusaurus", "mdx"], False,
    ),
    "posts/blank-lines.html": ("After blank lines", "Feb 3, 2020", ["hugo"], False),
    "posts/hugo-toml.html": ("Hugo TOML post", "Mar 26, 2019", ["hugo", "toml"], False),
    "posts/hugo-json.html": ("Hugo JSON post", "Jul 8, 2018", ["hugo", "json"], False),
    "posts/pelican-post.html": (
        "Pelican header post", "Oct 3, 2010", ["pelican", "publishing", "Python"], False,
    ),
    "posts/toml-draft.html": ("TOML draft", "Jan 1, 2022", [], True),
    "posts/pelican-draft.html": ("Pelican draft", "Jan 2, 2022", [], True),
    "posts/2021-05-12-folder-date/index.html": (
        "Dated by its folder", "May 12, 2021", ["docusaurus"], False,
    ),
    "posts/trip/index.html": ("Undated bundle", "Aug 9, 2020", ["hugo"], False),
}  # fmt: skip

HEADER_TEXT = re.compile(r"title\s*[:=]|\+\+\+|^---|Status:|Slug:|\"tags\"|draft\s*=", re.MULTILINE)


@pytest.mark.parametrize("page", EXPECTED)
def test_each_post_has_its_title_date_tags_and_draft_state(built, page):
    title, date, tags, draft = EXPECTED[page]
    html = read_html(built.outdir, page)
    assert heading(html.select_one("h1")) == title
    meta = html.select_one(".blog-post-meta")
    assert meta.select_one(".blog-date").get_text() == date
    assert [a.get_text() for a in meta.select(".blog-post-tags a")] == tags
    listed = [a.get_text() for a in read_html(built.outdir, "index.html").select("ul a")]
    assert (title in listed) is not draft
    body = html.select_one("div.body") or html.body
    assert not HEADER_TEXT.search(body.get_text("\n"))
    assert len(body.select("h1")) == 1


def test_exactly_the_unread_files_are_named(built):
    assert warnings_of(built) == sorted([ABLOG, LEGACY])


# old address -> the post it sends readers to
REDIRECTS = {
    "2019/06/18/jekyll-old.html": "posts/jekyll-post.html",  # Jekyll permalink
    "blog/docusaurus-old/index.html": "posts/docusaurus-post.html",  # Docusaurus slug
    "posts/docusaurus-old/index.html": "posts/docusaurus-post.html",  # Hugo slug in YAML
    "old/blank/index.html": "posts/blank-lines.html",  # aliases
    "posts/toml-old/index.html": "posts/hugo-toml.html",  # Hugo slug
    "hugo/old-url/index.html": "posts/hugo-toml.html",  # Hugo url
    "json/old/index.html": "posts/hugo-json.html",  # aliases in JSON
    "pelican-old.html": "posts/pelican-post.html",  # Pelican Slug
    "archives/pelican.html": "posts/pelican-post.html",  # Pelican save_as
    "ablog/old/index.html": "posts/ablog-redirect.html",  # ABlog redirect
    "ablog/older.html": "posts/ablog-redirect.html",
    # a Docusaurus page bundle's folder name
    "blog/2021/05/12/folder-date/index.html": "posts/2021-05-12-folder-date/index.html",
    # blog_old_url_patterns: Jekyll's default and Hugo's
    "2019/06/18/jekyll-post.html": "posts/jekyll-post.html",
    "posts/jekyll-post/index.html": "posts/jekyll-post.html",
    "posts/folder-date/index.html": "posts/2021-05-12-folder-date/index.html",
}


@pytest.mark.parametrize("old", REDIRECTS)
def test_each_old_address_redirects_to_its_post(built, old):
    page = read_html(built.outdir, old)
    refresh = page.select_one('meta[http-equiv="refresh"]')["content"]
    target = refresh.partition("url=")[2]
    resolved = (built.outdir / old).parent / target
    assert resolved.resolve() == (built.outdir / REDIRECTS[old]).resolve()


def test_the_files_on_disk_are_unchanged(built, rootdir):
    def files(posts: Path) -> dict[str, bytes]:
        return {p.relative_to(posts).as_posix(): p.read_bytes() for p in posts.rglob("*.*")}

    before = files(rootdir / "test-headers" / "posts")
    assert before and files(built.srcdir / "posts") == before


# --- the pure functions ----------------------------------------------------------------


def test_toml_is_read_with_its_lines():
    text = '+++\ntitle = "T"\ndate = 2021-05-12\n[params]\nx = 1\n+++\nBody\n'
    front_matter = read_front_matter(text)
    assert front_matter.data == {"title": "T", "date": dt.date(2021, 5, 12), "params": {"x": 1}}
    assert front_matter.lines == {"title": 2, "date": 3, "params": 4}
    assert (front_matter.form, front_matter.span) == ("toml", 6)


def test_bad_toml_is_a_located_problem():
    (problem,) = read_front_matter('+++\ntitle = "T"\ntags = [x]\n+++\n').problems
    assert (problem.subtype, problem.line) == ("front_matter", 3)
    assert "not valid TOML" in problem.message


def test_json_is_read_with_its_lines():
    front_matter = read_front_matter('{\n  "title": "J",\n  "tags": ["a"]\n}\n\nBody')
    assert front_matter.data == {"title": "J", "tags": ["a"]}
    assert (front_matter.lines, front_matter.span) == ({"title": 2, "tags": 3}, 4)


def test_a_myst_role_at_the_top_is_not_json():
    assert read_front_matter("{abbr}`HTML` is text.\n") == read_front_matter("")


def test_pelican_header_with_continuation_lines():
    text = "Title: P\nStatus: draft\nSummary: one\n    two\nTags: a, b\n\nBody\n"
    front_matter = read_front_matter(text)
    assert front_matter.data == {
        "title": "P", "status": "draft", "summary": "one two", "tags": "a, b",
    }  # fmt: skip
    assert (front_matter.form, front_matter.span, front_matter.lines["tags"]) == ("pelican", 6, 5)
    metadata, problems = interpret(front_matter)
    assert (metadata.draft, metadata.tags, problems) == (True, ("a", "b"), [])


def test_a_post_starting_with_a_label_is_not_a_pelican_header():
    assert not is_pelican_header(["Note: this is prose.", "", "More."], {"title"})
    assert is_pelican_header(["Title: x", "Note: y"], {"title"})


def test_yaml_after_blank_lines_is_read_at_its_lines():
    front_matter = read_front_matter("\n\n---\ntitle: Y\ndraft: true\n---\nBody\n")
    assert (front_matter.data, front_matter.lines) == ({"title": "Y", "draft": True}, {
        "title": 4, "draft": 5,
    })  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        '+++\ntitle = "T"\ndraft = true\n+++\nBody\n',
        '{\n  "title": "J"\n}\nBody\n',
        "Title: P\nDate: 2010-10-03\n\nBody\n",
        "\n\n---\ntitle: Y\n---\nBody\n",
    ],
)
def test_myst_gets_yaml_in_as_many_lines(text):
    converted = for_myst(text)
    assert converted.startswith("---\n")
    assert converted.splitlines()[-1] == "Body"
    assert len(converted.splitlines()) == len(text.splitlines())
    assert read_front_matter(converted).data["title"] == read_front_matter(text).data["title"]


def test_yaml_at_the_top_reaches_myst_as_it_is():
    assert for_myst("---\ntitle: X\n---\nBody\n") is None


def test_a_short_header_becomes_the_title_heading():
    assert myst_header({"title": "A *b*"}, 2) == ["# A \\*b\\*", ""]
    assert myst_header({}, 1) == [""]


def test_yaml_for_myst_escapes_what_yaml_may_not_hold():
    (line,) = myst_header({"title": "a\ufffeb"}, 3)[1:2]
    assert line == '{"title": "a\\ufffeb"}'


def test_dates_from_docusaurus_folders():
    assert date_from_path("posts/2021-05-12-title/index") == dt.date(2021, 5, 12)
    assert date_from_path("posts/2021-05-12-title/other") is None


@pytest.mark.parametrize(
    ("slug", "form", "docname", "expected"),
    [
        ("old", "pelican", "posts/new", ("old.html",)),
        ("old", "toml", "posts/new", ("posts/old/",)),
        ("old", "json", "new", ("old/",)),
        ("/old", "yaml", "posts/new", ("posts/old/", "blog/old/")),
        ("new", "yaml", "posts/2020-01-01-new", ()),
        ("trip", "toml", "posts/trip/index", ()),
    ],
)
def test_what_a_slug_implies(slug, form, docname, expected):
    assert slug_addresses(slug, form, docname) == (expected, [])


def test_an_unsafe_slug_is_a_problem():
    paths, (problem,) = slug_addresses("../../etc", "toml", "posts/new")
    assert (paths, problem.subtype) == ((), "slug")


def test_bundle_addresses():
    assert bundle_addresses("posts/2021-05-12-trip/index") == ("blog/2021/05/12/trip/",)
    assert bundle_addresses("posts/trip/index") == ()
    assert bundle_addresses("posts/2021-05-12-trip") == ()


def test_permalink_and_redirect():
    assert parse_permalink("/2019/06/18/old.html") == (("2019/06/18/old.html",), [])
    paths, (problem,) = parse_permalink("/:year/:title/")
    assert (paths, problem.subtype) == ((), "alias")
    assert parse_redirect("a/old, b/older.html") == (("a/old", "b/older.html"), [])


@pytest.mark.parametrize(
    ("patterns", "docname", "day", "expected"),
    [
        (["/:year/:month/:day/:title:output_ext"], "posts/2019-06-18-hello",
         dt.date(2019, 6, 18), ("2019/06/18/hello.html",)),
        ([":short_year/:i_month/:i_day/:slug/"], "posts/hello", dt.date(2009, 6, 8),
         ("09/6/8/hello/",)),
        (["/:section/:slug/"], "notes/2019-06-18-hello/index", dt.date(2019, 6, 18),
         ("notes/hello/",)),
        (["/:year/:slug/"], "posts/hello", None, ()),  # undated: no date to fill in
    ],
)  # fmt: skip
def test_old_url_patterns(patterns, docname, day, expected):
    assert pattern_addresses(patterns, docname, day) == expected


@pytest.mark.sphinx(
    "html", testroot="headers", copy_test_root=True, freshenv=True,
    confoverrides={"blog_old_url_patterns": ["/:categories/:year/:title/"]},
)  # fmt: skip
def test_an_unknown_placeholder_in_an_old_url_pattern_is_a_config_warning(app):
    app.build()
    assert warnings_of(app) == sorted([
        "WARNING: blog_old_url_patterns: '/:categories/:year/:title/' has :categories, which the "
        "blog does not know (it knows :day, :i_day, :i_month, :month, :output_ext, :section, "
        ":short_year, :slug, :title, :year); that pattern gives no old addresses [blog.config]",
        ABLOG, LEGACY,
    ])  # fmt: skip
