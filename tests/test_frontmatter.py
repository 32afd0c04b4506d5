"""Front-matter parsing, without Sphinx."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from sphinxblog.core.dates import date_from_path, parse_date
from sphinxblog.core.frontmatter import interpret, read_front_matter
from sphinxblog.core.posts import why_undated
from sphinxblog.core.values import (
    parse_aliases,
    parse_authors,
    parse_tags,
    parse_text,
    resolve_page_alias,
    tag_key,
)


def test_reads_yaml_types_and_key_lines():
    front_matter = read_front_matter(
        "---\ntitle: Hello\ndate: 2021-03-14\ntags:\n  - a\n  - b\ndraft: false\n---\nBody\n"
    )
    assert front_matter.data == {
        "title": "Hello", "date": "2021-03-14", "tags": ["a", "b"], "draft": False,
    }  # fmt: skip
    assert front_matter.lines == {"title": 2, "date": 3, "tags": 4, "draft": 7}
    assert front_matter.problems == ()


def test_no_front_matter_is_empty():
    assert read_front_matter("# Just a heading\n").data == {}


def test_impossible_unquoted_date_keeps_the_other_keys():
    front_matter = read_front_matter("---\ntitle: T\ndate: 2023-13-01\n---\n")
    assert front_matter.data == {"title": "T", "date": "2023-13-01"}
    assert parse_date(front_matter.data["date"])[0] is None


def test_malformed_yaml_is_a_problem_with_its_line():
    front_matter = read_front_matter("---\ntitle: T\ntags: [a, b\n---\n")
    (problem,) = front_matter.problems
    assert problem.subtype == "front_matter"
    assert "not valid YAML" in problem.message
    assert problem.line is not None and problem.line >= 3


def test_unclosed_front_matter_is_a_problem():
    (problem,) = read_front_matter("---\ntitle: T\n").problems
    assert "closing" in problem.message


def test_front_matter_that_is_not_a_mapping_is_a_problem():
    (problem,) = read_front_matter("---\n- a\n- b\n---\n").problems
    assert "mapping" in problem.message


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2019-06-18", dt.date(2019, 6, 18)),
        ("2020-1-5", dt.date(2020, 1, 5)),
        (dt.date(2019, 6, 18), dt.date(2019, 6, 18)),
        ("2023-11-02T09:30:00+05:00",
         dt.datetime(2023, 11, 2, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=5)))),
        ("2015-05-28 23:23:39 -05:00",
         dt.datetime(2015, 5, 28, 23, 23, 39, tzinfo=dt.timezone(dt.timedelta(hours=-5)))),
        ("2015-05-28 23:23:39 -0500",
         dt.datetime(2015, 5, 28, 23, 23, 39, tzinfo=dt.timezone(dt.timedelta(hours=-5)))),
        ("2015-05-01T22:12:03.284Z",
         dt.datetime(2015, 5, 1, 22, 12, 3, 284000, tzinfo=dt.UTC)),
        ("2010-10-03 10:20", dt.datetime(2010, 10, 3, 10, 20)),
    ],
)  # fmt: skip
def test_parse_date(raw, expected):
    assert parse_date(raw) == (expected, None)


def test_date_only_is_a_calendar_date_not_a_datetime():
    value, _ = parse_date("2019-06-18")
    assert type(value) is dt.date


@pytest.mark.parametrize(
    "raw",
    ["2023-13-01", "2023-02-30", "2023/3/23 25:00", "next tuesday", "", None, 12, [2020]],
)
def test_bad_dates_are_problems(raw):
    value, problem = parse_date(raw)
    assert value is None
    assert problem.subtype == "date"


def test_tags_from_a_list_or_a_comma_string():
    assert parse_tags(["a", "b"]) == (("a", "b"), [])
    assert parse_tags("python,  Sphinx ; documentation") == (
        ("python", "Sphinx", "documentation"),
        [],
    )
    assert parse_tags(None) == ((), [])


def test_tags_fold_case_keeping_the_first_spelling():
    assert parse_tags(["Python", "python", "PYTHON", "Қазақстан", "ҚАЗАҚСТАН"])[0] == (
        "Python",
        "Қазақстан",
    )
    assert tag_key("ҚАЗАҚСТАН") == tag_key("қазақстан")


def test_tags_collapse_whitespace():
    assert parse_tags(["  machine \n learning "])[0] == ("machine learning",)


def test_odd_tags_are_problems():
    tags, problems = parse_tags([2019, {"a": 1}, "", " ", None, True, "ok"])
    assert tags == ("2019", "ok")
    assert [p.message for p in problems] == [
        "tag 2019 is not a string; quote it to use it as text",
        "tag {'a': 1} is not text; it is ignored",
        "an empty tag is ignored",
        "an empty tag is ignored",
        "tag None is not text; it is ignored",
        "tag True is not text; it is ignored",
    ]
    assert {p.subtype for p in problems} == {"tags"}


def test_tags_of_the_wrong_type_are_a_problem():
    tags, (problem,) = parse_tags({"a": "b"})
    assert tags == ()
    assert "list or a comma-separated string" in problem.message


def test_title():
    assert parse_text("  Hello \n world ", "title") == ("Hello world", [])
    assert parse_text(2024, "title") == ("2024", [])
    assert parse_text(None, "title") == (None, [])
    assert parse_text(["a"], "title")[1][0].subtype == "title"


# --- more spellings of dates ----------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Oct 10, 2020", dt.date(2020, 10, 10)),
        ("October 10, 2020", dt.date(2020, 10, 10)),
        ("15 Oct 2023", dt.date(2023, 10, 15)),
        ("15 October 2023", dt.date(2023, 10, 15)),
        ("25.12.2020", dt.date(2020, 12, 25)),  # day first, unambiguous
        ("12/25/2020", dt.date(2020, 12, 25)),  # month first, unambiguous
        ("2023/3/23", dt.date(2023, 3, 23)),  # the year first: never ambiguous
        ("2023.03.23", dt.date(2023, 3, 23)),
        ("2023年3月23日", dt.date(2023, 3, 23)),
        ("17:43 2023/3/23", dt.datetime(2023, 3, 23, 17, 43)),  # a VitePress theme's
        ("9:06 2023/5/7", dt.datetime(2023, 5, 7, 9, 6)),
        ("2023-3-5 10:00:30", dt.datetime(2023, 3, 5, 10, 0, 30)),
    ],
)
def test_wordy_and_unambiguous_numeric_dates(raw, expected):
    assert parse_date(raw) == (expected, None)


def test_ambiguous_day_first_dates_warn_and_read_day_first():
    value, problem = parse_date("05/06/2020")
    assert value == dt.date(2020, 6, 5)
    assert problem.subtype == "date" and "ambiguous" in problem.message


def test_site_zone_applies_to_naive_date_times_only():
    almaty = ZoneInfo("Asia/Almaty")
    assert parse_date("2010-10-03 10:20", almaty)[0] == dt.datetime(
        2010, 10, 3, 10, 20, tzinfo=almaty
    )
    written = parse_date("2010-10-03 10:20 +0100", almaty)[0]
    assert written.utcoffset() == dt.timedelta(hours=1)
    assert parse_date("2010-10-03", almaty)[0] == dt.date(2010, 10, 3)  # a day stays a day


@pytest.mark.parametrize(
    ("docname", "expected"),
    [
        ("posts/2019-06-18-simple-post", dt.date(2019, 6, 18)),
        ("posts/2019/06/18/simple-post", dt.date(2019, 6, 18)),
        ("posts/simple-post", None),
        ("posts/2019-13-18-bad", None),
    ],
)
def test_date_from_path(docname, expected):
    assert date_from_path(docname) == expected


# --- other values ---------------------------------------------------------------------


def test_authors_from_strings_lists_and_mappings():
    assert parse_authors("Alexis Métaireau, Conan Doyle") == (
        ("Alexis Métaireau", "Conan Doyle"),
        [],
    )
    assert parse_authors([{"name": "Gao Wei", "url": "x"}, "slorber"]) == (
        ("Gao Wei", "slorber"),
        [],
    )
    names, (problem,) = parse_authors([{"url": "x"}, "ok"])
    assert names == ("ok",) and problem.subtype == "authors"


def test_aliases_are_made_relative_and_kept_inside():
    assert parse_aliases(["/2019/06/old/", "old.html"]) == (("2019/06/old/", "old.html"), [])
    paths, problems = parse_aliases(["../../etc/passwd", "a/./b", "<x>", 3, "ok"])
    assert paths == ("ok",)
    assert len(problems) == 4 and {p.subtype for p in problems} == {"alias"}


def meta(text: str):
    return interpret(read_front_matter(f"---\n{text}\n---\n"))


def test_keys_from_every_generator_fill_the_same_fields():
    metadata, problems = meta(
        "publishDate: 2020-01-02\nlastmod: 2020-02-03\nkeywords: [a]\ncategories: [B, A]\n"
        "author: X\ndescription: D\nredirect_from: /old/\nlayout: post"
    )
    assert problems == []
    assert metadata.date == dt.date(2020, 1, 2)
    assert metadata.updated == dt.date(2020, 2, 3)
    assert metadata.tags == ("a", "B")  # categories fold into tags, case folded
    assert metadata.authors == ("X",)
    assert metadata.summary == "D"
    assert metadata.aliases == ("old/",)
    assert metadata.extra == {"layout": "post"}


def test_published_is_a_date_or_the_opposite_of_draft():
    assert meta("published: false")[0].draft is True
    assert meta("published: 2020-01-01")[0].date == dt.date(2020, 1, 1)
    assert meta("status: draft")[0].draft is True
    assert meta("status: published")[0].draft is False
    assert meta("status: maybe")[1][0].subtype == "draft"
    assert meta("draft: perhaps")[1][0].subtype == "draft"


def test_mkdocs_material_date_mapping():
    metadata, _ = meta("date:\n  created: 2023-12-31\n  updated: 2024-01-02")
    assert (metadata.date, metadata.updated) == (dt.date(2023, 12, 31), dt.date(2024, 1, 2))


def test_date_beats_its_aliases_whatever_the_order():
    assert meta("pubdate: 2020-01-01\ndate: 2021-01-01")[0].date == dt.date(2021, 1, 1)


def test_problems_point_at_their_key():
    _, (problem,) = meta("title: T\nupdated: soon")
    assert (problem.subtype, problem.line) == ("updated", 3)


def test_toml_front_matter_is_read():
    front_matter = read_front_matter('+++\ntitle = "x"\n+++\n')
    assert (front_matter.data, front_matter.form, front_matter.problems) == (
        {"title": "x"}, "toml", (),
    )  # fmt: skip


def test_a_header_with_only_its_closing_line_is_read_as_hexo_does():
    front_matter = read_front_matter("title: Hexo\ndate: 2021-03-04\ntags:\n- a\n---\nBody\n")
    assert front_matter.data == {"title": "Hexo", "date": "2021-03-04", "tags": ["a"]}
    assert front_matter.lines == {"title": 1, "date": 2, "tags": 3}
    assert front_matter.span == 5


@pytest.mark.parametrize("text", [
    "Note: this post is old.\nSee below.\n---\nBody\n",  # prose, then a rule
    "Note: this post is old.\n---\nBody\n",  # a key no one reads: not a header
    "title: x\nA paragraph.\n---\n",  # a paragraph before the line
])  # fmt: skip
def test_lines_above_a_rule_are_not_taken_for_a_header(text):
    assert read_front_matter(text).span == 0


def test_zola_taxonomies_and_path():
    front_matter = read_front_matter(
        '+++\ntitle = "Z"\npath = "old/z"\n[taxonomies]\ntags = ["a"]\ncategories = ["b"]\n'
        'authors = ["Ada"]\n+++\n'
    )
    metadata, problems = interpret(front_matter)
    assert (metadata.tags, metadata.authors) == (("a", "b"), ("Ada",))
    assert metadata.aliases == ("old/z",)
    assert problems == []


@pytest.mark.parametrize(("docname", "day"), [
    ("posts/2022-05-06_zola", dt.date(2022, 5, 6)),
    ("posts/2022-05-06", dt.date(2022, 5, 6)),
    ("posts/2022-05-06_zola/index", dt.date(2022, 5, 6)),
    ("posts/2022_05_06_zola", None),
])  # fmt: skip
def test_dates_from_zola_file_names(docname, day):
    assert date_from_path(docname) == day


@pytest.mark.parametrize(("docname", "text", "why"), [
    ("posts/2019_06_18_x", "---\ntitle: x\n---\n", "its file name starts with a date written "
     "'2019_06_18', which is not read: name it YYYY-MM-DD-slug or YYYY-MM-DD_slug, or add 'date:'"),
    ("posts/20190618-x", "", "its file name starts with a date written '20190618', which is not "
     "read: name it YYYY-MM-DD-slug or YYYY-MM-DD_slug, or add 'date:'"),
    ("posts/x", "---\ntitle: x\ntags: [a]\n---\n", "its YAML header has no date key (its keys: "
     "'title', 'tags')"),
    ("posts/x", "Body\n", "no header was found at the top of the file: add one with 'date:'"),
    ("posts/x", "---\n- a list\n---\n", "its header on line 2 could not be read"),
])  # fmt: skip
def test_an_undated_post_says_why(docname, text, why):
    assert why_undated(docname, read_front_matter(text)) == why


@pytest.mark.parametrize(("alias", "docname", "resolved"), [
    ("old", "posts/new", "posts/old"),
    ("old/", "posts/new", "posts/old/"),
    ("./old.html", "posts/new", "posts/old.html"),
    ("../up/", "posts/2020/new", "posts/up/"),
    ("old", "posts/bundle/index", "posts/old"),  # a page bundle's page is its folder
    ("old", "new", "old"),
    ("../../out", "posts/new", None),  # leaves the site
])  # fmt: skip
def test_page_relative_aliases_are_resolved_beside_the_post_as_hugo_does(alias, docname, resolved):
    assert resolve_page_alias(alias, docname) == resolved


def test_site_absolute_and_page_relative_aliases_are_told_apart():
    metadata, problems = interpret(read_front_matter("---\naliases: [/abs/, rel, ../up/]\n---\n"))
    assert (metadata.aliases, metadata.page_aliases, problems) == (("abs/",), ("rel", "../up/"), [])
