"""Posts from generators read by general rules: Hexo, Zola, and what no rule reads, said."""

from __future__ import annotations

import pytest

from conftest import heading, read_html, warnings_of


@pytest.fixture(scope="module")
def more(builds):
    return builds("from-more")


def meta(app, post: str) -> tuple[str, str, list[str]]:
    page = read_html(app.outdir, f"posts/{post}.html")
    info = page.select_one(".blog-post-meta")
    date = info.select_one(".blog-date")
    tags = [a.get_text() for a in info.select(".blog-post-tags a")]
    return heading(page.select_one("h1")), date.get_text() if date else "", tags


def test_a_hexo_header_with_only_its_closing_line_is_read(more):
    assert meta(more, "hexo-post") == (
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
    image = body.select_one("img")
    assert (image["src"], image["alt"]) == ("../_images/diagram.png", "Boxes and arrows")
    assert (more.outdir / "_images" / "diagram.png").is_file()


def test_zola_taxonomies_file_name_dates_paths_and_at_links(more):
    assert meta(more, "2022-05-06_zola-post") == (
        "Zola post", "May 6, 2022", ["rust", "static", "notes"],
    )  # fmt: skip
    body = read_html(more.outdir, "posts/2022-05-06_zola-post.html").select_one("div.body")
    links = {a.get_text(): a["href"] for a in body.select("p a")}
    assert links["an at-link"] == "hexo-post.html#intro"
    redirect = more.outdir / "blog" / "old-zola-path" / "index.html"
    assert "2022-05-06_zola-post.html" in redirect.read_text(encoding="utf-8")


def test_what_is_not_read_is_named(more):
    assert warnings_of(more) == [
        "posts/2019_06_18_underscored.md:1: WARNING: post has no date: its file name starts "
        "with a date written '2019_06_18', which is not read: name it YYYY-MM-DD-slug or "
        "YYYY-MM-DD_slug, or add 'date:'; the post is listed as undated, after dated posts "
        "[blog.date]",
        'posts/2022-05-06_zola-post.md:14: WARNING: Zola shortcode {{ youtube(id="dQw4w9WgXcQ") '
        "}} is not run: dropped (write its value) [blog.markup]",
    ]


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
