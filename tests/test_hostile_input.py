"""Hostile front matter and sources: each ends in a located ``blog.*`` warning,
the post is still built and listed, and every page, feed and ePub file is well-formed.

The root is built in a subprocess with a time limit: before these limits, an
alias bomb or deep nesting hung the build or crashed it.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from conftest import PROJECT, read_html, warning_lines
from sphinxblog.frontmatter import (
    MAX_DEPTH,
    MAX_VALUES,
    interpret,
    read_front_matter,
)
from sphinxblog.posts import Post, post_from_front_matter
from sphinxblog.problems import short_repr
from sphinxblog.safety import lenient_encoding
from sphinxblog.values import MAX_TAGS, parse_tags, parse_text, tag_key, xml_safe

ROOT = Path(__file__).parent / "roots" / "test-hostile-input"
#: a clean build of the root takes a few seconds; a hang is stopped here
BUILD_SECONDS = 120


@dataclass
class Build:
    srcdir: Path
    outdir: Path
    warnings: list[str]


def sphinx_build(srcdir: Path, outdir: Path, builder: str) -> Build:
    """Build *srcdir* in a subprocess that may not run longer than :data:`BUILD_SECONDS`."""
    environment = {**os.environ, "PYTHONPATH": str(PROJECT / "_ext")}
    command = [
        sys.executable, "-m", "sphinx", "-b", builder, "-E", "-q", "--no-color",
        "-d", str(outdir.parent / f"doctrees-{builder}"), str(srcdir), str(outdir),
    ]  # fmt: skip
    done = subprocess.run(
        command,
        check=False,
        capture_output=True,
        text=True,
        timeout=BUILD_SECONDS,
        env=environment,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return Build(srcdir, outdir, [line for line in done.stderr.splitlines() if line.strip()])


@pytest.fixture(scope="module")
def srcdir(tmp_path_factory) -> Path:
    # the extension writes the tag pages into the source folder
    return Path(shutil.copytree(ROOT, tmp_path_factory.mktemp("hostile") / "src"))


@pytest.fixture(scope="module")
def html(srcdir) -> Build:
    return sphinx_build(srcdir, srcdir.parent / "html", "html")


@pytest.fixture(scope="module")
def epub(srcdir, html) -> Build:  # after html: one build at a time in the source folder
    return sphinx_build(srcdir, srcdir.parent / "epub", "epub")


HIDDEN = "(counting what YAML aliases repeat); it is ignored [blog.front_matter]"
XML = "holds characters that XML does not allow"
#: every warning of the root's build, each once
WARNINGS = sorted([
    "posts/2024-01-11-deep.md:4: WARNING: front matter is nested more than 32 levels deep; it "
    "is ignored [blog.front_matter]",
    *(f"posts/alias-bomb.md:{line}: WARNING: key {key!r} holds more than 100000 values {HIDDEN}"
      for line, key in [(10, "f"), (11, "g"), (12, "h"), (13, "i"), (14, "html_meta")]),
    f"posts/control.md:2: WARNING: title {XML} (U+0001, U+001B); they are dropped [blog.title]",
    f"posts/control.md:4: WARNING: summary {XML} (U+0000, U+FFFE); they are dropped "
    "[blog.summary]",
    "posts/control.md:5: WARNING: an empty tag is ignored [blog.tags]",
    rf"posts/control.md:5: WARNING: tag '\ufffe' {XML} (U+FFFE); they are dropped [blog.tags]",
    rf"posts/control.md:5: WARNING: tag 'ctrl\x01' {XML} (U+0001); they are dropped [blog.tags]",
    rf"posts/control.md:6: WARNING: author 'Ann\x1bie' {XML} (U+001B); they are dropped "
    "[blog.authors]",
    f"posts/control.md:8: WARNING: text {XML} (U+0002); they are dropped [blog.text]",
    "posts/duplicate-keys.md:5: WARNING: key 'title' is repeated (first on line 2); the last "
    "value is used [blog.front_matter]",
    "posts/duplicate-keys.md:6: WARNING: key 'tags' is repeated (first on line 4); the last "
    "value is used [blog.front_matter]",
    r"posts/invisible-tags.md:4: WARNING: tag '\u200b' has no visible characters; it is ignored "
    "[blog.tags]",
    r"posts/invisible-tags.md:4: WARNING: tag '\u2060 \u200c' has no visible characters; it is "
    "ignored [blog.tags]",
    "posts/latin-1.md:2: WARNING: file is not UTF-8: byte 0xE9 on this line cannot be decoded; "
    "undecodable bytes are read as U+FFFD (save the file as UTF-8) [blog.encoding]",
    f"posts/many-tags.md:4: WARNING: post has 2000 tags; only the first {MAX_TAGS} are kept "
    "[blog.tags]",
    "posts/refresh.md:4: WARNING: html_meta sets an http-equiv meta tag ('refresh': '0; "
    "url=https://attacker.example/'), which could redirect readers or act as an HTTP header; "
    "it is dropped [blog.front_matter]",
    f"posts/surrogate.md:2: WARNING: title {XML} (U+D800); they are dropped [blog.title]",
])  # fmt: skip


def expect(build: Build, file: str, line: int, message: str, subtype: str) -> None:
    """The build warns of *message* once, and of nothing but :data:`WARNINGS`."""
    assert warning_lines("\n".join(build.warnings), build.srcdir) == WARNINGS
    pattern = re.compile(rf"^posts/{re.escape(file)}:{line}: WARNING: {re.escape(message)}.* "
                         rf"\[blog\.{subtype}\]$")  # fmt: skip
    assert len([w for w in WARNINGS if pattern.search(w)]) == 1, message


def archive_titles(build: Build) -> list[str]:
    archive = read_html(build.outdir, "archive.html")
    return [a.get_text() for a in archive.select("ul.blog-postlist a.blog-post-title")]


def h1(build: Build, page: str) -> str:
    title = read_html(build.outdir, page).find("h1")
    for permalink in title.select("a.headerlink"):
        permalink.extract()
    return title.get_text()


#: characters XML 1.0 does not allow, as they would reach a page
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# --- the whole build --------------------------------------------------------------------


def test_every_warning_is_a_located_blog_warning(html):
    assert html.warnings
    assert all(re.search(r"\.md:\d+: WARNING: .* \[blog\.\w+\]$", w) for w in html.warnings), (
        html.warnings
    )


def test_every_post_is_built_and_listed(html):
    posts = {p.stem for p in (html.srcdir / "posts").glob("*.md")}
    assert {p.stem for p in (html.outdir / "posts").glob("*.html")} == posts
    archive = read_html(html.outdir, "archive.html")
    listed = {a["href"] for a in archive.select("ul.blog-postlist a")}
    assert listed == {f"posts/{stem}.html" for stem in posts}


# --- 1. YAML limits ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "line", "message"),
    [
        ("alias-bomb.md", 10, "key 'f' holds more than 100000 values"),
        ("alias-bomb.md", 13, "key 'i' holds more than 100000 values"),
        ("alias-bomb.md", 14, "key 'html_meta' holds more than 100000 values"),
        ("2024-01-11-deep.md", 4, "front matter is nested more than 32 levels deep; it is ignored"),
    ],
)
def test_yaml_limits_warn_where_they_are_exceeded(html, file, line, message):
    expect(html, file, line, message, "front_matter")


def test_posts_beyond_the_limits_keep_their_title_and_date(html):
    # MyST reads the bomb's title alone; the deep post's heading and file name stay
    assert h1(html, "posts/alias-bomb.html") == "Laughing matter"
    assert h1(html, "posts/2024-01-11-deep.html") == "Nested too deep"
    archive = read_html(html.outdir, "archive.html")
    january = archive.select_one("#month-2024-01")
    titles = [a.get_text() for a in january.select("a.blog-post-title")]
    assert {"Laughing matter", "Nested too deep"} <= set(titles)


def test_an_alias_bomb_is_measured_not_expanded():
    levels = ["&a [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"&l{n} [" + ", ".join([f"*{'a' if n == 1 else f'l{n - 1}'}"] * 10) + "]"
               for n in range(1, 40)]  # fmt: skip
    block = "title: Bomb\n" + "".join(f"k{n}: {value}\n" for n, value in enumerate(levels))
    started = time.perf_counter()
    front_matter = read_front_matter(f"---\n{block}---\nBody\n")
    post, problems = post_from_front_matter("posts/bomb", front_matter, None)
    assert time.perf_counter() - started < 5
    assert post.title == "Bomb" and "k1" in post.extra and "k39" not in post.extra
    too_big = {p.line for p in problems if p.subtype == "front_matter"}
    assert too_big == set(range(7, 43))  # k4 (111,111 values) on
    assert all(len(p.message) < 200 for p in problems)
    # extra is left out of comparisons and repr()
    assert "k1" not in repr(post) and post == dataclasses.replace(post, extra={})


def test_deep_nesting_is_refused_before_it_is_built():
    deep = "x: " + "[" * 200_000 + "]" * 200_000  # libyaml alone would overflow its stack
    front_matter = read_front_matter(f"---\ntitle: T\n{deep}\n---\n")
    assert front_matter.data == {}
    (problem,) = front_matter.problems
    assert (problem.subtype, problem.line) == ("front_matter", 3)
    assert front_matter.myst_lines == ("{}", "")
    # the top-level mapping is the first level
    fits = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    assert read_front_matter(f"---\nx: {fits}\n---\n").data


def test_recursive_and_merged_aliases_are_ignored():
    front_matter = read_front_matter("---\nloop: &a [*a]\ntitle: T\n---\n")
    assert front_matter.data == {"title": "T"}
    assert "'loop' holds more than" in front_matter.problems[0].message
    merges = ["a: &a {x: 1, y: 2, z: 3}"]
    merges += [f"m{n}: &m{n} {{<<: [{', '.join([f'*m{n - 1}' if n > 1 else '*a'] * 8)}]}}"
               for n in range(1, 12)]  # fmt: skip
    front_matter = read_front_matter("---\n" + "\n".join(merges) + "\n---\n")
    assert "m11" not in front_matter.data and front_matter.data["a"] == {"x": 1, "y": 2, "z": 3}


def test_a_long_block_is_refused_and_myst_keeps_the_line_count():
    block = "title: Long\nsummary: " + "x" * (1024 * 1024) + "\nmore: 1"
    front_matter = read_front_matter(f"---\n{block}\n---\n")
    assert front_matter.data == {} and "longer than" in front_matter.problems[0].message
    assert len(front_matter.myst_lines) == 3


def test_myst_reads_only_the_title_of_a_block_beyond_the_limits():
    bomb = "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n" + "".join(
        f"l{n}: &l{n} [{', '.join([f'*l{n - 1}' if n > 1 else '*a'] * 10)}]\n" for n in range(1, 7)
    )
    front_matter = read_front_matter(f"---\ndate: 2024-01-01\n{bomb}title: 'Q: \"x\"'\n---\n")
    lines = front_matter.myst_lines
    assert len(lines) == 9 and lines[8] == 'title: "Q: \\"x\\""' and not any(lines[:8])
    assert read_front_matter("---\ntitle: Plain\n---\n").myst_lines is None


def test_messages_never_write_a_value_out_whole():
    shared: list = ["lol"] * 9
    for _ in range(100):  # 9**100 strings once expanded
        shared = [shared] * 9
    assert len(short_repr(shared)) <= 60
    assert len(parse_text(shared, "title")[1][0].message) < 100
    assert len(parse_tags({"a": shared})[1][0].message) < 120


# --- 2. encodings -----------------------------------------------------------------------


def test_a_latin_1_post_is_named_and_built(html):
    expect(html, "latin-1.md", 2, "file is not UTF-8: byte 0xE9 on this line", "encoding")
    assert "Caf\ufffd au lait" in archive_titles(html)
    text = read_html(html.outdir, "posts/latin-1.html").get_text()
    assert "cr\ufffdme br\ufffdl\ufffde" in text


def test_the_lenient_codec_replaces_what_it_cannot_decode():
    name = lenient_encoding("utf-8-sig")
    assert b"\xef\xbb\xbfcaf\xe9".decode(name) == "caf\ufffd"
    decoder = codecs.getincrementaldecoder(name)("strict")
    assert decoder.decode(b"a\xff", final=True) == "a\ufffd"


# --- 3. characters XML does not allow ---------------------------------------------------


@pytest.mark.parametrize(
    ("file", "line", "message", "subtype"),
    [
        ("control.md", 2, "title holds characters that XML does not allow (U+0001, U+001B)",
         "title"),
        ("control.md", 4, "summary holds characters that XML does not allow (U+0000, U+FFFE)",
         "summary"),
        ("control.md", 5, r"tag 'ctrl\x01' holds characters that XML does not allow (U+0001)",
         "tags"),
        ("control.md", 6, r"author 'Ann\x1bie' holds characters that XML does not allow",
         "authors"),
        ("control.md", 8, "text holds characters that XML does not allow (U+0002)", "text"),
        ("surrogate.md", 2, "title holds characters that XML does not allow (U+D800)", "title"),
    ],
)  # fmt: skip
def test_characters_xml_does_not_allow_warn_with_their_field(html, file, line, message, subtype):
    expect(html, file, line, message, subtype)


def test_pages_and_feeds_hold_only_xml_characters(html):
    pages = [p for p in html.outdir.rglob("*.html") if "_static" not in p.parts]
    assert [p for p in pages if NOT_XML.search(p.read_text(encoding="utf-8"))] == []
    assert h1(html, "posts/control.html") == "Bell and [31mescape"
    assert h1(html, "posts/surrogate.html") == "Half  a character"
    feeds = [html.outdir / "atom.xml", html.outdir / "rss.xml", *html.outdir.glob("tags/*.xml")]
    assert len(feeds) > 50
    atom = "{http://www.w3.org/2005/Atom}"
    titles = set()
    for feed in feeds:
        titles |= {e.text for e in etree.parse(feed).iter(f"{atom}title", "title")}
    assert {"Bell and [31mescape", "Half a character"} <= titles
    assert (html.outdir / "objects.inv").exists()


def test_the_epub_is_well_formed_xml(epub):
    (book,) = epub.outdir.glob("*.epub")
    with zipfile.ZipFile(book) as archive:
        names = [n for n in archive.namelist() if n.endswith((".xhtml", ".ncx", ".opf"))]
        assert {"nav.xhtml", "toc.ncx", "posts/control.xhtml", "posts/surrogate.xhtml"} <= set(
            names
        )
        for name in names:
            etree.fromstring(archive.read(name))  # raises on ill-formed XML
        toc = archive.read("toc.ncx").decode("utf-8")
    assert "Bell and [31mescape" in toc


def test_xml_safe_drops_what_xml_does_not_allow():
    assert xml_safe("a\x01b\x1b\x00c\ufffe\ud800\U0001ffffd\t\n") == (
        "abcd\t\n",
        ["U+0001", "U+001B", "U+0000", "U+FFFE", "U+D800", "U+1FFFF"],
    )
    assert xml_safe("Қазақ 🎉 text") == ("Қазақ 🎉 text", [])
    metadata, problems = interpret(read_front_matter('---\nlayout: "x\\x01y"\n---\n'))
    assert metadata.extra == {"layout": "xy"} and problems[0].subtype == "front_matter"


# --- 4. invisible tags ------------------------------------------------------------------


def test_invisible_tags_warn_and_look_alikes_are_one_tag(html):
    expect(html, "invisible-tags.md", 4, r"tag '\u200b' has no visible characters", "tags")
    expect(html, "invisible-tags.md", 4, r"tag '\u2060 \u200c' has no visible", "tags")
    index = read_html(html.outdir, "tags/index.html")
    names = [a.get_text() for a in index.select("a") if a.get("href", "").endswith(".html")]
    assert all(name.strip("\u200b\u200c\u200d\u2060") == name and name.strip() for name in names)
    for slug in ("datascience", "python"):
        tag_page = read_html(html.outdir, f"tags/{slug}.html")
        posts = {a.get_text() for a in tag_page.select("a.blog-post-title")}
        assert posts == {"Invisible tags", "Visible tags"}


def test_tag_identity_ignores_invisible_characters():
    assert tag_key("data\u200dscience") == tag_key("DataScience") == "datascience"
    assert tag_key("\ufeffPy\u2060thon\u200b") == "python"
    tags, problems = parse_tags(["\u200b", "a\u200db", "ab", "\u200bc\u200c", "👩\u200d💻"])
    assert tags == ("a\u200db", "c", "👩\u200d💻")  # a joiner inside a tag stays in its name
    assert [p.message for p in problems] == [
        "tag '\\u200b' has no visible characters; it is ignored"
    ]


# --- 5. duplicate keys ------------------------------------------------------------------


def test_duplicate_keys_warn_and_keep_the_last_value(html):
    expect(html, "duplicate-keys.md", 5, "key 'title' is repeated (first on line 2)",
           "front_matter")  # fmt: skip
    expect(html, "duplicate-keys.md", 6, "key 'tags' is repeated (first on line 4)",
           "front_matter")  # fmt: skip
    assert h1(html, "posts/duplicate-keys.html") == "Second title"
    assert "Second title" in archive_titles(html)
    assert (html.outdir / "tags/second.html").exists()
    assert not (html.outdir / "tags/first.html").exists()


def test_duplicate_keys_nested_and_in_another_case():
    front_matter = read_front_matter("---\nx:\n  a: 1\n  a: 2\nTitle: A\ntitle: B\n---\n")
    assert front_matter.data["x"] == {"a": 2}
    assert [(p.line, p.message[:22]) for p in front_matter.problems] == [
        (4, "key 'a' is repeated (f")
    ]
    metadata, problems = interpret(front_matter)
    assert metadata.title == "B"
    assert (problems[-1].line, problems[-1].subtype) == (6, "front_matter")


# --- 6. ordering by instant -------------------------------------------------------------


def test_same_wall_clock_posts_order_by_instant(html):
    titles = archive_titles(html)
    february = [title for title in titles if title in {"West", "East", "Naive", "Day only"}]
    assert february == ["West", "Naive", "East", "Day only"]  # newest first


def post(name: str, date: dt.date | None) -> Post:
    return Post(docname=f"posts/{name}", title=name, date=date)


def test_sort_key_orders_by_day_then_instant_never_mixing_naive_and_aware():
    east = dt.timezone(dt.timedelta(hours=5))
    west = dt.timezone(dt.timedelta(hours=-5))
    posts = [
        post("a-west", dt.datetime(2024, 2, 1, 12, tzinfo=west)),
        post("b-east", dt.datetime(2024, 2, 1, 12, tzinfo=east)),
        post("c-naive", dt.datetime(2024, 2, 1, 9)),
        post("d-day", dt.date(2024, 2, 1)),
        post("e-next-day", dt.datetime(2024, 2, 2, 1, tzinfo=dt.timezone(dt.timedelta(hours=14)))),
        post("f-min", dt.datetime(1, 1, 1, tzinfo=east)),
    ]
    ordered = [p.title for p in sorted(posts, key=lambda p: p.sort_key)]
    assert ordered == ["f-min", "d-day", "b-east", "c-naive", "a-west", "e-next-day"]


# --- 7. http-equiv ----------------------------------------------------------------------


def test_http_equiv_meta_tags_are_dropped_from_posts(html):
    expect(html, "refresh.md", 4, "html_meta sets an http-equiv meta tag ('refresh'",
           "front_matter")  # fmt: skip
    page = read_html(html.outdir, "posts/refresh.html")
    assert page.find("meta", attrs={"http-equiv": True}) is None
    assert "attacker.example" not in str(page)
    assert page.find("meta", attrs={"content": "A harmless description"}) is not None


# --- 8. many tags -----------------------------------------------------------------------


def test_a_post_keeps_its_first_tags(html):
    expect(html, "many-tags.md", 4, f"post has 2000 tags; only the first {MAX_TAGS} are kept",
           "tags")  # fmt: skip
    many = {f"t{n:04}" for n in range(2000)}
    pages = {p.stem for p in (html.outdir / "tags").glob("*.html")} & many
    assert pages == {f"t{n:04}" for n in range(MAX_TAGS)}
    atom = "{http://www.w3.org/2005/Atom}"
    site_entries = etree.parse(html.outdir / "atom.xml").findall(f"{atom}entry")
    (entry,) = [e for e in site_entries if e.findtext(f"{atom}title") == "Many tags"]
    assert len(entry.findall(f"{atom}category")) == MAX_TAGS
    # a tag's feed names only that tag: its size does not grow with the post's tags
    tag_entry = etree.parse(html.outdir / "tags" / "t0000.xml").find(f"{atom}entry")
    assert [c.get("term") for c in tag_entry.findall(f"{atom}category")] == ["t0000"]


def test_tag_cost_stays_linear():
    names = ", ".join(f"t{n}" for n in range(20_000))
    started = time.perf_counter()
    metadata, problems = interpret(read_front_matter(f"---\ntags: [{names}]\n---\n"))
    assert time.perf_counter() - started < 5
    assert len(metadata.tags) == MAX_TAGS and problems[-1].line == 2
    _tags, problems = parse_tags([""] * 5000)
    assert len(problems) == 11 and problems[-1].message == "4990 more problems with tags"


def test_limits_are_what_the_readme_says():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert f"{MAX_VALUES:,}" in readme and f"{MAX_DEPTH} levels" in readme
    assert f"first {MAX_TAGS} tags" in readme
