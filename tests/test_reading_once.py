"""Each post's front matter is parsed at most once per build, whatever reads it."""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import root_with
from sphinxblog.core import frontmatter

ROOTS = Path(__file__).parent / "roots"

#: posts whose reading asks for the front matter more than once: a header MyST
#: does not know (rewritten for it), other generators' markup (translated), a
#: title written as HTML, an author with no profile (warned of at its line)
MORE_POSTS = {
    "posts/toml.md": '+++\ntitle = "TOML header"\ndate = 2021-03-04\n+++\nA post in TOML.\n',
    "posts/hugo.md": (
        "---\ntitle: Hugo markup\ndate: 2021-03-05\nauthors: [ada, nobody]\n---\n"
        '{{< youtube id="x1" >}}\n\nAnd {{< param title >}}.\n'
    ),
    "posts/html-title.md": '---\ntitle: "A <b>bold</b> title"\ndate: 2021-03-06\n---\nText.\n',
}


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """The texts parsed as front matter, counted, by whichever module parses them."""
    counts: Counter[str] = Counter()
    original = frontmatter.read_front_matter

    def counting(text: str) -> frontmatter.FrontMatter:
        counts[text.lstrip("\ufeff")] += 1
        return original(text)

    for module in list(sys.modules.values()):
        if module.__name__.startswith("sphinxblog") and (
            getattr(module, "read_front_matter", None) is original
        ):
            monkeypatch.setattr(module, "read_front_matter", counting)
    return counts


def parses_per_post(counts: Counter[str], srcdir: Path) -> dict[str, int]:
    """How many times each post of *srcdir* was parsed."""
    return {
        path.relative_to(srcdir).as_posix(): counts[path.read_text(encoding="utf-8")]
        for path in sorted((srcdir / "posts").glob("*.md"))
    }


def build(make_app, srcdir: Path):
    app = make_app("html", srcdir=srcdir)
    app.build()
    return app


def touch(path: Path, text: str | None = None) -> None:
    if text is not None:
        path.write_text(text, encoding="utf-8")
    later = path.stat().st_mtime + 10  # newer than the last reading, whatever the clock
    os.utime(path, (later, later))


@pytest.fixture
def srcdir(tmp_path: Path) -> Path:
    files = {
        **MORE_POSTS,
        "posts/authors.yml": "ada:\n  name: Ada Example\n",
    }
    return root_with(ROOTS / "test-basic", tmp_path / "site", files)


def test_a_clean_build_parses_each_post_once(make_app, srcdir, parsed):
    build(make_app, srcdir)
    counts = parses_per_post(parsed, srcdir)
    assert len(counts) == 8
    assert set(counts.values()) == {1}, counts


def test_a_rebuild_parses_only_the_edited_post_once(make_app, srcdir, parsed):
    build(make_app, srcdir)
    parsed.clear()
    hugo = srcdir / "posts" / "hugo.md"
    touch(hugo, hugo.read_text(encoding="utf-8").replace("And", "Then"))
    app = build(make_app, srcdir)
    assert "Then" in (app.outdir / "posts" / "hugo.html").read_text(encoding="utf-8")
    counts = parses_per_post(parsed, srcdir)
    assert counts.pop("posts/hugo.md") == 1
    assert set(counts.values()) == {0}, counts


def test_a_post_read_again_without_a_change_is_parsed_once(make_app, srcdir, parsed):
    """A post naming authors is read again when the authors file changes, though it
    was not scanned: the build parses it when it first asks, and keeps it."""
    build(make_app, srcdir)
    parsed.clear()
    touch(srcdir / "posts" / "authors.yml", "ada:\n  name: Ada Lovelace\n")
    app = build(make_app, srcdir)
    page = (app.outdir / "posts" / "hugo.html").read_text(encoding="utf-8")
    assert "Ada Lovelace" in page
    assert "author 'nobody' is not in the authors file" in app.warning.getvalue()
    counts = parses_per_post(parsed, srcdir)
    assert counts.pop("posts/hugo.md") == 1
    assert set(counts.values()) == {0}, counts
