"""Quarto posts (``.qmd``): callouts, divs, spans, cells and cross-references as MyST."""

from __future__ import annotations

import pytest

from conftest import post_meta, read_html, warnings_of
from sphinxblog.migrate.markup import quarto
from sphinxblog.migrate.markup.common import Site


@pytest.fixture(scope="module")
def site(builds):
    return builds("from-quarto")


def body_of(app, page: str):
    return read_html(app.outdir, page).select_one("div.body")


def test_qmd_files_are_posts_with_their_front_matter(site):
    assert post_meta(site, "posts/2024-03-01-callouts.html") == (
        "Callouts and columns", "Mar 1, 2024", ["quarto", "writing"],
    )  # fmt: skip
    assert post_meta(site, "posts/cells/index.html") == ("Code cells", "Apr 2, 2024", ["python"])
    page = read_html(site.outdir, "posts/cells/index.html")
    authors = page.select_one(".blog-authors")
    assert "Ann Lee" in authors.get_text() and "Bo Chen" in authors.get_text()
    assert page.select_one(".blog-updated").get_text() == "Updated May 6, 2024"
    summaries = [p.get_text(strip=True) for p in read_html(site.outdir, "index.html").select(
        ".blog-summary")]  # fmt: skip
    assert "Cells are shown, not run." in summaries
    assert "Boxes, margins and spans in a Quarto post." in summaries


def test_callouts_are_admonitions_and_dropdowns(site):
    body = body_of(site, "posts/2024-03-01-callouts.html")
    titles = [
        (sorted(set(box["class"]) - {"admonition"}), box.select_one(".admonition-title").get_text())
        for box in body.select("div.admonition")
    ]
    assert titles == [
        (["note"], "Note"), (["warning"], "Mind the gap"), (["tip"], "Tip with a heading title"),
    ]  # fmt: skip
    dropdowns = body.select("details.sd-dropdown")
    assert [d.select_one("summary").get_text(strip=True) for d in dropdowns] == [
        "Expand to learn more", "Important",
    ]  # fmt: skip
    assert [d.has_attr("open") for d in dropdowns] == [False, True]
    assert "Folded caution text." in dropdowns[0].get_text()
    assert "## " not in body.get_text() and ":::" not in body.get_text()


def test_divs_keep_their_content_and_spans_their_text(site):
    body = body_of(site, "posts/2024-03-01-callouts.html")
    columns = body.select_one("div.columns")
    assert [div["class"][0] for div in columns.select("div")] == ["column", "column-margin"]
    assert "Left column words." in columns.get_text() and "Margin words." in columns.get_text()
    text = body.get_text()
    assert "Write small capitals and red words." in text and "{" not in text
    tabs = body.select_one("div.sd-tab-set")
    assert [label.get_text(strip=True) for label in tabs.select("label")] == ["R", "Python"]
    assert [content.get_text(strip=True) for content in tabs.select(".sd-tab-content")] == [
        "R words.", "Python words.",
    ]  # fmt: skip


def test_cross_references_link_to_the_labelled_item(site):
    body = body_of(site, "posts/2024-03-01-callouts.html")
    links = {a.get_text(): a["href"] for a in body.select("p a.reference")}
    # labels are the site's: each is named by its post
    assert links["Figure 1"] == "#posts-2024-03-01-callouts-fig-boxes"
    assert links["Why boxes"] == "#posts-2024-03-01-callouts-sec-why"
    assert "see also @tbl-missing." in body.get_text()
    body = body_of(site, "posts/cells/index.html")
    links = {a.get_text(): a["href"] for a in body.select("p a.reference")}
    assert links["Figure 1"] == "#posts-cells-index-fig-squares"
    assert links["Figure 2"] == "#posts-cells-index-fig-boxes"
    assert links["Video"] == "https://example.com/talk.mp4"
    assert "in Code cells." in body.get_text()


def test_cells_are_code_blocks_without_their_options(site):
    body = body_of(site, "posts/cells/index.html")
    blocks = body.select("div.highlight pre")
    assert [pre.get_text() for pre in blocks] == [
        "squares = [n * n for n in range(5)]\nprint(squares)\n", "summary(cars)\n",
    ]  # fmt: skip
    assert body.select_one(".literal-block-wrapper .caption-text").get_text() == (
        "Squares of numbers"
    )
    assert "#|" not in body.get_text()
    assert [div["class"][0] for div in body.select("div.highlight-python, div.highlight-r")] == [
        "highlight-python", "highlight-r",
    ]  # fmt: skip


def test_what_is_not_rendered_is_named(site):
    assert warnings_of(site) == [
        "posts/2024-03-01-callouts.qmd:51: WARNING: Quarto cross-reference @tbl-missing names "
        "no label of this post: kept as text (label the item with {#tbl-missing}, or link to "
        "it) [blog.markup]",
        "posts/_unused.qmd:1: WARNING: posts/_unused.qmd is not published: its name starts "
        "with '_', which marks a partial (or Hugo's page of a section), and no post includes "
        "it; include it with {{< include _unused.qmd >}} or rename it to publish it as a post "
        "[blog.source]",
        "posts/cells/index.qmd:17: WARNING: Quarto code cells are not run (1 cell: {python}): "
        "their code is shown without its output (paste the output, or an image of it, into "
        "the post) [blog.markup]",
        "posts/undated.qmd:3: WARNING: date 'last-modified' is Quarto's date of the file's "
        "last change, which the site does not read: write the post's date as YYYY-MM-DD; "
        "the post is listed as undated, after dated posts [blog.date]",
    ]


