"""Notebooks as posts: Jupyter's .ipynb and MyST text notebooks, read by MyST-NB (loaded
only where a site has a notebook), their stored outputs shown in every output, their front
matter read as a Markdown post's, with warnings at the file's own lines."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import feedparser
import pytest

from checkers import chromium, epubcheck_messages, serious_axe_violations, serving, vnu_errors
from conftest import article, post_meta, warnings_of
from sphinxblog.core.frontmatter import read_front_matter
from sphinxblog.core.notebooks import (
    is_text_notebook,
    notebook_for_myst,
    read_notebook_front_matter,
    text_notebook_for_myst,
    text_notebook_head,
)

ROOT = Path(__file__).parent / "roots" / "test-notebooks"
NOTEBOOK = "posts/sine-wave"
WARNINGS = [
    "posts/bad-date.ipynb:10: WARNING: date '2023-13-45' is impossible: month must be in "
    "1..12; the post is listed as undated, after dated posts [blog.date]",
    "posts/broken.ipynb:1: WARNING: post has no date: no header was found at the top of the "
    "file: add one with 'date:'; the post is listed as undated, after dated posts [blog.date]",
    "posts/broken.ipynb:1: WARNING: post has no title; add 'title:' to its front matter or "
    "start it with a '# Heading' (shown as 'broken' meanwhile) [blog.title]",
    "posts/broken.ipynb:4: WARNING: the notebook is not JSON (Expecting property name "
    "enclosed in double quotes); it is published empty [blog.notebook]",
    "posts/sine-wave.ipynb:142: WARNING: a notebook output is a script, which needs code "
    "from another host: left out; its text is shown [blog.notebook]",
    "posts/sine-wave.ipynb:165: WARNING: a notebook output is a widget, which needs code "
    "from another host: left out; its text is shown [blog.notebook]",
]


@pytest.fixture(scope="module")
def site(builds):
    return builds("notebooks")


# --- the front matter, as pure functions --------------------------------------------------


def test_a_notebooks_header_is_its_first_cells_with_the_files_lines():
    text = (ROOT / f"{NOTEBOOK}.ipynb").read_text(encoding="utf-8")
    front_matter = read_notebook_front_matter(text)
    assert front_matter.data["title"] == "Синус толқыны"
    assert front_matter.data["tags"] == ["ғылым", "python"]  # the cell's, not the metadata's
    assert front_matter.data["authors"] == [{"name": "Әсел"}]  # from the metadata
    lines = text.splitlines()
    for key in ("title", "date", "tags", "authors", "description"):
        assert re.search(rf'"{key}\b', lines[front_matter.line_of(key) - 1]), key


def test_what_myst_nb_reads_keeps_the_body_and_drops_the_header_and_jupyters_keys():
    text = (ROOT / f"{NOTEBOOK}.ipynb").read_text(encoding="utf-8")
    notebook = json.loads(notebook_for_myst(text, read_notebook_front_matter(text)))
    first = notebook["cells"][0]["source"]
    assert not first.startswith("---") and first.lstrip().startswith("Бұл жазба")
    assert notebook["metadata"]["title"] == "Синус толқыны"
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    # the line of the cell's first line left (blank), as MyST-NB numbers lines: from the
    # cell's start, one more, and one more again
    blank = notebook["metadata"]["source_map"][0] + 2
    assert text.splitlines()[blank - 1] == '    "\\n",'
    assert "Бұл жазба" in text.splitlines()[blank]


def test_a_file_that_is_no_notebook_is_named_and_published_empty():
    front_matter = read_notebook_front_matter('{"cells": 3}')
    assert [p.subtype for p in front_matter.problems] == ["notebook"]
    assert json.loads(notebook_for_myst("{", front_matter))["cells"] == []


def test_text_notebooks_are_known_by_their_header():
    assert text_notebook_head("---\njupytext:\n  formats: md:myst\n---\n")
    assert text_notebook_head("---\ntitle: x\nkernelspec:\n  name: python3\n---\n")
    assert not text_notebook_head("---\ntitle: jupytext: no\n---\nkernelspec:\n")
    assert is_text_notebook({"file_format": "mystnb"})
    assert not is_text_notebook({"jupytext": {"text_representation": {"format_name": "md"}}})


def test_a_text_notebook_for_myst_nb_keeps_every_line_on_its_number():
    text = (ROOT / "posts/kernel-named.md").read_text(encoding="utf-8")
    written = text_notebook_for_myst(text, read_front_matter(text))
    assert len(written.splitlines()) == len(text.splitlines())
    assert written.splitlines()[8:] == text.splitlines()[8:]
    header = json.loads(written.splitlines()[1])
    assert header["file_format"] == "mystnb"
    assert header["date"] == "2024-04-02"  # text: MyST-NB writes the notebook as JSON
    assert header["kernelspec"]["language"] == "python"


# --- the site -------------------------------------------------------------------------------


def test_notebooks_are_posts_with_their_stored_outputs(site):
    title, date, tags = post_meta(site, f"{NOTEBOOK}.html")
    assert (title, tags) == ("Синус толқыны", ["ғылым", "python"])
    assert "2024" in date
    body = article(site, NOTEBOOK)
    outputs = body.select(".cell_output")
    assert outputs[0].get_text().strip() == "сәлем"  # printed
    pictures = [img for out in outputs for img in out.select("img")]
    assert [Path(img["src"]).suffix for img in pictures] == [".png", ".svg"]
    assert all(img["alt"] == "Output of the code above" for img in pictures)
    assert all((site.outdir / NOTEBOOK).parent.joinpath(img["src"]).is_file() for img in pictures)
    assert body.select_one(".cell_output table.dataframe")  # HTML, as a DataFrame shows itself
    assert body.select_one(".cell_output math[display=block]")  # LaTeX, as MathML
    assert "IntSlider(value=3)" in body.get_text()  # a widget's text
    assert body.select("script") == []
    assert "Бұл жазба" in body.get_text() and "title:" not in body.get_text()


def test_text_notebooks_are_read_by_myst_nb_and_markdown_posts_by_myst(site):
    for post in ("posts/text-notebook", "posts/kernel-named"):
        body = article(site, post)
        assert len(body.select(".cell .cell_input")) == 1, post
        assert body.select_one(".cell_input .highlight-python"), post
    assert article(site, "posts/markdown").select(".cell") == []


def test_every_problem_is_a_warning_at_its_line(site):
    assert warnings_of(site) == WARNINGS


def test_a_site_without_notebooks_does_not_load_myst_nb(builds, site):
    assert "myst_nb" in site.extensions
    assert "myst_nb" not in builds("gfm").extensions


def test_the_pages_are_valid_html(site):
    assert vnu_errors(site.outdir) == []


def test_a_reader_sees_the_outputs_and_axe_finds_nothing_serious(site):
    with serving(site.outdir) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{base}{NOTEBOOK}.html")
        page.wait_for_load_state("networkidle")
        widths = page.evaluate(
            "[...document.querySelectorAll('.cell_output img')].map(i => i.naturalWidth)"
        )
        assert len(widths) == 2 and all(width > 0 for width in widths)  # the pictures load
        page.screenshot(path=str(site.outdir / "notebook.png"), full_page=True)
        assert serious_axe_violations(page) == [] and errors == []


def test_executing_is_asked_for_and_a_failing_notebook_is_named_not_lost(make_app, tmp_path):
    """With ``nb_execution_mode = "cache"`` notebooks run (with a cache beside the
    doctrees); one that fails is a warning naming it, and it is still published."""
    srcdir = tmp_path / "site"
    (srcdir / "posts").mkdir(parents=True)
    for name in ("conf.py", "index.md", "posts/text-notebook.md"):
        (srcdir / name).write_bytes((ROOT / name).read_bytes())
    failing = (ROOT / "posts/text-notebook.md").read_text(encoding="utf-8")
    failing = failing.replace("print(6 * 7)", "print('before')\n1 / 0")
    (srcdir / "posts" / "failing.md").write_text(failing, encoding="utf-8")
    app = make_app("html", srcdir=srcdir, confoverrides={"nb_execution_mode": "cache"})
    app.build()
    assert "42" in article(app, "posts/text-notebook").select_one(".cell_output").get_text()
    failed = article(app, "posts/failing")
    assert "before" in failed.get_text() and "ZeroDivisionError" in failed.get_text()
    assert [line for line in warnings_of(app) if "Executing notebook failed" in line] == [
        "posts/failing.md: WARNING: Executing notebook failed: CellExecutionError "
        "[mystnb.exec] [mystnb.exec]"
    ]
    assert (app.doctreedir / "notebook-cache").is_dir()


def test_the_feed_carries_the_outputs_with_absolute_addresses(site):
    feed = feedparser.parse((site.outdir / "atom.xml").read_text(encoding="utf-8"))
    entry = next(e for e in feed.entries if e.link.endswith(f"{NOTEBOOK}.html"))
    content = entry.content[0].value
    sources = re.findall(r'<img[^>]*src="([^"]+)"', content)
    assert len(sources) == 2
    assert all(src.startswith("https://blog.example.org/_images/") for src in sources)
    assert "сәлем" in content


def test_the_epub_is_valid_and_runs_nothing(builds):
    app = builds("notebooks", "epub")
    epub = next(app.outdir.glob("*.epub"))
    assert epubcheck_messages(epub) == []
    with zipfile.ZipFile(epub) as book:
        page = book.read(f"{NOTEBOOK}.xhtml").decode("utf-8")
    assert "<script" not in page and "<style" not in page
    assert "dataframe" in page and "сәлем" in page


def test_the_pdf_shows_the_plot_and_the_text_outputs(builds):
    app = builds("notebooks", "latex")
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    chapter = tex[tex.index(r"\chapter{Синус толқыны}") :]
    assert re.search(r"\\sphinxincludegraphics\{\{[0-9a-f]+\}\.png\}", chapter)
    assert "сәлем" in chapter and r"\int_0^\pi \sin x" in chapter
