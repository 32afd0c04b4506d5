"""The site in a real browser (Debian's Chromium driven by Playwright), as a reader uses it."""

from __future__ import annotations

import base64
import struct
from pathlib import Path

import pytest

from checkers import CHROMIUM, chromium, served_site

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Chromium is not installed (apt-get install chromium)"
)
pytest.importorskip("playwright.sync_api")

SEED = "posts/2019-06-18-simple-post.html"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SIZES = {"desktop": DESKTOP, "phone": PHONE}
# one page of each kind the blog makes, and the theme's search page
PAGES = {
    "home": "index.html",
    "post": SEED,
    "tag": "tags/python.html",
    "archive": "archive.html",
    "tags": "tags/index.html",
    "search": "search.html?q=python",
}


@pytest.fixture(scope="module")
def served(request, tmp_path_factory) -> str:
    """The base URL of the project's site (see checkers.served_site)."""
    return served_site(request.config, tmp_path_factory).base


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


class Watched:
    """A page that records console errors, uncaught script errors, failed requests and
    requests off this machine."""

    def __init__(self, browser, base: str, **context_options) -> None:
        self.base = base
        self.context = browser.new_context(**context_options)
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"uncaught: {error}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url}"))
        self.page.on("response", self._response)
        self.page.on("request", self._request)

    def _console(self, message) -> None:
        if message.type == "error":
            self.problems.append(f"console: {message.text}")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.problems.append(f"{response.status}: {response.url}")

    def _request(self, request) -> None:
        if not request.url.startswith((self.base, "data:", "blob:")):
            self.problems.append(f"left the machine: {request.url}")

    def goto(self, path: str):
        response = self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")
        return response

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def reader(browser, served):
    watched = Watched(browser, served, viewport=DESKTOP)
    yield watched
    assert watched.problems == []
    watched.close()


def test_a_reader_walks_from_home_to_a_tag_the_archive_and_back(reader):
    page = reader.page
    reader.goto("index.html")
    first = page.locator("article ul.blog-postlist a.blog-post-title").first
    title = first.inner_text()
    first.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("article h1").first.inner_text().startswith(title)
    badge = page.locator(".blog-post-meta .blog-post-tags a").first
    tag = badge.inner_text()
    badge.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("article h1").first.inner_text().startswith(tag)
    assert title in page.locator("article ul.blog-postlist").inner_text()
    page.locator("nav.bd-docs-nav a", has_text="Archive").first.click()
    page.wait_for_load_state("networkidle")
    page.locator(".blog-archive-years a", has_text="2019").click()
    assert page.url.endswith("#year-2019")
    assert page.locator("#year-2019").is_visible()
    page.locator("#year-2019 a.blog-post-title").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(SEED)


def test_feeds_and_sitemap_are_reachable(reader):
    reader.goto("index.html")
    hrefs = reader.page.locator(".blog-feeds a").evaluate_all("links => links.map(a => a.href)")
    assert len(hrefs) == 3
    for href in hrefs:
        response = reader.page.request.get(href)
        assert response.ok and "Қазақстан" in response.text()
    assert reader.page.request.get(reader.base + "sitemap.xml").ok


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Қазақстан", "A very simple post"),
        # Kazakh typed in the Latin alphabet of 2021, with its marks and without them
        ("Qazaqstan", "A very simple post"),
        ("bostandyqtarymyz", "A very simple post"),
        ("syndar", "Үлкен Алматы"),
        ("ownership", "C and C++ through the eyes"),
    ],
)
def test_search_finds_kazakh_and_english_words(reader, query, expected):
    reader.goto(f"search.html?q={query}")
    results = reader.page.locator("#search-results ul.search li")
    results.first.wait_for(timeout=15000)
    assert any(expected in text for text in results.all_inner_texts())


def test_mobile_reader_sees_header_badges_and_archive(browser, served):
    mobile = Watched(browser, served, viewport=PHONE, is_mobile=True)
    page = mobile.page
    mobile.goto(SEED)
    for selector in ("article h1", ".blog-post-meta .blog-date", ".blog-post-tags a"):
        box = page.locator(selector).first.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, selector
    toggle = page.locator("button.primary-toggle:visible")
    assert toggle.count() == 1
    toggle.click()  # on a phone the theme opens the sidebar in a dialog
    page.locator("dialog[open] a", has_text="Archive").first.wait_for(state="visible")
    mobile.goto("archive.html")
    years = page.locator(".blog-archive-years").bounding_box()
    assert years["x"] + years["width"] <= 390
    assert mobile.problems == []
    mobile.close()


