"""The extension's modules are layers: each imports only from its own layer or those below.

The core is pure (no Sphinx, Docutils or MyST): parsing, dates, slugs and the
catalog model, unit-tested without a build.  Reading fills the store while
Sphinx reads; pages render the placeholders; outputs write everything else.
README.md's Layout section describes the same layers.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "_ext" / "sphinxblog"

LAYERS: dict[str, tuple[str, ...]] = {
    "core": (
        "authors", "buildlock", "catalog", "dates", "files", "frontmatter", "headers",
        "language", "locations", "newpost", "oldurls", "posts", "problems", "slugs", "urls",
        "values",
    ),
    "reading": (
        "addresses", "config", "headingslugs", "i18n", "links", "markup", "placeholders", "rawhtml",
        "reading", "safety", "scan", "sourcelinks", "sources", "store", "tagpages", "titles",
    ),
    "pages": ("authorpages", "listings", "oldlinks", "pagination", "postpage", "render"),
    "outputs": (
        "__init__", "book", "context", "feeds", "interrupted", "laterpages", "lockbuild",
        "outputs", "redirects", "searchindex", "sitemap", "stale", "updates",
    ),
}  # fmt: skip
ORDER = list(LAYERS)
#: what the pure core may not import
SPHINX = ("sphinx", "docutils", "myst_parser", "sphinx_design", "sphinxext")


def layer_of(module: str) -> str:
    top = module.split(".")[0]
    return next(layer for layer, modules in LAYERS.items() if top in modules)


def module_files() -> dict[str, Path]:
    return {
        path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", "."): path
        for path in PACKAGE.rglob("*.py")
    }


def imports_of(path: Path) -> set[str]:
    """Every module *path* imports, at run time or for type checking."""
    modules = module_files()
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            if node.module == "sphinxblog":  # from sphinxblog import headers, __version__
                found |= {
                    f"sphinxblog.{alias.name}" if alias.name in modules else "sphinxblog.__init__"
                    for alias in node.names
                }
    return found


def test_every_module_has_a_layer() -> None:
    placed = {module for modules in LAYERS.values() for module in modules}
    unplaced = sorted(name for name in module_files() if name.split(".")[0] not in placed)
    assert unplaced == []


@pytest.mark.parametrize("module", sorted(module_files()))
def test_a_module_imports_nothing_from_a_layer_above_its_own(module: str) -> None:
    own = ORDER.index(layer_of(module))
    above = sorted(
        name
        for name in imports_of(module_files()[module])
        if name.startswith("sphinxblog.")
        and ORDER.index(layer_of(name.removeprefix("sphinxblog."))) > own
    )
    assert above == []


@pytest.mark.parametrize("module", sorted(LAYERS["core"]))
def test_the_core_imports_no_sphinx(module: str) -> None:
    sphinx = sorted(
        name for name in imports_of(module_files()[module]) if name.split(".")[0] in SPHINX
    )
    assert sphinx == []
