"""Other generators' body markup: translated line for line, rendered, or warned of."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from checkers import epubcheck_messages
from conftest import read_html, warnings_of
from sphinxblog.migrate.markup import (
    docusaurus,
    fences,
    hugo,
    liquid,
    material,
    pelican,
    spans,
    translate,
)  # fmt: skip
from sphinxblog.migrate.markup.common import Block, Site

ROOTS = Path(__file__).parent / "roots"
#: what must never reach a page's text (outside code) as written
RAW = ("{{<", "{{%", "{%", "!!!", "???", ":::", "===", "import ", "<Tabs", "<TabItem", "{filename}",
       "{static}", ":octicons-", "{ .", "PELICAN_")  # fmt: skip


UNKNOWN_ROLE = 'WARNING: Unknown interpreted text role "undefined-role". [myst.role_unknown]'
JSX = "is not rendered: dropped, its text kept (write it in Markdown or a MyST directive)"


def page(app, name: str) -> BeautifulSoup:
    return read_html(app.outdir, f"posts/{name}.html").select_one("div.body")


def prose(body: BeautifulSoup) -> str:
    """The page's text outside code."""
    body = BeautifulSoup(str(body), "html.parser")
    for code in body.select("pre, code"):
        code.decompose()
    return body.get_text(" ")


def assert_no_raw_markup(body: BeautifulSoup) -> None:
    text = prose(body)
    assert [raw for raw in RAW if raw in text] == [], text


# --- pure functions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "module", [material, docusaurus, fences, hugo, liquid, pelican], ids=lambda m: m.__name__
)
def test_every_translator_keeps_code_as_written(module):
    code = '```text\n{{< x >}} {% y %} !!! note :::tip {filename}a.md\n=== "Tab"\n```'
    text, problems = module.translate(f"Before.\n\n{code}\n\nAfter.\n")
    assert code in text and problems == []


def test_block_keeps_lines_on_their_numbers_and_fills_blank_ones():
    block = Block(5)
    block.add(":::{note}")
    block.keep(1, "Body")
    block.add(":::")
    assert block.lines() == [":::{note}", "Body", ":::", "", ""]


def test_block_without_room_moves_the_rest_down():
    block = Block(2)
    block.add(":::{note}")
    block.keep(1, "Body")
    block.add(":::")
    assert block.lines() == [":::{note}", "Body\n:::"]


def test_material_admonition_dropdown_and_tabs_keep_their_line_count():
    text = (
        'Intro\n\n!!! note "Title"\n    Body\n\n???+ tip\n    Open\n\n'
        '=== "A"\n\n    One\n\n=== "B"\n\n    Two\n\nAfter\n'
    )
    out, problems = material.translate(text)
    assert out.count("\n") == text.count("\n") and problems == []
    lines = out.split("\n")
    assert lines[2] == ":::{blog-admonition} note Title" and lines[3] == "Body"
    assert lines[5] == ":::{blog-dropdown} open tip Tip"
    assert "::::{tab-set}" in lines and ":::{tab-item} A" in lines and lines[-2] == "After"


def test_material_attribute_lists_and_icons_are_dropped():
    out, _ = material.translate("## Title { #id .big }\n\nA :octicons-heart-16: b{: .x }\n")
    assert out == "## Title\n\nA  b\n"


def test_docusaurus_admonition_titles():
    text = ":::tip[Pro tip]\nx\n:::\n:::note Title here\ny\n:::\n:::info\nz\n:::"
    out, _ = docusaurus.translate(text)
    assert out.split("\n")[::3] == [
        ":::{blog-admonition} tip Pro tip", ":::{blog-admonition} note Title here",
        ":::{blog-admonition} info",
    ]  # fmt: skip


def test_heading_id_becomes_a_target_where_a_blank_line_has_room():
    out, _ = material.translate("Text\n\n## Title { #old-id }\n")
    assert out == "Text\n(old-id)=\n## Title\n"


def test_prose_starting_with_import_is_kept():
    text = "import this idea into your work.\n"
    assert docusaurus.translate(text) == (text, [])


