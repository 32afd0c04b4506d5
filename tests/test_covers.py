"""Cover images: beside the post, shown on it, and the page's picture where it is shared."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from checkers import epubcheck_messages
from conftest import meta_content, read_html, warnings_of
from sphinxblog.reading.covers import Cover, cover_of

BASE = "https://blog.example.org/"


@pytest.mark.parametrize(("extra", "cover"), [
    ({"image": "cover.png"}, Cover("cover.png")),
    ({"cover": "a.jpg", "cover_alt": "A"}, Cover("a.jpg", "A")),
    ({"images": ["first.webp", "second.png"]}, Cover("first.webp")),
    ({"featured_image": {"path": "f.png", "alt": "F"}}, Cover("f.png", "F")),
    ({"thumbnail": "https://x.org/t.png"}, Cover("https://x.org/t.png")),
    ({"image": "javascript:alert(1)"}, None),
    ({"image": "notes.txt"}, None),
    ({"layout": "post"}, None),
])  # fmt: skip
def test_the_front_matter_names_the_cover(extra, cover):
    assert cover_of(extra) == cover


@pytest.fixture(scope="module")
def html(builds):
    return builds("covers", "html")


def test_a_cover_beside_the_post_is_shown_and_shared(html):
    page = read_html(html.outdir, "posts/beside.html")
    image = page.select_one("img.blog-cover")
    assert image["alt"] == "A green square"
    assert (html.outdir / "posts" / image["src"]).resolve().is_file()
    assert meta_content(page, "og:image") == BASE + "_images/cover.png"
    assert meta_content(page, "og:image:alt") == "A green square"
    assert meta_content(page, "twitter:card") == "summary_large_image"
    assert (html.outdir / "_images" / "cover.png").is_file()


def test_hugos_list_in_a_page_bundle(html):
    page = read_html(html.outdir, "posts/bundle/index.html")
    assert page.select_one("img.blog-cover")["alt"] == ""
    assert meta_content(page, "og:image") == BASE + "_images/hero.png"
    assert meta_content(page, "og:image:alt") == "A page bundle"  # the title, where none is given


def test_a_cover_from_the_sites_root(html):
    page = read_html(html.outdir, "posts/from-root.html")
    assert page.select_one("img.blog-cover")
    assert meta_content(page, "og:image") == BASE + "_images/banner.png"


def test_a_remote_cover_is_shared_not_shown(html):
    page = read_html(html.outdir, "posts/remote.html")
    assert not page.select("img.blog-cover")
    assert meta_content(page, "og:image") == "https://images.example.org/cover.png"
    assert meta_content(page, "og:image:alt") == "Far away"


def test_a_missing_cover_points_at_no_picture_that_is_not_there(html):
    page = read_html(html.outdir, "posts/missing.html")
    assert not page.select("img.blog-cover")
    # the post is shared with its social card instead (tests/test_social_cards.py)
    assert meta_content(page, "og:image").startswith(BASE + "_social/")
    assert (html.outdir / meta_content(page, "og:image").removeprefix(BASE)).is_file()
    assert warnings_of(html) == []


def test_the_feed_carries_the_cover_at_its_address(html):
    feed = (html.outdir / "atom.xml").read_text(encoding="utf-8")
    assert f'src="{BASE}_images/cover.png"' in feed.replace("&quot;", '"')


def test_the_ebook_shows_the_cover(builds):
    app = builds("covers", "epub")
    epub = next(Path(app.outdir).glob("*.epub"))
    assert epubcheck_messages(epub) == []
    with zipfile.ZipFile(epub) as book:
        assert any(name.endswith("cover.png") for name in book.namelist())


def test_a_postlist_with_images_shows_cards_loaded_lazily(html):
    home = read_html(html.outdir, "index.html")
    cards = home.select_one("ul.blog-postlist.blog-cards")
    pictured = {
        item.select_one("a.blog-post-title").get_text(): item.select_one("img")
        for item in cards.select(":scope > li")
    }
    shown = {title: image for title, image in pictured.items() if image is not None}
    assert sorted(shown) == [
        "A cover beside the post",
        "A cover from the site's root",
        "A page bundle",
    ]
    for image in shown.values():
        assert image["loading"] == "lazy" and "blog-card-image" in image["class"]
        assert (html.outdir / image["src"]).is_file()  # the copy the post shows
    assert shown["A cover beside the post"]["alt"] == "A green square"
    # a remote cover loads nothing from another host; a missing one shows nothing
    assert pictured["A remote cover"] is None and pictured["A cover that is not there"] is None
    # the first list asked for no images
    assert not home.select_one("ul.blog-postlist").select("img")
