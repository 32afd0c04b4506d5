"""The site's settings given every documented way give the same site."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

from conftest import copy_site, read_html

BASE = "https://example.org/blog/"


def _files(outdir: Path) -> set[str]:
    return {
        path.relative_to(outdir).as_posix()
        for path in outdir.rglob("*")
        if path.is_file() and ".doctrees" not in path.parts and path.name != ".buildinfo"
    }


def test_base_url_from_the_command_line_or_read_the_docs_gives_one_site(make_app, site, monkeypatch):
    given = make_app("html", srcdir=site, confoverrides={"html_baseurl": BASE})
    given.build()
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", BASE)
    from_environment = make_app("html", srcdir=copy_site(site.parent / "from-environment"))
    from_environment.build()
    assert from_environment.config.html_baseurl == BASE

    files = _files(given.outdir)
    assert {"sitemap.xml", "atom.xml", "rss.xml", "feed.json"} <= files
    assert files == _files(from_environment.outdir)
    _, different, errors = filecmp.cmpfiles(
        given.outdir, from_environment.outdir, sorted(files), shallow=False
    )
    assert (different, errors) == ([], [])
    post = read_html(given.outdir, "posts/2019-06-18-simple-post.html")
    og_url = post.select_one('meta[property="og:url"]')["content"]
    assert og_url == BASE + "posts/2019-06-18-simple-post.html"
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
    assert not [name for name in app.env.found_docs if "my-env" in name or "node_modules" in name]
    assert not (app.outdir / "my-env").exists()
