"""Comments under posts: opt-in, and nothing of the host's until the reader asks."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from checkers import CHROMIUM, chromium, serious_axe_violations, serving, vnu_errors
from conftest import read_html, warnings_of
from sphinxblog.outputs.comments import comment_settings, wants_comments

GISCUS = {
    "provider": "giscus", "repo": "example/blog", "repo_id": "R_1", "category": "Comments",
    "category_id": "DIC_1",
}  # fmt: skip


# --- pure functions ------------------------------------------------------------------------


def test_settings_become_the_hosts_attributes():
    settings, messages = comment_settings(GISCUS)
    assert messages == [] and settings is not None
    assert settings["src"] == "https://giscus.app/client.js"
    assert settings["attributes"]["repo-id"] == "R_1"
    assert settings["attributes"]["mapping"] == "pathname"  # giscus' default, kept
    utterances, _messages = comment_settings({"provider": "utterances", "repo": "a/b"})
    assert utterances["src"] == "https://utteranc.es/client.js"


@pytest.mark.parametrize(("value", "words"), [
    ({"provider": "disqus"}, "not one of giscus, utterances"),
    ({"provider": "giscus", "repo": "a/b"}, "giscus needs repo-id, category, category-id"),
    ("giscus", "must be a dict"),
])  # fmt: skip
def test_unusable_settings_turn_comments_off_and_say_why(value, words):
    settings, messages = comment_settings(value)
    assert settings is None and words in messages[-1]


def test_front_matter_turns_comments_off():
    assert wants_comments({}) and wants_comments({"comments": True})
    assert not wants_comments({"comments": False}) and not wants_comments({"comments": "no"})
    assert not wants_comments({"nocomments": True}) and not wants_comments({"nocomments": None})


# --- built pages ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def html(builds):
    return builds("comments", "html")


def test_only_published_posts_that_want_them_have_comments(html):
    page = read_html(html.outdir, "posts/open.html")
    section = page.select_one("section.blog-comments")
    assert section.select_one("h2").get_text() == "Comments"
    data = json.loads(section.select_one("button")["data-blog-comments"])
    assert data["src"] == "https://giscus.app/client.js"
    assert data["attributes"]["repo"] == "example/blog"
    assert data["attributes"]["lang"] == "en"
    # nothing of the host's in the page itself
    assert not [s for s in page.select("script[src]") if "giscus" in s["src"]]
    assert [s["src"].split("?")[0] for s in page.select('script[src*="blog-comments"]')] == [
        "../_static/blog-comments.js"
    ]
    for other in ("posts/closed.html", "posts/ablog.html", "posts/draft.html", "index.html"):
        page = read_html(html.outdir, other)
        assert not page.select(".blog-comments"), other
        assert not page.select('script[src*="blog-comments"]'), other
    assert warnings_of(html) == []


def test_the_comments_are_valid_html(html):
    assert vnu_errors(Path(html.outdir)) == []


def test_books_and_feeds_have_no_comments(builds):
    epub = builds("comments", "epub")
    with zipfile.ZipFile(next(Path(epub.outdir).glob("*.epub"))) as book:
        pages = [book.read(name).decode() for name in book.namelist() if name.endswith("html")]
    assert pages and not [page for page in pages if "blog-comments" in page]
    feed = (Path(builds("comments", "html").outdir) / "atom.xml").read_text(encoding="utf-8")
    assert "blog-comments" not in feed and "giscus" not in feed


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium is not installed")
def test_the_hosts_script_loads_only_when_the_reader_asks(html):
    pytest.importorskip("playwright.sync_api")
    with serving(Path(html.outdir)) as base, chromium() as browser:
        page = browser.new_page()
        elsewhere: list[str] = []
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        # the host is not reached in a test: its address is answered here
        page.route("https://giscus.app/**", lambda route: route.fulfill(
            status=200, content_type="text/javascript", body="window.giscusLoaded = true;",
        ))  # fmt: skip
        page.on("request", lambda r: None if r.url.startswith(base) else elsewhere.append(r.url))
        page.goto(base + "posts/open.html")
        page.wait_for_load_state("networkidle")
        assert elsewhere == []  # nothing of the host's before the button is pressed
        # the section's own (this root lacks the site's fix of the theme's search button)
        assert [v for v in serious_axe_violations(page) if "blog-comments" in v] == []
        page.get_by_role("button", name="Show comments").click()
        page.wait_for_function("window.giscusLoaded === true")
        assert elsewhere == ["https://giscus.app/client.js"]
        script = page.locator(".blog-comments-thread script")
        assert script.get_attribute("data-repo") == "example/blog"
        assert script.get_attribute("data-category-id") == "DIC_kwDOExample"
        assert page.locator("button.blog-comments-button").count() == 0
        assert errors == []
