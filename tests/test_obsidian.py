"""Posts moved from an Obsidian vault or a Quartz site: wikilinks, embeds and callouts."""

from __future__ import annotations

import pytest

from conftest import heading, read_html, warnings_of
from sphinxblog.migrate.markup import obsidian
from sphinxblog.migrate.markup.common import Site

LINKS = "posts/2024-02-01-vault-links"
FIRST = "2024-01-01-first-steps.html"


@pytest.fixture(scope="module")
def vault(builds):
    return builds("from-obsidian")


def body_of(app, docname: str):
    return read_html(app.outdir, f"{docname}.html").select_one("div.body")


def test_wikilinks_lead_to_posts_by_name_path_and_title_and_to_headings(vault):
    body = body_of(vault, LINKS)
    links = [(a.get_text(), a["href"]) for a in body.select("p a[href]")]
    assert links[:9] == [
        ("2024-01-01-first-steps", FIRST),
        ("the file", FIRST),
        ("First Steps", FIRST),
        ("the path", FIRST),
        ("2024-01-01-first-steps > Setting up", f"{FIRST}#setting-up"),
        ("the caveats", f"{FIRST}#notes-caveats"),
        ("Further reading", "#further-reading"),
        ("Garden map", "Garden-map.html"),
        ("Garden map", "Garden-map.html"),  # the embedded note, as a link
    ]
    first = read_html(vault.outdir, f"posts/{FIRST}")
    assert heading(first.find(id="setting-up").h2) == "Setting up"
    assert heading(first.find(id="notes-caveats").h2) == "Notes & caveats"
    text = body.get_text(" ")
    assert "Never Written and a lost note." in text
    assert "[[2024-01-01-first-steps]]" in body.select_one("p code").get_text()
    assert "[[2024-01-01-first-steps]] in a code block" in body.select_one("pre").get_text()
    assert "[[" not in text.replace("[[2024-01-01-first-steps]]", "")


def test_image_embeds_are_found_by_name_with_width_and_alt_text(vault):
    body = body_of(vault, LINKS)
    images = [(img["src"], img["alt"], img.get("style")) for img in body.select("img")]
    assert images == [
        ("../_images/diagram.png", "diagram.png", "width: 300px;"),
        ("../_images/diagram.png", "Boxes and arrows", None),
    ]
    assert (vault.outdir / "_images" / "diagram.png").is_file()
    assert "gone: lost.png, a note:" in body.get_text(" ")


def test_callouts_become_admonitions_and_dropdowns(vault):
    body = body_of(vault, "posts/2024-03-01-callouts")
    boxes = [
        (box.name, sorted(set(box["class"]) & KINDS), heading(box.select_one(TITLE)))
        for box in body.select("div.admonition, details")
    ]
    assert boxes == [
        ("div", ["tip"], "Callouts can have custom titles"),
        ("div", ["warning"], "Warning"),
        ("div", ["abstract"], "Summary"),
        ("details", ["question"], "Collapsed by default"),
        ("details", ["example"], "Expanded by default"),
        ("div", ["important"], "Important"),  # a GitHub alert
        ("div", ["question"], "Can callouts be nested?"),
        ("div", ["todo"], "Yes, they can."),
        ("div", ["note"], "Pancakes"),  # a kind Obsidian's theme defines, by its name
        ("div", ["tip"], "Tip"),
    ]
    closed, shown = body.select("details")
    assert not closed.has_attr("open") and shown.has_attr("open")
    outer = body.select_one("div.admonition.question")
    assert "Nested words." in outer.select_one("div.todo").get_text()
    assert "Outer words again." in outer.get_text()
    assert body.select("div.admonition")[-1].select_one("p:not(.admonition-title)").get_text() == (
        "Title-only callout"
    )
    assert body.select_one("div.tip a")["href"] == f"{FIRST}"
    assert "[!" not in body.get_text()


KINDS = {"tip", "warning", "abstract", "question", "example", "important", "todo", "note"}
TITLE = ".admonition-title, summary"


def test_what_cannot_be_shown_is_named(vault):
    source = f"{LINKS}.md"
    assert warnings_of(vault) == [
        f"{source}:13: WARNING: Obsidian embed ![[Garden map]] is shown as a link to the "
        "post: a note's text is not copied in (copy the text, or write a link) [blog.markup]",
        f"{source}:13: WARNING: Obsidian embed ![[lost.png]] names no file of this site: its "
        "text is kept (put the image in the source folder) [blog.markup]",
        f"{source}:9: WARNING: Obsidian wikilink [[Lost note|a lost note]] names no post: its "
        "text is kept (link the post's file, or bring it into the site) [blog.markup]",
        f"{source}:9: WARNING: Obsidian wikilink [[Never Written]] names no post: its text is "
        "kept (link the post's file, or bring it into the site) [blog.markup]",
    ]


