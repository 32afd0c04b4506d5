from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import zipfile
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

if TYPE_CHECKING:
    from collections.abc import Iterator

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "_ext"))
sys.path.insert(0, str(PROJECT / "tools"))

pytest_plugins = ["sphinx.testing.fixtures"]
collect_ignore = ["roots"]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).resolve().parent / "roots"


SITE_PARTS = [
    "conf.py", "index.md", "archive.md", "book.md", "posts", "_ext", "_static", "_templates",
    "locales",
]  # fmt: skip


def copy_site(srcdir: Path) -> Path:
    """A copy of the project's own site (sources and extension) in *srcdir*."""
    srcdir.mkdir(parents=True)
    for part in SITE_PARTS:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, srcdir / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, srcdir / part)
    return srcdir


def root_with(root: Path, srcdir: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """A copy of the test *root* in *srcdir*, with *files* (path from the source folder:
    text or bytes) added."""
    shutil.copytree(root, srcdir)
    for name, content in (files or {}).items():
        path = srcdir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return srcdir


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "site")


def warning_lines(text: str, srcdir: Path) -> list[str]:
    """Warnings as a sorted list of lines: no colours, paths from the source folder."""
    text = strip_escape_sequences(text)
    return sorted(
        line.replace(f"{srcdir}{os.sep}", "") for line in text.splitlines() if line.strip()
    )


def warnings_of(app: SphinxTestApp) -> list[str]:
    """*app*'s warnings, sorted, as :func:`warning_lines` gives them."""
    return warning_lines(app.warning.getvalue(), app.srcdir)


@contextlib.contextmanager
def without_read_the_docs() -> Iterator[None]:
    """No Read the Docs variable while building: conf.py reads it."""
    saved = os.environ.pop("READTHEDOCS_CANONICAL_URL", None)
    try:
        yield
    finally:
        if saved is not None:
            os.environ["READTHEDOCS_CANONICAL_URL"] = saved


class Builds:
    """Builds that tests only read, each made once a session and kept.

    ``builds("basic")`` is the test root ``test-basic`` built in HTML; ``builds("site",
    "epub")`` the project's own site in ePub, with warnings as errors. Tests that edit
    sources or need a build of their own make it themselves (``make_app``).
    """

    def __init__(self, rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
        self._rootdir = rootdir
        self._tmp = tmp_path_factory
        self._apps: dict[str, SphinxTestApp | BaseException] = {}

    def __call__(
        self, testroot: str, buildername: str = "html", **confoverrides: Any
    ) -> SphinxTestApp:
        key = f"{testroot} {buildername} {sorted(confoverrides.items())!r}"
        if key not in self._apps:
            self._apps[key] = self._build(testroot, buildername, confoverrides)
        app = self._apps[key]
        if isinstance(app, BaseException):
            pytest.fail(f"the shared build {key} failed: {app!r}")
        return app

    def _build(
        self, testroot: str, buildername: str, confoverrides: dict[str, Any]
    ) -> SphinxTestApp | BaseException:
        folder = self._tmp.mktemp(f"{testroot}-{buildername}")
        if testroot == "site":
            srcdir = copy_site(folder / "site")
        else:
            srcdir = Path(shutil.copytree(self._rootdir / f"test-{testroot}", folder / testroot))
        app = SphinxTestApp(
            buildername, srcdir=srcdir, confoverrides=confoverrides, status=StringIO(),
            warning=StringIO(), warningiserror=testroot == "site",
        )  # fmt: skip
        try:
            with without_read_the_docs():
                app.build()
        except Exception as error:  # every test that reads this build fails with it
            return error
        finally:
            app.cleanup()
        return app


@pytest.fixture(scope="session")
def builds(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Builds:
    return Builds(rootdir, tmp_path_factory)


def site_posts(srcdir: Path) -> list[Path]:
    """The posts of a site's ``posts/`` folder: Markdown files and notebooks, by name."""
    return sorted(p for p in (srcdir / "posts").iterdir() if p.suffix in {".md", ".ipynb"})


def meta_content(page: BeautifulSoup, key: str) -> str | None:
    """The content of a page's ``<meta>`` by ``property`` (Open Graph) or ``name``."""
    tag = page.select_one(f'meta[property="{key}"], meta[name="{key}"]')
    return tag["content"] if tag else None


def epub_spine(epub: Path) -> list[str]:
    """The pages of an ePub in its reading order, by name without ``.xhtml``."""
    with zipfile.ZipFile(epub) as book:
        opf = book.read("content.opf").decode("utf-8")
    hrefs = dict(re.findall(r'<item id="([^"]+)" href="([^"]+)"', opf))
    spine = re.findall(r'<itemref idref="([^"]+)"', opf)
    return [hrefs[idref].removesuffix(".xhtml") for idref in spine]


def read_html(outdir: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / page).read_text(encoding="utf-8"), "html.parser")


def post_meta(app, page: str) -> tuple[str, str, list[str]]:
    """A post page's title, the date under it (empty where undated) and its tags."""
    html = read_html(app.outdir, page)
    info = html.select_one(".blog-post-meta")
    date = info.select_one(".blog-date")
    tags = [a.get_text() for a in info.select(".blog-post-tags a")]
    return heading(html.select_one("h1")), date.get_text() if date else "", tags


def article(app, docname: str):
    """The main text of *docname*'s page, as the site's theme writes it."""
    return read_html(app.outdir, f"{docname}.html").select_one("article")


def post_titles(element) -> list[str]:
    """The titles of the posts listed in *element*, in order."""
    return [link.get_text() for link in element.select("a.blog-post-title")]


def heading(element) -> str:
    """A heading's text without the theme's permalink sign."""
    for permalink in element.select("a.headerlink"):
        permalink.extract()
    return element.get_text(strip=True)


#: modules that read the same builds, kept on one test process by the scheduler below;
#: every other module is a group of its own
SHARED_BUILDS = {
    "test_book": "site", "test_site": "site",
    "test_browser": "served site", "test_validators": "served site",
    "test_site_config": "served site",
    "test_listings": "basic", "test_post_page": "basic", "test_incremental": "basic",
}  # fmt: skip


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """With ``--dist loadscope`` (tests/pytest.ini), a test process takes whole modules,
    and the modules of :data:`SHARED_BUILDS` together."""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SharedBuildsScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return SHARED_BUILDS.get(Path(module).stem, module)

    return SharedBuildsScheduling(config, log)


def pytest_configure(config: pytest.Config) -> None:
    # the book theme and MyST use Sphinx APIs deprecated for Sphinx 11
    for module in ("sphinx_book_theme", "myst_parser"):
        config.addinivalue_line(
            "filterwarnings", f"ignore::sphinx.deprecation.RemovedInSphinx11Warning:{module}"
        )
