"""Series: posts that are read in order, as a taxonomy beside tags and authors."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import feedparser
import pytest

from checkers import epubcheck_messages
from conftest import epub_spine, heading, read_html, warnings_of
from sphinxblog.core.catalog import build_catalog, reading_order
from sphinxblog.core.frontmatter import interpret, read_front_matter
from sphinxblog.core.posts import Post
from sphinxblog.core.values import parse_part, parse_series

SERIES = "Sphinx & <MyST>"
IN_ORDER = ["Setting up Sphinx", "Writing posts", "Publishing the site"]


# --- pure functions ------------------------------------------------------------------------


def test_a_series_is_one_name_or_hugos_list():
    assert parse_series("Sphinx, MyST and me") == (("Sphinx, MyST and me",), [])
    assert parse_series(["One", "two", "ONE"]) == (("One", "two"), [])
    names, problems = parse_series({"name": "x"})
    assert names == () and [p.subtype for p in problems] == ["series"]
    names, problems = parse_series([f"s{n}" for n in range(7)])
    assert len(names) == 5 and "only the first 5" in problems[-1].message


def test_a_part_is_a_whole_number():
    assert parse_part(2, "part") == (2, [])
    assert parse_part(" 3 ", "part") == (3, [])
    for bad in ("one", True, -1, 2.5):
        part, problems = parse_part(bad, "part")
        assert part is None and problems[0].subtype == "series", bad


@pytest.mark.parametrize("key", ["part", "series_order", "series_weight", "series_part"])
def test_front_matter_names_the_series_and_the_part(key):
    text = f"---\ntitle: T\nseries: Intro\n{key}: 2\n---\nBody\n"
    metadata, problems = interpret(read_front_matter(text))
    assert (metadata.series, metadata.series_part, problems) == (("Intro",), 2, [])
    assert "series" not in metadata.extra and key not in metadata.extra


def test_zolas_taxonomies_table_names_series():
    text = '+++\ntitle = "T"\n[taxonomies]\ntags = ["a"]\nseries = ["Intro"]\n+++\nBody\n'
    metadata, _problems = interpret(read_front_matter(text))
    assert (metadata.tags, metadata.series) == (("a",), ("Intro",))


def _post(name: str, day: int, part: int | None = None, **more) -> Post:
    return Post(name, name.title(), dt.date(2020, 1, day), series_part=part, **more)


def test_a_series_is_read_by_part_then_date():
    posts = [_post("c", 3), _post("a", 1, 2), _post("b", 2, 1), _post("d", 4, None)]
    assert [p.docname for p in reading_order(posts)] == ["b", "a", "c", "d"]


def test_the_book_keeps_a_series_together_where_it_starts():
    posts = [
        _post("one", 1, series=("Intro",)),
        _post("other", 2),
        _post("two", 3, series=("intro",)),
        _post("draft", 4, series=("Intro",), draft=True),
    ]
    catalog = build_catalog(posts)
    assert list(catalog.series) == ["intro"] and catalog.series["intro"].name == "Intro"
    assert [p.docname for p in catalog.series["intro"].posts] == ["one", "two"]
    assert catalog.book_order() == ("one", "two", "other")
    assert catalog.series_of(posts[3]) == []  # a draft is in no box


# --- built pages ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def html(builds):
    return builds("series", "html")


def _titles(element) -> list[str]:
    return [item.get_text(" ", strip=True) for item in element.select(":scope > li")]


def test_each_part_shows_the_series_box(html):
    page = read_html(html.outdir, "posts/writing.html")
    box = page.select_one(".blog-series")
    heading = box.select_one(".blog-series-heading")
    assert heading.get_text(" ", strip=True) == f"Part 2 of 3 · {SERIES}"
    assert heading.select_one("a")["href"] == "../series/sphinx-and-myst.html"
    assert _titles(box.select_one("ol")) == IN_ORDER  # not the draft's fourth part
    assert box.select_one("ol strong.blog-series-current").get_text() == "Writing posts"
    assert box.select_one(".blog-series-previous a")["href"] == "setup.html"
    assert box.select_one(".blog-series-next a")["href"] == "publishing.html"
    first = read_html(html.outdir, "posts/setup.html").select_one(".blog-series")
    assert not first.select(".blog-series-previous") and first.select(".blog-series-next")
    assert not read_html(html.outdir, "posts/aside.html").select(".blog-series")
    # the chronological neighbours stay by date
    nav = page.select_one(".blog-post-nav")
    assert nav.select_one(".blog-older a").get_text() == "An aside"


def test_series_pages_and_index(html):
    page = read_html(html.outdir, "series/sphinx-and-myst.html")
    assert heading(page.select_one("h1")) == SERIES  # escaped, not markup
    assert not page.select("myst")
    listing = page.select_one("ol.blog-postlist")
    assert [a.get_text() for a in listing.select("a.blog-post-title")] == IN_ORDER
    assert page.select_one("a.blog-feed")["href"] == "sphinx-and-myst.xml"
    index = read_html(html.outdir, "series/index.html")
    entries = [li.get_text(" ", strip=True) for li in index.select(".blog-seriesindex li")]
    assert entries == [f"{SERIES} 3", "Қазақша жазу 2"]


def test_a_series_has_its_feed(html):
    feed = feedparser.parse((html.outdir / "series" / "sphinx-and-myst.xml").read_bytes())
    assert not feed.bozo
    assert feed.feed.title.endswith(f": {SERIES}")
    assert [entry.title for entry in feed.entries] == [
        "Writing posts", "Publishing the site", "Setting up Sphinx",
    ]  # fmt: skip
    page = read_html(html.outdir, "series/sphinx-and-myst.html")
    feeds = page.select('link[rel="alternate"][type="application/atom+xml"]')
    assert feeds[0]["href"] == "sphinx-and-myst.xml"


def test_a_part_that_is_not_a_number_is_named(html):
    warnings = warnings_of(html)
    assert warnings == [
        "posts/kazakh-two.md:5: WARNING: part 'one' is not a whole number; the series is "
        "ordered by date [blog.series]"
    ]


def test_the_box_speaks_the_sites_language(builds):
    app = builds("series", "html", language="kk")
    box = read_html(app.outdir, "posts/writing.html").select_one(".blog-series-heading")
    assert box.get_text(" ", strip=True).startswith("3 бөлімнің 2-бөлімі")


def test_the_ebook_has_a_series_as_consecutive_chapters(builds):
    app = builds("series", "epub")
    epub = next(app.outdir.glob("*.epub"))
    assert epubcheck_messages(epub) == []
    with zipfile.ZipFile(epub) as book:
        names = book.namelist()
    expected = ["setup", "writing", "publishing", "aside", "kazakh", "kazakh-two"]
    order = [name.removeprefix("posts/") for name in epub_spine(epub)]
    assert [name for name in order if name in expected] == expected
    assert not [name for name in names if "series/" in name]


def test_the_pdf_sources_have_a_series_as_consecutive_chapters(builds):
    app = builds("series", "latex")
    tex = (app.outdir / "series.tex").read_text(encoding="utf-8")
    positions = [tex.index(title) for title in [*IN_ORDER, "An aside"]]
    assert positions == sorted(positions)


# --- a book of one series ----------------------------------------------------------------


def test_a_series_is_a_book_of_its_own(builds):
    app = builds("series", "epub", blog_book_series="sphinx-and-myst")
    (epub,) = Path(app.outdir).glob("*.epub")
    assert epub.name == "sphinx-and-myst.epub"
    assert epubcheck_messages(epub) == []
    with zipfile.ZipFile(epub) as book:
        opf = book.read("content.opf").decode("utf-8")
        names = book.namelist()
    assert "<dc:title>Sphinx &amp; &lt;MyST&gt;</dc:title>" in opf
    order = epub_spine(epub)
    # Sphinx's general index closes every ePub
    assert order == ["book", "posts/setup", "posts/writing", "posts/publishing", "genindex"]
    pages = [name for name in names if name.endswith(".xhtml") and name != "nav.xhtml"]
    assert sorted(pages) == sorted(f"{name}.xhtml" for name in order)


def test_a_series_book_in_latex_holds_its_parts_alone(builds):
    app = builds("series", "latex", blog_book_series="Sphinx & <MyST>")  # by name
    tex = (Path(app.outdir) / "sphinx-and-myst.tex").read_text(encoding="utf-8")
    assert r"\title{Sphinx \& \textless{}MyST\textgreater{}}" in tex
    chapters = [title for title in IN_ORDER if title in tex]
    assert chapters == IN_ORDER
    assert tex.index(IN_ORDER[0]) < tex.index(IN_ORDER[1]) < tex.index(IN_ORDER[2])
    assert "An aside" not in tex and "Archive" not in tex


def test_a_book_of_a_series_that_is_not_there_is_named(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "series"
    shutil.copytree(rootdir / "test-series", srcdir)
    app = make_app("epub", srcdir=srcdir, confoverrides={"blog_book_series": "nope"})
    app.build()
    assert (
        "blog_book_series 'nope' names no series of the site (its series: qazaqsha-jazu, "
        "sphinx-and-myst); the book holds every post [blog.config]"
    ) in app.warning.getvalue()
