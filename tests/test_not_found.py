"""The page for addresses that lead nowhere: 404.html, at any depth."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from checkers import CHROMIUM, chromium, served_site
from conftest import read_html, root_with
from sphinxblog.outputs.notfound import base_href, site_root

BASE = "https://blog.example.org/kk/latest/"


def test_the_site_root_is_the_base_urls_path():
    assert site_root("") == "/"
    assert site_root("https://x.org") == "/"
    assert site_root("https://x.org/blog") == "/blog/"
    assert site_root("https://x.org/en/latest/") == "/en/latest/"
    assert base_href("https://x.org/en/latest/", "404.html") == "/en/latest/"
    assert base_href("https://x.org/en/latest/", "404/") == "/en/latest/404/"


def _resolved_links(outdir: Path, page: str) -> list[Path]:
    """The files the 404 page's links lead to, resolved as a browser would from any
    address: against its <base>."""
    html = read_html(outdir, page)
    base = html.select_one("head base")["href"]
    files = []
    for link in html.select("article a[href], .body a[href], main a[href]"):
        path = urlsplit(urljoin(base, link["href"])).path
        assert path.startswith("/kk/latest/"), (link["href"], path)
        target = outdir / path.removeprefix("/kk/latest/")
        files.append(target / "index.html" if path.endswith("/") else target)
    return files


@pytest.mark.parametrize(("builder", "page", "base"), [
    ("html", "404.html", "/kk/latest/"),
    ("dirhtml", "404/index.html", "/kk/latest/404/"),
])  # fmt: skip
def test_the_404_page_links_from_any_depth(builds, builder, page, base):
    app = builds("feeds", builder)
    html = read_html(app.outdir, page)
    head = html.select_one("head")
    # the base comes before anything with an address
    assert head.find(["base", "link", "script"]).name == "base"
    assert head.select_one("base")["href"] == base
    assert [m["content"] for m in head.select('meta[name="robots"]')] == ["noindex"]
    assert html.select_one("h1").get_text(strip=True) == "Page not found"
    files = _resolved_links(app.outdir, page)
    assert len(files) >= 4  # home, archive, tags and the newest posts
    for file in files:
        assert file.is_file(), file
    assert not html.select("a.headerlink")  # "#" would lead to the site's root
    sitemap = (app.outdir / "sitemap.xml").read_text(encoding="utf-8")
    assert "404" not in sitemap


def test_the_sites_own_404_page_wins_and_gets_the_base(make_app, rootdir, tmp_path):
    own = "---\norphan: true\n---\n# Lost?\n\nTry the [home page](index.md).\n"
    srcdir = root_with(rootdir / "test-feeds", tmp_path / "own", {"404.md": own})
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    html = read_html(app.outdir, "404.html")
    assert html.select_one("h1").get_text(strip=True).startswith("Lost?")
    assert html.select_one("head base")["href"] == "/kk/latest/"
    assert "404" not in (app.outdir / "sitemap.xml").read_text(encoding="utf-8")


def test_without_the_setting_no_404_page_is_left(make_app, rootdir, tmp_path):
    srcdir = root_with(rootdir / "test-feeds", tmp_path / "off")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert (app.outdir / "404.html").is_file()
    app = make_app("html", srcdir=srcdir, confoverrides={"blog_not_found_page": False})
    app.build()
    assert not (app.outdir / "404.html").exists()  # as a clean build leaves it


def test_no_404_page_in_the_book(builds):
    app = builds("feeds", "epub")
    assert not list(Path(app.outdir).rglob("404*"))


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium is not installed")
def test_a_reader_lost_deep_in_the_site_finds_the_way_home(request, tmp_path_factory):
    pytest.importorskip("playwright.sync_api")
    site = served_site(request.config, tmp_path_factory)
    with chromium() as browser:
        page = browser.new_page()
        failed: list[str] = []
        page.on("requestfailed", lambda r: failed.append(r.url))
        page.on("pageerror", lambda error: failed.append(str(error)))
        page.on("response", lambda r: r.status >= 400 and r.request.resource_type != "document"
                and failed.append(f"{r.status} {r.url}"))  # fmt: skip
        response = page.goto(site.base + "posts/2019/06/no-such-post/index.html")
        page.wait_for_load_state("networkidle")
        assert response.status == 404
        assert page.locator("h1").first.inner_text().strip() == "Page not found"
        assert failed == []  # its style sheets and scripts were found from down there
        # the theme's own styles apply: the sidebar is laid out, not a bare list
        assert page.locator(".bd-sidebar-primary").first.is_visible()
        page.get_by_role("link", name="Archive").first.click()
        page.wait_for_load_state("networkidle")
        assert page.url == site.base + "archive.html"
        assert failed == []
