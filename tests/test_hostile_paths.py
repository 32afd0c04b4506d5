"""Names, paths and folders that must never stop the build nor take another's place."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import pytest
from lxml import etree
from sphinx.util.matching import Matcher

from conftest import PROJECT, read_html
from sphinxblog.outputs import SiteOutputs
from sphinxblog.redirects import MARKER
from sphinxblog.slugs import WINDOWS_DEVICES
from sphinxblog.sourcelinks import glob_escape

ROOT = Path(__file__).parent / "roots" / "test-hostile-paths"
BASE = "https://blog.example.org/"
ATOM = "{http://www.w3.org/2005/Atom}"


def site_with(tmp_path: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """A copy of the root with *files* (path from the source folder: text) added."""
    srcdir = tmp_path / "site"
    shutil.copytree(ROOT, srcdir)
    for name, content in (files or {}).items():
        path = srcdir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return srcdir


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


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_aliases_never_take_what_the_build_writes(make_app, tmp_path, builder):
    aliases = "".join(f"  - {alias}\n" for alias in HOSTILE_ALIASES)
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
                "Aliased", tags="[rust]", extra="aliases: [tags/rust/page/2.html]\n"
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
        )
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


HOSTILE_NAME = "a \"quoted\" 'name' қазақ 100%"


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_feed_addresses_are_valid_uris_of_the_pages(make_app, tmp_path, builder):
    srcdir = site_with(
        tmp_path,
        {
            f"posts/{HOSTILE_NAME}.md": post("Hostile", tags='[python, "Қазақ тілі"]'),
            "posts/year one.md": post("Year one", date="0001-01-01"),
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
