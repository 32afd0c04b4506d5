"""Posts from generators read by general rules: Hexo, Zola, and what no rule reads, said."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sphinx.util.console import strip_escape_sequences

from conftest import heading, post_meta, read_html, warnings_of
from sphinxblog.core.moved import MovedIn, summary

ROOTS = Path(__file__).parent / "roots"


@pytest.fixture(scope="module")
def more(builds):
    return builds("from-more")


def test_a_hexo_header_with_only_its_closing_line_is_read(more):
    assert post_meta(more, "posts/hexo-post.html") == (
        "Hexo without an opening line", "Mar 4, 2021", ["hexo", "node", "notes"],
    )  # fmt: skip
    body = read_html(more.outdir, "posts/hexo-post.html").select_one("div.body")
    assert "title:" not in body.get_text() and "---" not in body.get_text()


def test_hexo_code_blocks_links_and_asset_images(more):
    body = read_html(more.outdir, "posts/hexo-post.html").select_one("div.body")
    block = body.select_one("div.literal-block-wrapper")
    assert block.select_one(".caption-text").get_text() == "install.sh"
    assert block.select_one("pre").get_text() == "npm install --save hexo-cli <version number>\n"
    links = [(a.get_text(), a["href"]) for a in body.select("p a") if "Zola" in a.get_text()]
    assert links[:2] == [("Zola post", "2022-05-06_zola-post.html"),
                     ("the Zola post", "2022-05-06_zola-post.html")]  # fmt: skip
    html_link = body.find("a", string="the Zola post again")  # Hexo's post_path in <a href>
    assert html_link["href"] == "2022-05-06_zola-post.html"
    image = body.select_one("img")
    assert (image["src"], image["alt"]) == ("../_images/diagram.png", "Boxes and arrows")
    assert (more.outdir / "_images" / "diagram.png").is_file()


def test_zola_taxonomies_file_name_dates_paths_and_at_links(more):
    assert post_meta(more, "posts/2022-05-06_zola-post.html") == (
        "Zola post", "May 6, 2022", ["rust", "static", "notes"],
    )  # fmt: skip
    body = read_html(more.outdir, "posts/2022-05-06_zola-post.html").select_one("div.body")
    links = {a.get_text(): a["href"] for a in body.select("p a")}
    assert links["an at-link"] == "hexo-post.html#intro"
    redirect = more.outdir / "blog" / "old-zola-path" / "index.html"
    assert "2022-05-06_zola-post.html" in redirect.read_text(encoding="utf-8")


def test_rules_where_docutils_allows_none_are_left_out_without_a_warning(more):
    body = read_html(more.outdir, "posts/2022-05-06_zola-post.html").select_one("div.body")
    # kept: the rule between the shortcode's paragraph and the next section, and the
    # first of two; left out: the one under a heading, the second, the last
    rules = body.select("hr")
    assert len(rules) == 2
    assert rules[1].find_previous("p").get_text() == "Under a heading."
    assert "Between rules." in body.get_text()
    assert not [line for line in warnings_of(more) if "transition" in line]


def test_what_is_not_read_is_named(more):
    assert [line for line in warnings_of(more) if "raw-html" not in line] == [
        "posts/2019_06_18_underscored.md:1: WARNING: post has no date: its file name starts "
        "with a date written '2019_06_18', which is not read: name it YYYY-MM-DD-slug or "
        "YYYY-MM-DD_slug, or add 'date:'; the post is listed as undated, after dated posts "
        "[blog.date]",
        'posts/2022-05-06_zola-post.md:14: WARNING: Zola shortcode {{ youtube(id="dQw4w9WgXcQ") '
        "}} is not run: dropped (write its value) [blog.markup]",
    ]


def test_starlight_asides_are_admonitions(more):
    body = read_html(more.outdir, "posts/starlight-post.html").select_one("div.body")
    boxes = [
        (" ".join(sorted(box["class"])), box.select_one(".admonition-title").get_text(),
         box.select_one("p:not(.admonition-title)").get_text())
        for box in body.select("div.admonition")
    ]  # fmt: skip
    assert boxes == [
        ("admonition note", "Note", "Plainaside words."),
        ("admonition caution", "Caution", "Oneline words."),
        ("admonition danger", "Watch out!", "Titled words."),
        ("admonition tip", "Markdown aside", "Syntax words."),
    ]
    assert "<Aside" not in body.get_text() and "import" not in body.get_text()


def test_headings_that_skip_levels_are_made_consecutive(more):
    body = read_html(more.outdir, "posts/emoji-post.html").select_one("div.body")
    assert [(h.name, heading(h)) for h in body.select("h2, h3, h4, h5")] == [
        ("h2", "Notes"), ("h3", "Five levels down"),
    ]  # fmt: skip
    assert body.find(id="five-levels-down") is not None
    assert not [line for line in warnings_of(more) if "myst.header" in line]


def test_emoji_shortcodes_are_emoji_outside_code(more):
    body = read_html(more.outdir, "posts/emoji-post.html").select_one("div.body")
    text = " ".join(p.get_text(" ", strip=True) for p in body.select("section > p"))
    assert "Shipped 🎉 and approved 👍, at 12:30:45, but not :shipit: or :smile:" in text
    assert body.select_one("code").get_text() == ":smile:"


@pytest.mark.parametrize(("post", "language"), [("ja/hajimete", "ja"), ("greek", "el")])
def test_posts_in_other_scripts_and_language_folders_get_their_language(more, post, language):
    page = read_html(more.outdir, f"posts/{post}.html")
    article = page.select_one(f'[lang="{language}"]')
    assert article is not None and article.select_one("h1") is not None


def test_a_summary_says_what_moving_in_did(more):
    status = strip_escape_sequences(more.status.getvalue())
    headers = "7 YAML, 2 YAML with only its closing line (Hexo), 1 TOML"
    assert f"moving in: 10 posts read: {headers}" in status
    assert (
        "markup left or dropped, each with a warning: Liquid and Nunjucks tags 1 construct "
        "in 1 post" in status
    )


def test_the_summary_counts_by_kind():
    records = [
        MovedIn("toml", (("Hugo shortcodes", 3),), (("Hugo shortcodes", 1),)),
        MovedIn("toml", (("Hugo shortcodes", 2), ("emoji shortcodes", 1))),
        MovedIn(),
    ]
    assert summary(records, unresolved_links=2) == [
        "3 posts read: 2 TOML, 1 YAML",
        "markup translated: Hugo shortcodes 5 lines in 2 posts; emoji shortcodes 1 line in 1 post",
        "markup left or dropped, each with a warning: Hugo shortcodes 1 construct in 1 post",
        "links that lead nowhere here: 2 (blog.link warnings)",
    ]
    assert summary([MovedIn(), MovedIn()], unresolved_links=0) == []


def test_docsy_authors_written_as_links_with_a_company(more):
    page = read_html(more.outdir, "posts/docsy-post.html")
    byline = page.select_one(".blog-authors")
    assert byline.get_text() == "By Jane Doe (Example Inc. · example.org/jane), Bob Roe"
    assert (more.outdir / "authors" / "jane-doe.html").is_file()
    alert = page.select_one("div.warning.admonition")
    assert alert.select_one(".admonition-title").get_text() == "Careful"  # Docsy's alert
    links = {a.get_text(): a["href"] for a in page.select("div.body p a")}
    assert links["the intro"] == "hexo-post.html#intro"  # post_url with a heading
    # a page-relative alias (Hugo, Quartz) redirects from beside the post
    redirect = more.outdir / "posts" / "docsy-old" / "index.html"
    assert "docsy-post.html" in redirect.read_text(encoding="utf-8")


def test_a_raw_html_figure_is_a_figure_whose_picture_every_output_copies(more):
    body = read_html(more.outdir, "posts/raw-html.html").select_one("div.body")
    figure = body.select_one("figure")
    assert figure.select_one("img")["src"] == "../_images/pixel.png"
    assert figure.select_one("figcaption .caption-text").get_text() == "The caption of a figure"
    assert (more.outdir / "_images" / "pixel.png").is_file()
    assert [line for line in warnings_of(more) if "raw-html" in line] == [
        "posts/raw-html.md:30: WARNING: image file not readable: posts/images/missing.png "
        "[image.not_readable]"
    ]


def test_the_local_files_of_other_raw_html_are_copied(more):
    body = read_html(more.outdir, "posts/raw-html.html").select_one("div.body")
    inline = body.find("img", alt="pixel in text")
    assert inline["src"] == "../_images/pixel.png"
    linked = body.find("a", string="the picture itself")
    assert linked["href"].startswith("../_downloads/") and linked["href"].endswith("/pixel.png")
    assert (more.outdir / linked["href"].removeprefix("../")).is_file()
    # a Markdown link to an id of raw HTML leads there
    assert body.find("a", string="Markdown link to the span")["href"] == "#here"


def test_raw_html_copies_no_file_from_outside_the_source_and_follows_pictures(make_app, tmp_path):
    srcdir = tmp_path / "site"
    shutil.copytree(ROOTS / "test-from-docusaurus", srcdir)
    shutil.rmtree(srcdir / "posts")
    (srcdir / "posts").mkdir()
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    post = srcdir / "posts" / "raw.md"
    post.write_text(
        "---\ntitle: Raw\ndate: 2024-01-01\n---\n"
        '<p>A <a href="../../secret.txt">secret</a> and <img src="later.png" alt="later"></p>\n'
        "\nA Markdown picture that is not there: ![gone](gone.png)\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert [line for line in warnings_of(app) if "raw.md" in line] == [
        "posts/raw.md:5: WARNING: file '../../secret.txt' is outside the source folder; it is "
        "left out [blog.include]",
        "posts/raw.md:5: WARNING: image file not readable: posts/later.png [image.not_readable]",
        # Sphinx's own warning, on the line MyST does not give an image
        "posts/raw.md:7: WARNING: image file not readable: posts/gone.png [image.not_readable]",
    ]
    assert not list(app.outdir.rglob("secret.txt"))
    # a picture added later is copied by the next build, as by a clean one
    shutil.copy(ROOTS / "test-from-more" / "posts" / "hexo-post" / "diagram.png",
                srcdir / "posts" / "later.png")  # fmt: skip
    app = make_app("html", srcdir=srcdir)
    app.build()
    image = read_html(app.outdir, "posts/raw.html").find("img", alt="later")
    assert image["src"] == "../_images/later.png" and (app.outdir / "_images/later.png").is_file()


@pytest.fixture(scope="module")
def more_epub(builds):
    return builds("from-more", "epub")


def test_what_the_epub_rewrites_is_named(more_epub):
    """(The ePub passes EPUBCheck: tests/test_books_of_moved_blogs.py.)"""
    said = " ".join(line for line in warnings_of(more_epub) if "[blog.html]" in line)
    for change in (
        "attribute markdown", "<figcaption> outside a figure, as a paragraph",
        "<iframe> from https://www.youtube.com/embed/abc as a link to it", "<noscript> as <div>",
        "<center> as <div>", "raw HTML's href='images/pixel.png' is left out of the ePub",
        "a link to ../../../outside.txt, which is no page or file of the book, as its text",
        "a link inside a link, as its text",
        "a link to #nowhere, which is on no element of the page, as its text",
        "<video> from https://example.org/v.mp4 as a link to it",
        "<font> as <span>; attribute color",
    ):  # fmt: skip
        assert change in said
    page = (more_epub.outdir / "posts" / "raw-html.xhtml").read_text(encoding="utf-8")
    assert "A missing picture" in page and "missing.png" not in page
    # a picture inside other HTML is copied into the book
    assert '<img src="../_images/pixel.png" alt="pixel in text"/>' in page
    for text in ("Custom element text", "Markdown inside a div", "A stray caption", "inner",
                 "Svelte button", "Turn on scripts", "a dead fragment", "pixel in text",
                 "A remote video", "Centered text", "Red text"):  # fmt: skip
        assert text in page


def test_links_by_name_or_title_follow_the_posts_in_an_incremental_build(make_app, tmp_path):
    srcdir = tmp_path / "moved"
    shutil.copytree(ROOTS / "test-from-docusaurus", srcdir)
    shutil.rmtree(srcdir / "posts")
    posts = srcdir / "posts"
    posts.mkdir()
    (posts / "linking.md").write_text(
        "---\ntitle: Linking\ndate: 2024-01-01\n---\nSee [[The Guide]] and "
        "{% post_link later %}.\n",
        encoding="utf-8",
    )
    (posts / "guide.md").write_text(
        "---\ntitle: The Guide\ndate: 2024-01-02\n---\nText.\n", encoding="utf-8"
    )
    make_app("html", srcdir=srcdir).build()
    (posts / "guide.md").write_text(
        "---\ntitle: An Old Guide\ndate: 2024-01-02\n---\nText.\n", encoding="utf-8"
    )
    (posts / "new-guide.md").write_text(
        "---\ntitle: The Guide\ndate: 2024-01-03\n---\nText.\n", encoding="utf-8"
    )
    (posts / "later.md").write_text(
        "---\ntitle: Came later\ndate: 2024-01-04\n---\nText.\n", encoding="utf-8"
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    links = {a.get_text(): a["href"] for a in read_html(app.outdir, "posts/linking.html").select(
        "div.body p a"
    )}  # fmt: skip
    assert links["The Guide"].startswith("new-guide.html")
    assert links["Came later"] == "later.html"
    clean = make_app("html", srcdir=srcdir, builddir=tmp_path / "clean")
    clean.build()
    page = "posts/linking.html"
    assert (app.outdir / page).read_bytes() == (clean.outdir / page).read_bytes()


def test_a_hexo_post_named_with_spaces_shows_the_pictures_of_its_folder(more):
    page = read_html(more.outdir, "posts/My-Hexo-post.html").select_one("div.body")
    sources = [img["src"] for img in page.select("img")]
    assert sources == ["../_images/pic.png", "../_images/other.png", "../_images/pic.png"]
    assert (more.outdir / "_images" / "other.png").is_file()
    # its headings start below the title: raised, none skipped
    assert [h.name for h in page.select("h1, h2, h3, h4")] == ["h1", "h2", "h3"]
    # a type's parameter in prose stays text, and in code is untouched
    assert "Vec<String> in prose" in page.get_text(" ")
    assert page.select_one("code").get_text() == "Vec<String>"
    links = {a.get_text(): a["href"] for a in read_html(more.outdir, "posts/hexo-post.html").select(
        "div.body p a"
    )}  # fmt: skip
    assert links["spaced"] == "My-Hexo-post.html"  # its old address, spaces and all
    # a link by the heading's id as Hexo spelt it reaches the heading
    heading_link = page.find("a", string="the first heading")
    assert heading_link["href"] == "#a-third-level-heading-first"
    assert page.find(id="a-third-level-heading-first") is not None
