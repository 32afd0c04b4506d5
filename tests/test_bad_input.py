"""Bad front matter: a located, typed warning each, and the post is still listed."""

from __future__ import annotations

import re

import pytest
from conftest import read_html

bad_input = pytest.mark.sphinx("html", testroot="bad-input", copy_test_root=True, freshenv=True)


def warnings_of(app) -> list[str]:
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [line for line in text.splitlines() if line.strip()]


def expect(app, file: str, line: int | str, message: str, subtype: str) -> None:
    path = re.escape(str(app.srcdir / "posts" / file))
    pattern = re.compile(rf"{path}:{line}: WARNING: .*{re.escape(message)}.* \[blog\.{subtype}\]$")
    assert any(pattern.search(w) for w in warnings_of(app)), warnings_of(app)


@bad_input
@pytest.mark.parametrize(
    ("file", "line", "message", "subtype"),
    [
        ("no-date.md", 1, "post has no date; it is listed as undated", "date"),
        ("bad-date.md", 3, "date 'next tuesday' is not understood", "date"),
        ("impossible-date.md", 4, "date '2023-13-01' is impossible", "date"),
        ("odd-tags.md", 4, "tag 2019 is not a string", "tags"),
        ("odd-tags.md", 4, "tag {'nested': 'map'} is not text; it is ignored", "tags"),
        ("odd-tags.md", 4, "an empty tag is ignored", "tags"),
        ("tags-number.md", 4, "tags must be a list or a comma-separated string", "tags"),
        ("no-title.md", 1, "post has no title", "title"),
        ("not-a-mapping.md", 2, "front matter must be a mapping", "front_matter"),
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
    assert undated == {"No date", "Bad date", "Impossible date", "Listed anyway"}
    assert "2019" in [a.get_text() for a in read_html(app.outdir, "tags/index.html").select("a")]


SILENCED = ["myst.topmatter", "blog.date", "blog.tags", "blog.title", "blog.front_matter"]


@pytest.mark.sphinx(
    "html", testroot="bad-input", copy_test_root=True, freshenv=True,
    confoverrides={"suppress_warnings": SILENCED},
)  # fmt: skip
def test_every_warning_can_be_silenced(app):
    app.build()
    assert warnings_of(app) == []
