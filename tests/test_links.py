"""Posts moved from other generators: links by old URLs, relative ``.md`` paths and
heading anchors; one title per post; raw HTML and remote images in every builder."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from checkers import epubcheck_messages
from conftest import heading, read_html, warnings_of
from sphinxblog.core.posts import Post
from sphinxblog.migrate.oldlinks import find_document, parse_old_url, post_slug
from sphinxblog.pages.rawhtml import inline_xhtml, latex_nodes, xhtml

ROOT = Path(__file__).parent / "roots" / "test-links"
SOURCE = "posts/2022-01-10-links.md"
UNTITLED = (
    "posts/2022-03-01-untitled.md:1: WARNING: post has no title; add 'title:' to its front "
    "matter or start it with a '# Heading' (shown as '2022-03-01-untitled' meanwhile) "
    "[blog.title]"
)
UNMATCHED = [
    f"{SOURCE}:5: WARNING: link to '/2018/01/01/first-steps/' matches no post or page; "
    "set blog_old_site_url to link the old site [blog.link]",
    f"{SOURCE}:5: WARNING: link to '/2015/01/01/a-post-that-never-came/' matches no post "
    "or page; set blog_old_site_url to link the old site [blog.link]",
    RELATIVE := f"{SOURCE}:5: WARNING: link to '../../setup/install.md#step-2' names no file "
    "of this site and no post: its text is kept (bring the file into the site, or link the "
    "page by its full URL) [blog.link]",
]


@pytest.fixture(scope="module")
def links(builds):
    return builds("links")


def link_targets(page) -> dict[str, str]:
    return {a.get_text(): a["href"] for a in page.select("section a[href]")}


def test_old_urls_relative_paths_and_anchors_lead_to_the_posts_and_headings(links):
    app = links
    targets = link_targets(read_html(app.outdir, "posts/2022-01-10-links.html"))
    first = "2019-06-18-first-steps.html"
    assert {text: targets[text] for text in ("first", "first again", "file")} == {
        "first": first, "first again": first, "file": first,
    }  # fmt: skip
    assert targets["hugo"] == "2020-02-03-hugo-bundle.html"
    assert targets["pelican"] == "2013-05-07-pelican-days.html"
    assert targets["docusaurus"] == "docusaurus-release.html"
    assert targets["below"] == "#below"
    assert targets["home"] == "../index.html"
    assert targets["old place"] == first  # a file the old site had elsewhere: found by name
    # every heading link goes to the heading it names
    expected = {
        "setup": ("posts/2019-06-18-first-steps.html", "Setting up", 0),
        "kazakh": ("posts/2019-06-18-first-steps.html", "Қазақ тілі туралы", 0),
        "again": ("posts/2019-06-18-first-steps.html", "Setting up", 1),
        "up": ("posts/2020-02-03-hugo-bundle.html", "Notes & caveats", 0),
    }
    for text, (page_name, title, which) in expected.items():
        page, _, anchor = targets[text].partition("#")
        target = read_html(app.outdir, page_name).find(id=anchor)
        sections = [h.parent for h in read_html(app.outdir, page_name).select("h2")]
        assert page == page_name.removeprefix("posts/")
        assert heading(target.find("h2")) == title
        assert target["id"] == [s for s in sections if heading(s.h2) == title][which]["id"]


def test_headings_have_the_ids_other_generators_give_them(links):
    app = links
    page = read_html(app.outdir, "posts/2019-06-18-first-steps.html")
    ids = {element["id"] for element in page.find_all(id=True)}
    assert {"setting-up", "setting-up-1", "қазақ-тілі-туралы"} <= ids
    hugo = read_html(app.outdir, "posts/2020-02-03-hugo-bundle.html")
    assert hugo.find(id="notes--caveats") is not None  # GitHub drops "&", keeps both hyphens


def test_unmatched_old_urls_stay_text_with_a_located_warning(links):
    app = links
    assert warnings_of(app) == sorted([UNTITLED, *UNMATCHED])  # and no myst.xref_missing
    targets = link_targets(read_html(app.outdir, "posts/2022-01-10-links.html"))
    assert "wrong" not in targets and "gone" not in targets and "setup guide" not in targets
    for page in app.outdir.rglob("*.html"):
        assert not re.search(r'href="#[./]', page.read_text(encoding="utf-8")), page


@pytest.mark.sphinx(
    "html", testroot="links", copy_test_root=True, freshenv=True,
    confoverrides={"blog_old_site_url": "https://old.example.org/"},
)  # fmt: skip
def test_unmatched_old_urls_go_to_the_old_site_when_it_is_named(app):
    app.build()
    targets = link_targets(read_html(app.outdir, "posts/2022-01-10-links.html"))
    assert targets["gone"] == "https://old.example.org/2015/01/01/a-post-that-never-came/"
    assert targets["wrong"] == "https://old.example.org/2018/01/01/first-steps/"
    assert targets["first"] == "2019-06-18-first-steps.html"
    # a relative link gives no address on the old site
    assert warnings_of(app) == sorted([UNTITLED, RELATIVE])


@pytest.mark.sphinx("dirhtml", testroot="links", copy_test_root=True, freshenv=True)
def test_dirhtml_links_the_posts_folders(app):
    app.build()
    targets = link_targets(read_html(app.outdir, "posts/2022-01-10-links/index.html"))
    assert targets["hugo"] == "../2020-02-03-hugo-bundle/"
    assert targets["setup"] == "../2019-06-18-first-steps/#setting-up"


@pytest.mark.sphinx("singlehtml", testroot="links", copy_test_root=True, freshenv=True)
def test_single_html_has_no_links_to_absolute_fragments(app):
    app.build()
    assert 'href="#/' not in (app.outdir / "index.html").read_text(encoding="utf-8")


def test_each_post_has_one_title(links):
    app = links
    page = read_html(app.outdir, "posts/2022-02-01-three-parts.html")
    assert [heading(h) for h in page.select("h1")] == ["Three parts"]
    assert [heading(h) for h in page.select("h2")] == ["One", "Two", "Three"]
    assert page.select_one("h1").find_next_sibling()["class"] == ["blog-post-meta"]
    untitled = read_html(app.outdir, "posts/2022-03-01-untitled.html")
    assert [heading(h) for h in untitled.select("h1")] == ["2022-03-01-untitled"]
    assert "A post with no title anywhere." in untitled.select_one("section").get_text()


def test_html_pages_keep_raw_html_and_remote_images(links):
    app = links
    text = (app.outdir / "posts/2022-04-01-raw-html.html").read_text(encoding="utf-8")
    assert "<p>An old paragraph<br>with a break&nbsp;and a space." in text
    assert "<details" in text and "Hidden text." in text and "<kbd>Ctrl</kbd>" in text
    page = read_html(app.outdir, "posts/2022-04-01-raw-html.html")
    sources = {img["src"] for img in page.select("section img")}
    # the lone <img> is an image of the site now: copied, and linked where it was copied
    assert sources == {
        "../_images/local.png", "https://example.org/picture.png", "https://example.org/other.png",
    }  # fmt: skip
    assert (app.outdir / "_images" / "local.png").is_file()


@pytest.mark.sphinx("epub", testroot="links", copy_test_root=True, freshenv=True)
def test_epub_pages_are_xhtml_that_epubcheck_passes_and_fetch_nothing(app):
    app.build()
    for page in (app.outdir / "posts").glob("*.xhtml"):
        etree.parse(str(page))  # well-formed XML, or this raises
        assert 'href="#/' not in page.read_text(encoding="utf-8")
    raw = etree.parse(str(app.outdir / "posts/2022-04-01-raw-html.xhtml"))
    xhtml = {"x": "http://www.w3.org/1999/xhtml"}
    links = {a.text: a.get("href") for a in raw.iterfind(".//x:a", xhtml)}
    assert links["Remote picture"] == "https://example.org/picture.png"
    assert links["Remote tag"] == "https://example.org/other.png"
    assert [img.get("src") for img in raw.iterfind(".//x:img", xhtml)] == ["../_images/local.png"]
    assert raw.find(".//x:details", xhtml) is not None
    assert warnings_of(app) == sorted([UNTITLED, *UNMATCHED])  # no "Could not fetch remote image"
    messages = epubcheck_messages(app.outdir / "Links.epub")
    assert [message for message in messages if "posts/" in message] == []


@pytest.mark.sphinx("latex", testroot="links", copy_test_root=True, freshenv=True)
def test_latex_has_one_chapter_per_post_and_links_remote_images(app):
    app.build()
    tex = (app.outdir / "book.tex").read_text(encoding="utf-8")
    chapters = re.findall(r"\\chapter\{([^}]*)\}", tex)
    assert len(chapters) == 8 + 1  # the posts, then the tag index
    three = tex.partition(r"\chapter{Three parts}")[2].partition(r"\chapter")[0]
    assert re.findall(r"\\section\{([^}]*)\}", three) == ["One", "Two", "Three"]
    assert r"\sphinxhref{https://example.org/picture.png}{Remote picture}" in tex
    assert r"\sphinxhref{https://example.org/other.png}{Remote tag}" in tex
    assert r"An old paragraph\leavevmode\newline{}with a break" in tex
    assert "{More}" in tex and "Hidden text." in tex
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
    assert "posts/2019-06-18-first-steps:setting-up" in labels
    assert r"\hyperref[\detokenize{posts/2019-06-18-first-steps:setting-up}]" in tex
    # and no "Could not fetch remote image"
    assert warnings_of(app) == sorted([
        UNTITLED, *UNMATCHED,
        "posts/2022-04-01-raw-html.md:14: WARNING: raw HTML <table>, <tr>, <td> cannot be "
        "shown in the PDF; its text is kept [blog.html]",
    ])  # fmt: skip


@pytest.mark.parametrize(
    ("url", "slug", "date", "fragment"),
    [
        ("/2019/06/18/first-steps/", "first-steps", (2019, 6, 18), ""),
        ("/notes/2019/06/18/first-steps.html#part", "first-steps", (2019, 6, 18), "part"),
        ("/posts/hugo-bundle/", "hugo-bundle", (), ""),
        ("/blog/2013/05/07/pelican-days.html", "pelican-days", (2013, 5, 7), ""),
        ("/blog/Docusaurus-Release", "docusaurus-release", (), ""),
        ("/2020/01/slug/index.html", "slug", (2020, 1), ""),
        ("/blog/2021-05-12-bundle/", "bundle", (2021, 5, 12), ""),
    ],
)
def test_old_urls_are_split_into_slug_date_and_fragment(url, slug, date, fragment):
    parsed = parse_old_url(url)
    assert (parsed.slug, parsed.date, parsed.fragment) == (slug, date, fragment)


def test_posts_are_found_by_slug_date_and_alias():
    posts = {
        name: Post(name, name, dt.date(2020, 1, 2), aliases=aliases)
        for name, aliases in [
            ("posts/2020-01-02-same", ()),
            ("posts/other/same", ()),
            ("posts/bundle/index", ("/old/path/",)),
            ("posts/zola_style", ()),
            ("posts/My Hexo post", ()),
        ]
    }
    assert post_slug("posts/2021-05-12-bundle/index") == "bundle"
    several = ["posts/2020-01-02-same", "posts/other/same"]
    assert find_document("/2020/01/02/same/", posts, set()) == (None, several)
    assert find_document("/old/path/index.html", posts, set()) == ("posts/bundle/index", [])
    assert find_document("/archive/", posts, {"archive"}) == ("archive", [])
    assert parse_old_url("/") is None
    # Zola slugifies file names (``_`` as ``-``); Hexo keeps the spaces of titles
    assert find_document("/zola-style/", posts, set()) == ("posts/zola_style", [])
    assert parse_old_url("/2021/03/05/My%20Hexo%20post/").slug == "my-hexo-post"


def test_raw_html_becomes_well_formed_xhtml():
    assert xhtml("<p>One<br>two&nbsp;<input type=checkbox checked>") == (
        '<p>One<br/>two\xa0<input type="checkbox" checked="checked"/></p>'
    )
    assert xhtml('<img src="https://example.org/a.png" alt="A">') == (
        '<a href="https://example.org/a.png">A</a>'
    )
    # a paragraph's inline tags (strings) around its text (None), parsed together
    assert inline_xhtml(["<kbd class=k>", None, "</b>", "<br>", None, "</kbd>", "</br>"]) == [
        '<kbd class="k">', 1, "<br/>", 4, "</kbd>",
    ]  # fmt: skip
    assert inline_xhtml(["<b>", None, "<i>", None, "</b>", "</i>"]) == [
        "<b>", 1, "<i>", 3, "</i></b>",
    ]  # fmt: skip
    assert inline_xhtml(['<b title="\ufdd0">', None, "</b>"]) is None  # the slots' own mark


def test_raw_html_in_the_pdf_keeps_simple_markup_and_names_the_rest():
    blocks, unknown = latex_nodes(
        "<details><summary>More</summary>Hidden <b>text</b>.</details><video>clip</video>",
        inline=False,
    )
    assert [block.astext() for block in blocks] == ["More", "Hidden text.", "clip"]
    assert blocks[0][0].tagname == "strong" and unknown == ["video"]


def test_a_link_follows_the_post_it_means_when_that_post_comes_later(make_app, tmp_path):
    srcdir = tmp_path / "links"
    shutil.copytree(ROOT, srcdir)
    make_app("html", srcdir=srcdir).build()
    (srcdir / "posts" / "2015-01-01-a-post-that-never-came.md").write_text(
        "---\ntitle: Came at last\n---\nText.\n", encoding="utf-8"
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    targets = link_targets(read_html(app.outdir, "posts/2022-01-10-links.html"))
    assert targets["gone"] == "2015-01-01-a-post-that-never-came.html"