def test_docusaurus_nested_admonitions_keep_their_colons():
    out, _ = docusaurus.translate("::::info Outer\n:::danger\nx\n:::\n::::")
    assert out == "::::{blog-admonition} info Outer\n:::{danger}\nx\n:::\n::::"


def test_hugo_escaped_shortcode_is_shown_as_code():
    assert hugo.translate("Write {{</* gist a b */>}}.")[0] == "Write `{{< gist a b >}}`."


def test_links_to_no_post_keep_their_text_with_a_warning():
    out, problems = hugo.translate('[text]({{< ref "missing" >}})')
    assert out == "text" and [p.line for p in problems] == [1]
    out, problems = liquid.translate("[text]({% post_url 2001-01-01-missing %})")
    assert out == "text" and "names no post" in problems[0].message


def test_docusaurus_multi_line_import_is_dropped_line_for_line():
    out, _ = docusaurus.translate("import {\n  A,\n  B,\n} from 'x';\nText\n")
    assert out == "\n\n\n\nText\n"


@pytest.mark.parametrize(
    ("info", "expected"),
    [
        ('jsx{1,3-5} title="app.js"', ("jsx", {"emphasize-lines": "1,3-5", "caption": "app.js"})),
        ('{ .py hl_lines="2 3" title="x.py" }',
         ("py", {"emphasize-lines": "2,3", "caption": "x.py"})),
        ("{ .sh .no-copy }", ("sh", {})),
        ('go {linenos=table,hl_lines=[8,"15-17"],linenostart=199}',
         ("go", {"emphasize-lines": "8,15-17", "lineno-start": "199"})),
        ("js showLineNumbers", ("js", {"linenos": ""})),
        ("js{numberLines: 5}{2}", ("js", {"lineno-start": "5", "emphasize-lines": "2"})),
        ("js{numberLines: true}", ("js", {"linenos": ""})),
        ("python", None),
        ("{code-block} python", None),
    ],
)  # fmt: skip
def test_fence_info_strings(info, expected):
    assert fences.parse_info(info) == expected


def test_unknown_language_is_text_with_a_warning():
    out, problems = fences.translate("```nosuchlang\nx\n```")
    assert out == "```{blog-code} text\nx\n```"
    assert [p.line for p in problems] == [1]
    assert problems[0].message.startswith("code language 'nosuchlang' is not known to Pygments")


def test_hugo_and_liquid_links_find_the_post():
    site = Site("posts/a", frozenset({"posts/a", "posts/2010-07-21-name", "posts/bundle/index"}))
    assert hugo.translate('[x]({{< ref "bundle" >}})', site)[0] == "{doc}`x </posts/bundle/index>`"
    out = liquid.translate("[y]({% post_url 2010-07-21-name %})", site)[0]
    assert out == "{doc}`y </posts/2010-07-21-name>`"


def test_myst_substitutions_are_kept():
    text = "---\nsubstitutions:\n  name: x\n---\n{{ name }} {{ other }}\n"
    out, problems = translate(text, Site(substitutions=frozenset({"site"})))
    assert out.endswith("\n{{ name }} \n") and [p.line for p in problems] == [5]


def test_liquid_raw_keeps_its_content():
    out, problems = liquid.translate("{% raw %}\n{{ page.title }} {% if %}\n{% endraw %}\n")
    assert out == "\n{{ page.title }} {% if %}\n\n" and problems == []


def test_front_matter_is_left_alone_and_lines_are_counted_from_the_file_top():
    out, problems = translate("---\ntitle: '{{< x >}}'\n---\n\n{{< unknown >}}\n")
    assert out.startswith("---\ntitle: '{{< x >}}'\n---\n")
    assert [p.line for p in problems] == [5]


@pytest.mark.parametrize("path", sorted(ROOTS.glob("test-from-*/posts/*.md")), ids=str)
def test_corpus_keeps_every_line_on_its_number(path):
    text = path.read_text(encoding="utf-8")
    assert translate(text)[0].count("\n") == text.count("\n")


# --- builds ----------------------------------------------------------------------------------


