"""Names, paths and folders that must never stop the build nor take another's place."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile
import zlib
from html import unescape
from io import StringIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree
from sphinx.testing.util import SphinxTestApp
from sphinx.util.inventory import InventoryFile
from sphinx.util.matching import Matcher

from checkers import chromium, epubcheck_messages
from conftest import PROJECT, read_html, root_with
from sphinxblog.core.files import name_problems, places_named, safe_docname
from sphinxblog.core.posts import SUMMARY_LENGTH, SUMMARY_WORDS, WRITTEN_SUMMARY_LENGTH, cut_summary
from sphinxblog.core.slugs import WINDOWS_DEVICES
from sphinxblog.outputs.feeds import rss_title
from sphinxblog.outputs.redirects import MARKER
from sphinxblog.outputs.searchindex import inventory_without
from sphinxblog.outputs.sitefiles import SiteOutputs
from sphinxblog.reading.safety import tex_reaching_out
from sphinxblog.reading.sourcelinks import glob_escape

ROOT = Path(__file__).parent / "roots" / "test-hostile-paths"
BASE = "https://blog.example.org/"
ATOM = "{http://www.w3.org/2005/Atom}"


def site_with(tmp_path: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """A copy of the root with *files* (path from the source folder: text) added."""
    return root_with(ROOT, tmp_path / "site", files)


def post(title: str, date: str = "2021-05-05", tags: str = "[python]", extra: str = "") -> str:
    return f"---\ntitle: {title}\ndate: {date}\ntags: {tags}\n{extra}---\n{title}'s text.\n"


def warnings_of(text: str) -> list[str]:
    return [line for line in re.sub(r"\x1b\[[0-9;]*m", "", text).splitlines() if line.strip()]


def blog_warnings(app, subtype: str, *others: str) -> list[str]:
    """Every warning of the build, sorted; each of the blog's *subtype* but the *others*
    (whole lines) expected besides, which are left out."""
    found = sorted(warnings_of(app.warning.getvalue()))
    assert [w for w in found if not w.endswith(f"[blog.{subtype}]")] == sorted(others)
    return [w for w in found if w not in others]


def no_tag_index(srcdir: Path) -> str:
    """Sphinx's warning when the tag index is not written: the root's home page lists it."""
    return (
        f"{srcdir / 'index.md'}:7: WARNING: toctree contains reference to nonexisting document "
        "'tags/index' [toc.not_readable]"
    )


def not_in_toctree(path: Path) -> str:
    return f"{path}: WARNING: document isn't included in any toctree [toc.not_included]"


def sphinx_build(srcdir: Path, outdir: Path) -> list[str]:
    return [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(srcdir), str(outdir)]


def located(path: Path, message: str, subtype: str) -> str:
    return f"{path}: WARNING: {message} [blog.{subtype}]"


# --- pure functions ------------------------------------------------------------------------


def test_outputs_know_files_their_folders_and_sphinxs_folders():
    outputs = SiteOutputs()
    outputs.add("tags/python/page/2.html", "a later page")
    outputs.add("atom.xml", "the feed")
    outputs.add_folder("_static")
    assert outputs.clash("tags/python/page/2.html") == "a later page"
    assert outputs.clash("TAGS/Python/page/2.html") == (
        "a later page (tags/python/page/2.html) on a case-insensitive disk"
    )
    assert outputs.clash("atom.xml/index.html") == "inside atom.xml, the feed, which is a file"
    assert outputs.clash("tags/python/page") == "a folder of the site (tags/python/page)"
    assert outputs.clash("_static/js/x.html") == "inside _static, a folder Sphinx writes"
    assert outputs.clash("tags/python/page/3.html") is None
    assert outputs.clash("old/index.html") is None


@pytest.mark.parametrize("name", ["posts/[draft] *new*?.md", "posts/a]b[c.md", "posts/plain.md"])
def test_an_escaped_path_excludes_that_path_alone(name):
    matches = Matcher([glob_escape(name)])
    assert matches(name)
    assert not matches(name.replace(".md", "x.md"))
    assert not matches("posts/x.md")


# --- aliases onto what the build writes ----------------------------------------------------

HOSTILE_ALIASES = [
    "searchindex.js", "objects.inv", "atom.xml", "rss.xml", "feed.json", "sitemap.xml",
    "tags/python.xml", "genindex.html/x.html", "posts/post-1.html", "posts/post-1/",
    "_static/x.html", "_sources/x.html", "tags/python/page/2.html", "tags/python/page/2/",
    "archive/page/2.html", "archive/page/2/", "Archive.html", "old/", "old/index.html",
    "kept.html", "kept.html/x.html", "search.html",
]  # fmt: skip


def _inside(alias: str, file: str, what: str) -> str:
    return f"alias {alias!r} ({alias}/index.html) is inside {file}, {what}, which is a file"


_BOTH = [
    _inside("searchindex.js", "searchindex.js", "the search index"),
    _inside("objects.inv", "objects.inv", "the inventory Sphinx writes"),
    _inside("atom.xml", "atom.xml", "the site's Atom feed"),
    _inside("rss.xml", "rss.xml", "the site's RSS feed"),
    _inside("feed.json", "feed.json", "the site's JSON feed"),
    _inside("sitemap.xml", "sitemap.xml", "the sitemap"),
    _inside("tags/python.xml", "tags/python.xml", "the feed of the tag 'python'"),
    "alias '_static/x.html' is inside _static, a folder Sphinx writes",
    "alias '_sources/x.html' is inside _sources, a folder Sphinx writes",
    "alias 'old/index.html' is already an alias of posts/aliased",
    (
        "alias 'kept.html/x.html' is inside kept.html, already an alias of posts/aliased, "
        "which is a file"
    ),
]
ALIAS_PROBLEMS = {
    "html": [
        *_BOTH,
        (
            "alias 'genindex.html/x.html' is inside genindex.html, a page Sphinx writes, "
            "which is a file"
        ),
        "alias 'posts/post-1.html' is a page of the site",
        "alias 'search.html' is a page Sphinx writes",
        "alias 'tags/python/page/2.html' is a later page of a listing",
        "alias 'archive/page/2.html' is a later page of a listing",
        "alias 'Archive.html' is a page of the site (archive.html) on a case-insensitive disk",
    ],
    "dirhtml": [
        *_BOTH,
        "alias 'posts/post-1/' (posts/post-1/index.html) is a page of the site",
        "alias 'tags/python/page/2/' (tags/python/page/2/index.html) is a later page of a listing",
        "alias 'archive/page/2/' (archive/page/2/index.html) is a later page of a listing",
    ],
}


def test_page_relative_aliases_are_checked_where_they_resolve(make_app, tmp_path):
    """Hugo's page-relative aliases land beside the post: there too they may not take a
    page, and one that climbs out of the site is refused."""
    extra = "aliases: [post-1.html, ../../../outside, beside/]\n"
    srcdir = site_with(tmp_path, {"posts/aliased.md": post("Aliased", extra=extra)})
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    where = srcdir / "posts" / "aliased.md"
    assert sorted(blog_warnings(app, "alias")) == sorted([
        located(where, "alias 'posts/post-1.html' is a page of the site; no redirect written",
                "alias"),
        f"{where}:5: WARNING: alias '../../../outside' leads out of the site; no redirect is "
        "written for it [blog.alias]",
    ])  # fmt: skip
    assert MARKER in (app.outdir / "posts" / "beside" / "index.html").read_text(encoding="utf-8")
    assert not (tmp_path / "outside").exists()


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_aliases_never_take_what_the_build_writes(make_app, tmp_path, builder):
    # from the site's root: a page-relative alias would be beside the post
    aliases = "".join(f"  - /{alias}\n" for alias in HOSTILE_ALIASES)
    srcdir = site_with(
        tmp_path, {"posts/aliased.md": post("Aliased", extra=f"aliases:\n{aliases}")}
    )
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    app.build()
    where = srcdir / "posts" / "aliased.md"
    expected = [
        located(where, f"{problem}; no redirect written", "alias")
        for problem in ALIAS_PROBLEMS[builder]
    ]
    assert sorted(blog_warnings(app, "alias")) == sorted(expected)
    out = app.outdir
    assert MARKER in (out / "old" / "index.html").read_text(encoding="utf-8")
    assert MARKER in (out / "kept.html").read_text(encoding="utf-8")
    for feed in ("atom.xml", "rss.xml", "tags/python.xml", "sitemap.xml"):
        etree.parse(str(out / feed))  # still the file it was, not a folder
    assert (out / "searchindex.js").is_file() and (out / "objects.inv").is_file()
    later = "tags/python/page/2" + (".html" if builder == "html" else "/index.html")
    assert MARKER not in (out / later).read_text(encoding="utf-8")
    titles = {a.get_text() for a in read_html(out, later).select("a.blog-post-title")}
    assert titles == {"Post 2", "Post 1"}


def test_an_alias_becomes_a_warning_when_its_listing_grows_onto_it(make_app, tmp_path):
    srcdir = site_with(
        tmp_path,
        {
            "posts/aliased.md": post(
                "Aliased", tags="[rust]", extra="aliases: [/tags/rust/page/2.html]\n"
            )
        },
    )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    page = app.outdir / "tags" / "rust" / "page" / "2.html"
    assert MARKER in page.read_text(encoding="utf-8")  # one page of rust: a redirect may be there
    for name in ("rust-1", "rust-2"):
        (srcdir / "posts" / f"{name}.md").write_text(post(name, "2019-01-01", "[rust]"))
    app.cleanup()  # the next app registers its extensions' directives and nodes anew
    again = make_app("html", srcdir=srcdir)
    again.build()
    assert blog_warnings(again, "alias") == [
        located(
            srcdir / "posts" / "aliased.md",
            "alias 'tags/rust/page/2.html' is a later page of a listing; no redirect written",
            "alias",
        )
    ]
    assert MARKER not in page.read_text(encoding="utf-8")  # the listing's own page


#: each kind of file the site writes, with an alias onto it in html and in dirhtml (each
#: spelled as that builder names the file) and what the warning says the file is
GENERATED_FILES = {
    "tag page": ("tags/python.html", "tags/python/", "a page of the site"),
    "tag feed": ("tags/python.xml", "tags/python.xml", "the feed of the tag 'python'"),
    "author page": ("authors/jane-doe.html", "authors/jane-doe/", "a page of the site"),
    "author feed": (
        "authors/jane-doe.xml", "authors/jane-doe.xml", "the feed of the author 'Jane Doe'"
    ),
    "later page": ("page/2.html", "page/2/", "a later page of a listing"),
    "Atom feed": ("atom.xml", "atom.xml", "the site's Atom feed"),
    "RSS feed": ("rss.xml", "rss.xml", "the site's RSS feed"),
    "JSON feed": ("feed.json", "feed.json", "the site's JSON feed"),
    "sitemap": ("sitemap.xml", "sitemap.xml", "the sitemap"),
    "tag index": ("tags/index.html", "tags/", "a page of the site"),
    "authors index": ("authors/index.html", "authors/", "a page of the site"),
    "general index": ("genindex.html", "genindex/", "a page Sphinx writes"),
    "search page": ("search.html", "search/", "a page Sphinx writes"),
}  # fmt: skip
#: a long listing on the home page (its page 2 is ``page/2``), and the authors index reachable
HOME_WITH_ARCHIVE = (
    "# Home\n\n```{archive}\n```\n\n```{toctree}\narchive\ntags/index\nauthors/index\n```\n"
)


@pytest.fixture(scope="module", params=["html", "dirhtml"])
def aliased_onto_everything(request, tmp_path_factory):
    """One build of a site whose post has an alias onto each of :data:`GENERATED_FILES`."""
    builder = request.param
    column = 0 if builder == "html" else 1
    aliases = "".join(f"  - /{files[column]}\n" for files in GENERATED_FILES.values())
    extra = f"author: Jane Doe\naliases:\n{aliases}"
    files = {"index.md": HOME_WITH_ARCHIVE, "posts/aliased.md": post("Aliased", extra=extra)}
    srcdir = root_with(ROOT, tmp_path_factory.mktemp(f"aliased-{builder}") / "site", files)
    app = SphinxTestApp(builder, srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return app, column


@pytest.mark.parametrize("kind", GENERATED_FILES)
def test_an_alias_onto_a_generated_file_warns_where_it_is_written(aliased_onto_everything, kind):
    app, column = aliased_onto_everything
    alias, what = GENERATED_FILES[kind][column], GENERATED_FILES[kind][2]
    file = alias if alias.endswith(".html") else f"{alias.rstrip('/')}/index.html"
    if alias.endswith((".xml", ".json")):
        problem = f"alias {alias!r} ({file}) is inside {alias}, {what}, which is a file"
    elif file != alias:
        problem = f"alias {alias!r} ({file}) is {what}"
    else:
        problem = f"alias {alias!r} is {what}"
    where = app.srcdir / "posts" / "aliased.md"
    warning = located(where, f"{problem}; no redirect written", "alias")
    assert warnings_of(app.warning.getvalue()).count(warning) == 1
    written = app.outdir / (alias if alias.endswith((".xml", ".json")) else file)
    assert written.is_file()  # still the site's file, not a folder of redirects
    assert MARKER not in written.read_text(encoding="utf-8")


def test_aliases_onto_generated_files_write_no_redirect_and_stop_nothing(aliased_onto_everything):
    app, _column = aliased_onto_everything
    warnings = warnings_of(app.warning.getvalue())
    assert len([w for w in warnings if w.endswith("[blog.alias]")]) == len(GENERATED_FILES)
    assert "Traceback" not in app.warning.getvalue()
    assert not [path for path in app.outdir.rglob("*.html") if MARKER in path.read_text("utf-8")]


# --- the generated tags folder -------------------------------------------------------------


def test_a_file_named_like_the_tag_folder_leaves_the_site_without_tag_pages(make_app, tmp_path):
    srcdir = site_with(tmp_path, {"tags": "not a folder\n"})
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert blog_warnings(app, "tag_page", no_tag_index(srcdir)) == [
        located(
            srcdir / "tags",
            "the tag folder tags is not a folder; tag pages are not written or updated",
            "tag_page",
        )
    ]
    assert (srcdir / "tags").read_text(encoding="utf-8") == "not a folder\n"
    post_page = read_html(app.outdir, "posts/post-1.html")
    assert post_page.select_one("h1").get_text(strip=True).startswith("Post 1")
    assert [a.get_text() for a in read_html(app.outdir, "archive.html").select(
        "a.blog-post-title"
    )] == ["Post 3", "Post 2"]  # fmt: skip


def test_files_the_blog_did_not_write_are_left_alone_whatever_they_hold(make_app, tmp_path):
    latin1 = "# Café, hand-written in Latin-1\n".encode("latin-1") + b"\xff\xfe\n"
    srcdir = site_with(
        tmp_path,
        {"tags/mine.md": latin1, "posts/rusty.md": post("Rusty", tags="[rust, python]")},
    )
    (srcdir / "tags" / "python.md").mkdir()  # a folder where the tag page of python goes
    (srcdir / "tags" / "x.md").mkdir()  # and one named like a page, of no tag
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    mine = srcdir / "tags" / "mine.md"  # the site's own page, in Latin-1, which nothing lists
    encoding = (
        f"{mine}:1: WARNING: file is not UTF-8: byte 0xE9 on this line cannot be decoded; "
        "undecodable bytes are read as U+FFFD (save the file as UTF-8) [blog.encoding]"
    )
    assert blog_warnings(app, "tag_page", not_in_toctree(mine), encoding) == [
        located(
            srcdir / "tags" / "python.md",
            "tags/python.md was not generated by the blog; not overwriting it with the tag page",
            "tag_page",
        )
    ]
    assert (srcdir / "tags" / "mine.md").read_bytes() == latin1
    assert (srcdir / "tags" / "python.md").is_dir() and (srcdir / "tags" / "x.md").is_dir()
    rust = read_html(app.outdir, "tags/rust.html")
    assert [a.get_text() for a in rust.select("a.blog-post-title")] == ["Rusty"]


def test_a_renamed_tag_folder_leaves_no_old_tag_pages(make_app, tmp_path):
    """After ``blog_tags_folder`` changes, the blog's pages in the old folder go (sources
    and output, and so the sitemap); a page of the site's own there stays."""
    srcdir = site_with(tmp_path, {"tags/mine.md": "# Mine\n", "posts/rusty.md": post("Rusty")})
    make_app("html", srcdir=srcdir, freshenv=True).build()
    assert (srcdir / "tags" / "python.md").is_file()
    app = make_app("html", srcdir=srcdir, confoverrides={"blog_tags_folder": "topics"})
    app.build()
    assert "[blog.tag_page]" not in app.warning.getvalue()
    assert sorted(path.name for path in (srcdir / "tags").iterdir()) == ["mine.md"]
    assert sorted(path.name for path in (app.outdir / "tags").iterdir()) == ["mine.html"]
    assert [a.get_text() for a in read_html(app.outdir, "topics/python.html").select(
        "a.blog-post-title"
    )] == ["Rusty", "Post 3"]  # fmt: skip
    sitemap = (app.outdir / "sitemap.xml").read_text(encoding="utf-8")
    assert "/topics/python.html" in sitemap
    assert re.findall(r"/tags/[^<]*", sitemap) == ["/tags/mine.html"]


