"""Bad front matter: a located, typed warning each, and the post is still listed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import read_html, warnings_of
from sphinxblog.core.problems import SUBTYPES


@pytest.fixture(scope="module")
def bad_input(builds):
    return builds("bad-input")


UNDATED = "the post is listed as undated, after dated posts"
#: every warning of the root, each once: (file, line, message, subtype)
WARNINGS = [
    ("no-date.md", 1, "post has no date: its YAML header has no date key (its keys: 'title', "
     f"'tags'); {UNDATED}", "date"),
    ("bad-date.md", 3, "date 'next tuesday' is not understood; write it as YYYY-MM-DD or "
     f"YYYY-MM-DD HH:MM[:SS][+HH:MM] (or Oct 10, 2020; 15 Oct 2023; 2023/3/23); {UNDATED}", "date"),
    ("impossible-date.md", 4, f"date '2023-13-01' is impossible: month must be in 1..12; {UNDATED}",
     "date"),
    ("odd-tags.md", 4, "tag 2019 is not a string; quote it to use it as text", "tags"),
    ("odd-tags.md", 4, "tag {'nested': 'map'} is not text; it is ignored", "tags"),
    ("odd-tags.md", 4, "an empty tag is ignored", "tags"),
    ("tags-number.md", 4, "tag 42 is not a string; quote it to use it as text", "tags"),
    ("no-title.md", 1, "post has no title; add 'title:' to its front matter or start it with a "
     "'# Heading' (shown as 'no-title' meanwhile)", "title"),
    ("not-a-mapping.md", 1, f"post has no date: its header on line 2 could not be read; {UNDATED}",
     "date"),
    ("not-a-mapping.md", 2, "front matter must be a mapping of keys to values, not list",
     "front_matter"),
    ("slug-mismatch.md", 5, "slug '../escape' is not a safe path; no redirect is written for it",
     "slug"),
    ("bad-aliases.md", 5, "alias '../../etc/passwd' leads out of the site; no redirect is "
     "written for it", "alias"),
    # a warning about the whole site names the file alone
    ("bad-aliases.md", "", "alias 'archive.html' is a page of the site; no redirect written",
     "alias"),
    ("ambiguous-date.md", 3, "date '05/06/2020' is ambiguous; read as day first (2020-06-05): "
     "write it as YYYY-MM-DD", "date"),
    ("toml.md", 1, f"post has no date: its header on line 4 could not be read; {UNDATED}", "date"),
    ("toml.md", 4, "front matter is not valid TOML: Invalid value (at line 3, column 9)",
     "front_matter"),
]  # fmt: skip


def test_each_problem_is_one_located_typed_warning(bad_input):
    expected = [
        f"posts/{file}{f':{line}' if line else ''}: WARNING: {message} [blog.{subtype}]"
        for file, line, message, subtype in WARNINGS
    ]
    assert warnings_of(bad_input) == sorted(expected)


def test_no_post_is_lost(bad_input):
    archive = read_html(bad_input.outdir, "archive.html")
    listed = {a["href"] for a in archive.select("ul.blog-postlist a")}
    assert listed == {f"posts/{p.stem}.html" for p in (bad_input.srcdir / "posts").glob("*.md")}
    undated = {a.get_text() for a in archive.select("#undated ul.blog-postlist a")}
    assert undated == {"No date", "Bad date", "Impossible date", "Listed anyway", "TOML post"}
    tags = read_html(bad_input.outdir, "tags/index.html")
    assert "2019" in [a.get_text() for a in tags.select("a")]


SILENCED = ["myst.topmatter", *(f"blog.{subtype}" for subtype in SUBTYPES)]


@pytest.mark.sphinx(
    "html", testroot="bad-input", copy_test_root=True, freshenv=True,
    confoverrides={"suppress_warnings": SILENCED},
)  # fmt: skip
def test_every_warning_can_be_silenced(app):
    app.build()
    assert warnings_of(app) == []


@pytest.mark.sphinx(
    "html", testroot="bad-input", copy_test_root=True, freshenv=True,
    confoverrides={"blog_timezone": "Mars/Olympus", "blog_future_posts": "someday"},
)  # fmt: skip
def test_unusable_settings_warn_and_fall_back(app, bad_input):
    app.build()
    config = [w for w in warnings_of(app) if not w.startswith("posts/")]
    assert config == sorted([
        "WARNING: blog_timezone 'Mars/Olympus' must be a time zone name such as 'Asia/Almaty'; "
        "using none [blog.config]",
        "WARNING: blog_future_posts 'someday' must be one of hold, publish; using hold "
        "[blog.config]",
    ])  # fmt: skip
    # and the posts' own warnings, each once, as without these settings
    posts = [w for w in warnings_of(app) if w.startswith("posts/")]
    assert posts == warnings_of(bad_input)
    assert (app.outdir / "archive.html").exists()


def test_the_docs_name_every_warning():
    table = (Path(__file__).parent.parent / "docs" / "warnings.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `blog\.(\w+)` \|", table, re.M))
    assert documented == set(SUBTYPES)
