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
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from myst_parser.slugs import github_slugify, unique_slug

from conftest import PROJECT, read_html, root_with, warning_lines
from sphinxblog.core.authors import (
    avatar_candidates,
    inline_problems,
    is_remote,
    parse_profiles,
    resolve_authors,
)
from sphinxblog.core.frontmatter import (
    MAX_DEPTH,
    MAX_VALUES,
    interpret,
    read_front_matter,
)
from sphinxblog.core.posts import Post, post_from_front_matter
from sphinxblog.core.problems import short_repr
from sphinxblog.core.urls import image_path_problem, safe_link
from sphinxblog.core.values import MAX_TAGS, parse_tags, parse_text, tag_key, xml_safe
from sphinxblog.reading.headingslugs import NumberedSlugs
from sphinxblog.reading.safety import lenient_encoding

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


# --- repeated headings ---------------------------------------------------------------------


@given(st.lists(st.sampled_from(["Example", "Example 1", "example-1", "Пример", "!!", "a b"]),
                max_size=40))  # fmt: skip
def test_repeated_headings_get_the_ids_myst_would_give(titles):
    numbered, given = NumberedSlugs(), set()
    for title in titles:
        expected = unique_slug(github_slugify(title), given)
        if expected:
            given.add(expected)
        assert numbered(title) == expected


def test_repeated_headings_cost_one_try_each():
    numbered = NumberedSlugs()
    started = time.perf_counter()
    slugs = [numbered("Example") for _ in range(50_000)]
    assert time.perf_counter() - started < 5  # numbered from 1 each time: minutes
    assert slugs[:3] == ["example", "example-1", "example-2"] and slugs[-1] == "example-49999"


def test_a_post_of_repeated_headings_has_the_ids_myst_gives(make_app, tmp_path):
    body = "".join("## Example\n\ntext\n\n" for _ in range(2000)) + "## Example 1\n## Пример\n"
    ids = {}
    for slugs in ("numbered", "github"):  # github: MyST's own, numbering from 1 each time
        srcdir = Path(shutil.copytree(ROOT.parent / "test-hostile-paths", tmp_path / slugs))
        for name in ("first", "second"):
            (srcdir / "posts" / f"{name}.md").write_text(
                f"---\ntitle: {name}\ndate: 2021-01-01\n---\n{body}", encoding="utf-8"
            )
        overrides = {"myst_heading_slug_func": "github"} if slugs == "github" else {}
        app = make_app("html", srcdir=srcdir, freshenv=True, confoverrides=overrides)
        app.build()
        ids[slugs] = [
            [tag["id"] for tag in read_html(app.outdir, f"posts/{name}.html").select("[id]")]
            for name in ("first", "second")
        ]
        app.cleanup()
    assert ids["numbered"] == ids["github"]
    for page in ids["numbered"]:  # numbered afresh in each post
        assert {"example", "example-2", "example-1999", "пример"} <= set(page)
        assert "example-2000" not in page


def test_limits_are_what_the_docs_say():
    warnings = (PROJECT / "docs" / "warnings.md").read_text(encoding="utf-8")
    writing = (PROJECT / "docs" / "writing.md").read_text(encoding="utf-8")
    assert f"{MAX_VALUES:,}" in warnings and f"{MAX_DEPTH} levels" in warnings
    assert f"first {MAX_TAGS} tags" in writing


# --- 9. URLs and files that front matter names ------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
        "java\nscript:alert(1)", "\x01javascript:alert(1)", "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "file:///etc/passwd",
        "ｊａｖａｓｃｒｉｐｔ:alert(1)", "c:\\windows", "",
        # spellings from the URL standard's parsing rules and HTML's entities
        "\u2028javascript:alert(1)", "java\x00script:alert(1)", "%6Aavascript:alert(1)",
    ],
)  # fmt: skip
def test_only_web_and_mail_addresses_and_relative_paths_are_links(url):
    assert safe_link(url) is None


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/", "HTTP://example.org", "mailto:ann@example.org", "/about/",
        "about.html", "../up/", "#top", "?page=2", "//cdn.example.org/a",
        "path/with:colon", "https://example.org/?next=javascript:x",
    ],
)  # fmt: skip
def test_web_and_mail_addresses_and_relative_paths_stay_links(url):
    assert safe_link(url) == url.strip()


