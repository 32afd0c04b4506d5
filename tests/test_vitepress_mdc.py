"""Posts from VitePress and from Nuxt Content (MDC): containers, components, links."""

from __future__ import annotations

import pytest

from conftest import read_html, warnings_of
from sphinxblog.migrate.markup import mdc, vitepress
from sphinxblog.migrate.markup.common import Site


@pytest.fixture(scope="module")
def from_vitepress(builds):
    return builds("from-vitepress")


@pytest.fixture(scope="module")
def from_mdc(builds):
    return builds("from-mdc")


def body(app, post: str):
    return read_html(app.outdir, f"posts/{post}.html").select_one("div.body")


def links(element) -> list[tuple[str, str]]:
    """The links of the post's own paragraphs (not its tags, nor the links to its neighbours)."""
    return [(a.get_text(), a["href"]) for a in element.select("section > p:not(.blog-post-meta) a")]


def boxes(element) -> list[tuple[str, str]]:
    """Each admonition's classes and title, in order (nested ones after theirs)."""
    return [
        (" ".join(sorted(box["class"])), box.select_one(".admonition-title").get_text())
        for box in element.select("div.admonition")
    ]


# --- VitePress -------------------------------------------------------------------------


def test_vitepress_containers_become_admonitions_and_dropdowns(from_vitepress):
    page = body(from_vitepress, "containers")
    # the GitHub-style alert after them is another translator's
    assert boxes(page)[:4] == [
        ("admonition info", "Info"), ("admonition danger", "STOP"),
        ("admonition warning", "Outer box"), ("admonition tip", "Tip"),
    ]  # fmt: skip
    inner = page.select_one("div.warning div.tip")
    assert inner.get_text(" ", strip=True) == "Tip Innertip words."
    dropdowns = [
        (d.select_one(".sd-summary-text").get_text(), d.has_attr("open"), d.p.get_text())
        for d in page.select("details.sd-dropdown")
    ]
    assert dropdowns == [
        ("Hidden answer", False, "Dropdown words."), ("Shown answer", True, "Openbox words."),
    ]  # fmt: skip
    assert page.select_one("pre").get_text() == "::: tip\nCodetip words.\n:::\n"
    assert ":::" not in page.get_text().replace(page.select_one("pre").get_text(), "")


def test_vitepress_toc_marker_is_dropped_and_front_matter_expressions_are_filled(from_vitepress):
    page = body(from_vitepress, "containers")
    assert "[[toc]]" not in page.get_text()
    text = page.select("p")[1].get_text()
    assert text.startswith("The title is Containers from VitePress; 42 views.\nTags:  gone.")
    assert page.select_one("p code").get_text() == "{{ $frontmatter.title }}"
    assert "Alert words." in page.get_text()  # a GitHub-style alert: another translator's


def test_vitepress_links_between_posts_lead_to_the_post(from_vitepress):
    assert links(body(from_vitepress, "links")) == [
        ("with html", "other.html"), ("with md", "other.html"), ("clean", "other.html"),
        ("absolute with heading", "other.html#second-part"),
        ("what it is", "#what-is-it"),  # an id the heading's raw HTML gives
    ]  # fmt: skip


def test_a_link_to_an_id_of_raw_html_is_text_in_the_pdf(builds):
    app = builds("from-vitepress", "latex")
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert "what it is" in tex
    assert not [line for line in warnings_of(app) if "what-is-it" in line]


def test_vitepress_warnings(from_vitepress):
    assert warnings_of(from_vitepress) == [
        "posts/containers.md:11: WARNING: VitePress (Vue) expression {{ $frontmatter.tags }} "
        "names no string or number of the front matter: dropped (write its value) "
        "[blog.markup]",
    ]


def test_vitepress_code_groups_are_tab_sets_named_by_their_labels(from_vitepress):
    page = body(from_vitepress, "groups")
    tabs = page.select(".sd-tab-set > label")
    assert [tab.get_text(strip=True) for tab in tabs] == ["npm", "pnpm lockfile", "config.ts"]
    codes = [pre.get_text() for pre in page.select(".sd-tab-set pre")]
    assert codes == ["npm add -D vitepress\n", "pnpm add -D vitepress\n", "export default {}\n"]
    # a label outside a group is the block's caption
    assert page.select_one(".code-block-caption").get_text(strip=True).startswith("theme/index.js")
    # v-pre: Vue's {{ }} are text
    assert "Vue writes {{ name }} and {{ title }} here, shown as written." in page.get_text()
    assert "v-pre" not in page.get_text() and ":::" not in page.get_text()
    # Vue's @click is no HTML token: the block is highlighted all the same, unwarned
    vue = page.select("div.highlight-html pre")[-1]
    assert vue.get_text() == '<button @click="count++">{{ count }}</button>\n'
    assert vue.select_one("span.nt") is not None  # the tag, highlighted


