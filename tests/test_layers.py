"""The extension's folders are its layers: a module imports only from its own layer or those below.

Each layer is the folder a module sits in, so a new module has a layer by
being put somewhere; the package's ``__init__`` (the wiring) sits above them
all.  The core is pure (no Sphinx, Docutils or MyST): parsing, dates, slugs
and the catalog model, unit-tested without a build; so are the other
generators' text translators of ``migrate/markup``.  docs/architecture.md
describes the same layers.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "_ext" / "sphinxblog"

#: the layers, lowest first; the package's own ``__init__`` is above them all
ORDER = ["core", "reading", "migrate", "pages", "outputs", "rebuild", "book", ""]
#: what a pure module may not import
SPHINX = ("sphinx", "docutils", "myst_parser", "sphinx_design", "sphinxext")


def module_files() -> dict[str, Path]:
    """Every module of the package by dotted name, ``sphinxblog`` itself for the wiring."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(("sphinxblog", *parts))] = path
    return found


def layer_of(module: str) -> str:
    """The folder right under the package that *module* sits in ("" for the wiring)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in ORDER) else ""


def imports_of(path: Path) -> set[str]:
    """Every module *path* imports, at run time or for type checking."""
    modules = module_files()
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            # from sphinxblog.pages import listings: the module, not the folder
            found |= {
                f"{node.module}.{alias.name}"
                for alias in node.names
                if f"{node.module}.{alias.name}" in modules
            }
    return found


def test_every_module_sits_in_a_layer() -> None:
    folders = {path.parent.relative_to(PACKAGE).parts[:1] for path in PACKAGE.rglob("*.py")}
    assert sorted(folder[0] for folder in folders if folder) == sorted(ORDER[:-1])
    loose = sorted(path.name for path in PACKAGE.glob("*.py") if path.name != "__init__.py")
    assert loose == []


@pytest.mark.parametrize("module", sorted(module_files()))
def test_a_module_imports_nothing_from_a_layer_above_its_own(module: str) -> None:
    own = ORDER.index(layer_of(module))
    above = sorted(
        name
        for name in imports_of(module_files()[module])
        if name.startswith("sphinxblog.") and ORDER.index(layer_of(name)) > own
    )
    assert above == []


def _pure(module: str) -> bool:
    return layer_of(module) == "core" or module.startswith("sphinxblog.migrate.markup")


@pytest.mark.parametrize("module", sorted(filter(_pure, module_files())))
def test_the_core_and_the_text_translators_import_no_sphinx(module: str) -> None:
    sphinx = sorted(
        name for name in imports_of(module_files()[module]) if name.split(".")[0] in SPHINX
    )
    assert sphinx == []


def test_the_makefile_tools_are_not_in_the_extension() -> None:
    assert not (PACKAGE / "newpost.py").exists()
    assert (PACKAGE.parent.parent / "tools" / "newpost.py").exists()
