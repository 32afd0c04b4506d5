"""Math in every output: MathML written at build time in the web pages and the ePub (nothing
loaded from another host), TeX in the PDF, numbered and linked displays, Kazakh around it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from checkers import (
    chromium,
    epubcheck_messages,
    serious_axe_violations,
    serving,
    vnu_errors,
)
from conftest import article, read_html, warnings_of
from sphinxblog.pages.mathml import mathml

ROOTS = Path(__file__).parent / "roots"
POST = "posts/math"
UNKNOWN = (
    "posts/math.md:25: WARNING: math '\\\\foo{x}' holds TeX that MathML has no sign for "
    "(\\foo): shown as written; the PDF sets it [blog.math]"
)


@pytest.fixture(scope="module")
def site(builds):
    return builds("gfm")


def body_of(app):
    return article(app, POST)


def test_math_is_mathml_and_nothing_loads_from_another_host(site):
    page = read_html(site.outdir, f"{POST}.html")
    inline = page.select("p > math[display=inline]")
    assert len(inline) == 3  # E = mc², a/b, and the unknown command, shown as written
    assert inline[0].select_one("msup mi").get_text() == "c"
    assert page.select('script[src*="mathjax" i], script[src*="://"]') == []
    assert "Эйнштейн формуласы" in page.get_text()


def test_displays_are_numbered_and_linked(site):
    body = body_of(site)
    displays = body.select("div.math")
    assert [d["id"] for d in displays] == [
        "equation-sum", "equation-amsmath-posts-math-2", "equation-quadratic",
    ]  # fmt: skip
    numbers = [d.select_one(".eqno").contents[0].strip() for d in displays]
    assert numbers == ["(1)", "(2)", "(3)"]
    assert all(d.select_one("math[display=block]") for d in displays)
    assert [a.get_text() for a in body.select('p a[href="#equation-sum"]')] == ["(1)"]
    aligned = displays[1].select("mtr")
    assert len(aligned) == 2  # \begin{align}: one row a line


def test_tex_mathml_has_no_sign_for_is_named(site):
    assert [line for line in warnings_of(site) if "math" in line] == [UNKNOWN]


def test_the_translation_of_labels_and_lines():
    from docutils import nodes

    node = nodes.math("x")
    assert "\\label" not in mathml(r"\label{a} x = 1", True, node)
    assert mathml("a", False, node).startswith('<math xmlns="http://www.w3.org/1998/Math/MathML"')


def test_the_pages_are_valid_html(site):
    assert vnu_errors(site.outdir) == []


def test_the_pdf_sets_the_tex(builds):
    app = builds("gfm", "latex")
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\(E = mc^2\)" in tex
    assert r"\begin{align}" in tex and r"\label{equation:posts/math:sum}" in tex
    assert re.search(r"Эйнштейн формуласы", tex)


def test_the_epub_carries_mathml_and_declares_it(builds):
    app = builds("gfm", "epub")
    page = (app.outdir / f"{POST}.xhtml").read_text(encoding="utf-8")
    assert "<math" in page and "$" not in page.split("<body", 1)[1].split("Белгісіз")[0]
    opf = (app.outdir / "content.opf").read_text(encoding="utf-8")
    assert re.search(r'href="posts/math.xhtml"[^>]*properties="mathml"', opf)
    assert epubcheck_messages(next(app.outdir.glob("*.epub"))) == []


def test_a_reader_sees_the_formulas_and_axe_finds_nothing_serious(site, tmp_path):
    with serving(site.outdir) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{base}{POST}.html")
        page.wait_for_load_state("networkidle")
        # MathML laid out by the browser: a fraction is taller than a line of text
        height = page.evaluate(
            "document.querySelector('div.math math').getBoundingClientRect().height"
        )
        assert height > 30
        page.screenshot(path=str(tmp_path / "math.png"), full_page=True)
        assert serious_axe_violations(page) == [] and errors == []


def test_feeds_carry_mathml_in_full_text_and_tex_in_summaries(builds):
    feedparser = pytest.importorskip("feedparser")
    app = builds("gfm", "html", html_baseurl="https://example.org/", blog_feed_fulltext=True)
    entry = next(
        e for e in feedparser.parse(str(app.outdir / "atom.xml")).entries if "math" in e.link
    )
    assert "<math" in entry.content[0].value and "<mfrac>" in entry.content[0].value
    summary = builds("gfm", "html", html_baseurl="https://example.org/")
    entry = next(
        e for e in feedparser.parse(str(summary.outdir / "atom.xml")).entries if "math" in e.link
    )
    assert "E = mc^2" in entry.summary  # the TeX, never nothing


def test_two_clean_builds_write_the_same_page(make_app, tmp_path):
    """MyST labels numbered amsmath environments with random names: not here."""
    pages = []
    for name in ("one", "two"):
        srcdir = tmp_path / name
        shutil.copytree(ROOTS / "test-gfm", srcdir)
        app = make_app("html", srcdir=srcdir)
        app.build()
        pages.append((app.outdir / f"{POST}.html").read_bytes())
    assert pages[0] == pages[1]