def test_vitepress_translation_keeps_lines():
    text = "\n".join([
        "Intro [[TOC]] words", "", ":::: warning Outer", "a", "::: details Inner {open}",
        "b", ":::", "::::", "", "::: details", "unclosed", "{{ $params.x }} {{ $frontmatter.n }}",
    ])  # fmt: skip
    out, problems = vitepress.translate(text, Site(params={"n": 3}))
    assert out.split("\n") == [
        "Intro  words", "", "::::{blog-admonition} warning Outer", "a",
        ":::{blog-dropdown} open plain Inner", "b", ":::", "::::", "",
        ":::{blog-dropdown} closed plain Details", "unclosed", " 3",
    ]  # fmt: skip
    assert [(p.line, p.message.split(" is ")[0]) for p in problems] == [
        (12, "VitePress (Vue) expression {{ $params.x }}")
    ]


def test_vitepress_leaves_docusaurus_and_myst_fences_alone():
    text = ":::tip[Title] words\nx\n:::\n:::{note}\ny\n:::\n::: tip never closed"
    assert vitepress.translate(text) == (text, [])
    assert not vitepress.may_hold("plain text\n:::{note}\nx\n:::")


# --- MDC --------------------------------------------------------------------------------


def test_mdc_block_components_become_admonitions_and_links(from_mdc):
    page = body(from_mdc, "components")
    assert boxes(page) == [
        ("admonition note", "Note"), ("admonition note", "Callouttitle words"),
        ("admonition warning", "Warning"), ("admonition tip", "Tip"),
        ("admonition caution", "Caution"), ("admonition note", "Note"),
    ]  # fmt: skip
    assert page.select_one("div.tip div.caution p:not(.admonition-title)").get_text() == (
        "Innercaution words."
    )
    assert links(page) == [
        ("clip.mp4", "https://example.org/media/clip.mp4"), ("The other post", "other.html"),
        ("YouTube video", "https://www.youtube.com/watch?v=abc123"),
    ]  # fmt: skip
    assert "Herobody words." in page.get_text()
    assert "::" not in page.get_text().replace("10:30", "")


def test_mdc_inline_components(from_mdc):
    first = body(from_mdc, "components").select("p")[1]
    assert [kbd.get_text() for kbd in first.select("kbd")] == ["Ctrl", "K"]
    assert first.get_text() == "Press Ctrl and K, a Fresh at 10:30 😄.\nAn  and Hoverwords."


def test_mdc_warnings(from_mdc):
    assert warnings_of(from_mdc) == [
        "posts/components.md:38: WARNING: MDC component ::hero is not rendered: dropped, its "
        "content kept (write it in Markdown or a MyST directive) [blog.markup]",
        'posts/components.md:6: WARNING: MDC inline component :icon{name="i-lucide-rocket"} '
        "is not rendered: dropped (write the icon's meaning in words) [blog.markup]",
        'posts/components.md:6: WARNING: MDC inline component :tooltip{text="Hoverwords"} is '
        "not rendered: its text kept (write it in Markdown) [blog.markup]",
    ]


def test_mdc_translation_keeps_lines():
    site = Site("posts/a", frozenset({"posts/a", "posts/b"}))
    text = "\n".join([
        "::callout{color=blue .wide}", "#title", "Heads up", "#default", "Body", "::", "",
        "::warning", ":::tip", "inner", ":::", "::", "::read-more{to=/posts/b}",
        "::video{src='v.mp4'}", "::", "::card", "---", "title: Card", "---", "words",
        ":link[docs]{href=https://x.org} `:kbd{value=x}`",
    ])  # fmt: skip
    out, problems = mdc.translate(text, site)
    assert out.split("\n") == [
        ":::{blog-admonition} note Heads up", "", "", "", "Body", ":::", "",
        "::::{warning}", ":::{tip}", "inner", ":::", "::::", "{doc}`Read more </posts/b>`",
        "[v.mp4](v.mp4)", "", "Card", "", "", "", "words",
        "[docs](https://x.org) `:kbd{value=x}`",
    ]  # fmt: skip
    assert [(p.line, p.message.split(" is ")[0]) for p in problems] == [
        (16, "MDC component ::card")
    ]


def test_mdc_leaves_other_colons_alone():
    text = "\n".join([
        ":::note Docusaurus", "x", ":::", ":::{tip}", "y", ":::", "At 10:30, :smile: and",
        "{kbd}`A` or https://x.org/a:b{c} or `:badge[x]`",
    ])  # fmt: skip
    assert mdc.translate(text) == (text, [])