def test_material(builds):
    app = builds("from-material")
    body = page(app, "admonitions")
    assert_no_raw_markup(body)
    note = body.select_one("div.admonition.note")
    assert note.select_one(".admonition-title").get_text() == "Before you start"
    assert note.select_one(".code-block-caption").get_text(strip=True) == "install.sh¶"
    assert note.select_one(".hll").get_text() == "apt-get install tool\n"
    assert body.select_one("div.admonition.abstract .admonition-title").get_text() == "Abstract"
    folded, opened = body.select("details.sd-dropdown")
    assert "question" in folded["class"] and not folded.has_attr("open")
    assert "tip" in opened["class"] and opened.has_attr("open")
    assert opened.select_one("div.admonition.warning")  # nested
    assert body.select_one("div.grid.container strong").get_text() == "Bold"
    tabs = page(app, "tabs")
    assert_no_raw_markup(tabs)
    labels = [label.get_text(strip=True) for label in tabs.select(".sd-tab-set label")]
    assert labels == ["Python", "Shell"]
    assert "{{< not-a-shortcode >}}" in tabs.select("pre")[-1].get_text()
    # lines keep their numbers: MyST's own warning names the line of the file on disk
    assert warnings_of(app) == [
        f"posts/admonitions.md:32: {UNKNOWN_ROLE}",
        f"posts/tabs.md:24: {UNKNOWN_ROLE}",
    ]


def test_docusaurus(builds):
    app = builds("from-docusaurus")
    body = page(app, "2024-04-01-boxes")
    assert_no_raw_markup(body)
    titles = [t.get_text() for t in body.select("div.admonition .admonition-title")]
    assert titles == ["Note", "Pro tip", "Take care"]
    assert body.select_one("div.admonition.danger")
    labels = [label.get_text(strip=True) for label in body.select(".sd-tab-set label")]
    assert labels == ["Apple", "pear"]
    assert body.select_one("details.sd-dropdown .sd-summary-text").get_text() == "More details"
    assert body.select_one(".code-block-caption").get_text(strip=True) == "src/App.jsx¶"
    assert body.select_one(".hll").get_text().strip() == "return <Tabs />;"
    assert "after the chart." in prose(body)
    exported = page(app, "2024-04-02-export")
    assert_no_raw_markup(exported)
    assert "Text with coloured words inside." in prose(exported)
    assert exported.select_one("span.linenos")
    assert warnings_of(app) == [
        f"posts/2024-04-01-boxes.md:45: WARNING: JSX component <Chart> {JSX} [blog.markup]",
        f"posts/2024-04-01-boxes.md:53: {UNKNOWN_ROLE}",
        f"posts/2024-04-02-export.md:7: WARNING: JSX component <Highlight> {JSX} [blog.markup]",
    ]


def test_hugo(builds):
    app = builds("from-hugo")
    body = page(app, "shortcodes")
    assert_no_raw_markup(body)
    assert body.select_one("figure img")["src"].endswith("pic.png")
    assert body.select_one("figcaption .caption-text").get_text() == "The caption"
    links = {a.get_text(): a["href"] for a in body.select("a.reference")}
    assert links["the other post"] == links["The other post"] == "other.html"
    assert links["YouTube video w7Ft2ymGmfc"] == "https://www.youtube.com/watch?v=w7Ft2ymGmfc"
    assert links["gist spf13/7896402"] == "https://gist.github.com/spf13/7896402"
    assert "https://x.com/SanDiegoZoo/status/1453110110599868418" in links.values()
    code = body.select("pre")
    assert [n.get_text() for n in code[0].select(".linenos")] == ["10", "11", "12"]
    assert len(code[0].select(".hll")) == 2
    assert code[1].get_text() == "{{< not-translated >}}\n"
    assert "The subtitle: A subtitle from the front matter." in prose(body)
    assert "Inner text kept." in prose(body)
    assert warnings_of(app) == [
        "posts/shortcodes.md:27: WARNING: Hugo shortcode 'notice' is not supported: dropped, its "
        "inner text kept (write it in Markdown or a MyST directive) [blog.markup]"
    ]