def _others_can_write_in(path: Path) -> None:
    path.mkdir()
    path.chmod(0o777)  # another user could hold every build back


@pytest.mark.parametrize(
    "in_the_way", [lambda path: path.write_text("a file, not a folder"), _others_can_write_in]
)
def test_a_build_goes_on_without_the_lock_where_it_cannot_be_taken(
    make_app, tmp_path, monkeypatch, in_the_way
):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    in_the_way(tmp_path / f"sphinxblog-locks-{os.getuid()}")
    app = make_app("html", srcdir=site_with(tmp_path), freshenv=True)
    app.build()
    assert "cannot take the lock of the builds of" in app.status.getvalue()
    assert app.warning.getvalue() == ""
    assert (app.outdir / "tags" / "python.html").is_file()


def test_a_tag_folder_linking_out_of_the_source_is_not_written_to(make_app, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    srcdir = site_with(tmp_path)
    (srcdir / "tags").symlink_to(elsewhere)
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert blog_warnings(app, "tag_page", no_tag_index(srcdir)) == [
        located(
            srcdir / "tags",
            "the tag folder tags leads outside the source folder; tag pages are not written or "
            "updated",
            "tag_page",
        )
    ]
    assert list(elsewhere.iterdir()) == []


def _without_override() -> list[str] | None:
    """A command prefix under which the file system's permissions hold, or None."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    # root writes anywhere through CAP_DAC_OVERRIDE; without it a read-only folder is one
    prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, check=False)
    return prefix if probe.returncode == 0 else None


def test_a_read_only_tag_folder_is_one_warning(tmp_path):
    prefix = _without_override()
    if prefix is None:
        pytest.skip("root without setpriv (to drop CAP_DAC_OVERRIDE): chmod does not bind root")
    srcdir = site_with(tmp_path)
    (srcdir / "tags").mkdir()
    (srcdir / "tags").chmod(0o555)
    environment = {**os.environ, "PYTHONPATH": str(PROJECT / "_ext")}
    command = sphinx_build(srcdir, tmp_path / "out")
    try:
        result = subprocess.run(
            [*prefix, *command], capture_output=True, text=True, env=environment, timeout=60,
            check=False,
        )  # fmt: skip
    finally:
        (srcdir / "tags").chmod(0o755)
    assert result.returncode == 0, result.stderr
    assert sorted(warnings_of(result.stderr)) == [
        no_tag_index(srcdir),
        located(
            srcdir / "tags",
            "the tag folder tags cannot be written (Permission denied); tag pages are not "
            "written or updated",
            "tag_page",
        ),
    ]
    assert "Traceback" not in result.stderr
    assert (tmp_path / "out" / "posts" / "post-1.html").exists()


# --- slugs ---------------------------------------------------------------------------------


def test_every_tag_badge_leads_to_a_page_listing_its_post(make_app, tmp_path):
    tags = {
        "plusplus": '["C++"]',
        "plusplus-too": '["c++"]',
        "words": '["c plus plus"]',
        "spelled": '["c-plus-plus-372946"]',
        "device": '["CON", "nul", "Lpt1", "aux.txt"]',
    }
    srcdir = site_with(
        tmp_path, {f"posts/{name}.md": post(name, tags=value) for name, value in tags.items()}
    )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    pages: dict[str, set[str]] = {}
    for name, value in tags.items():
        badges = read_html(app.outdir, f"posts/{name}.html").select(".blog-post-tags a")
        assert len(badges) == len(re.findall(r'"[^"]+"', value))
        for badge in badges:
            page = (app.outdir / "posts" / badge["href"]).resolve()
            listed = {a.get_text() for a in read_html(page.parent, page.name).select(
                "a.blog-post-title"
            )}  # fmt: skip
            assert name in listed, (badge.get_text(), page.name)
            pages.setdefault(page.name, set()).update(listed)
    assert pages["c-plus-plus-372946.html"] == {"plusplus", "plusplus-too"}
    assert pages["c-plus-plus.html"] == {"words"}
    for source in (srcdir / "tags").iterdir():
        assert source.name.split(".")[0] not in WINDOWS_DEVICES, source.name


# --- feeds ---------------------------------------------------------------------------------

#: characters a URI holds as they are (RFC 3986), and escapes
URI = re.compile(r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=]|%[0-9A-Fa-f]{2})+")


def feed_uris(outdir: Path) -> list[str]:
    """Every id, link and URL of every feed the build wrote."""
    found = []
    for path in [outdir / "atom.xml", *(outdir / "tags").glob("*.xml")]:
        feed = etree.parse(str(path))
        found += [element.text for element in feed.iter(f"{ATOM}id")]
        found += [element.get("href") for element in feed.iter(f"{ATOM}link")]
        found += [element.get("scheme") for element in feed.iter(f"{ATOM}category")]
    rss = etree.parse(str(outdir / "rss.xml"))
    found += [element.text for element in rss.iter("link", "guid")]
    json_feed = json.loads((outdir / "feed.json").read_text(encoding="utf-8"))
    found += [json_feed["home_page_url"], json_feed["feed_url"]]
    found += [item[key] for item in json_feed["items"] for key in ("id", "url")]
    return found


#: a name the build takes (see test_names_that_break_links_or_the_epub_are_left_out)
HOSTILE_NAME = "a-(quoted)-name-қазақ-100+!"


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_feed_addresses_are_valid_uris_of_the_pages(make_app, tmp_path, builder):
    srcdir = site_with(
        tmp_path,
        {
            f"posts/{HOSTILE_NAME}.md": post("Hostile", tags='[python, "Қазақ тілі"]'),
            "posts/year-one.md": post("Year one", date="0001-01-01"),
            "posts/ancient.md": post("Ancient", date="0999-06-15"),
        },
    )
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    app.build()
    uris = feed_uris(app.outdir)
    assert len(uris) > 20
    for uri in uris:
        assert URI.fullmatch(uri), uri
        parts = urlsplit(uri)
        assert (parts.scheme, parts.netloc) == ("https", "blog.example.org"), uri
    pages = {unquote(uri).removeprefix(BASE) for uri in uris if "/posts/" in uri}
    name = f"posts/{HOSTILE_NAME}" + (".html" if builder == "html" else "/")
    assert name in pages
    for page in pages:
        assert (app.outdir / page).is_file() or (app.outdir / page / "index.html").is_file()
    feed_text = (app.outdir / "atom.xml").read_text(encoding="utf-8")
    assert "Қазақ тілі" in feed_text  # the text stays UTF-8; only addresses are encoded


def test_feed_readers_read_every_date_of_old_posts(make_app, tmp_path):
    srcdir = site_with(
        tmp_path,
        {
            "posts/year-one.md": post("Year one", date="0001-01-01", tags="[history]"),
            "posts/ancient.md": post("Ancient", date="0999-06-15", tags="[history]"),
        },
    )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    rss_text = (app.outdir / "rss.xml").read_text(encoding="utf-8")
    assert "<pubDate>Mon, 01 Jan 0001 12:00:00 +0000</pubDate>" in rss_text
    for name in ("rss.xml", "atom.xml", "tags/history.xml"):
        feed = feedparser.parse((app.outdir / name).read_bytes())
        assert not feed.bozo, (name, feed.bozo_exception)
        years = {
            entry.title: (entry.get("published_parsed") or entry.updated_parsed).tm_year
            for entry in feed.entries
        }
        assert years.get("Year one") == 1 and years.get("Ancient") == 999, (name, years)
    history = feedparser.parse((app.outdir / "tags" / "history.xml").read_bytes())
    assert history.feed.updated_parsed.tm_year == 999


def test_a_post_with_thousands_of_tags_builds_with_feeds_in_seconds(tmp_path):
    tags = ", ".join(f"tag-{number}" for number in range(3000))
    srcdir = site_with(tmp_path, {"posts/many.md": post("Many", tags=f"[python, {tags}]")})
    environment = {**os.environ, "PYTHONPATH": str(PROJECT / "_ext")}
    command = sphinx_build(srcdir, tmp_path / "out")
    start = time.monotonic()
    result = subprocess.run(
        command, capture_output=True, text=True, env=environment, timeout=90, check=False
    )
    elapsed = time.monotonic() - start
    assert result.returncode == 0, result.stderr
    assert elapsed < 45, elapsed
    feeds = list((tmp_path / "out" / "tags").glob("*.xml"))
    assert len(feeds) > 1
    for path in feeds:  # a tag feed's entries carry that tag alone
        for entry in etree.parse(str(path)).iter(f"{ATOM}entry"):
            assert len(entry.findall(f"{ATOM}category")) == 1, path.name


# --- symbolic links ------------------------------------------------------------------------


def test_posts_behind_links_out_of_the_source_or_in_loops_are_left_out(make_app, tmp_path):
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.md").write_text(post("Secret"), encoding="utf-8")
    (outside / "folder" / "inner.md").write_text(post("Inner"), encoding="utf-8")
    srcdir = site_with(tmp_path)
    posts = srcdir / "posts"
    (posts / "secret.md").symlink_to(outside / "secret.md")
    (posts / "folder").symlink_to(outside / "folder")
    (posts / "again").symlink_to(".")
    (posts / "up").symlink_to("..")
    (srcdir / "shortcut").symlink_to("posts")  # within the source: followed, as Sphinx does
    app = make_app("html", srcdir=srcdir, freshenv=True, confoverrides={"blog_page_size": 0})
    app.build()
    why = "what is behind it is left out"
    # the posts again under a link within the source, as Sphinx reads them
    shortcuts = [not_in_toctree(srcdir / "shortcut" / f"post-{n}.md") for n in (1, 2, 3)]
    assert blog_warnings(app, "symlink", *shortcuts) == sorted([
        located(posts / "again", f"symbolic link posts/again loops; {why}", "symlink"),
        located(posts / "up", f"symbolic link posts/up loops; {why}", "symlink"),
        located(
            posts / "folder",
            f"symbolic link posts/folder leads to {outside / 'folder'}, outside the source "
            f"folder; {why}",
            "symlink",
        ),
        located(
            posts / "secret.md",
            f"symbolic link posts/secret.md leads to {outside / 'secret.md'}, outside the "
            f"source folder; {why}",
            "symlink",
        ),
    ])  # fmt: skip
    listed = [a.get_text() for a in read_html(app.outdir, "tags/python.html").select(
        "a.blog-post-title"
    )]  # fmt: skip
    assert listed == ["Post 3", "Post 2", "Post 1"]  # each post once, and no secret
    written = {path.relative_to(app.outdir).as_posix() for path in app.outdir.rglob("*.html")}
    assert not any("secret" in name or "inner" in name or "again" in name for name in written)


# --- raw HTML in the ePub ------------------------------------------------------------------

#: what the root lacks for EPUBCheck (an empty version and rights are errors there)
EPUB = {"version": "1", "copyright": "2021, Blog Author"}


def epub_pages(outdir: Path) -> dict[str, bytes]:
    """Every XHTML page inside the built ``.epub``, by its name there."""
    (epub,) = outdir.glob("*.epub")
    with zipfile.ZipFile(epub) as book:
        return {name: book.read(name) for name in book.namelist() if name.endswith(".xhtml")}


def epub_problems(outdir: Path) -> list[str]:
    """EPUBCheck's fatal errors and errors on the built ``.epub``."""
    (epub,) = outdir.glob("*.epub")
    return [m for m in epubcheck_messages(epub) if m.startswith(("FATAL", "ERROR"))]


RAW_INLINE = """---
title: Raw
date: 2021-05-05
tags: [python]
---
Before <b><i>x</b></i> after.

An icon <svg><circle r="2"/></svg> here, and <svg viewBox="0 0 2 2"><path d="M0 0"/></svg> too.

*Inside <b>bold* out</b> done.

## Head </script> end

A <br> break and <img src="https://example.org/a.png" alt="a pic"> inline.

Code <script>alert(1)</script> runs <b onclick="alert(2)">not</b> here.

<script>
alert(3)
</script>
<style>p { color: red }</style>
"""


def test_inline_raw_html_is_well_formed_xhtml_in_the_epub(make_app, tmp_path):
    srcdir = site_with(tmp_path, {"posts/raw.md": RAW_INLINE})
    app = make_app("epub", srcdir=srcdir, freshenv=True, confoverrides=EPUB)
    app.build()
    pages = epub_pages(app.outdir)
    for data in pages.values():
        etree.fromstring(data)  # well-formed XML, or this raises naming the line
    page = pages["posts/raw.xhtml"].decode("utf-8")
    assert "<b><i>x</i></b>" in page
    assert '<svg xmlns="http://www.w3.org/2000/svg"><circle r="2"/></svg>' in page
    assert 'viewBox="0 0 2 2"' in page  # well-formed SVG is kept as written
    assert "alert" not in page and "<style" not in page and "onclick" not in page
    raw = srcdir / "posts" / "raw.md"
    left_out = (
        "is left out of the ePub, which takes no scripts, styles or event attributes in its text"
    )
    assert blog_warnings(app, "html") == [
        located(f"{raw}:16", f"raw HTML <script> {left_out}", "html"),
        located(f"{raw}:16", f"raw HTML onclick {left_out}", "html"),
        located(f"{raw}:18", f"raw HTML <script> {left_out}", "html"),
        located(f"{raw}:21", f"raw HTML <style> {left_out}", "html"),
    ]
    text = " ".join(etree.fromstring(pages["posts/raw.xhtml"]).itertext())
    for words in ("Before", "x", "after.", "An icon", "here", "bold", "out", "Head", "end",
                  "Code", "runs", "not", "here."):  # fmt: skip
        assert words in text, words
    assert epub_problems(app.outdir) == []


# --- file names that break links, the ePub or the build ------------------------------------


def broken_links(outdir: Path, suffix: str) -> list[str]:
    """Every relative link of every page under *outdir* to a file that is not there."""
    broken = []
    for page in sorted(outdir.rglob(f"*{suffix}")):
        if "_static" in page.relative_to(outdir).parts:
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.select("a[href], link[href], img[src], script[src]"):
            parts = urlsplit(element.get("href") or element.get("src"))
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = Path(os.path.normpath(page.parent / unquote(parts.path)))
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{page.relative_to(outdir)}: {element}")
    return broken


#: names that would break links or the ePub, and the documents they are published as
UNSAFE_NAMES = {
    "posts/a b#c.md": "posts/a-b-c",
    "posts/what?.md": "posts/what",
    "posts/100%.md": "posts/100",
    "posts/x;y.md": "posts/x-y",
    "posts/a:b.md": "posts/a-b",
    "posts/tom & jerry's.md": "posts/tom-jerry-s",
    "posts/dir x/inner.md": "posts/dir-x/inner",
    'posts/"Quoted title", as Hexo names posts.md': "posts/Quoted-title-,-as-Hexo-names-posts",
}
SAFE_NAMES = ["posts/қазақ-(1)+!.md", "posts/plain.md"]


def test_unsafe_names_are_published_under_safe_ones():
    assert {name: safe_docname(name.removesuffix(".md")) for name in UNSAFE_NAMES} == UNSAFE_NAMES
    assert [safe_docname(name.removesuffix(".md")) for name in SAFE_NAMES] == [
        name.removesuffix(".md") for name in SAFE_NAMES
    ]
    assert safe_docname("posts/#?") == "posts/renamed"
    assert name_problems([*UNSAFE_NAMES, *SAFE_NAMES]) == []


def test_a_name_made_safe_gives_way_to_the_file_that_has_it():
    problems = name_problems(["posts/a b.md", "posts/a-b.md"])
    assert [(p.path, p.message, p.left_out) for p in problems] == [(
        "posts/a b.md",
        "file name 'posts/a b.md' is published as 'posts/a-b', as 'posts/a-b.md' is; it is "
        "left out: rename one of them",
        True,
    )]  # fmt: skip


@pytest.mark.parametrize("builder", ["html", "dirhtml", "epub"])
def test_names_that_would_break_links_or_the_epub_are_published_safely(make_app, tmp_path, builder):
    names = [*UNSAFE_NAMES, *SAFE_NAMES]
    srcdir = site_with(tmp_path, {name: post(f"Post {n}") for n, name in enumerate(names)})
    app = make_app(builder, srcdir=srcdir, freshenv=True, confoverrides=EPUB)
    app.build()
    assert blog_warnings(app, "source") == []
    suffix = ".xhtml" if builder == "epub" else ".html"
    pages = {page.relative_to(app.outdir).as_posix() for page in app.outdir.rglob(f"*{suffix}")}
    written = {
        "html": "{}.html", "dirhtml": "{}/index.html", "epub": "{}.xhtml"
    }[builder]  # fmt: skip
    safe = [*UNSAFE_NAMES.values(), *(name.removesuffix(".md") for name in SAFE_NAMES)]
    assert {written.format(name) for name in safe} <= pages
    assert not any(" " in page or "#" in page or "?" in page for page in pages)
    assert broken_links(app.outdir, suffix) == []
    if builder == "epub":
        assert epub_problems(app.outdir) == []


CAFE, NAIVE = "posts/café.md", "posts/naïve.md"
LONG = "posts/" + "x" * 251 + ".md"  # 254 bytes: its page's name would pass 255


def test_names_lost_on_some_disks_or_too_long_are_named_and_the_rest_builds(make_app, tmp_path):
    nfd = {name: unicodedata.normalize("NFD", name) for name in (CAFE, NAIVE)}
    files = {
        "posts/new\nline.md": post("Newline"),
        "posts/Hello.md": post("Hello upper"),
        "posts/hello.md": post("Hello lower"),
        CAFE: post("Cafe composed"),
        nfd[CAFE]: post("Cafe decomposed"),
        nfd[NAIVE]: post("Naive decomposed"),
        LONG: post("Long"),
    }
    srcdir = site_with(tmp_path, files)
    app = make_app("html", srcdir=srcdir, freshenv=True, confoverrides={"blog_page_size": 0})
    app.build()
    found = warnings_of(app.warning.getvalue())
    # Sphinx reads the composed one of the twins, and says so itself (on two lines)
    assert [w for w in found if "[blog." not in w] == [
        f'WARNING: multiple files found for the document "posts/café": {CAFE}',
        f"Use _StrPath({str(srcdir / CAFE)!r}) for the build.",
    ]
    assert sorted(w for w in found if "[blog." in w) == sorted([
        located(
            srcdir / "posts/hello.md",
            "file name 'posts/hello.md' differs from 'posts/Hello.md' in case alone, and they "
            "are one file on a case-insensitive disk; it is left out: rename it",
            "source",
        ),
        located(
            srcdir / nfd[CAFE],
            f"file name {nfd[CAFE]!r} is that of another file, written in decomposed Unicode "
            "(NFD); Sphinx reads the composed one alone: merge them, or rename or remove this "
            "one",
            "source",
        ),
        located(
            srcdir / nfd[NAIVE],
            f"file name {nfd[NAIVE]!r} is written in decomposed Unicode (NFD), which Sphinx "
            "cannot read; it is left out: rename it to its composed form (NFC)",
            "source",
        ),
        located(
            srcdir / LONG,
            f"file name 'posts/{'x' * 16}...{'x' * 20}.md' has a name of 254 bytes, too long "
            "for the files the build makes of it; it is left out: shorten it to 240 bytes at most",
            "source",
        ),
    ])  # fmt: skip
    titles = [a.get_text() for a in read_html(app.outdir, "archive.html").select(
        "a.blog-post-title"
    )]  # fmt: skip
    assert sorted(titles) == ["Cafe composed", "Hello upper", "Post 1", "Post 2", "Post 3"]


# --- files outside the source folder, and includes without end -----------------------------

REACHING_OUT = """---
title: Reaching out
date: 2021-05-05
---
```{include} ../../secret.txt
```

```{literalinclude} ../../secret.txt
```

![a secret picture](../../secret.png) and {download}`a secret file <//etc/hostname>`.

[Another secret file](../../secret.txt)

```{figure} ../../secret.png
The caption stays.
```

```{include} ../snippets/kept.txt
```

{{< figure src="../../secret.png" alt="a Hugo figure" >}} and {% img ../../secret.png %}

```{csv-table}
:file: ../../secret.txt
```

```{raw} html
:url: file://SECRET
```
"""
INCLUDES_ITSELF = """---
title: Includes itself
date: 2021-05-05
---
Before.

```{include} loop.md
```

```{include} ../snippets/first.txt
```

After.
"""


def test_posts_publish_no_file_outside_the_source_and_include_nothing_in_itself(make_app, tmp_path):
    (tmp_path / "secret.txt").write_text("TOP SECRET\n", encoding="utf-8")
    (tmp_path / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    srcdir = site_with(tmp_path, {
        "posts/out.md": REACHING_OUT.replace("SECRET", str(tmp_path / "secret.txt")),
        "snippets/kept.txt": "Kept text from inside.\n",
        "posts/loop.md": INCLUDES_ITSELF,
        # MyST reads an include's path from the post's folder, wherever it is written
        "snippets/first.txt": "First.\n\n```{include} ../snippets/second.txt\n```\n",
        "snippets/second.txt": "Second.\n\n```{include} ../snippets/first.txt\n```\n",
        "page.md": "# A page, not a post\n\n```{include} page.md\n```\n",
    })  # fmt: skip
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    out, loop = srcdir / "posts" / "out.md", srcdir / "posts" / "loop.md"
    outside = "is outside the source folder; it is left out"
    page = srcdir / "page.md"
    assert blog_warnings(app, "include") == sorted([
        located(
            f"{page}:3", "{include} of 'page.md' includes itself (page.md > page.md); it is "
            "left out", "include",
        ),
        located(f"{out}:5", f"{{include}} of '../../secret.txt' {outside}", "include"),
        located(f"{out}:8", f"{{literalinclude}} of '../../secret.txt' {outside}", "include"),
        located(f"{out}:11", f"image '../../secret.png' {outside}", "include"),
        located(f"{out}:11", f"download '//etc/hostname' {outside}", "include"),
        located(f"{out}:13", f"download '../../secret.txt' {outside}", "include"),
        located(f"{out}:15", f"image '../../secret.png' {outside}", "include"),
        located(f"{out}:22", f"image '../../secret.png' {outside}", "include"),
        located(f"{out}:22", f"image '../../secret.png' {outside}", "include"),
        located(f"{out}:24", f"{{csv-table}} of '../../secret.txt' {outside}", "include"),
        located(
            f"{out}:28", f"{{raw}} of 'file://{tmp_path / 'secret.txt'}' {outside}", "include"
        ),
        located(
            f"{loop}:7",
            "{include} of 'loop.md' includes itself (posts/loop.md > posts/loop.md); it is "
            "left out",
            "include",
        ),
        located(
            f"{loop}:10",
            "{include} of '../snippets/first.txt' includes itself (snippets/first.txt > "
            "snippets/second.txt > snippets/first.txt); it is left out",
            "include",
        ),
    ])  # fmt: skip
    for path in app.outdir.rglob("*"):
        if path.is_file():
            assert b"TOP SECRET" not in path.read_bytes(), path
            assert not path.name.startswith(("secret", "hostname")), path
    text = " ".join(read_html(app.outdir, "posts/out.html").get_text(" ").split())
    for words in ("a secret picture", "a secret file", "Another secret file", "The caption stays",
                  "Kept text from inside", "a Hugo figure"):  # fmt: skip
        assert words in text, words
    text = read_html(app.outdir, "posts/loop.html").get_text(" ")
    assert [text.count(word) for word in ("Before", "After", "First", "Second")] == [1, 1, 1, 1]


# --- raw LaTeX -------------------------------------------------------------------------------

RAW_LATEX = r"""---
title: Raw LaTeX
date: 2021-05-05
---
```{raw} latex
\input{/etc/passwd}
```

```{raw} latex
\immediate\write18{touch pwned}\catcode`\^=7
```

```{raw} latex
\begin{input}{/etc/passwd}\end{input} ^^5cinput{/etc/passwd} \makeatletter\@@input x
```

```{raw} latex
\textbf{Kept} \hspace{1em}
```

```{raw} html
:file: ../../secret.txt
```
"""


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (r"\textbf{x} \hspace{1em} \begin{center}x\end{center} \inputenc", []),
        (r"\input{/etc/passwd} \include{a}", [r"\input", r"\include"]),
        (r"\immediate\write18{ls}\openin1=x \read1", [r"\immediate", r"\write", r"\openin",
                                                       r"\read"]),
        (r"\csname input\endcsname \begin {input}{x} ^^5c", [r"\csname", r"\begin{input}", "^^"]),
        (r"\@@input x \use:c{input} \file_input:n", [r"\@@input", r"\use:c", r"\file_input:n"]),
    ],
)  # fmt: skip
def test_tex_that_could_reach_beyond_the_page_is_named(text, found):
    assert tex_reaching_out(text) == found


