"""Tag pages, the tag index, the archive and the home page, read from built HTML."""

from __future__ import annotations

import json

import pytest

from conftest import heading, post_titles, read_html, warnings_of


@pytest.fixture(scope="module")
def basic(builds):
    """The root built once, for the tests that read it."""
    return builds("basic")


def test_each_tag_has_a_page_listing_its_posts_newest_first(basic):
    app = basic
    page = read_html(app.outdir, "tags/python.html")
    assert heading(page.select_one("h1")) == "Python"
    listing = page.select_one("ul.blog-postlist")
    assert post_titles(listing) == ["New year", "Comma tags", "First steps"]
    assert [a["href"] for a in listing.select("a")] == [
        "../posts/fifth.html", "../posts/second.html", "../posts/first.html",
    ]  # fmt: skip
    assert [d.get_text() for d in listing.select(".blog-date")] == [
        "Jan 1, 2022", "Feb 3, 2020", "Jun 18, 2019",
    ]  # fmt: skip


def test_case_variants_are_one_tag_with_the_first_spelling(basic):
    app = basic
    assert not (app.srcdir / "tags" / "Python.md").exists()
    index = read_html(app.outdir, "tags/index.html")
    names = [a.get_text() for a in index.select("ul.blog-tagindex a")]
    assert "Python" in names and "python" not in names
    assert "blog" in names and "BLOG" not in names


def test_c_cpp_and_csharp_have_three_pages(basic):
    app = basic
    pages = {tag: read_html(app.outdir, f"tags/{slug}.html")
             for tag, slug in [("C", "c"), ("C++", "c-plus-plus"), ("C#", "c-sharp")]}  # fmt: skip
    for tag, page in pages.items():
        assert heading(page.select_one("h1")) == tag
        assert post_titles(page.select_one("ul.blog-postlist")) == [
            "Late evening west of Greenwich"
        ]


def test_kazakh_tags_get_readable_ascii_pages(basic):
    app = basic
    page = read_html(app.outdir, "tags/qazaqstan.html")
    assert heading(page.select_one("h1")) == "Қазақстан"
    assert post_titles(page.select_one("ul.blog-postlist")) == ["Қазақстан туралы"]
    assert (app.outdir / "tags" / "saiasat.html").exists()


def test_tag_index_lists_every_tag_with_its_count(basic):
    app = basic
    index = read_html(app.outdir, "tags/index.html")
    entries = {
        item.a.get_text(): (item.a["href"], item.select_one(".blog-tag-count").get_text())
        for item in index.select("ul.blog-tagindex > li")
    }
    assert entries["Python"] == ("python.html", "3")
    assert entries["blog"] == ("blog.html", "2")
    assert entries["C++"] == ("c-plus-plus.html", "1")
    assert len(entries) == 9


def test_archive_groups_posts_by_year_and_month_newest_first(basic):
    app = basic
    page = read_html(app.outdir, "archive.html")
    years = page.select("section.blog-archive-year")
    assert [y["id"] for y in years] == ["year-2022", "year-2021", "year-2020", "year-2019"]
    assert [heading(h) for h in page.select("section.blog-archive-year > h2")] == [
        "2022", "2021", "2020", "2019",
    ]  # fmt: skip
    months_2020 = years[2].select("section.blog-archive-month")
    assert [m["id"] for m in months_2020] == ["month-2020-02"]
    assert heading(months_2020[0].select_one("h3")) == "February"
    # same day: the date-time (23:30) is later than the date-only post
    assert post_titles(months_2020[0]) == ["Late evening west of Greenwich", "Comma tags"]
    year_links = [a["href"] for a in page.select(".blog-archive-years a")]
    assert year_links == ["#year-2022", "#year-2021", "#year-2020", "#year-2019"]


def test_home_page_lists_the_most_recent_posts(basic):
    app = basic
    page = read_html(app.outdir, "index.html")
    listing = page.select_one("article ul.blog-postlist") or page.select_one("ul.blog-postlist")
    assert post_titles(listing) == [
        "New year",
        "Қазақстан туралы",
        "Late evening west of Greenwich",
    ]


