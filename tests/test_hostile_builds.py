"""Hostile builds: killed, run twice at once, after deletions and renames.

Whatever came before, a build's output equals a clean build's, file for file.
Builds run as `make html` runs them, in a process of their own; the test root's
``stopper`` extension ends one as a kill would (``STOP_AT``).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from lxml import etree
from sphinx.search import js_index

from sphinxblog.core.lock import hold_lock, let_go, lock_file, waiting_message

PROJECT = Path(__file__).resolve().parent.parent
ROOT = Path(__file__).parent / "roots" / "test-hostile-builds"
BASE = "https://blog.example.org/"
KILLED = 9  # the stopper's exit status


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return shutil.copytree(ROOT, tmp_path / "site")


def build_env(**variables: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("STOP_AT", "PAUSE_AT")}
    return {**env, "PYTHONPATH": str(PROJECT / "_ext"), **variables}


def sphinx_build(
    srcdir: Path, builder: str = "html", stop_at: str = "", output: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Build *srcdir* into ``_build/<builder>`` (or *output*, with the same doctrees);
    a build not stopped must pass with -W."""
    command = [
        sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-b", builder,
        "-d", str(srcdir / "_build" / "doctrees"), str(srcdir),
        str(output or outdir(srcdir, builder)),
    ]  # fmt: skip
    variables = {"STOP_AT": stop_at} if stop_at else {}
    result = subprocess.run(command, env=build_env(**variables), capture_output=True, text=True)
    expected = KILLED if stop_at else 0
    assert result.returncode == expected, result.stderr
    if not stop_at:
        assert result.stderr == ""
    return result


def outdir(srcdir: Path, builder: str = "html") -> Path:
    return srcdir / "_build" / builder


def output_files(folder: Path) -> dict[str, bytes]:
    """Every file a build wrote, by path; not Sphinx's record of the build's settings."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file() and not path.name.startswith(".buildinfo")
    }


#: the output of a clean build, by builder and a digest of the sources it was built from
_CLEAN_BUILDS: dict[tuple[str, str], Path] = {}


def sources_digest(srcdir: Path) -> str:
    """A digest of every source file's path and bytes (not the output, nor generated tags)."""
    digest = hashlib.sha256()
    for path in sorted(srcdir.rglob("*")):
        relative = path.relative_to(srcdir)
        if relative.parts[0] in ("_build", "tags") or not path.is_file():
            continue
        digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def differences_from_a_clean_build(srcdir: Path, builder: str = "html") -> list[str]:
    """Build a fresh copy of *srcdir*'s sources and list the files that differ.

    Tests that reach the same sources compare with one clean build of them.
    """
    key = (builder, sources_digest(srcdir))
    if key not in _CLEAN_BUILDS:
        clean = srcdir.with_name(srcdir.name + "-clean")
        shutil.rmtree(clean, ignore_errors=True)
        # not the generated tag sources either: a clean build writes its own
        shutil.copytree(srcdir, clean, ignore=shutil.ignore_patterns("_build", "tags"))
        sphinx_build(clean, builder)
        _CLEAN_BUILDS[key] = outdir(clean, builder)
    ours, theirs = output_files(outdir(srcdir, builder)), output_files(_CLEAN_BUILDS[key])
    return sorted(
        [f"left over: {name}" for name in ours.keys() - theirs.keys()]
        + [f"missing: {name}" for name in theirs.keys() - ours.keys()]
        + [f"differs: {name}" for name in ours.keys() & theirs.keys() if ours[name] != theirs[name]]
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def indexed_pages(folder: Path) -> list[str]:
    return js_index.loads((folder / "searchindex.js").read_text(encoding="utf-8"))["docnames"]


READERS_PAGES = {
    "index", "archive", "posts/alpha", "posts/beta", "posts/gamma", "posts/delta",
    "posts/epsilon", "posts/сәлем", "tags/index", "tags/python", "tags/rust", "tags/notes",
    "tags/solo", "authors/index", "series/index",
}  # fmt: skip


# --- killed builds ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "stop_at",
    [
        "html-page-context:4",  # halfway through writing the pages
        "html-collect-pages",  # before the later pages of listings
        "build-finished",  # before the blog's feeds, redirects and removals
    ],
)
def test_a_killed_build_then_a_build_gives_a_clean_builds_output(site, stop_at):
    sphinx_build(site)
    edit(site / "posts" / "gamma.md", "tags: [Python, Rust]", "tags: [Rust, Go]")
    edit(site / "posts" / "beta.md", "title: Beta", "title: Beta, renamed")
    (site / "posts" / "epsilon.md").unlink()  # alone in its tag
    sphinx_build(site, stop_at=stop_at)
    sphinx_build(site)
    assert differences_from_a_clean_build(site) == []