def test_raw_latex_that_reaches_files_or_programs_is_left_out_of_posts(make_app, tmp_path):
    (tmp_path / "secret.txt").write_text("TOP SECRET\n", encoding="utf-8")
    srcdir = Path(shutil.copytree(ROOT.parent / "test-book", tmp_path / "site"))  # a book of posts
    (srcdir / "posts" / "latex.md").write_text(RAW_LATEX, encoding="utf-8")
    app = make_app("latex", srcdir=srcdir, freshenv=True)
    app.build()
    where = f"{srcdir / 'posts' / 'latex.md'}"
    reaching = "which could read or write files or run programs; it is left out"
    assert blog_warnings(app, "raw", located(
        f"{where}:21", "{raw} of '../../secret.txt' is outside the source folder; it is left "
        "out", "include",
    )) == sorted([
        located(f"{where}:5", rf"raw LaTeX uses \input, {reaching}", "raw"),
        located(f"{where}:9", rf"raw LaTeX uses \immediate, \write, \catcode, {reaching}", "raw"),
        located(
            f"{where}:13", rf"raw LaTeX uses \begin{{input}}, ^^, \makeatletter, \@@input, "
            f"{reaching}", "raw",
        ),
    ])  # fmt: skip
    text = (app.outdir / "book.tex").read_text(encoding="utf-8")
    assert r"\chapter{Raw LaTeX}" in text and r"\textbf{Kept}" in text
    for command in (r"\input{/etc/passwd}", "write18", r"\catcode`\^", "^^5c", "@@input"):
        assert command not in text, command


