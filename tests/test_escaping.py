"""Hostile titles and tags, with the site's real theme: shown as text on every page, never run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from checkers import epubcheck_messages
from conftest import heading, read_html, warnings_of

ROOT = Path(__file__).parent / "roots" / "test-escaping"


def live_markup(soup: BeautifulSoup) -> list[str]:
    """What the hostile posts would run or load if their text were taken as HTML."""
    scripts = soup.find_all("script")
    # a JSON-LD block is data, never run: it must be JSON, with no "<" to close it early
    data = [s for s in scripts if s.get("type") == "application/ld+json"]
    found = [f"data block: {s.string}" for s in data if "<" in s.string or not json.loads(s.string)]
    found += [
        f"script: {s.string}" for s in scripts if s not in data and "alert(" in (s.string or "")
    ]
    found += [f"onerror on <{e.name}>" for e in soup.find_all(attrs={"onerror": True})]
    found += [f"<img src={e['src']}>" for e in soup.find_all("img", src="x")]
    found += [f"<b> {e}" for e in soup.find_all("b")]
    return found


def text_of(element) -> str:
    """A heading's words, without the theme's permalink sign."""
    words = "".join(
        part for part in element.find_all(string=True)
        if not part.find_parent("a", class_="headerlink")
    ).split()  # fmt: skip
    return " ".join(words)


def pages(outdir: Path, suffix: str) -> list[Path]:
    return [p for p in outdir.rglob(f"*{suffix}") if "_static" not in p.parts]


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_no_page_runs_a_hostile_title_or_tag(builds, buildername):
    app = builds("escaping", buildername)
    checked = pages(app.outdir, ".html")
    assert len(checked) >= 12  # posts, tag pages and their later pages, indexes, archive
    for path in checked:
        html = path.read_text(encoding="utf-8")
        assert live_markup(BeautifulSoup(html, "html.parser")) == [], path


def test_post_heading_and_print_title_show_the_title_as_text(builds):
    app = builds("escaping")
    page = read_html(app.outdir, "posts/hostile.html")
    (title,) = page.select("article h1")
    assert text_of(title) == "<script>alert(‘title’)</script> Hostile em"
    assert title.select_one("em").get_text() == "em"  # inline Markdown still renders
    print_title = page.select_one("#jb-print-docs-body h1")
    assert print_title.get_text() == "<script>alert(‘title’)</script> Hostile em"
    tag_page = read_html(app.outdir, "tags/img-src-x-onerror-alert-2.html")
    # the tag as it is spelled, without smart quotes
    assert text_of(tag_page.select_one("article h1")) == '"><img src=x onerror=alert(2)>'
    assert "onerror=alert(2)>" in tag_page.select_one("#jb-print-docs-body h1").get_text()
    later = read_html(app.outdir, "tags/img-src-x-onerror-alert-2/page/2.html")
    assert "onerror=alert(2)>" in later.select_one("#jb-print-docs-body h1").get_text()
    assert "onerror=alert(2)>" in later.select_one("article h1").get_text()
    assert heading(read_html(app.outdir, "posts/third.html").select_one("article h1")) == (
        "A <b>bold</b> heading"
    )


def test_markup_in_a_title_is_a_located_warning(builds):
    app = builds("escaping")
    assert warnings_of(app) == [
        f"posts/{file}:{line}: WARNING: title holds HTML markup ('{markup}'); it is shown as text "
        "[blog.title]"
        for file, line, markup in [
            ("hostile.md", 2, "<script>"), ("second.md", 2, "</script>"), ("third.md", 4, "<b>"),
        ]
    ]  # fmt: skip


def test_epub_pages_are_well_formed_and_inert(builds):
    app = builds("escaping", "epub")
    checked = pages(app.outdir, ".xhtml")
    assert any(p.name == "hostile.xhtml" for p in checked)
    for path in checked:
        etree.parse(str(path))  # raises on ill-formed XHTML
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert live_markup(soup) == [], path
    assert epubcheck_messages(app.outdir / f"{app.config.epub_basename}.epub") == []


def test_generated_files_stay_inside_their_folders(builds):
    app = builds("escaping")
    generated = sorted(p.name for p in (app.srcdir / "tags").iterdir())
    assert generated == [
        "bold-code-sub.md", "etc.md", "img-src-x-onerror-alert-2.md", "index-e540cd.md",
        "index.md", "script-alert-1-script.md",
    ]  # fmt: skip
    index = read_html(app.outdir, "tags/index.html")
    assert "index-e540cd.html" in [a["href"] for a in index.select("ul.blog-tagindex a")]
    outside = list(app.srcdir.parent.glob("etc*")) + list(app.outdir.parent.parent.glob("*.html"))
    assert outside == []
