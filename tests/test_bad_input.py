"""Bad front matter: a located, typed warning each, and the post is still listed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import read_html
from sphinxblog.problems import SUBTYPES

bad_input = pytest.mark.sphinx("html", testroot="bad-input", copy_test_root=True, freshenv=True)


def warnings_of(app) -> list[str]:
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [line for line in text.splitlines() if line.strip()]


def expect(app, file: str, line: int | str, message: str, subtype: str) -> None:
    path = re.escape(str(app.srcdir / "posts" / file))
    where = f":{line}" if line else ""  # warnings about the whole site name the file alone
    pattern = re.compile(rf"{path}{where}: WARNING: .*{re.escape(message)}.* \[blog\.{subtype}\]$")
    assert any(pattern.search(w) for w in warnings_of(app)), warnings_of(app)


@bad_input
@pytest.mark.parametrize(
    ("file", "line", "message", "subtype"),
    [
        ("no-date.md", 1, "post has no date; the post is listed as undated", "date"),
        ("bad-date.md", 3, "date 'next tuesday' is not understood", "date"),
        ("impossible-date.md", 4, "date '2023-13-01' is impossible", "date"),
        ("odd-tags.md", 4, "tag 2019 is not a string", "tags"),
        ("odd-tags.md", 4, "tag {'nested': 'map'} is not text; it is ignored", "tags"),
        ("odd-tags.md", 4, "an empty tag is ignored", "tags"),
        ("tags-number.md", 4, "tag 42 is not a string; quote it to use it as text", "tags"),
        ("no-title.md", 1, "post has no title", "title"),
        ("not-a-mapping.md", 2, "front matter must be a mapping", "front_matter"),
        ("slug-mismatch.md", 5, "slug '../escape' is not a safe path", "slug"),
        ("bad-aliases.md", 5, "alias '../../etc/passwd' is not a safe relative path", "alias"),
        ("bad-aliases.md", "", "alias 'archive.html' is a page of the site", "alias"),
        ("ambiguous-date.md", 3, "date '05/06/2020' is ambiguous", "date"),
        ("toml.md", 4, "front matter is not valid TOML: Invalid value", "front_matter"),
    ],
)
def test_each_problem_is_a_located_typed_warning(app, file, line, message, subtype):
    app.build()
    expect(app, file, line, message, subtype)


@bad_input
def test_no_post_is_lost(app):
    app.build()
    archive = read_html(app.outdir, "archive.html")
    listed = {a["href"] for a in archive.select("ul.blog-postlist a")}
    assert listed == {f"posts/{p.stem}.html" for p in (app.srcdir / "posts").glob("*.md")}
    undated = {a.get_text() for a in archive.select("#undated ul.blog-postlist a")}
    assert undated == {"No date", "Bad date", "Impossible date", "Listed anyway", "TOML post"}
    assert "2019" in [a.get_text() for a in read_html(app.outdir, "tags/index.html").select("a")]


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
def test_unusable_settings_warn_and_fall_back(app):
    app.build()
    warnings = "\n".join(warnings_of(app))
    assert "blog_timezone 'Mars/Olympus' must be a time zone name" in warnings
    assert "blog_future_posts 'someday' must be one of hold, publish; using hold" in warnings
    assert warnings.count("[blog.config]") == 2
    assert (app.outdir / "archive.html").exists()


def test_readme_documents_every_warning():
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `blog\.(\w+)` \|", readme, re.M))
    assert documented == set(SUBTYPES)