def test_sidebar_shows_recent_posts_not_every_post(basic):
    app = basic
    page = read_html(app.outdir, "posts/first.html")
    recent = page.select_one(".blog-recent-posts")
    assert [a.get_text() for a in recent.select("a")] == [
        "New year", "Қазақстан туралы", "Late evening west of Greenwich",
    ]  # fmt: skip
    assert recent.select_one("a")["href"] == "fifth.html"


@pytest.mark.sphinx("dirhtml", testroot="basic", copy_test_root=True, freshenv=True)
def test_links_work_in_dirhtml(app):
    app.build()
    page = read_html(app.outdir, "tags/python/index.html")
    hrefs = [a["href"] for a in page.select("ul.blog-postlist a")]
    assert hrefs == ["../../posts/fifth/", "../../posts/second/", "../../posts/first/"]
    for href in hrefs:
        assert (app.outdir / "tags" / "python" / href / "index.html").resolve().exists()
    post = read_html(app.outdir, "posts/first/index.html")
    assert post.select_one(".blog-post-tags a")["href"] == "../../tags/python/"


@pytest.mark.sphinx("html", testroot="basic", copy_test_root=True, freshenv=True,
                    confoverrides={"language": "kk"})  # fmt: skip
def test_dates_follow_the_site_language(app):
    app.build()
    page = read_html(app.outdir, "archive.html")
    # the month as a heading (standalone form), the day in Kazakh order
    assert heading(page.select_one("#month-2019-06 h3")) == "Маусым"
    assert page.select_one("#month-2019-06 .blog-date").get_text() == "2019\u202fж. 18 мау."


def test_postlist_of_one_tag(basic):
    app = basic
    page = read_html(app.outdir, "tagged.html")
    assert post_titles(page.select_one("ul.blog-postlist")) == ["New year", "Comma tags"]


@pytest.mark.sphinx("html", testroot="basic", copy_test_root=True, freshenv=True,
                    confoverrides={"blog_tags_folder": "../outside"})  # fmt: skip
def test_tag_folder_outside_the_source_is_refused(app):
    app.build()
    assert warnings_of(app) == [
        "WARNING: blog_tags_folder '../outside' must be a folder inside the source directory; "
        "using 'tags' [blog.config]"
    ]
    assert not (app.srcdir.parent / "outside").exists()
    assert (app.outdir / "tags" / "python.html").exists()


@pytest.mark.sphinx("html", testroot="basic", srcdir="foreign-file-in-tags")
def test_files_the_extension_did_not_write_are_left_alone(app_params, make_app):
    srcdir = app_params.kwargs["srcdir"]
    (srcdir / "tags").mkdir(exist_ok=True)
    (srcdir / "tags" / "python.md").write_text("# My own page\n", encoding="utf-8")
    app = make_app(*app_params.args, **app_params.kwargs)
    app.build()
    assert (srcdir / "tags" / "python.md").read_text(encoding="utf-8") == "# My own page\n"
    assert warnings_of(app) == [
        # the site's own page, which nothing lists
        "tags/python.md: WARNING: document isn't included in any toctree [toc.not_included]",
        "tags/python.md: WARNING: tags/python.md was not generated by the blog; not overwriting "
        "it with the tag page [blog.tag_page]",
    ]


def test_search_finds_a_post_by_its_own_words_not_by_the_pages_listing_it(basic):
    app = basic
    script = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(script[script.index("(") + 1 : script.rindex(")")])

    def pages_with(word: str) -> set[str]:
        hits = [index[kind].get(word, []) for kind in ("terms", "titleterms")]
        numbers = [n for found in hits for n in ([found] if isinstance(found, int) else found)]
        return {index["docnames"][number] for number in numbers}

    # its title is listed on the home page, the archive, tag pages and beside other posts
    assert pages_with("greenwich") == {"posts/third"}
    assert pages_with("calendar") == {"posts/third"}
