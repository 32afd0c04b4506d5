"""Checkers nobody on the project wrote, run on the project's own site: the Nu Html Checker
over every page, and axe-core in Chromium on each kind of page, light and dark, desktop and
phone."""

from __future__ import annotations

import pytest

from checkers import AXE_JS, chromium, require, serious_axe_violations, served_site, vnu_errors

# one page of each kind the blog makes
PAGES = {
    "home": "index.html",
    "post": "posts/2019-06-18-simple-post.html",
    "post with code (its copy button)": "posts/2020-04-12-sphinx-myst-blog-setup.html",
    "tag": "tags/python.html",
    "archive": "archive.html",
    "tag index": "tags/index.html",
    "page not found": "404.html",
    "post in a series (its box)": "posts/2023-11-02-c-and-cpp-for-python-programmers.html",
    "series": "series/beyond-python.html",
}
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
# Violations that come from the themes, not from the blog: (axe rule, element) and why.
THEMES_OWN: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module")
def site(request, tmp_path_factory):
    return served_site(request.config, tmp_path_factory)


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def test_every_page_is_valid_html(site):
    assert vnu_errors(site.outdir) == []


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("size", VIEWPORTS)
def test_pages_have_no_serious_accessibility_violations(browser, site, size, mode):
    require(AXE_JS.exists(), "axe-core (npm axe-core)")
    context = browser.new_context(viewport=VIEWPORTS[size], color_scheme=mode)
    page = context.new_page()
    found = {}
    try:
        for kind, path in PAGES.items():
            page.goto(site.base + path)
            page.wait_for_load_state("networkidle")
            page.evaluate(f"document.documentElement.dataset.theme = '{mode}'")
            if violations := serious_axe_violations(page, THEMES_OWN):
                found[kind] = violations
    finally:
        context.close()
    assert found == {}
