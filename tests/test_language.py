"""A post's language: read or guessed, and put on its text in every output."""

from __future__ import annotations

import json

import feedparser
import pytest
from docutils import nodes
from lxml import etree

from conftest import read_html, warnings_of
from sphinxblog.core.language import (
    guess_language,
    language_of_path,
    parse_language,
    same_language,
)
from sphinxblog.pages.fill import language_around

# --- pure functions ------------------------------------------------------------------------

KAZAKH = "Біз, Қазақстандықтар, еркіндік пен бейбітшілікті сүйеміз."
RUSSIAN = "Русский язык является одним из самых распространённых языков мира. "
UKRAINIAN = "Українська мова є державною мовою України, її знають мільйони людей."


@pytest.mark.parametrize(
    ("raw", "tag"),
    [
        ("kk", "kk"),
        ("KK", "kk"),
        (" ru ", "ru"),
        ("en-GB", "en-GB"),
        ("en_gb", "en-GB"),
        ("pt_BR", "pt-BR"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("es-419", "es-419"),
        (None, None),
        ("", None),
    ],
)
def test_language_tags_are_read_in_their_usual_case(raw, tag):
    assert parse_language(raw) == (tag, [])


@pytest.mark.parametrize(
    ("raw", "shown"),
    [(12, "12"), (True, "(a bool)"), ("english", "'english'"), (["kk"], "(a list)"), ("k", "'k'")],
)
def test_a_value_that_is_no_language_tag_is_a_language_problem(raw, shown):
    tag, problems = parse_language(raw)
    assert tag is None
    assert [problem.subtype for problem in problems] == ["language"]
    assert problems[0].message.startswith(f"language {shown} is not a language tag")


@pytest.mark.parametrize(
    ("text", "site", "language"),
    [
        (KAZAKH, "en", "kk"),
        ("Тағы бір сілтеме.", "en", "kk"),  # one Kazakh letter in a short text
        (RUSSIAN, "en", "ru"),
        (UKRAINIAN, "en", "uk"),
        (RUSSIAN * 2 + "Қазақстан.", "en", "ru"),  # one Kazakh name: still Russian
        ("Plain English text.", "en", "en"),
        ("Plain English text.", None, "en"),  # Sphinx's default language
        ("Colour and flavour.", "en_GB", "en-GB"),
        (f"{KAZAKH} def f(x): return x", "en", "kk"),
        ("English with one word: Қазақстан.", "en", "en"),
        (KAZAKH, "kk", "kk"),
        (KAZAKH, "ru", "kk"),
        (RUSSIAN * 2, "kk", "ru"),  # long, and without a Kazakh letter
        ("Привет!", "kk", "kk"),  # too short to tell
        ("Plain English text.", "kk", "en"),
        (KAZAKH, "ky", "ky"),  # Kyrgyz writes ң, ө, ү too: the site's
        ("Ελληνικά", "en", "el"),  # another script: its language
        ("これは日本語の文章です。漢字も使います。", "en", "ja"),  # kana among the kanji
        ("这是中文文章，没有假名。", "en", "zh"),
        ("한국어로 쓴 글입니다.", "en", "ko"),
        ("עברית כתובה כאן.", "en", "he"),
        ("هذا نص مكتوب بالعربية.", "en", "ar"),
        ("این یک نوشته فارسی است و گ دارد.", "en", "fa"),  # Persian's own letters
        ("ეს ქართული ტექსტია.", "en", "ka"),
        ("Սա հայերեն տեքստ է։", "en", "hy"),
        ("これは日本語です。", "ja", "ja"),  # the site's own
        ("Mostly English, with one word 日本 in it.", "en", "en"),
        ("1, 2, 3", "kk", "kk"),
        ("", "de", "de"),
    ],
)
def test_the_language_is_guessed_from_the_script(text, site, language):
    assert guess_language(text, site) == language


def test_same_language_tells_regions_apart_but_not_case():
    assert same_language("en-GB", "en_gb")
    assert not same_language("en-GB", "en")


def test_a_listing_inside_a_post_is_in_the_posts_language():
    section = nodes.section(classes=["language-kk"])
    paragraph = nodes.paragraph()
    section += nodes.container("", paragraph)
    assert language_around(paragraph, "en") == "kk"
    assert language_around(nodes.paragraph(), "en") == "en"


# --- a site in English with posts in four languages --------------------------------------

BASE = "https://example.org/"
#: the language each post is written in, and is marked with where the site's is "en"
LANGUAGES = {"kazakh": "kk", "russian": "ru", "british": "en-GB", "bad": "en"}
MARKED = {post: lang for post, lang in LANGUAGES.items() if lang != "en"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def language_site(builds):
    return builds("language", html_baseurl=BASE)


def section_languages(page) -> list[str | None]:
    return [section.get("lang") for section in page.select("div.body > section")]


def test_each_post_marks_its_text_with_its_language(language_site):
    app = language_site
    for post in LANGUAGES:
        page = read_html(app.outdir, f"posts/{post}.html")
        assert page.html["lang"] == "en"  # the page around the post is the site's
        assert section_languages(page) == [MARKED.get(post)], post
    kazakh = read_html(app.outdir, "posts/kazakh.html")
    # the blog's own words around the text (dates, labels) stay in English
    for box in kazakh.select(".blog-post-meta, .blog-related, .blog-post-nav"):
        assert box["lang"] == "en"


def test_a_bad_language_is_a_located_warning_and_the_language_is_guessed(language_site):
    app = language_site
    assert warnings_of(app) == [
        "posts/bad.md:5: WARNING: language 12 is not a language tag such as 'en' or 'kk'; the "
        "language is guessed from the text [blog.language]"
    ]


def test_listings_mark_titles_and_summaries_in_another_language(language_site):
    app = language_site
    home = read_html(app.outdir, "index.html")
    items = home.select("ul.blog-postlist > li")
    titles = {
        item.select_one("a.blog-post-title")["href"]: (
            item.select_one("a.blog-post-title").get("lang"),
            item.select_one(".blog-summary").get("lang"),
        )
        for item in items
    }
    assert titles == {
        f"posts/{post}.html": (MARKED.get(post), MARKED.get(post)) for post in LANGUAGES
    }
    russian = read_html(app.outdir, "posts/russian.html")
    related = {a.get_text(): a.get("lang") for a in russian.select(".blog-related a")}
    assert related["Қазақ тілі туралы"] == "kk" and related["A bad language"] is None
    sidebar = {a.get_text(): a.get("lang") for a in home.select(".blog-recent-posts li a")}
    assert sidebar["Қазақ тілі туралы"] == "kk" and sidebar["A bad language"] is None


def test_feeds_give_each_entry_its_posts_language(language_site):
    app = language_site
    atom = etree.parse(str(app.outdir / "atom.xml")).getroot()
    atom_ns = "{http://www.w3.org/2005/Atom}"
    assert atom.get(XML_LANG) == "en"
    entries = {
        entry.findtext(f"{atom_ns}id"): entry.get(XML_LANG)
        for entry in atom.findall(f"{atom_ns}entry")
    }
    assert entries == {f"{BASE}posts/{post}.html": lang for post, lang in LANGUAGES.items()}
    parsed = feedparser.parse((app.outdir / "atom.xml").read_bytes())
    assert {entry.title: entry.title_detail.language for entry in parsed.entries} == {
        "Қазақ тілі туралы": "kk",
        "О русском языке": "ru",
        "Colour and flavour": "en-GB",
        "A bad language": "en",
    }
    feed = json.loads((app.outdir / "feed.json").read_text(encoding="utf-8"))
    assert feed["language"] == "en"
    items = {item["url"]: item["language"] for item in feed["items"]}
    assert items == {f"{BASE}posts/{post}.html": lang for post, lang in LANGUAGES.items()}


@pytest.mark.sphinx("dirhtml", testroot="language", copy_test_root=True, freshenv=True)
def test_dirhtml_posts_carry_their_language(app):
    app.build()
    for post in LANGUAGES:
        page = read_html(app.outdir, f"posts/{post}/index.html")
        assert section_languages(page) == [MARKED.get(post)], post


@pytest.mark.sphinx(
    "singlehtml", testroot="language", copy_test_root=True, freshenv=True,
    confoverrides={"root_doc": "book"},
)  # fmt: skip
def test_a_single_page_marks_each_posts_part(app):
    app.build()
    page = read_html(app.outdir, "book.html")
    # each post is a part (its title an <h2>) of the book's page
    marked = {
        heading.find(string=True, recursive=False): heading.parent.get("lang")
        for heading in page.select("section > h2")
    }
    assert marked["Қазақ тілі туралы"] == "kk"
    assert marked["О русском языке"] == "ru"
    assert marked["Colour and flavour"] == "en-GB"
    assert marked["A bad language"] is None


@pytest.mark.sphinx("epub", testroot="language", copy_test_root=True, freshenv=True)
def test_epub_xhtml_marks_each_post_with_its_language(app):
    app.build()
    xhtml = "{http://www.w3.org/1999/xhtml}"
    for post in LANGUAGES:
        document = etree.parse(str(app.outdir / "posts" / f"{post}.xhtml")).getroot()
        sections = document.findall(f"{xhtml}body//{xhtml}section")
        assert sections[0].get("lang") == MARKED.get(post), post


def test_code_says_nothing_of_a_posts_language():
    from docutils.core import publish_doctree

    from sphinxblog.reading.collector import prose_of

    doctree = publish_doctree(
        "Short English words.\n\n::\n\n    print('Қазақстан әңгімелері өте көп жазылған')\n"
        "    # Қазақ тілінде ұзақ түсініктеме, өте ұзақ түсініктеме\n"
    )
    assert "Қазақстан" not in prose_of(doctree)
    assert guess_language(prose_of(doctree), "en") == "en"
    assert guess_language(doctree.astext(), "en") == "kk"


@pytest.mark.parametrize(("docname", "language"), [
    ("posts/ja/first", "ja"), ("zh-CN/posts/first", "zh-CN"), ("posts/pt_br/x", "pt-BR"),
    ("posts/it/x", None), ("posts/ml/x", None), ("posts/go/x", None), ("posts/x", None),
])  # fmt: skip
def test_a_language_folder_gives_the_language(docname, language):
    assert language_of_path(docname) == language
