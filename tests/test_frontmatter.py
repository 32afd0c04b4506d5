"""Front-matter parsing, without Sphinx."""

from __future__ import annotations

import datetime as dt

import pytest
from sphinxblog.frontmatter import parse_date, parse_tags, parse_title, read_front_matter, tag_key


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


@pytest.mark.parametrize("raw", ["2023-13-01", "2023-02-30", "next tuesday", "", None, 12, [2020]])
def test_bad_dates_are_problems(raw):
    value, problem = parse_date(raw)
    assert value is None
    assert problem.subtype == "date"


def test_tags_from_a_list_or_a_comma_string():
    assert parse_tags(["a", "b"]) == (("a", "b"), ())
    assert parse_tags("python,  Sphinx , documentation") == (
        ("python", "Sphinx", "documentation"),
        (),
    )
    assert parse_tags(None) == ((), ())


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
    assert parse_title("  Hello \n world ") == ("Hello world", None)
    assert parse_title(2024) == ("2024", None)
    assert parse_title(None) == (None, None)
    assert parse_title(["a"])[1].subtype == "title"