def test_image_paths_name_visible_image_files_only():
    for path in ("img/a.png", "A.JPG", "x/y.jpeg", "b.gif", "c.webp", "d.svg", "e.avif"):
        assert image_path_problem(path) is None, path
    assert image_path_problem(".env") == "names a hidden file or folder"
    assert image_path_problem("img/.secret/a.png") == "names a hidden file or folder"
    assert image_path_problem("conf.py").startswith("is not an image file (")
    assert image_path_problem("img/a.png.txt").startswith("is not an image file (")
    assert image_path_problem("img").startswith("is not an image file (")


def test_author_mappings_lose_unsafe_links_and_avatars():
    raw = [{"name": "M", "url": " JaVa\tScRiPt:alert(1)", "avatar": "../conf.py"}]
    (author,), _unknown = resolve_authors(("M",), raw, {})
    assert (author.url, author.avatar) == ("", "")
    assert [p.subtype for p in inline_problems(raw)] == ["authors", "authors"]
    text = 'm:\n  name: M\n  url: "vbscript:x"\n  image_url: /.env\n'
    profiles, problems = parse_profiles(text)
    assert (profiles["m"].url, profiles["m"].avatar) == ("", "")
    assert [(p.subtype, p.line) for p in problems] == [("authors_file", 3), ("authors_file", 4)]
    assert is_remote(" javascript:x") and is_remote("//host/a.png")
    assert avatar_candidates("../conf.py", "posts") == []
    assert avatar_candidates("/.env", "posts") == []


AUTHORS_SITE = Path(__file__).parent / "roots" / "test-hostile-paths"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)
HOSTILE_AUTHORS = """\
mal:
  name: Mal Icious
  url: "javascript:alert(1)"
dat:
  name: Dat Uri
  url: "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="
vb:
  name: Vb Script
  url: " \\tJaVa\\nScRiPt:alert(1)"
env:
  name: Env Reader
  image_url: /.env
conf:
  name: Conf Reader
  avatar: ../conf.py
good:
  name: Good Person
  url: https://good.example.org/
  image_url: img/good.png
ex:
  name: Ex Cluded
  image_url: /_build/leak.png
sym:
  name: Sym Link
  image_url: img/link.png
"""
HOSTILE_BYLINE = """\
---
title: Hostile authors
date: 2021-05-05
authors:
  - mal
  - dat
  - vb
  - env
  - conf
  - good
  - name: Inline Mal
    url: "vbscript:msgbox(1)"
    image_url: ../.env
  - name: Inline Conf
    avatar: /conf.py
image: "javascript:alert(3)"
---
Text.
"""


