"""Mermaid diagrams: drawn in the web pages by Mermaid served from the site (only on pages
with one, in the page's light or dark mode), and as pictures drawn at build time in the PDF,
the ePub and the feeds; shown as their source, with a message, where they cannot be drawn."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import feedparser
import pytest

from checkers import chromium, serving
from conftest import article, read_html, warnings_of
from sphinxblog.reading import diagrams

ROOT = Path(__file__).parent / "roots" / "test-diagrams"
GFM_POST = "posts/github-markdown"
SOURCE = "graph TD\n  A[Бастау] --> B{Шешім}"
BROKEN = (
    "posts/broken.md:8: WARNING: mermaid diagram shown as its source: Mermaid cannot draw it "
    "(Parse error on line 3:) [blog.diagram]"
)


@pytest.fixture(scope="module")
def site(builds):
    return builds("gfm")


@pytest.fixture(scope="module")
def drawings(builds):
    return builds("diagrams")


def test_a_web_page_holds_the_source_for_mermaid_served_from_the_site(site):
    figure = article(site, GFM_POST).select_one("figure.blog-diagram")
    assert figure.select_one("pre.mermaid").get_text() == SOURCE
    page = read_html(site.outdir, f"{GFM_POST}.html")
    scripts = [script["src"].split("?")[0] for script in page.select("script[src]")]
    assert "../_static/blog-mermaid/mermaid.min.js" in scripts
    assert "../_static/blog-mermaid.js" in scripts
    assert (site.outdir / "_static" / diagrams.MERMAID_SCRIPT).is_file()
    home = read_html(site.outdir, "index.html")  # a page without a diagram loads neither
    assert not home.select('script[src*="mermaid"]')
    caption = article(site, "posts/math").select_one("figure.blog-diagram figcaption")
    assert caption.get_text(strip=True) == "Ағын"  # the {mermaid} directive's :caption:


def test_the_browser_draws_the_diagrams_in_light_and_dark_mode(site):
    fills = {}
    with serving(site.outdir) as base, chromium() as browser:
        for scheme in ("light", "dark"):
            page = browser.new_page(viewport={"width": 390, "height": 900}, color_scheme=scheme)
            errors: list[str] = []
            elsewhere: list[str] = []
            page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
            page.on(
                "request",
                lambda request, out=elsewhere: (
                    out.append(request.url) if not request.url.startswith(base) else None
                ),
            )
            page.goto(f"{base}{GFM_POST}.html")
            page.wait_for_selector("pre.mermaid svg", timeout=30_000)
            page.locator("figure.blog-diagram").scroll_into_view_if_needed()
            page.screenshot(path=str(site.outdir / f"diagram-{scheme}.png"))
            assert (errors, elsewhere) == ([], [])
            assert "Бастау" in page.locator("pre.mermaid svg").text_content()
            fills[scheme] = page.evaluate(
                "getComputedStyle(document.querySelector('pre.mermaid svg .node rect')).fill"
            )
    brightness = {
        scheme: sum(map(int, re.findall(r"\d+", fill)[:3])) for scheme, fill in fills.items()
    }
    assert brightness["dark"] < 200 < brightness["light"]


def test_the_epub_shows_the_picture_drawn_at_build_time(builds):
    app = builds("gfm", "epub")
    page = (app.outdir / f"{GFM_POST}.xhtml").read_text(encoding="utf-8")
    picture = re.search(r'<img alt="Diagram \(Mermaid\)" src="\.\./_images/([0-9a-f]+\.png)"', page)
    assert picture and (app.outdir / "_images" / picture.group(1)).stat().st_size > 1000
    assert "mermaid" not in page.replace("Diagram (Mermaid)", "")


def test_the_pdf_shows_the_picture_with_its_caption(builds):
    app = builds("gfm", "latex")
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    pictures = re.findall(r"\\sphinxincludegraphics\{\{([0-9a-f]+)\}\.pdf\}", tex)
    assert len(pictures) == 2 and all((app.outdir / f"{p}.pdf").is_file() for p in pictures)
    assert r"\caption{Ағын}" in tex


def test_a_feed_carries_the_picture(drawings):
    feed = feedparser.parse((drawings.outdir / "atom.xml").read_text(encoding="utf-8"))
    entry = next(e for e in feed.entries if e.link.endswith("posts/drawn.html"))
    content = entry.content[0].value
    assert re.search(
        r'<img alt="Diagram \(Mermaid\)" src="https://blog\.example\.org/_images/', content
    )
    assert "mermaid" not in content.replace("Diagram (Mermaid)", "")


def test_a_diagram_mermaid_cannot_read_is_its_source_and_a_warning(drawings):
    assert warnings_of(drawings) == [BROKEN]
    block = article(drawings, "posts/broken").select_one("div.blog-diagram")
    assert block.select_one("pre").get_text() == "flowchart LR\n  A -->\n"
    assert "Before it." in article(drawings, "posts/broken").get_text()
    page = read_html(drawings.outdir, "posts/broken.html")
    assert not page.select('script[src*="mermaid"]')


def test_without_a_renderer_every_output_shows_the_source(make_app, tmp_path, monkeypatch):
    monkeypatch.setattr(diagrams, "renderer_installed", lambda: False)
    app = make_app("html", srcdir=shutil.copytree(ROOT, tmp_path / "site"))
    app.build()
    block = article(app, "posts/drawn").select_one("div.blog-diagram")
    assert block.select_one(".caption-text").get_text() == "Diagram (Mermaid)"
    assert "no renderer for it is installed" in app.status.getvalue()
    assert not app.outdir.joinpath("_static", diagrams.MERMAID_SCRIPT).exists()


def test_mermaid_leaves_with_the_last_diagram(make_app, tmp_path):
    srcdir = shutil.copytree(ROOT, tmp_path / "site")
    (srcdir / "posts" / "broken.md").unlink()
    make_app("html", srcdir=srcdir).build()
    script = srcdir / "_build" / "html" / "_static" / diagrams.MERMAID_SCRIPT
    assert script.is_file()
    (srcdir / "posts" / "drawn.md").unlink()
    make_app("html", srcdir=srcdir).build()
    assert not script.exists()
