"""The interface in Kazakh: the blog's catalogs, and the site (the blog and ``sphinx_kazakh``,
tested alone in ``test_search_kk.py``) built with ``language = 'kk'``."""

from __future__ import annotations

import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup, Comment

from conftest import PROJECT, read_html

CATALOGS = PROJECT / "_ext" / "sphinxblog" / "locales"
#: the four pages the interface is checked on: home, a post, a tag page, search
PAGES = ["index.html", "posts/2019-06-18-simple-post.html", "tags/qazaqstan.html", "search.html"]
#: the blog's own parts of a page's article; the rest of it is the author's text
CHROME = ".blog-post-meta, .blog-related, .blog-post-nav, .blog-tag-summary, .blog-feeds"
ATTRIBUTES = ("title", "aria-label", "placeholder")


def source_messages() -> set[str]:
    extracted = extract_from_dir(str(PROJECT / "_ext" / "sphinxblog"))
    return {message for _file, _line, message, _comments, _context in extracted}


def catalog(language: str):
    with (CATALOGS / language / "LC_MESSAGES" / "sphinxblog.po").open("rb") as po:
        return read_po(po)


@pytest.mark.parametrize("language", ["en", "kk"])
def test_every_message_of_the_blog_is_in_its_catalogs(language):
    messages = {message.id: message.string for message in catalog(language) if message.id}
    assert set(messages) == source_messages()
    assert all(messages.values())
    with (CATALOGS / "sphinxblog.pot").open("rb") as pot:
        assert {message.id for message in read_po(pot) if message.id} == source_messages()


def listed_strings() -> list[tuple[str, str]]:
    """docs/kazakh.md's table of interface strings checked on the pages: (English, Kazakh)."""
    page = (PROJECT / "docs" / "kazakh.md").read_text(encoding="utf-8")
    table = page.split("<!-- interface strings -->\n")[1].split("\n\n")[0]
    return re.findall(r"^\| `([^`]+)` \| ([^|]+?) \|", table, re.MULTILINE)


def pattern(text: str) -> re.Pattern[str]:
    """``By %s`` matches "By The blog's authors"; ``%d`` stands for a number."""
    parts = re.split(r"(%s|%d)", text)
    regex = "".join({"%s": ".+", "%d": r"\d+"}.get(part, re.escape(part)) for part in parts)
    return re.compile(regex)


def interface_text(page: BeautifulSoup) -> set[str]:
    """The page's text and labels, less what the author wrote."""
    for element in page(["script", "style"]):
        element.decompose()
    for comment in page.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    texts = [
        element[name] for element in page.find_all(True) for name in ATTRIBUTES if element.get(name)
    ]
    article = page.select_one("article.bd-article")
    for chrome in article.select(CHROME) if article else ():
        texts += chrome.find_all(string=True)
    if article:
        article.decompose()
    texts += page.find_all(string=True)
    pieces = (piece for text in texts for piece in str(text).split(" · "))
    return {" ".join(piece.split()) for piece in pieces} - {""}


def site_interface(make_app, site, monkeypatch, language: str) -> set[str]:
    # a base URL, so that the feeds and their labels are on the pages too
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", "https://blog.example.org/")
    app = make_app("html", srcdir=site, confoverrides={"language": language})
    app.build()
    return set().union(*(interface_text(read_html(app.outdir, page)) for page in PAGES))


def found(text: str, interface: set[str]) -> bool:
    return any(pattern(text).fullmatch(shown) for shown in interface)


def test_listed_interface_strings_are_english_in_en(make_app, site, monkeypatch):
    interface = site_interface(make_app, site, monkeypatch, "en")
    listed = listed_strings()
    assert len(listed) >= 30
    assert [english for english, _ in listed if not found(english, interface)] == []


def test_no_listed_english_string_is_left_in_kk(make_app, site, monkeypatch):
    interface = site_interface(make_app, site, monkeypatch, "kk")
    listed = listed_strings()
    assert [english for english, _ in listed if found(english, interface)] == []
    assert [kazakh for _, kazakh in listed if not found(kazakh, interface)] == []


def test_search_page_scripts_speak_kazakh(make_app, site):
    app = make_app("html", srcdir=site, confoverrides={"language": "kk"})
    app.build()
    search = read_html(app.outdir, "search.html")
    assert search.select_one('script[src*="_static/translations.js"]') is not None
    script = (app.outdir / "_static" / "translations.js").read_text(encoding="utf-8")
    assert '"Search Results": "Іздеу нәтижелері"' in script
    assert "${resultCount} бет табылды" in script
    sidebar = read_html(app.outdir, "archive.html").select_one(".blog-recent-posts .caption-text")
    assert sidebar.get_text() == "Соңғы жазбалар"


@pytest.mark.sphinx("html", testroot="i18n", copy_test_root=True, freshenv=True)
def test_a_broken_catalog_is_a_located_warning_and_the_rest_stays_kazakh(app):
    app.build()
    warnings = app.warning.getvalue()
    assert "locales/kk/LC_MESSAGES/sphinxblog.po:6: WARNING: message catalog not loaded" in warnings
    assert "[blog.catalog]" in warnings
    assert "[kazakh.catalog]" not in warnings  # the blog's domain is left to the blog
    # the site's catalog is left out; the extension's own still speaks Kazakh
    post = read_html(app.outdir, "posts/first.html")
    assert post.select_one(".blog-reading-time").get_text() == "Оқуға 1 мин"