def test_jekyll(builds):
    app = builds("from-jekyll")
    body = page(app, "2024-06-01-liquid")
    assert_no_raw_markup(body)
    links = {a.get_text(): a["href"] for a in body.select("a.reference")}
    assert links["the old post"] == links["the same"] == "2010-07-21-name.html"
    assert body.select_one("img")["src"].endswith("logo.png")
    assert [n.get_text() for n in body.select("pre .linenos")] == ["1", "2", "3"]
    assert "highlight-ruby" in body.select_one("div.highlight").parent["class"]
    assert "Templates write {{ page.title }} here." in prose(body)
    liquid = "posts/2024-06-01-liquid.md"
    assert warnings_of(app) == [
        f"{liquid}:21: WARNING: template tag {{% include %}} (Liquid, Nunjucks) is not run: "
        "dropped (write the included text in the post) [blog.markup]",
        f"{liquid}:23: WARNING: template tag {{% image %}} (Liquid, Nunjucks) is not run: "
        "dropped (write its result in Markdown or a MyST directive) [blog.markup]",
        f"{liquid}:25: WARNING: template output {{{{ page.author }}}} (Liquid, Nunjucks) is not "
        "run: dropped (write its value) [blog.markup]",
    ]


def test_pelican(builds):
    app = builds("from-pelican")
    body = page(app, "2024-07-01-pelican")
    assert_no_raw_markup(body)
    links = {a.get_text(): a["href"] for a in body.select("a.reference")}
    assert links["the next one"] == "2024-07-02-next.html"
    assert links["the data"].endswith("data.csv")
    image = body.select_one("img")
    assert image["alt"] == "A photo of a lake" and image["src"].endswith("photo.png")
    assert "Posts tagged python." in prose(body)
    # the summary is what Pelican's markers enclose, not the text before them
    home = read_html(app.outdir, "index.html")
    listed = {
        item.select_one("a.blog-post-title").get_text(): item.select_one(".blog-summary")
        for item in home.select("ul.blog-postlist > li")
    }
    assert listed["Links from Pelican"].get_text() == "The summary of this post."
    assert warnings_of(app) == [
        "posts/2024-07-01-pelican.md:17: WARNING: Pelican link {tag}python has no page here: the "
        "link text is kept (link to the tag's page, tags/<slug>.html) [blog.markup]"
    ]


def test_material_latex_holds_admonitions_and_code(builds):
    app = builds("from-material", "latex")
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert re.search(r"\\begin\{sphinxadmonition\}\{note\}\{Before you start", tex)
    assert "apt\\PYGZhy{}get" in tex or "apt-get" in tex
    assert "Because it is long." in tex and "print" in tex


def test_gatsby(builds):
    app = builds("from-gatsby")
    body = page(app, "2024-08-01-hello/index")
    assert_no_raw_markup(body)
    assert "Components keep their text." in prose(body)
    first, second = body.select("pre")
    assert [n.get_text() for n in first.select(".linenos")] == ["5", "6"]
    assert first.select_one(".hll").get_text() == "6const two = 2;\n"
    assert "export const Tsx" in second.get_text()
    assert warnings_of(app) == [
        # the root's home page globs posts/*; its one post is a bundle, posts/<name>/index
        "index.md:6: WARNING: toctree glob pattern 'posts/*' didn't match any documents",
        f"posts/2024-08-01-hello/index.md:8: WARNING: JSX component <Callout> {JSX} [blog.markup]",
    ]


GENERATORS = ["material", "docusaurus", "hugo", "jekyll", "pelican", "gatsby", "ablog"]


@pytest.mark.parametrize("generator", GENERATORS)
def test_every_generators_posts_make_a_valid_epub_and_a_latex_book(builds, generator):
    books = {builder: builds(f"from-{generator}", builder) for builder in ("epub", "latex")}
    epub = books["epub"]
    assert epubcheck_messages(epub.outdir / f"{epub.config.epub_basename}.epub") == []
    tex = next(books["latex"].outdir.glob("*.tex")).read_text(encoding="utf-8")
    # another generator's markup never reaches the PDF's text as it was written
    # (code samples may show it: they are left out here)
    text = re.sub(r"\\begin\{sphinxVerbatim\}.*?\\end\{sphinxVerbatim\}", "", tex, flags=re.S)
    text = re.sub(r"\\sphinxcode\{\\sphinxupquote\{.*?\}\}", "", text)
    escaped = [r"\{\{\textless{}", r"\{\{\%", r"\{\%", "!!!", ":::", r"\textless{}Tabs"]
    assert [marker for marker in escaped if marker in text] == []


