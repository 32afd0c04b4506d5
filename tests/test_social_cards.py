"""Social cards: a picture drawn at build time for sharing a post without a cover."""

from __future__ import annotations

import shutil

import imagesize
import pytest

from conftest import meta_content, read_html, warnings_of
from sphinxblog.core.cards import Card, card_file, card_svg, wrap

BASE = "https://blog.example.org/"


def _width(text: str) -> float:
    return 10.0 * len(text)  # a font whose every letter is 10 pixels wide


def test_titles_wrap_at_spaces_and_end_with_an_ellipsis():
    assert wrap("one two three four", 90, _width, 3) == ["one two", "three", "four"]
    assert wrap("one two three four five six", 90, _width, 2) == ["one two", "three…"]
    assert wrap("abcdefghijklmnopqrs", 60, _width, 3) == ["abcde-", "fghij-", "klmno…"]


def test_the_drawing_escapes_its_text_and_the_file_follows_what_it_shows():
    card = Card("<script> & «Қазақ»", "Blog", "Jun 18, 2019", "kk")
    svg = card_svg(card, _width)
    assert "&lt;script&gt; &amp; «Қазақ»" in svg and "<script>" not in svg
    assert 'xml:lang="kk"' in svg
    assert card_file("posts/a", card) == card_file("posts/a", Card(*vars(card).values()))
    assert card_file("posts/a", card) != card_file("posts/a", Card("Other", "Blog", "", "kk"))
    assert card_file("posts/a", card) != card_file("posts/b", card)


@pytest.fixture(scope="module")
def html(builds):
    return builds("covers", "html")


def test_a_post_without_a_cover_is_shared_with_its_card(html):
    page = read_html(html.outdir, "posts/missing.html")
    image = meta_content(page, "og:image")
    assert image.startswith(f"{BASE}_social/") and image.endswith(".jpg")
    card = html.outdir / image.removeprefix(BASE)
    assert card.read_bytes()[:3] == b"\xff\xd8\xff"  # a JPEG
    assert imagesize.get(card) == (1200, 630)
    assert (
        meta_content(page, "og:image:width") == "1200"
        and meta_content(page, "og:image:height") == "630"
    )
    assert meta_content(page, "og:image:alt") == "A cover that is not there"
    assert meta_content(page, "twitter:card") == "summary_large_image"


def test_posts_with_a_cover_get_no_card(html):
    cards = sorted(path.name for path in (html.outdir / "_social").iterdir())
    assert len(cards) == 1  # the missing cover's: not the pictured posts', nor the remote one's
    assert meta_content(read_html(html.outdir, "posts/remote.html"), "og:image").startswith(
        "https://images"
    )


def _site(rootdir, tmp_path, **files: str):
    srcdir = tmp_path / "covers"
    shutil.copytree(rootdir / "test-covers", srcdir)
    for name, text in files.items():
        (srcdir / "posts" / f"{name}.md").write_text(text, encoding="utf-8")
    return srcdir


def test_a_card_is_drawn_again_only_when_what_it_shows_changes(make_app, rootdir, tmp_path):
    srcdir = _site(rootdir, tmp_path)
    make_app("html", srcdir=srcdir).build()
    outdir = srcdir / "_build" / "html"
    (first,) = (outdir / "_social").iterdir()
    drawn = first.stat().st_mtime_ns
    make_app("html", srcdir=srcdir).build()
    assert [*(outdir / "_social").iterdir()] == [first] and first.stat().st_mtime_ns == drawn
    missing = srcdir / "posts" / "missing.md"
    missing.write_text(
        missing.read_text(encoding="utf-8").replace("A cover that is not there", "Renamed"),
        encoding="utf-8",
    )
    make_app("html", srcdir=srcdir).build()
    (second,) = (outdir / "_social").iterdir()
    assert second != first  # a new address, so that sites showing links fetch it anew
    page = read_html(outdir, "posts/missing.html")
    assert meta_content(page, "og:image") == f"{BASE}_social/{second.name}"


def test_titles_the_font_cannot_draw_get_no_card(make_app, rootdir, tmp_path):
    srcdir = _site(
        rootdir, tmp_path,
        hebrew="---\ntitle: שלום עולם\ndate: 2024-06-01\n---\nText.\n",
        chinese="---\ntitle: 你好，世界\ndate: 2024-06-02\n---\nText.\n",
        kazakh="---\ntitle: Қазақстан және әлем\ndate: 2024-06-03\n---\nМәтін.\n",
    )  # fmt: skip
    app = make_app("html", srcdir=srcdir, confoverrides={"language": "kk"})
    app.build()
    for name in ("hebrew", "chinese"):
        page = read_html(app.outdir, f"posts/{name}.html")
        assert meta_content(page, "og:image") is None, name
    assert meta_content(read_html(app.outdir, "posts/kazakh.html"), "og:image").startswith(
        BASE + "_social/"
    )


def test_cards_can_be_turned_off(make_app, rootdir, tmp_path):
    app = make_app(
        "html", srcdir=_site(rootdir, tmp_path), confoverrides={"blog_social_cards": False}
    )
    app.build()
    assert not (app.outdir / "_social").exists()
    assert meta_content(read_html(app.outdir, "posts/missing.html"), "og:image") is None


def test_a_card_that_cannot_be_written_is_a_warning_at_its_post(make_app, rootdir, tmp_path):
    srcdir = _site(rootdir, tmp_path)
    make_app("html", srcdir=srcdir).build()
    (card,) = (srcdir / "_build" / "html" / "_social").iterdir()
    card.unlink()
    card.mkdir()  # a folder where the picture goes
    app = make_app("html", srcdir=srcdir)
    app.build()
    (warning,) = [line for line in warnings_of(app) if "social card" in line]
    assert warning.startswith("posts/missing.md: WARNING: social card not drawn: ")
    assert warning.endswith("[blog.social_card]")