# --- feeds, the files the site writes, and its address --------------------------------------

HOSTILE_SUMMARY = "<img src=x onerror=alert(1)> & more"
HOSTILE_TITLE = "Bold <b>claim</b> &amp; <img src=x onerror=alert(2)>"


@pytest.mark.parametrize(
    ("title", "written"),
    [
        ("Tom & Jerry", "Tom & Jerry"),
        ("a < b", "a < b"),
        ("Why <angle> brackets", "Why &lt;angle&gt; brackets"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
        ("x &amp; y", "x &amp;amp; y"),
        ("x &#60; y", "x &amp;#60; y"),
    ],
)
def test_an_rss_title_that_a_reader_could_take_for_html_is_escaped_for_html(title, written):
    assert rss_title(title) == written


def shown(detail: dict) -> str:
    """What a reader shows of a text that feedparser read: text as it is; HTML
    (sanitised by feedparser), which must hold no markup, as text."""
    if detail["type"] == "text/plain":
        return detail["value"]
    assert "<" not in detail["value"], detail
    return unescape(detail["value"])


def test_feeds_show_hostile_summaries_and_titles_as_text(make_app, tmp_path):
    extra = f"summary: {json.dumps(HOSTILE_SUMMARY)}\n"
    srcdir = site_with(
        tmp_path, {"posts/hostile.md": post(json.dumps(HOSTILE_TITLE), "2022-01-01", extra=extra)}
    )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    for name in ("rss.xml", "atom.xml", "tags/python.xml"):
        feed = feedparser.parse((app.outdir / name).read_bytes())
        assert not feed.bozo, (name, feed.bozo_exception)
        entry = feed.entries[0]
        assert shown(entry.summary_detail) == HOSTILE_SUMMARY, name
        assert shown(entry.title_detail) == HOSTILE_TITLE, name
    items = json.loads((app.outdir / "feed.json").read_text(encoding="utf-8"))["items"]
    assert items[0]["content_text"] == HOSTILE_SUMMARY
    item = etree.parse(str(app.outdir / "rss.xml")).find("channel/item")
    rendered = [rendered_as_html(item.findtext(name)) for name in ("description", "title")]
    assert rendered == [(HOSTILE_SUMMARY, []), (HOSTILE_TITLE, [])]


def rendered_as_html(text: str) -> tuple[str, list[str]]:
    """*text* rendered as a reader that takes it for HTML renders it, in Chromium: the
    text it shows, and the dialogs its scripts opened."""
    with chromium() as browser:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.set_content("<div id='item'></div>")
        page.eval_on_selector("#item", "(item, html) => { item.innerHTML = html; }", text)
        page.wait_for_timeout(300)  # an image's error handler runs after its load fails
        shown = page.eval_on_selector("#item", "item => item.textContent")
        page.close()
    return shown, dialogs


def alias_on_janes_feed(srcdir: Path) -> str:
    return located(
        srcdir / "posts" / "aliased.md",
        "alias 'authors/jane-doe.xml' (authors/jane-doe.xml/index.html) is inside "
        "authors/jane-doe.xml, the feed of the author 'Jane Doe', which is a file; "
        "no redirect written",
        "alias",
    )


def test_an_alias_onto_an_authors_feed_is_refused(make_app, tmp_path):
    extra = "author: Jane Doe\naliases: [/authors/jane-doe.xml]\n"
    srcdir = site_with(tmp_path, {"posts/aliased.md": post("Aliased", extra=extra)})
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert blog_warnings(app, "alias") == [alias_on_janes_feed(srcdir)]
    feed = feedparser.parse((app.outdir / "authors" / "jane-doe.xml").read_bytes())
    assert not feed.bozo and [entry.title for entry in feed.entries] == ["Aliased"]
    assert not list(app.outdir.rglob("*.tmp"))


def test_a_redirect_gives_way_to_an_authors_feed_that_comes_later(make_app, tmp_path):
    aliased = post("Aliased", extra="aliases: [/authors/jane-doe.xml]\n")
    srcdir = site_with(tmp_path, {"posts/aliased.md": aliased})
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    redirect = app.outdir / "authors" / "jane-doe.xml" / "index.html"
    assert MARKER in redirect.read_text(encoding="utf-8")
    jane = post("Jane's", extra="author: Jane Doe\n")
    (srcdir / "posts" / "jane.md").write_text(jane, encoding="utf-8")
    app.cleanup()
    again = make_app("html", srcdir=srcdir)
    again.build()
    assert blog_warnings(again, "alias") == [alias_on_janes_feed(srcdir)]
    feed = feedparser.parse((again.outdir / "authors" / "jane-doe.xml").read_bytes())
    assert not feed.bozo and [entry.title for entry in feed.entries] == ["Jane's"]


def test_an_authors_feed_goes_with_the_author(make_app, tmp_path):
    srcdir = site_with(tmp_path, {"posts/jane.md": post("Jane's", extra="author: Jane Doe\n")})
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert (app.outdir / "authors" / "jane-doe.xml").is_file()
    (srcdir / "posts" / "jane.md").write_text(post("Jane's"), encoding="utf-8")
    app.cleanup()
    again = make_app("html", srcdir=srcdir)
    again.build()
    assert not (again.outdir / "authors" / "jane-doe.xml").exists()


def test_a_base_url_without_a_final_slash_keeps_its_path(make_app, tmp_path):
    srcdir = site_with(
        tmp_path, {"posts/aliased.md": post("Aliased", extra="aliases: [/old.html]\n")}
    )
    base = "https://blog.example.org/blog"
    overrides = {
        "extensions": ["myst_parser", "sphinxblog", "sphinxext.opengraph"],
        "html_baseurl": base,
        "ogp_social_cards": {"enable": False},
    }
    app = make_app("html", srcdir=srcdir, freshenv=True, confoverrides=overrides)
    app.build()
    out = app.outdir
    archive = read_html(out, "archive.html")
    assert archive.select_one('meta[property="og:url"]')["content"] == f"{base}/archive.html"
    assert archive.select_one('link[rel="canonical"]')["href"] == f"{base}/archive.html"
    redirect = read_html(out, "old.html")
    assert redirect.select_one('link[rel="canonical"]')["href"] == f"{base}/posts/aliased.html"
    locations = [loc.text for loc in etree.parse(str(out / "sitemap.xml")).iter("{*}loc")]
    assert locations[0] == f"{base}/index.html"
    atom = feedparser.parse((out / "atom.xml").read_bytes())
    assert atom.feed.link == f"{base}/"
    assert {entry.link for entry in atom.entries} >= {f"{base}/posts/aliased.html"}
    assert json.loads((out / "feed.json").read_text(encoding="utf-8"))["home_page_url"] == (
        f"{base}/"
    )


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("short words", "short words"),
        ("word " * 100, " ".join(["word"] * SUMMARY_WORDS) + " …"),
        ("long " * 70 + "x" * 1_000, " ".join(["long"] * SUMMARY_WORDS) + " …"),
        ("x" * 1_000_000, "x" * SUMMARY_LENGTH + "…"),
        ("a " + "x" * 1_000_000, "a " + "x" * (SUMMARY_LENGTH - 2) + "…"),
        ("abcdefghij " * 50, ("abcdefghij " * 36).rstrip() + " …"),
    ],
)
def test_a_summary_is_cut_at_a_word_within_its_length(text, cut):
    assert cut_summary(text) == cut
    assert len(cut_summary(text)) <= SUMMARY_LENGTH + 2