def test_highlights_are_marked_and_comments_hidden(vault):
    body = body_of(vault, "posts/Garden-map")
    assert [m.decode_contents() for m in body.select("mark")] == [
        "brightest bed", "<strong>bold</strong> path",
    ]  # fmt: skip
    text = body.get_text(" ", strip=True)
    assert "The brightest bed is by the gate , and a == b stays." in text
    assert "x == y is a comparison" in text
    assert "neighbour" not in text and "note to self" not in text and "%%" not in text


def test_the_vault_builds_as_an_ebook(builds):
    app = builds("from-obsidian", "epub")
    assert [line for line in warnings_of(app) if "Obsidian" not in line] == []
    page = (app.outdir / "posts" / "Garden-map.xhtml").read_text(encoding="utf-8")
    assert "<mark>brightest bed</mark>" in page


def test_highlights_are_plain_text_in_the_pdf(builds):
    app = builds("from-obsidian", "latex")
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert "brightest bed" in tex and "{blog-mark}" not in tex


# --- the translation alone ----------------------------------------------------------------

SITE = Site(
    "posts/b",
    frozenset({"posts/a", "posts/b", "index"}),
    titles={"posts/a": "First Steps"},
    files=frozenset({"posts/img/diagram.png", "files/x.pdf"}),
)


def test_a_post_keeps_its_line_count():
    text = "\n".join([
        "Go [[a]], [[First Steps|there]], [[#Up Here]] and `[[a]]`; [[toc]] stays.",
        "",
        "![[diagram.png|400]]",
        "",
        "",
        "",
        "> [!faq]+ Why?",
        "> Because.",
        "",
        "```",
        "> [!note]",
        "[[a]]",
        "```",
    ])  # fmt: skip
    out, problems = obsidian.translate(text, SITE)
    lines = out.split("\n")
    assert len(lines) == len(text.split("\n"))
    assert lines[0] == (
        "Go [a](project:/posts/a.md), [there](project:/posts/a.md), [Up Here](#up-here) "
        "and `[[a]]`; [[toc]] stays."
    )
    assert lines[2:6] == [
        "```{image} /posts/img/diagram.png", ":alt: diagram.png", ":width: 400px", "```",
    ]  # fmt: skip
    assert lines[6:9] == [":::{blog-dropdown} open question Why?", "Because.", ":::"]
    assert lines[9:] == text.split("\n")[9:]
    assert problems == []


def test_callouts_with_no_blank_line_after_them_hold_their_closing_fence():
    out, _ = obsidian.translate("> [!WARNING]\n> Careful.\nNext.", SITE)
    assert out.split("\n") == [":::{warning}", "Careful.", ":::", "Next."]
    assert (
        obsidian.translate("> [!bug] Title only", SITE)[0]
        == ":::{blog-admonition} bug Bug\nTitle only\n:::"
    )


def test_a_callout_inside_a_quote_stays_in_the_quote():
    text = "> Said:\n> > [!tip]\n> > Words.\n> More."
    out, _ = obsidian.translate(text, SITE)
    assert out.split("\n") == ["> Said:", "> :::{tip}", "> Words.", "> :::", "> More."]


def test_embeds_of_notes_and_other_files_are_links_with_a_problem():
    out, problems = obsidian.translate("![[a]] and ![[x.pdf]] and ![[gone]]", SITE)
    assert out == "[a](project:/posts/a.md) and [x.pdf](/files/x.pdf) and gone"
    assert [p.line for p in problems] == [1, 1, 1]
    assert [p.message.split(" is ")[0].split(" names ")[0] for p in problems] == [
        "Obsidian embed ![[a]]", "Obsidian embed ![[x.pdf]]", "Obsidian embed ![[gone]]",
    ]  # fmt: skip


def test_links_to_paragraphs_go_to_the_post_and_nested_headings_to_the_last():
    out, problems = obsidian.translate("[[a#^blk1]], [[#^blk2|here]], [[a#Part#Sub part]]", SITE)
    assert out == (
        "[a > ^blk1](project:/posts/a.md), here, "
        "[a > Part > Sub part](project:/posts/a.md#sub-part)"
    )
    assert problems == []


@pytest.mark.parametrize(
    "text",
    ["plain text", "a [link](x.md) and [!NOTE] in prose", "> a quote\n> [not a callout]"],
)
def test_text_without_obsidian_markup_is_skipped(text):
    assert not obsidian.may_hold(text)


@pytest.mark.parametrize("text", ["[[a]]", "> [!NOTE]", ">[!faq]- x", "> > [!tip]", "![[x.png]]"])
def test_obsidian_markup_is_seen(text):
    assert obsidian.may_hold(text)