def test_a_clean_build_killed_halfway_leaves_no_short_search_index(site):
    sphinx_build(site, stop_at="html-page-context:6")
    sphinx_build(site)
    assert set(indexed_pages(outdir(site))) == READERS_PAGES | {"book"}
    assert differences_from_a_clean_build(site) == []


def test_a_short_search_index_is_completed(site):
    sphinx_build(site)
    index = outdir(site) / "searchindex.js"
    frozen = js_index.loads(index.read_text(encoding="utf-8"))
    # as a build that wrote only the posts would leave it
    kept = [n for n, name in enumerate(frozen["docnames"]) if name.startswith("posts/")]
    new = {old: position for position, old in enumerate(kept)}
    for key in ("docnames", "filenames", "titles"):
        frozen[key] = [frozen[key][n] for n in kept]
    for key in ("terms", "titleterms"):
        pages = {word: v if isinstance(v, list) else [v] for word, v in frozen[key].items()}
        frozen[key] = {word: [new[n] for n in v if n in new] for word, v in pages.items()}
    frozen["alltitles"] = {
        title: [[new[n], anchor] for n, anchor in places if n in new]
        for title, places in frozen["alltitles"].items()
    }
    index.write_text(js_index.dumps(frozen), encoding="utf-8")
    sphinx_build(site)
    assert differences_from_a_clean_build(site) == []


def test_deleted_later_pages_are_written_again(site):
    sphinx_build(site)
    (outdir(site) / "tags" / "python" / "page" / "2.html").unlink()
    (outdir(site) / "archive" / "page" / "3.html").unlink()
    sphinx_build(site)  # no page was written: Sphinx had not prepared one
    assert differences_from_a_clean_build(site) == []


def test_a_damaged_record_of_what_pages_showed_makes_them_written_again(site):
    sphinx_build(site)
    edit(site / "posts" / "gamma.md", "tags: [Python, Rust]", "tags: [Rust, Go]")
    records = list((site / "_build" / "doctrees").glob("blog-shown-html-*"))
    assert len(records) == 1
    records[0].write_bytes(b"not what a build wrote")
    sphinx_build(site)
    assert differences_from_a_clean_build(site) == []


def test_two_output_folders_sharing_doctrees_keep_their_listings_true(site):
    # as `make html` and a check writing elsewhere do: each reads what the other did not
    elsewhere = site / "_build" / "elsewhere"
    sphinx_build(site)
    edit(site / "posts" / "gamma.md", "tags: [Python, Rust]", "tags: [Rust, Go]")
    edit(site / "posts" / "beta.md", "title: Beta", "title: Beta, renamed")
    sphinx_build(site, output=elsewhere)  # reads the edits
    sphinx_build(site)  # reads nothing
    assert differences_from_a_clean_build(site) == []
    assert output_files(elsewhere) == output_files(outdir(site))


