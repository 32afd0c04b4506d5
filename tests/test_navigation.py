"""The theme's navigation, made once per place in the site: every page still shows
what Sphinx resolves for that page alone."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from sphinx.environment.adapters.toctree import global_toctree_for_doc

from sphinxblog.outputs.navigation import place_of


def _entries(fragment: BeautifulSoup) -> list[tuple[str, bool]]:
    """Each link of a navigation: its address, and whether its item is the current one."""
    return [
        (anchor["href"], "current" in anchor.find_parent("li").get("class", []))
        for anchor in fragment.select("li > a")
    ]


def _shown(app, path) -> list[tuple[str, bool]]:
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    navigation = page.select_one("nav.bd-docs-nav")
    assert navigation is not None, path
    for home in navigation.select("ul.bd-sidenav__home-link"):
        home.decompose()  # the theme's own link home, outside the toctree
    return _entries(navigation)


def _resolved(app, pagename: str) -> list[tuple[str, bool]]:
    """What Sphinx gives this page alone, with the options sphinx-book-theme asks for."""
    toctree = global_toctree_for_doc(
        app.env, pagename, app.builder, tags=app.builder.tags,
        collapse=False, includehidden=True, maxdepth=4, titles_only=True,
    )  # fmt: skip
    return [
        (reference["refuri"] or "#", "current" in reference.parent.parent["classes"])
        for reference in toctree.findall(nodes.reference)
    ]


def _pages(app) -> dict[str, object]:
    """Every page written, by its page name."""
    outdir = app.outdir
    pages = {}
    for path in outdir.rglob("*.html"):
        relative = path.relative_to(outdir).as_posix()
        if relative.startswith(("_static/", "_sources/")):
            continue
        name = relative.removesuffix(".html")
        if app.builder.name == "dirhtml" and name not in app.env.found_docs:
            # dirhtml writes page "a/b" as a/b/index.html, and document "a/index" too
            name = name.removesuffix("/index").removesuffix("index") or "index"
        pages[name] = path
    return pages


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_every_page_shows_the_navigation_sphinx_resolves_for_it(builds, buildername):
    app = builds("navigation", buildername)
    pages = _pages(app)
    # posts in two folders, later pages of listings, pages the toctree names
    assert {"posts/first", "posts/2020/third", "about/team", "tags/index"} <= pages.keys()
    assert any("/page/" in name or name.startswith("page/") for name in pages)
    compared = 0
    for pagename, path in sorted(pages.items()):
        if pagename in {"genindex", "search", "404"}:
            continue
        assert _shown(app, path) == _resolved(app, pagename), pagename
        compared += 1
    assert compared >= 10


def test_pages_in_the_toctree_are_marked_current(builds):
    app = builds("navigation")
    pages = _pages(app)
    current = [href for href, is_current in _shown(app, pages["about/team"]) if is_current]
    assert current == ["index.html", "#"]  # its parent, "About", and itself
    assert not any(is_current for _, is_current in _shown(app, pages["posts/2020/third"]))
    assert ("../../archive.html", False) in _shown(app, pages["posts/2020/third"])
    assert ("../archive.html", False) in _shown(app, pages["posts/first"])


def test_a_page_outside_the_toctrees_shares_its_folders_navigation():
    named = frozenset({"index", "archive", "about/index"})
    assert place_of("posts/a", "posts/a.html", named) == place_of("posts/b", "posts/b.html", named)
    assert place_of("posts/a", "posts/a.html", named) != place_of("a", "a.html", named)
    assert place_of("posts/a", "posts/a.html", named) != place_of(
        "posts/2020/b", "posts/2020/b.html", named
    )
    # in dirhtml a page is a folder of its own
    assert place_of("posts/a", "posts/a/", named) != place_of("posts/b", "posts/b/", named)
    assert place_of("archive", "archive.html", named) == ("page", "archive")