def test_partials_are_included_translated_and_never_pages(site):
    for page in ("posts/undated.html", "posts/cells/index.html"):
        text = body_of(site, page)
        assert "Shared words from a partial." in text.get_text()
        tip = text.select_one("div.admonition.tip")
        assert tip is not None and "Partialtip words." in tip.get_text()
    assert "After the partial." in body_of(site, "posts/undated.html").get_text()
    # a partial, and Hugo's page of a section, are no posts and no pages
    assert not list(site.outdir.glob("posts/_*"))
    index = read_html(site.outdir, "index.html").get_text()
    assert "Shared words" not in index and "Posts" not in index


# --- the translation alone ----------------------------------------------------------------


def translated(text: str) -> tuple[list[str], list[str]]:
    out, problems = quarto.translate(text)
    assert out.count("\n") == text.count("\n")
    return out.split("\n"), [p.message for p in problems]


def test_a_callout_keeps_its_lines():
    lines, problems = translated(
        '::: {.callout-tip collapse="true"}\n## A title\nText.\n:::\n\n'
        "::: callout-warning\nWatch out.\n:::"
    )
    assert lines == [
        ":::{blog-dropdown} closed tip A title", "", "Text.", ":::", "",
        ":::{warning}", "Watch out.", ":::",
    ]  # fmt: skip
    assert problems == []


def test_nested_divs_get_more_colons_outside():
    lines, _ = translated(
        "::: {.columns}\n::: {.column}\nA.\n:::\n::: {.callout-note}\nB.\n:::\n:::"
    )
    assert lines == [
        "::::{container} columns", ":::{container} column", "A.", ":::", ":::{note}", "B.",
        ":::", "::::",
    ]  # fmt: skip


def test_a_tabset_is_a_tab_set_whose_tabs_close_above_each_heading():
    text, _ = quarto.translate("::: {.panel-tabset}\n## R\nr code\n\n## Python\npy code\n:::")
    # the last line holds two: the last tab's end and the set's
    assert text.split("\n") == [
        "::::{tab-set}", ":::{tab-item} R", "r code", ":::", ":::{tab-item} Python", "py code",
        ":::", "::::",
    ]  # fmt: skip


def test_cell_options_leave_their_lines_blank_before_the_fence():
    lines, problems = translated(
        "```{python}\n#| label: lst-x\n#| lst-cap: Listing\nx = 1  #| kept\n```\n\n@lst-x."
    )
    assert lines == [
        "", "", "```{blog-code} python caption=Listing name=lst-x", "x = 1  #| kept", "```", "",
        "{ref}`Listing 1 <lst-x>`.",
    ]  # fmt: skip
    assert problems == [
        "Quarto code cells are not run (1 cell: {python}): their code is shown without its "
        "output (paste the output, or an image of it, into the post)"
    ]


def test_cells_not_run_in_quarto_are_not_named():
    lines, problems = translated(
        "```{r, echo=FALSE, eval=FALSE}\nplot(x)\n```\n```{{python}}\n1\n```"
    )
    assert lines == ["```r", "plot(x)", "```", "```python", "1", "```"]
    assert problems == []


def test_figures_headings_and_tables_get_targets_numbered_in_order():
    lines, _ = translated(
        "See [-@fig-b], [@fig-a; @fig-b].\n\n![A](a.png){#fig-a}\n\n![B](b.png){#fig-b width=50%}"
        "\n\n| x |\n|---|\n| 1 |\n\n: Ones {#tbl-ones}\n\n## Intro {#sec-intro .unnumbered}\n"
        "@sec-intro and @tbl-ones"
    )
    assert lines == [
        "See {ref}`2 <fig-b>`, {ref}`Figure 1 <fig-a>`; {ref}`Figure 2 <fig-b>`.",
        "(fig-a)=", "![A](a.png)", "(fig-b)=", "![B](b.png)", "(tbl-ones)=", "| x |", "|---|",
        "| 1 |", "", "*Table 1: Ones*", "(sec-intro)=", "## Intro",
        "{ref}`sec-intro` and {ref}`Table 1 <tbl-ones>`",
    ]  # fmt: skip


def test_code_and_other_markup_are_left_alone():
    text = (
        "```python\n[a]{.b} @fig-x\n```\n:::{note}\nMyST.\n:::\nMail me@fig-tree.org, "
        "`[a]{.b}`, [link](x){.external}\n\n## MkDocs {#custom-id}"
    )
    assert quarto.translate(text) == (text, [])
    assert not quarto.may_hold("Plain words, a [link](x) and ```{note}\n```")


def test_labels_are_named_by_their_post():
    out, _ = quarto.translate("![A](a.png){#fig-a}\n\n@fig-a", Site("posts/one"))
    assert out == "(posts/one:fig-a)=\n![A](a.png)\n\n{ref}`Figure 1 <posts/one:fig-a>`"