# --- edits, deletions and renames ------------------------------------------------------


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_deletions_and_renames_leave_nothing_behind(site, builder):
    sphinx_build(site, builder)
    out = outdir(site, builder)
    assert (out / "2021" / "delta" / "index.html").exists()

    edit(site / "posts" / "delta.md", 'aliases: ["/2021/delta/"]\n', "")  # an alias removed
    sphinx_build(site, builder)
    assert not (out / "2021").exists()
    assert differences_from_a_clean_build(site, builder) == []

    for post in ("gamma", "delta"):  # a tag renamed
        edit(site / "posts" / f"{post}.md", "Rust]", "Rust lang]")
    sphinx_build(site, builder)
    assert not (out / "tags" / "rust.xml").exists()
    assert differences_from_a_clean_build(site, builder) == []

    (site / "posts" / "alpha.md").unlink()  # a post with aliases, alone in a tag
    sphinx_build(site, builder)
    for gone in ("old/alpha/index.html", "alpha-old.html", "_sources/posts/alpha.md.txt"):
        assert not (out / gone).exists(), gone
    assert differences_from_a_clean_build(site, builder) == []


def rename_beta(site: Path) -> None:
    """Rename a post and keep its old address as an alias."""
    (site / "posts" / "beta.md").rename(site / "posts" / "bravo.md")
    edit(site / "posts" / "bravo.md", "tags:", 'aliases: ["beta.html"]\ntags:')


def test_a_renamed_post_keeps_its_old_address_and_drafts_follow_their_related_posts(site):
    """One build, a rename, a build: the old address redirects, and every page, the drafts
    and held posts (whose related posts the rename changed) among them, is a clean build's."""
    sphinx_build(site)
    rename_beta(site)
    sphinx_build(site)
    assert "bravo.html" in (outdir(site) / "posts" / "beta.html").read_text()
    assert differences_from_a_clean_build(site) == []


# --- sitemap and search index ----------------------------------------------------------


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_the_sitemap_lists_every_page_after_a_rebuild_that_wrote_none(site, builder):
    sphinx_build(site, builder)
    sitemap = outdir(site, builder) / "sitemap.xml"
    written = sitemap.stat().st_mtime_ns
    sphinx_build(site, builder)
    assert sitemap.stat().st_mtime_ns == written  # unchanged, not written again
    text = sitemap.read_text(encoding="utf-8")
    assert "hreflang" not in text
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    urls = [loc.text for loc in etree.fromstring(text.encode()).iter(f"{namespace}loc")]
    later = {"archive/page/2", "archive/page/3", "tags/python/page/2"}
    if builder == "dirhtml":
        expected = {BASE + f"{name}/".removesuffix("index/") for name in READERS_PAGES | later}
    else:
        expected = {BASE + f"{name}.html" for name in READERS_PAGES | later}
    assert {url.replace("%D1%81%D3%99%D0%BB%D0%B5%D0%BC", "сәлем") for url in urls} == expected
    assert len(urls) == len(expected) and all(url.isascii() for url in urls)


def test_the_search_index_holds_no_draft_and_no_held_post(site):
    sphinx_build(site)
    sphinx_build(site)
    index = (outdir(site) / "searchindex.js").read_text(encoding="utf-8")
    assert set(indexed_pages(outdir(site))) == READERS_PAGES | {"book"}
    for leak in ("posts/draft", "posts/future", "Secret draft", "From the future", "zanzibar"):
        assert leak not in index.lower(), leak
    assert "quasar" not in index


# --- two builds at once ----------------------------------------------------------------


def _locked(path: Path) -> bool:
    """Whether another process holds the lock on *path*."""
    if not path.exists():
        return False
    with path.open("a") as file:
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(file, fcntl.LOCK_UN)
        return False


