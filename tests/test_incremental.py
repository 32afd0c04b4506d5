"""Incremental and parallel builds: listings follow the posts, and nothing else is rewritten."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

from conftest import read_html
from sphinxblog.pages import render

ROOT = Path(__file__).parent / "roots" / "test-basic"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    srcdir = tmp_path / "site"
    shutil.copytree(ROOT, srcdir)
    return srcdir


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    # a clearly newer mtime, so the test does not depend on the clock's resolution
    later = path.stat().st_mtime + 10
    os.utime(path, (later, later))


def page_mtimes(outdir: Path) -> dict[str, int]:
    return {
        str(path.relative_to(outdir)): path.stat().st_mtime_ns
        for path in outdir.rglob("*.html")
        if path.parts[-2] not in ("_static",) and path.name not in ("genindex.html", "search.html")
    }


def rebuild(make_app, srcdir: Path, **kwargs):
    app = make_app("html", srcdir=srcdir, **kwargs)
    app.build()
    return app


def edit_and_rebuild(make_app, site: Path, old: str, new: str, post: str = "second"):
    """Build, change *post*, build again: the second app and the pages it rewrote."""
    before = page_mtimes(rebuild(make_app, site).outdir)
    edit(site / "posts" / f"{post}.md", old, new)
    app = rebuild(make_app, site)
    after = page_mtimes(app.outdir)
    return app, {page for page in after if after[page] != before.get(page)}


def test_editing_a_post_body_rewrites_only_that_post(make_app, site):
    app, rewritten = edit_and_rebuild(make_app, site, "A second paragraph", "The second paragraph")
    assert rewritten == {"posts/second.html"}
    assert "The second paragraph" in (app.outdir / "posts" / "second.html").read_text()


def test_editing_a_summary_rewrites_the_listings_that_show_it(make_app, site):
    app, rewritten = edit_and_rebuild(
        make_app, site, "Tags as one string", "Tags as a single string"
    )
    # the tag pages show summaries; the home page and the archive do not
    assert rewritten == {
        "posts/second.html", "tags/python.html", "tags/sphinx.html", "tags/documentation.html",
    }  # fmt: skip
    summary = read_html(app.outdir, "tags/sphinx.html").select_one(".blog-summary")
    assert summary.get_text() == "Tags as a single string, and a YAML date."


def test_a_clean_build_renders_what_each_page_shows_once(make_app, site, monkeypatch):
    # pages are rendered as Sphinx writes them; deciding what to write renders nothing
    renders: Counter[tuple[str, str, int]] = Counter()
    ended = []
    for kind, renderer in list(render.RENDERERS.items()):

        def counted(view, builder, fromdocname, around, renderer=renderer):
            if not ended:  # the feeds' full text renders posts again, at the end
                renders[fromdocname, type(view).__name__, view_page(view)] += 1
            return renderer(view, builder, fromdocname, around)

        monkeypatch.setitem(render.RENDERERS, kind, counted)
    app = make_app("html", srcdir=site)
    app.connect("build-finished", lambda app, exception: ended.append(True), priority=0)
    app.build()
    assert ("tags/python", "TermPostsView", 1) in renders and ("index", "PostsView", 1) in renders
    assert {key: count for key, count in renders.items() if count > 1} == {}


def view_page(view: object) -> int:
    page = getattr(view, "page", None)
    return page.number if page is not None else 1


def test_a_no_op_rebuild_rewrites_nothing(make_app, site):
    app = rebuild(make_app, site)
    before = page_mtimes(app.outdir)
    app = rebuild(make_app, site)
    assert page_mtimes(app.outdir) == before


def test_retagging_a_post_updates_tag_pages_index_and_neighbours(make_app, site):
    app, rewritten = edit_and_rebuild(
        make_app, site, "tags: python, Sphinx ,  documentation", "tags: python, Rust"
    )

    rust = read_html(app.outdir, "tags/rust.html")
    assert [a.get_text() for a in rust.select("ul.blog-postlist a")] == ["Comma tags"]
    assert not (app.outdir / "tags" / "sphinx.html").exists()
    assert not (site / "tags" / "sphinx.md").exists()
    index = read_html(app.outdir, "tags/index.html")
    names = [a.get_text() for a in index.select("ul.blog-tagindex a")]
    assert "Rust" in names and "Sphinx" not in names and "documentation" not in names
    badges = read_html(app.outdir, "posts/second.html").select(".blog-post-tags a")
    assert [b.get_text() for b in badges] == ["Python", "Rust"]

    # the post, its new tag's page and the tag index (and index.html, whose toctree
    # holds the tag index: Sphinx rewrites a toctree's parent with its child); the
    # other listings show the post's title and date only, which did not change
    assert rewritten == {"posts/second.html", "tags/rust.html", "tags/index.html", "index.html"}


def test_adding_and_deleting_posts_updates_every_listing(make_app, site):
    rebuild(make_app, site)
    (site / "posts" / "sixth.md").write_text(
        "---\ntitle: Brand new\ndate: 2023-05-05\ntags: [blog, Zig]\n---\nNew.\n", encoding="utf-8"
    )
    (site / "posts" / "first.md").unlink()
    app = rebuild(make_app, site)

    archive = read_html(app.outdir, "archive.html")
    titles = [a.get_text() for a in archive.select("ul.blog-postlist a")]
    assert titles[0] == "Brand new" and "First steps" not in titles
    blog = read_html(app.outdir, "tags/blog.html")
    assert [a.get_text() for a in blog.select("ul.blog-postlist a")] == [
        "Brand new", "Қазақстан туралы",
    ]  # fmt: skip
    assert (app.outdir / "tags" / "zig.html").exists()
    home = read_html(app.outdir, "index.html")
    assert [a.get_text() for a in home.select("ul.blog-postlist a")][0] == "Brand new"
    # the old neighbour no longer links the deleted post; every page's sidebar shows the new one
    second = read_html(app.outdir, "posts/second.html")
    assert second.select_one(".blog-post-nav .blog-older") is None
    assert (
        read_html(app.outdir, "posts/third.html").select_one(".blog-recent-posts a").get_text()
        == "Brand new"
    )


def test_listings_stay_true_when_builders_take_turns(make_app, site):
    rebuild(make_app, site)
    edit(site / "posts" / "first.md", "title: First steps", "title: Very first steps")
    make_app("text", srcdir=site).build()  # reads the edit into the shared environment
    app = rebuild(make_app, site)
    archive = read_html(app.outdir, "archive.html")
    assert "Very first steps" in [a.get_text() for a in archive.select("ul.blog-postlist a")]


def test_dirhtml_drops_the_pages_of_vanished_tags(make_app, site):
    make_app("dirhtml", srcdir=site).build()
    assert (site / "_build" / "dirhtml" / "tags" / "documentation" / "index.html").exists()
    edit(site / "posts" / "second.md", "tags: python, Sphinx ,  documentation", "tags: python")
    make_app("dirhtml", srcdir=site).build()
    assert not (site / "_build" / "dirhtml" / "tags" / "documentation").exists()
    assert (site / "_build" / "dirhtml" / "tags" / "python" / "index.html").exists()


def _bodies(outdir: Path) -> dict[str, str]:
    return {
        str(path.relative_to(outdir)): str(
            read_html(outdir, str(path.relative_to(outdir))).select_one("div.body")
        )
        for path in sorted(outdir.rglob("*.html"))
        if path.name not in ("genindex.html", "search.html")
    }


def test_a_parallel_build_gives_the_same_pages(make_app, tmp_path, builds):
    parallel_src = tmp_path / "parallel"
    shutil.copytree(ROOT, parallel_src)
    serial = builds("basic")
    parallel = rebuild(make_app, parallel_src, parallel=2)
    assert _bodies(serial.outdir) == _bodies(parallel.outdir)
    assert "tags/python.html" in _bodies(parallel.outdir)


def test_a_parallel_build_writes_the_same_later_pages(make_app, tmp_path):
    # later pages are written by processes of their own with -j, as documents are
    pages = {}
    for jobs in (1, 2):
        srcdir = tmp_path / f"jobs-{jobs}"
        shutil.copytree(ROOT, srcdir)
        app = rebuild(make_app, srcdir, parallel=jobs, confoverrides={"blog_page_size": 1})
        pages[jobs] = _bodies(app.outdir)
    assert "archive/page/5.html" in pages[2] and "tags/python/page/2.html" in pages[2]
    assert pages[1] == pages[2]


def dangling_links(outdir: Path) -> list[str]:
    """Every relative link of every page whose target file is missing."""
    missing = []
    for page in outdir.rglob("*.html"):
        for anchor in read_html(outdir, str(page.relative_to(outdir))).select("a[href]"):
            href = anchor["href"].split("#")[0]
            local = href and "://" not in href and not href.startswith(("mailto:", "/"))
            if local and not (page.parent / href).exists():
                missing.append(f"{page.relative_to(outdir)} -> {href}")
    return missing


def test_a_deleted_post_disappears_everywhere(make_app, site):
    rebuild(make_app, site)
    (site / "posts" / "third.md").unlink()  # the only post tagged C, C++ and C#
    app = rebuild(make_app, site)
    for page in ("posts/third.html", "tags/c.html", "tags/c-plus-plus.html", "tags/c-sharp.html"):
        assert not (app.outdir / page).exists(), page
    assert not (app.outdir / "_sources" / "posts" / "third.md.txt").exists()  # no download
    assert not list((site / "tags").glob("c*.md"))
    everything = "".join(p.read_text(encoding="utf-8") for p in app.outdir.rglob("*.html"))
    assert "third.html" not in everything and "Late evening" not in everything
    assert dangling_links(app.outdir) == []


def test_a_new_date_moves_the_post_and_its_neighbours(make_app, site):
    app, rewritten = edit_and_rebuild(
        make_app, site, "date: 2022-01-01 08:00:00 +0500", "date: 2019-01-01", post="fifth"
    )
    archive = read_html(app.outdir, "archive.html")
    titles = [a.get_text() for a in archive.select("ul.blog-postlist a")]
    assert titles[-2:] == ["First steps", "New year"]
    assert archive.select_one("#year-2019 ul.blog-postlist a").get_text() == "First steps"
    nav = read_html(app.outdir, "posts/first.html").select_one(".blog-post-nav")
    assert nav.select_one(".blog-older a")["href"] == "fifth.html"
    newest = read_html(app.outdir, "posts/fourth.html").select_one(".blog-post-nav")
    assert newest.select_one(".blog-newer") is None
    # the moved post, its old and new neighbours, the listings and, as the
    # recent posts changed, every page's sidebar
    assert {
        "posts/fifth.html",
        "posts/first.html",
        "posts/fourth.html",
        "archive.html",
    } <= rewritten


def test_generated_tag_sources_are_written_only_when_they_change(make_app, site):
    rebuild(make_app, site)
    sources = {path: path.stat().st_mtime_ns for path in (site / "tags").glob("*.md")}
    rebuild(make_app, site)
    edit(site / "posts" / "second.md", "A second paragraph", "The second paragraph")
    rebuild(make_app, site)
    assert {path: path.stat().st_mtime_ns for path in (site / "tags").glob("*.md")} == sources
