"""What a tag is about: labels and descriptions from tags.yml and conf.py."""

from __future__ import annotations

import shutil

import feedparser
import pytest

from conftest import heading, read_html, warnings_of
from sphinxblog.core.tagfile import TagInfo, parse_tags_file, tags_from_config

DESCRIPTION = "Posts about <Sphinx> & the MyST parser."


# --- pure functions ------------------------------------------------------------------------


def test_docusaurus_tags_file_is_read_by_tag_key():
    text = "Python:\n  label: Python 3\n  permalink: /py\n  description: Snakes.\nplain: Text.\n"
    tags, problems = parse_tags_file(text)
    assert tags == {"python": TagInfo("Python 3", "Snakes."), "plain": TagInfo("", "Text.")}
    assert problems == []


@pytest.mark.parametrize(("text", "line", "words"), [
    ("a: [1, 2]\n", 1, "should be a description"),
    ("a:\n  label: {x: 1}\n", 1, "label"),
    ("a: [\n", 2, "not valid YAML"),
    ("- a\n- b\n", 1, "should map each tag"),
])  # fmt: skip
def test_a_broken_tags_file_is_named_at_its_line(text, line, words):
    _tags, problems = parse_tags_file(text)
    assert [(p.subtype, p.line) for p in problems] == [("tags_file", line)]
    assert words in problems[0].message


def test_conf_py_gives_descriptions_or_mappings():
    tags, messages = tags_from_config({"A": "About a.", "b": {"label": "B!", "description": ""}})
    assert tags == {"a": TagInfo("", "About a."), "b": TagInfo("B!", "")}
    assert messages == []
    assert tags_from_config(["a"])[1] == ["blog_tag_descriptions should be a dict of tags"]


# --- built pages ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def html(builds):
    return builds("tag-descriptions", "html")


def test_a_tag_page_shows_its_label_and_description(html):
    page = read_html(html.outdir, "tags/sphinx.html")
    assert heading(page.select_one("h1")) == "Sphinx & MyST"
    assert page.select_one("h1 + p").get_text() == DESCRIPTION  # text, not markup
    assert page.select_one('meta[name="description"]')["content"] == DESCRIPTION
    assert page.select_one('meta[property="og:description"]')["content"] == DESCRIPTION
    kazakh = read_html(html.outdir, "tags/qazaq-tili.html")
    assert heading(kazakh.select_one("h1")) == "Қазақ тілі"
    # conf.py wins over the file
    travel = read_html(html.outdir, "tags/travel.html")
    assert travel.select_one("h1 + p").get_text() == "Trips, near and far."
    # a tag without a description has none
    other = read_html(html.outdir, "tags/other.html")
    assert "blog-tag-summary" in other.select_one("h1 + p")["class"]


def test_the_label_is_the_tags_name_everywhere(html):
    post = read_html(html.outdir, "posts/one.html")
    assert [a.get_text() for a in post.select("a.blog-tag")] == ["Sphinx & MyST", "travel"]
    index = read_html(html.outdir, "tags/index.html")
    assert "Sphinx & MyST" in [a.get_text() for a in index.select("a.blog-tag")]
    assert (html.outdir / "tags" / "sphinx.html").is_file()  # its address stays


def test_a_tag_feed_carries_the_description(html):
    feed = feedparser.parse((html.outdir / "tags" / "sphinx.xml").read_bytes())
    assert not feed.bozo
    assert feed.feed.subtitle == DESCRIPTION
    assert feed.feed.title.endswith(": Sphinx & MyST")


def test_a_broken_entry_is_named_in_the_file(html):
    assert warnings_of(html) == [
        "tags.yml:11: WARNING: tag 'broken' should be a description or a mapping with 'label' "
        "and 'description', not ['not', 'a', 'mapping']; it is ignored [blog.tags_file]"
    ]


def test_an_edited_description_rewrites_the_tag_page(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "site"
    shutil.copytree(rootdir / "test-tag-descriptions", srcdir)
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    tags_file = srcdir / "tags.yml"
    tags_file.write_text(tags_file.read_text().replace("Қазақ тілі туралы", "Тіл туралы"))
    app = make_app("html", srcdir=srcdir)
    app.build()
    page = read_html(app.outdir, "tags/qazaq-tili.html")
    assert page.select_one("h1 + p").get_text() == "Тіл туралы жазбалар."