def _contrast(page, selector: str) -> float:
    """WCAG contrast of an element's text against the first opaque background behind it."""
    return page.locator(selector).first.evaluate(
        """element => {
            const rgb = s => s.match(/[\\d.]+/g).map(Number);
            const luminance = ([r, g, b]) => {
                const c = [r, g, b].map(v => v / 255).map(v =>
                    v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
                return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
            };
            let node = element, background = null;
            while (node && node.nodeType === 1) {
                const color = rgb(getComputedStyle(node).backgroundColor);
                if (color.length < 4 || color[3] > 0) { background = color; break; }
                node = node.parentElement;
            }
            background = background || [255, 255, 255];
            const [a, b] = [luminance(rgb(getComputedStyle(element).color)),
                            luminance(background)].sort((x, y) => y - x);
            return (a + 0.05) / (b + 0.05);
        }"""
    )


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_badges_and_archive_are_legible_in_both_modes(browser, served, mode):
    watched = Watched(browser, served, viewport=DESKTOP, color_scheme=mode)
    page = watched.page
    watched.goto(SEED)
    page.evaluate(f"document.documentElement.dataset.theme = '{mode}'")
    assert page.evaluate("document.documentElement.dataset.theme") == mode
    assert _contrast(page, ".blog-post-tags a") >= 4.5
    assert _contrast(page, ".blog-post-meta .blog-date") >= 4.5
    watched.goto("archive.html")
    page.evaluate(f"document.documentElement.dataset.theme = '{mode}'")
    assert _contrast(page, ".blog-archive-years a") >= 4.5
    assert _contrast(page, "ul.blog-postlist a.blog-post-title") >= 4.5
    assert watched.problems == []
    watched.close()


@pytest.mark.parametrize("size", SIZES)
def test_no_script_errors_on_any_page(browser, served, size):
    watched = Watched(browser, served, viewport=SIZES[size])
    for path in PAGES.values():
        watched.goto(path)
    assert watched.problems == []
    watched.close()


def test_on_this_page_highlights_the_section_in_view(reader):
    # the theme's scroll spy, which measures the (hidden) top bar
    reader.goto("index.html")
    link = reader.page.locator("#pst-page-toc-nav a[aria-current='true']")
    link.wait_for(state="visible")
    assert link.inner_text() == "Recent posts"


def test_back_to_top_button_appears_when_scrolling_back_up(browser, served):
    # the theme wires this button only when its scripts run to the end; the book
    # theme shows it only where the page has no "On this page" sidebar
    watched = Watched(browser, served, viewport=PHONE)
    page = watched.page
    watched.goto(SEED)
    page.mouse.move(PHONE["width"] / 2, PHONE["height"] / 2)
    page.mouse.wheel(0, 5000)
    page.wait_for_function("scrollY > 500")
    page.mouse.wheel(0, -200)
    button = page.locator("#pst-back-to-top")
    button.wait_for(state="visible")
    button.click()
    page.wait_for_function("scrollY === 0")
    assert watched.problems == []
    watched.close()


def _date_to_title(page) -> list[float]:
    """For each dated post listed on the page: how far its title's top is below its date's top, in
    lines of the date's text."""
    return page.locator("article ul.blog-postlist > li").evaluate_all(
        """items => items.filter(item => item.querySelector('.blog-date')).map(item => {
            const date = item.querySelector('.blog-date');
            const title = item.querySelector('.blog-post-title');
            const style = getComputedStyle(date);
            const line = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize);
            const distance = title.getBoundingClientRect().top - date.getBoundingClientRect().top;
            return distance / line;
        })"""
    )


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", ["home", "tag", "post"])
def test_listings_keep_dates_next_to_titles(browser, served, size, kind):
    # on a post, the listing is its related posts
    watched = Watched(browser, served, viewport=SIZES[size])
    watched.goto(PAGES[kind])
    distances = _date_to_title(watched.page)
    assert distances, "no dated post in the listing"
    assert all(-0.5 < distance < 1.5 for distance in distances), distances
    watched.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    """A folder for the screenshots, named on the test's output (``pytest -s``)."""
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\nscreenshots in {folder}")
    return folder


def png_size(data: bytes) -> tuple[int, int]:
    """A PNG's width and height, from its header (the IHDR chunk)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", data[:16]
    return struct.unpack(">II", data[16:24])


def colours(page, data: bytes) -> int:
    """How many colours the PNG *data* holds (up to 64), as the browser decodes it."""
    return page.evaluate(
        """async png => {
            const bytes = Uint8Array.from(atob(png), c => c.charCodeAt(0));
            const bitmap = await createImageBitmap(new Blob([bytes], {type: "image/png"}));
            const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
            const context = canvas.getContext("2d");
            context.drawImage(bitmap, 0, 0);
            const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
            const seen = new Set();
            for (let i = 0; i < pixels.length && seen.size < 64; i += 4) {
                seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
            }
            return seen.size;
        }""",
        base64.b64encode(data).decode("ascii"),
    )


@pytest.mark.parametrize("size", SIZES)
def test_screenshots_for_people_to_look_at(browser, served, screenshots, size):
    """Full-page screenshots in a temporary folder; nothing wider than the window, and each
    a page drawn at the window's width, not a blank."""
    viewport = SIZES[size]
    watched = Watched(browser, served, viewport=viewport)
    for name in ("home", "post", "tag", "archive", "tags"):
        watched.goto(PAGES[name])
        path = screenshots / f"{name}-{size}.png"
        data = watched.page.screenshot(path=str(path), full_page=True)
        overflow = watched.page.evaluate("document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, f"{name} is {overflow}px wider than a {size} window"
        width, height = png_size(path.read_bytes())
        assert width == viewport["width"] and height >= viewport["height"], (name, width, height)
        assert colours(watched.page, data) >= 16, f"{name} is (nearly) one colour"
    assert watched.problems == []
    watched.close()