def test_long_summaries_are_cut_in_every_file_they_reach(make_app, tmp_path):
    body = "---\ntitle: Long\ndate: 2022-01-01\ntags: [python]\n---\n" + "y" * 1_000_000 + "\n"
    written = "---\ntitle: Written\ndate: 2022-01-02\ntags: [python]\n" + (
        f"description: {'z ' * 100_000}\n---\nText.\n"
    )
    srcdir = site_with(tmp_path, {"posts/long.md": body, "posts/written.md": written})
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert blog_warnings(app, "summary") == [
        f"{srcdir / 'posts' / 'written.md'}:5: WARNING: summary has 199,999 characters; "
        f"it is cut to at most {WRITTEN_SUMMARY_LENGTH:,} [blog.summary]"
    ]
    long_summary = "y" * SUMMARY_LENGTH + "…"
    page = read_html(app.outdir, "posts/long.html")
    assert page.select_one('meta[name="description"]')["content"] == long_summary
    assert long_summary in read_html(app.outdir, "tags/python.html").get_text()
    rss = feedparser.parse((app.outdir / "rss.xml").read_bytes())
    summaries = {entry.title: entry.summary for entry in rss.entries}
    assert summaries["Long"] == long_summary
    assert summaries["Written"] == ("z " * (WRITTEN_SUMMARY_LENGTH // 2)).strip() + " …"
    for name in ("rss.xml", "atom.xml", "feed.json", "tags/python.html", "archive.html"):
        assert (app.outdir / name).stat().st_size < 100_000, name


def test_an_inventory_loses_the_entries_of_hidden_pages_alone():
    entries = [
        "posts/a b std:doc -1 posts/a b.html A b",
        "hidden-part std:label -1 posts/a b.html#$ Hidden part",
        "posts/a std:doc -1 posts/a.html -",
        "posts/a b c std:doc -1 posts/a b c.html -",
    ]
    header = b"# Sphinx inventory version 2\n# Project: x\n# Version: \n# zlib\n"
    inventory = header + zlib.compress("".join(f"{line}\n" for line in entries).encode())
    pruned = inventory_without(inventory, {"posts/a b.html"})
    assert pruned.startswith(header)
    kept = zlib.decompress(pruned[len(header) :]).decode().splitlines()
    assert kept == entries[2:]
    assert inventory_without(inventory, {"posts/x.html"}) is inventory
    assert inventory_without(b"not an inventory", {"posts/a b.html"}) == b"not an inventory"


def test_drafts_stay_out_of_the_inventory(make_app, tmp_path):
    draft = post("Secret draft", extra="draft: true\n") + "\n(secret-label)=\n## Hidden part\n"
    srcdir = site_with(tmp_path, {"posts/secret.md": draft})
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert (app.outdir / "posts" / "secret.html").is_file()  # written, as drafts are
    inventory = InventoryFile.loads((app.outdir / "objects.inv").read_bytes(), uri="")
    names = {(kind, name) for kind, items in inventory.data.items() for name in items}
    assert ("std:doc", "posts/post-1") in names
    assert not [entry for entry in names if "secret" in entry[1]], names


def test_a_json_build_with_social_cards_works(make_app, tmp_path):
    srcdir = site_with(tmp_path)
    overrides = {
        "extensions": ["myst_parser", "sphinxblog", "sphinxext.opengraph"],
        "ogp_social_cards": {"enable": False},
    }
    app = make_app("json", srcdir=srcdir, freshenv=True, confoverrides=overrides)
    app.build()
    page = json.loads((app.outdir / "posts" / "post-1.fjson").read_text(encoding="utf-8"))
    assert f'content="{BASE}posts/post-1/"' in page["metatags"]
    assert 'type="application/atom+xml"' in page["metatags"]
    assert 'href="../../atom.xml"' in page["metatags"]  # the feed, from this page
    assert "Traceback" not in app.warning.getvalue()


def test_a_path_named_in_a_post_stays_in_the_source_folder():
    # beside the post first, then from the source folder's root, as Jekyll and Hugo read it
    assert places_named("posts/a", "cover.png?v=2#top") == ["posts/cover.png", "cover.png"]
    assert places_named("posts/a", "/images/x.png") == ["images/x.png"]
    assert places_named("posts/kk/a", "../en/a.md") == ["posts/en/a.md"]
    assert places_named("posts/a", "../../../etc/passwd") == []
    assert places_named("a", "../x.png") == []
