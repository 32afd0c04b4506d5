"""The site's settings given every documented way give the same site."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.search import js_index

from checkers import served_site
from conftest import read_html


def _files(outdir: Path) -> set[str]:
    return {
        path.relative_to(outdir).as_posix()
        for path in outdir.rglob("*")
        if path.is_file() and ".doctrees" not in path.parts and path.name != ".buildinfo"
    }


@pytest.fixture
def served(request, tmp_path_factory):
    """The site as Read the Docs builds it: its address in READTHEDOCS_CANONICAL_URL."""
    return served_site(request.config, tmp_path_factory)


def test_canonical_url_comes_from_read_the_docs(served):
    page = read_html(served.outdir, "archive.html")
    assert page.select_one('link[rel="canonical"]')["href"] == served.base + "archive.html"


def test_base_url_from_the_command_line_or_read_the_docs_gives_one_site(make_app, site, served):
    from_environment = served
    base = from_environment.base
    given = make_app("html", srcdir=site, confoverrides={"html_baseurl": base})
    given.build()

    files = _files(given.outdir)
    assert {"sitemap.xml", "atom.xml", "rss.xml", "feed.json"} <= files
    assert files == _files(from_environment.outdir)
    _, different, errors = filecmp.cmpfiles(
        given.outdir, from_environment.outdir, sorted(files), shallow=False
    )
    assert (different, errors) == ([], [])
    post = read_html(given.outdir, "posts/2019-06-18-simple-post.html")
    og_url = post.select_one('meta[property="og:url"]')["content"]
    assert og_url == base + "posts/2019-06-18-simple-post.html"
    # a post's description is its summary, not the date and tags its page starts with
    (description,) = post.select('meta[name="description"]')
    assert description["content"].startswith("Біз, Қазақстандықтар")
    assert description["content"] == post.select_one('meta[property="og:description"]')["content"]


def test_a_virtual_environment_under_any_name_is_not_read(make_app, site):
    environment = site / "my-env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(environment)], check=True)
    package = next(environment.glob("lib/python*")) / "site-packages" / "somepackage"
    package.mkdir(parents=True)
    (package / "README.md").write_text("# A package's read-me\n\nNot a page.\n", encoding="utf-8")
    (site / "node_modules" / "x").mkdir(parents=True)
    (site / "node_modules" / "x" / "README.md").write_text("# Not a page\n", encoding="utf-8")
    app = make_app("html", srcdir=site, warningiserror=True)
    app.build()
    written = [path.relative_to(app.outdir).as_posix() for path in app.outdir.rglob("*")]
    assert [name for name in written if "my-env" in name or "node_modules" in name] == []
    indexed = js_index.loads((app.outdir / "searchindex.js").read_text(encoding="utf-8"))
    docnames = indexed["docnames"]
    assert [name for name in docnames if "my-env" in name or "node_modules" in name] == []