def authors_site(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    """A copy of the hostile-paths root (no authors yet) with *files* added."""
    return root_with(AUTHORS_SITE, tmp_path / "site", files)


def blog_warnings_of(app) -> list[str]:
    return [w for w in warning_lines(app.warning.getvalue(), app.srcdir) if "[blog." in w]


NOT_A_LINK = "is not an http, https or mailto address nor a relative path; it is not linked"
NOT_AN_IMAGE = "is not an image file (.png, .jpg, .jpeg, .gif, .webp, .svg, .avif, .ico)"
DATA_URL = "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="


def test_front_matter_links_and_avatars_outside_the_allow_lists_are_left_out(make_app, tmp_path):
    srcdir = authors_site(tmp_path, {
        "posts/authors.yml": HOSTILE_AUTHORS, "posts/img/good.png": PNG,
        "posts/hostile.md": HOSTILE_BYLINE, ".env": "SECRET=1\n", "_build/leak.png": PNG,
    })  # fmt: skip
    (srcdir / "posts" / "img" / "link.png").symlink_to("../../.env")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert blog_warnings_of(app) == sorted([
        f"posts/authors.yml:3: WARNING: author 'mal': url 'javascript:alert(1)' {NOT_A_LINK} "
        "[blog.authors_file]",
        f"posts/authors.yml:6: WARNING: author 'dat': url {short_repr(DATA_URL)} {NOT_A_LINK} "
        "[blog.authors_file]",
        rf"posts/authors.yml:9: WARNING: author 'vb': url ' \tJaVa\nScRiPt:alert(1)' {NOT_A_LINK}"
        " [blog.authors_file]",
        "posts/authors.yml:12: WARNING: author 'env': avatar '/.env' names a hidden file or "
        "folder; it is left out [blog.authors_file]",
        f"posts/authors.yml:15: WARNING: author 'conf': avatar '../conf.py' {NOT_AN_IMAGE}; it "
        "is left out [blog.authors_file]",
        # excluded (exclude_patterns), and an image's name for a hidden file
        "posts/authors.yml:20: WARNING: the avatar /_build/leak.png of author 'ex' is not an "
        "image file of the source folder; it is left out [blog.authors_file]",
        "posts/authors.yml:23: WARNING: the avatar img/link.png of author 'sym' is not an "
        "image file of the source folder; it is left out [blog.authors_file]",
        f"posts/hostile.md:4: WARNING: author 'Inline Mal': url 'vbscript:msgbox(1)' {NOT_A_LINK} "
        "[blog.authors]",
        "posts/hostile.md:4: WARNING: author 'Inline Mal': avatar '../.env' names a hidden file "
        "or folder; it is left out [blog.authors]",
        f"posts/hostile.md:4: WARNING: author 'Inline Conf': avatar '/conf.py' {NOT_AN_IMAGE}; "
        "it is left out [blog.authors]",
        "posts/hostile.md:16: WARNING: image 'javascript:alert(3)' is not an http or https address "
        "nor a relative path; it is left out [blog.image]",
    ])  # fmt: skip
    pages = ["posts/hostile.html", "authors/mal.html", "authors/dat.html", "authors/vb.html",
             "authors/inline-mal.html", "authors/index.html"]  # fmt: skip
    for page in pages:
        soup = read_html(app.outdir, page)
        hrefs = [a["href"] for a in soup.select("a[href]")]
        assert not [h for h in hrefs if re.match(r"\s*(javascript|data|vbscript):", h, re.I)]
        assert "javascript:" not in soup.decode().lower() and "vbscript:" not in soup.decode()
    byline = read_html(app.outdir, "posts/hostile.html").select_one(".blog-authors")
    assert [a["href"] for a in byline.select("a.blog-author-url")] == ["https://good.example.org/"]
    assert "Mal Icious" in byline.get_text()
    assert "og:image" not in app.env.metadata["posts/hostile"]
    # avatars: only the image file of the source folder is published
    assert sorted(path.name for path in (app.outdir / "_images").iterdir()) == ["good.png"]
    for page in ("posts/hostile.html", "authors/env.html", "authors/conf.html"):
        srcs = [img["src"] for img in read_html(app.outdir, page).select("img")]
        assert all(src.endswith("good.png") for src in srcs), (page, srcs)
    # the ePub: its authors index names the same profiles
    epub = make_app("epub", srcdir=srcdir)
    epub.build()
    with zipfile.ZipFile(epub.outdir / f"{epub.config.epub_basename}.epub") as book:
        names = book.namelist()
        assert [name for name in names if name.startswith("_images/")] == ["_images/good.png"]
        for name in names:
            text = book.read(name).decode("utf-8", "replace").lower()
            assert "javascript:" not in text and "vbscript:" not in text, name
            assert "data:text/html" not in text, name
        assert "Mal Icious" in book.read("authors/index.xhtml").decode("utf-8")


def test_an_image_must_be_a_web_address_or_an_image_path(make_app, tmp_path):
    def image_post(title: str, image: str) -> str:
        return f"---\ntitle: {title}\ndate: 2021-05-05\nimage: {image}\n---\nText.\n"

    srcdir = authors_site(tmp_path, {
        "posts/a.md": image_post("A", "/.env"), "posts/b.md": image_post("B", "../conf.py"),
        "posts/c.md": image_post("C", "img/cover.png"),
        "posts/d.md": image_post("D", "https://cdn.example.org/cover.jpg"),
        "posts/e.md": "---\ntitle: E\ndate: 2021-05-05\nog:image: 'data:image/svg+xml,<svg/>'\n"
                      "og:url: 'javascript:alert(1)'\n---\nText.\n",
        "posts/f.md": "---\ntitle: F\ndate: 2021-05-05\nog:url: https://example.org/f\n---\n",
    })  # fmt: skip
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert blog_warnings_of(app) == [
        "posts/a.md:4: WARNING: image '/.env' names a hidden file or folder; it is left out "
        "[blog.image]",
        f"posts/b.md:4: WARNING: image '../conf.py' {NOT_AN_IMAGE}; it is left out [blog.image]",
        "posts/e.md:4: WARNING: og:image 'data:image/svg+xml,<svg/>' is not an http or https "
        "address nor a relative path; it is left out [blog.image]",
        "posts/e.md:5: WARNING: og:url 'javascript:alert(1)' is not an http or https address nor "
        "a relative path; it is left out [blog.image]",
    ]
    metadata = app.env.metadata
    assert "og:image" not in metadata["posts/a"] and "og:image" not in metadata["posts/b"]
    assert metadata["posts/c"]["og:image"] == "img/cover.png"
    assert metadata["posts/d"]["og:image"] == "https://cdn.example.org/cover.jpg"
    assert "og:image" not in metadata["posts/e"] and "og:url" not in metadata["posts/e"]
    assert metadata["posts/f"]["og:url"] == "https://example.org/f"  # as sphinxext-opengraph reads


def test_authors_differing_only_in_case_are_one_author(make_app, tmp_path):
    def by(title: str, date: str, author: str) -> str:
        return f"---\ntitle: {title}\ndate: {date}\nauthor: {author}\n---\nText.\n"

    srcdir = authors_site(tmp_path, {
        "posts/old.md": by("Old", "2019-01-01", "Ann Lee"),
        "posts/new.md": by("New", "2022-01-01", "ann lee"),
        "posts/newer.md": by("Newer", "2023-01-01", "ANN LEE"),
    })  # fmt: skip
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert blog_warnings_of(app) == []
    assert sorted(p.name for p in (srcdir / "authors").glob("*.md")) == ["ann-lee.md", "index.md"]
    page = read_html(app.outdir, "authors/ann-lee.html")
    assert h1_text(page) == "Ann Lee"  # the oldest post's spelling, as tags
    titles = [a.get_text() for a in page.select("a.blog-post-title")]
    assert titles == ["Newer", "New", "Old"]
    index = read_html(app.outdir, "authors/index.html").select("ul.blog-authorindex li")
    assert [li.get_text(" ", strip=True) for li in index] == ["Ann Lee 3"]
    for name in ("old", "new", "newer"):
        byline = read_html(app.outdir, f"posts/{name}.html").select_one(".blog-authors")
        (link,) = byline.select("a.blog-author")
        assert (link.get_text(), link["href"]) == ("Ann Lee", "../authors/ann-lee.html")
    atom = "{http://www.w3.org/2005/Atom}"
    entries = etree.parse(app.outdir / "atom.xml").findall(f"{atom}entry")
    named = {e.findtext(f"{atom}title"): e.findtext(f"{atom}author/{atom}name") for e in entries}
    assert {named[title] for title in ("Old", "New", "Newer")} == {"Ann Lee"}


def h1_text(soup) -> str:
    title = soup.find("h1")
    for permalink in title.select("a.headerlink"):
        permalink.extract()
    return title.get_text()


def test_profile_keys_differing_only_in_case_warn():
    _profiles, problems = parse_profiles("ann:\n  name: Ann\nAnn:\n  name: Ann Other\n")
    assert [(p.subtype, p.line, p.message) for p in problems] == [
        ("authors_file", 3, "author 'Ann' differs from 'ann' only in case; they are one author"),
    ]


def test_an_authors_file_is_read_in_linear_time():
    def profiles(count: int) -> str:
        return "".join(f"a{n}:\n  name: Author {n}\n  url: https://e.org/{n}\n"
                       for n in range(count))  # fmt: skip

    started = time.perf_counter()
    found, problems = parse_profiles(profiles(8000) + "bad: {}\n")
    assert time.perf_counter() - started < 5
    assert len(found) == 8000 and found["a7999"].url == "https://e.org/7999"
    assert [(p.line, p.message) for p in problems] == [
        (24001, "author 'bad' has no 'name'; it is ignored")
    ]