def test_ablog_post_directive_gives_date_tags_and_author_and_shows_nothing(builds):
    app = builds("from-ablog")
    body = page(app, "directive-post")
    assert_no_raw_markup(body)
    assert "{post}" not in prose(body) and ":tags:" not in prose(body)
    meta = body.select_one(".blog-post-meta")
    assert meta.select_one(".blog-date").get_text() == "Oct 10, 2020"
    assert [a.get_text() for a in meta.select(".blog-post-tags a")] == [
        "sphinx", "migration", "Manual",
    ]  # fmt: skip
    assert "Aigerim" in meta.get_text()
    assert "```{post} 2000-01-01" in body.select_one("pre").get_text()  # a sample stays
    home = read_html(app.outdir, "index.html")
    summaries = [s.get_text() for s in home.select(".blog-summary")]
    assert "The first paragraph is the summary of this post." in summaries
    assert read_html(app.outdir, "tags/migration.html").select("a.blog-post-title")
    assert warnings_of(app) == [
        "posts/unclosed.md:3: WARNING: ABlog's {post} directive has no closing ``` line "
        "[blog.front_matter]"
    ]
    unclosed = page(app, "unclosed")
    assert unclosed.select_one(".blog-date").get_text() == "Dec 1, 2020"


def test_a_shortcode_across_lines_is_read_as_one():
    text = 'Before.\n\n{{< figure\n    src="lake.png"\n    caption="A lake" >}}\n\nAfter.\n'
    out, problems = translate(text)
    assert out.count("\n") == text.count("\n")  # every later line keeps its number
    assert ":::{figure} lake.png" in out and "A lake" in out and "{{<" not in out
    assert problems == []


def test_tags_no_translator_took_are_dropped_with_a_warning():
    out, problems = spans.drop_leftovers("a {{< x >}} b `{{< y >}}`\n{% kept %}\n", {1})
    assert out == "a  b `{{< y >}}`\n{% kept %}\n"  # inline code and raw lines stay
    assert [(p.line, p.message) for p in problems] == [
        (1, "{{< x >}} is not rendered: dropped (write it in Markdown or MyST)")
    ]


def test_a_self_closing_component_leaves_the_words_of_its_attributes():
    out, problems = docusaurus.translate(
        'Led by <Person name="Ada Lovelace" />, charted <Chart data={rows} />.\n\n<Chart />'
    )
    # with no words to leave, its name marks the gap in a sentence, and nothing alone
    assert out == "Led by Ada Lovelace, charted `<Chart />`.\n\n"
    assert [problem.message for problem in problems] == [
        "JSX component <Person> is not rendered: dropped, its words kept: 'Ada Lovelace' "
        "(write it in Markdown or a MyST directive)",
        "JSX component <Chart> is not rendered: dropped, its name kept as `<Chart />` "
        "(write it in Markdown or a MyST directive)",
        f"JSX component <Chart> {JSX}",
    ]


def test_a_bare_name_no_template_knows_is_text_and_front_matter_values_are_printed_as_text():
    text = (
        "---\ntitle: <b onclick=x>Hi</b> *now*\nviews: 3\n---\n"
        "With {{ggraph}}, {{ page.title }}, {{ title }}, {{ views }}; {{ content }} gone.\n"
        "{{< param title >}} {{< meta title >}} {{ $frontmatter.title }}\n"
    )
    out, problems = translate(text)
    body = out.split("---\n", 2)[2].split("\n")
    shown = r"\<b onclick\=x\>Hi\<\/b\> \*now\*"
    assert body[0] == rf"With \{{\{{ggraph\}}\}}, {shown}, {shown}, 3;  gone."
    assert body[1] == f"{shown} {shown} {shown}"
    assert [p.message.split(" is ")[0] for p in problems] == [
        "template output {{ content }} (Liquid, Nunjucks)"
    ]


def test_highlight_js_class_is_plain_code_without_a_warning():
    out, problems = translate("``` hljs\n## Observations: 17\n```\n")
    assert problems == []
    assert out.split("\n")[0] == "```{blog-code} text"
