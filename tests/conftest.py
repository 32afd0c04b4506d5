from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "_ext"))

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


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "site")


def read_html(outdir: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / page).read_text(encoding="utf-8"), "html.parser")


def post_titles(element) -> list[str]:
    """The titles of the posts listed in *element*, in order."""
    return [link.get_text() for link in element.select("a.blog-post-title")]


def heading(element) -> str:
    """A heading's text without the theme's permalink sign."""
    for permalink in element.select("a.headerlink"):
        permalink.extract()
    return element.get_text(strip=True)


def pytest_configure(config: pytest.Config) -> None:
    # the book theme and MyST use Sphinx APIs deprecated for Sphinx 11
    for module in ("sphinx_book_theme", "myst_parser"):
        config.addinivalue_line(
            "filterwarnings", f"ignore::sphinx.deprecation.RemovedInSphinx11Warning:{module}"
        )