def _while_paused(command: list[str], site: Path) -> subprocess.Popen[str]:
    """Start *command*, a build of *site* that pauses at its end; return once it holds
    the lock."""
    first = subprocess.Popen(
        command, env=build_env(PAUSE_AT="build-finished"), stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 60
    lock = Path(lock_file(str(site)))
    while not _locked(lock) and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert first.poll() is None, first.stderr.read() if first.stderr else ""
    return first


def make_command(tmp_path: Path, site: Path, target: str) -> list[str]:
    """``make <target>`` of a copy of the project's Makefile, building *site*."""
    project = tmp_path / "project"
    if not project.exists():
        project.mkdir()
        for name in ("Makefile", "requirements.txt"):
            shutil.copy2(PROJECT / name, project / name)
        for folder in ("_ext", "tools"):
            shutil.copytree(PROJECT / folder, project / folder)
        (tmp_path / "site-requirements").touch()  # the environment is ready: make installs nothing
    return [
        "make", "-s", "-C", str(project), target, f"SOURCEDIR={site}",
        f"BUILDDIR={tmp_path / 'build'}", f"VENV={sys.prefix}",
        f"SITE_STAMP={tmp_path / 'site-requirements'}", "SPHINXOPTS=-q -W --keep-going",
    ]  # fmt: skip


WAITING = "Another build is running in"


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_two_make_builds_at_once_take_turns(tmp_path, site):
    command = make_command(tmp_path, site, "html")
    first = _while_paused(command, site)
    second = subprocess.run(command, env=build_env(), stderr=subprocess.PIPE, text=True)
    assert first.wait(timeout=60) == 0, first.stderr.read()
    assert second.returncode == 0, second.stderr
    assert f"{WAITING} {site.resolve()}" in second.stderr
    assert set(indexed_pages(tmp_path / "build" / "html")) == READERS_PAGES | {"book"}


def test_two_sphinx_builds_on_one_output_folder_take_turns(site):
    """The extension takes the lock itself: builds started without make wait too."""
    command = [
        sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-b", "html",
        "-d", str(site / "_build" / "doctrees"), str(site), str(outdir(site)),
    ]  # fmt: skip
    first = _while_paused(command, site)
    second = subprocess.run(command, env=build_env(), stderr=subprocess.PIPE, text=True)
    assert first.wait() == 0, first.stderr.read()
    assert second.returncode == 0, second.stderr
    assert second.stderr.count(WAITING) == 1, second.stderr
    assert set(indexed_pages(outdir(site))) == READERS_PAGES | {"book"}
    assert differences_from_a_clean_build(site) == []


def test_a_lock_won_on_a_file_its_holder_removed_is_taken_again(tmp_path, monkeypatch):
    """A build that waited on the lock file its holder removes as it lets go holds the
    file that is there now, so a third build waits for it."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    folder = str(tmp_path / "site")
    first = hold_lock(folder, lambda message: None)
    said: list[str] = []
    waiter = threading.Thread(target=lambda: said.append(str(hold_lock(folder, said.append))))
    waiter.start()
    deadline = time.monotonic() + 10
    while not said and time.monotonic() < deadline:
        time.sleep(0.01)
    assert said == [waiting_message(folder)]
    let_go(folder, first)
    waiter.join(timeout=10)
    assert len(said) == 2  # the waiter holds the lock now
    assert _locked(Path(lock_file(folder)))
    let_go(folder, int(said[1]))
    assert not Path(lock_file(folder)).exists()


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_clean_waits_for_a_running_build(tmp_path, site):
    """``make clean`` takes the builds' lock: it removes nothing under a build, and a
    build started after it does not run beside the first."""
    first = _while_paused(make_command(tmp_path, site, "html"), site)
    clean = subprocess.run(
        make_command(tmp_path, site, "clean"), env=build_env(), stderr=subprocess.PIPE, text=True
    )
    assert first.wait() == 0, first.stderr.read()
    assert clean.returncode == 0, clean.stderr
    assert f"{WAITING} {site.resolve()}" in clean.stderr
    assert not (tmp_path / "build").exists()
    assert not (site / "tags").exists()
    second = _while_paused(make_command(tmp_path, site, "html"), site)
    third = subprocess.run(
        make_command(tmp_path, site, "html"), env=build_env(), stderr=subprocess.PIPE, text=True
    )
    assert second.wait() == 0, second.stderr.read()
    assert third.returncode == 0, third.stderr
    assert f"{WAITING} {site.resolve()}" in third.stderr  # the lock holds after a clean too
    assert set(indexed_pages(tmp_path / "build" / "html")) == READERS_PAGES | {"book"}


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_the_first_notebook_and_the_last_leave_a_clean_builds_output(site, builder):
    """MyST-NB is loaded only for a site with a notebook: its coming and going reads
    everything again, and leaves nothing of it behind."""
    sphinx_build(site, builder)
    notebook = PROJECT / "tests" / "roots" / "test-notebooks" / "posts" / "sine-wave.ipynb"
    text = notebook.read_text(encoding="utf-8")
    # no widget or script: the build passes with -W
    data = json.loads(text)
    data["cells"] = [c for c in data["cells"] if "Javascript" not in str(c["source"])]
    data["cells"] = [c for c in data["cells"] if "IntSlider" not in str(c["source"])]
    (site / "posts" / "wave.ipynb").write_text(json.dumps(data, indent=1, ensure_ascii=False))
    sphinx_build(site, builder)
    assert differences_from_a_clean_build(site, builder) == []
    assert list(outdir(site, builder).glob("_static/mystnb.*.css"))
    edit(site / "posts" / "beta.md", "\n---\n", "\n---\n\nA sentence more.\n")
    sphinx_build(site, builder)  # pages written again link the style sheet as before
    assert differences_from_a_clean_build(site, builder) == []

    (site / "posts" / "wave.ipynb").unlink()
    sphinx_build(site, builder)
    assert differences_from_a_clean_build(site, builder) == []


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_series_coming_renamed_and_gone_leave_a_clean_builds_output(site, builder):
    """A series' pages, feed and boxes follow its posts: made, renamed, removed."""
    sphinx_build(site, builder)
    for post in ("alpha", "beta"):
        edit(site / "posts" / f"{post}.md", "\n---\n", "\nseries: Getting started\n---\n")
    sphinx_build(site, builder)
    assert differences_from_a_clean_build(site, builder) == []
    assert (outdir(site, builder) / "series").is_dir()
    edit(site / "posts" / "beta.md", "series: Getting started", "series: Going further")
    sphinx_build(site, builder)
    assert differences_from_a_clean_build(site, builder) == []
    for post, name in (("alpha", "Getting started"), ("beta", "Going further")):
        edit(site / "posts" / f"{post}.md", f"series: {name}\n", "")
    sphinx_build(site, builder)
    assert differences_from_a_clean_build(site, builder) == []
    assert [path.name for path in (site / "series").iterdir()] == ["index.md"]


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_translations_coming_and_going_leave_a_clean_builds_output(site, builder):
    """A story's other versions, its links, alternates and language feeds follow its
    posts: a translation added, its language changed, then removed."""
    sphinx_build(site, builder)
    kazakh = site / "posts" / "alpha.kk.md"
    kazakh.write_text(
        "---\ntitle: Альфа\ndate: 2020-01-02\nlang: kk\n---\nБірінші жазба қазақша.\n",
        encoding="utf-8",
    )
    sphinx_build(site, builder)
    assert differences_from_a_clean_build(site, builder) == []
    assert (outdir(site, builder) / "atom.kk.xml").is_file()
    edit(kazakh, "lang: kk", "lang: ru")
    sphinx_build(site, builder)
    assert differences_from_a_clean_build(site, builder) == []
    assert (outdir(site, builder) / "atom.ru.xml").is_file()
    kazakh.unlink()
    sphinx_build(site, builder)
    assert differences_from_a_clean_build(site, builder) == []
    assert not (outdir(site, builder) / "atom.ru.xml").exists()
