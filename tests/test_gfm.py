"""GitHub's Markdown in every output: struck text, task lists, bare addresses, tables
with alignment, footnotes and alerts."""

from __future__ import annotations

import pytest

from checkers import chromium, epubcheck_messages, serving
from conftest import article, warnings_of

POST = "posts/github-markdown"


@pytest.fixture(scope="module")
def site(builds):
    return builds("gfm")


def body_of(app):
    return article(app, POST)


def test_the_post_builds_without_a_warning(site):
    assert [line for line in warnings_of(site) if "github-markdown" in line] == []


def test_struck_text_is_deleted_text(site):
    body = body_of(site)
    assert [d.decode_contents() for d in body.select("del")] == [
        "changed", "<strong>once boldly</strong>", "сызылған",
    ]  # fmt: skip
    assert "~~" not in body.get_text()


def test_tasks_show_their_boxes_as_characters(site):
    items = [li.get_text(strip=True) for li in body_of(site).select("li.task-list-item")]
    assert items == ["☐Open task", "☑Done task"]
    assert body_of(site).select("input") == []  # no form field to label


def test_only_addresses_with_a_scheme_are_links(site):
    paragraph = next(p for p in body_of(site).select("p") if "Read" in p.get_text())
    assert [a["href"] for a in paragraph.select("a")] == ["https://example.org/guide"]
    assert "conf.py and www.example.com stay text" in paragraph.get_text()


def test_tables_footnotes_and_alerts(site):
    body = body_of(site)
    assert [th["class"][-1] for th in body.select("th")] == [
        "text-left", "text-center", "text-right",
    ]  # fmt: skip
    assert body.select_one("aside.footnote").get_text(" ", strip=True).endswith("Its source.")
    alert = body.select_one("div.admonition.warning")
    assert alert.select_one("p:not(.admonition-title)").get_text() == "Mind the gap."


def test_the_pdf_strikes_out_and_ticks(builds):
    app = builds("gfm", "latex")
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\newcommand{\blogstrike}" in tex
    assert r"\blogstrike{changed}" in tex and r"\blogstrike{сызылған}" in tex
    assert "☐ }Open task" in tex and "☑ }Done task" in tex
    assert "<s>" not in tex and "<input" not in tex
    assert r"\begin{tabulary}{\linewidth}[t]{LCR}" in tex  # the columns keep their alignment
    assert [line for line in warnings_of(app) if "github-markdown" in line] == []


def test_the_epub_is_valid_and_strikes_out(builds):
    app = builds("gfm", "epub")
    page = (app.outdir / f"{POST}.xhtml").read_text(encoding="utf-8")
    assert "<del>changed</del>" in page and "☑" in page
    assert "<script" not in page and "copybtn" not in page  # no copy buttons in a book
    assert epubcheck_messages(next(app.outdir.glob("*.epub"))) == []


# --- copy buttons ---------------------------------------------------------------------


def test_copy_buttons_copy_commands_without_prompts_in_the_sites_language(builds):
    app = builds("gfm", "html", language="kk")
    with serving(app.outdir) as base, chromium() as browser:
        context = browser.new_context()
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{base}{POST}.html")
        buttons = page.locator("button.copybtn")
        assert buttons.count() == 2  # the two sessions (a diagram is drawn, not copied)
        assert buttons.first.get_attribute("data-tooltip") == "Көшіру"
        title = buttons.first.locator("svg title").text_content()
        assert title == "Алмасу буферіне көшіру"
        copied = []
        for index in range(2):
            page.locator("div.highlight").nth(index).hover()
            buttons.nth(index).click()
            copied.append(page.evaluate("navigator.clipboard.readText()"))
        assert copied == ["pip install sphinx\n", 'print("сәлем")\n']
        assert errors == []
        context.close()
