"""Docutils finds Kazakh: ``docutils.languages.kk``, answered from :mod:`sphinx_kazakh.docutils_kk`.

Docutils looks a language up by importing ``docutils.languages.<tag>`` for each tag it reduces
the language to (``kk_KZ``, then ``kk``), and caches what it found.  The module is therefore
offered to that import, through an import finder on :data:`sys.meta_path` (Python's own hook
for providing modules), rather than written into ``sys.modules`` under another package's name
or into the lookup's cache: ``sphinx-build`` replaces ``docutils.languages.get_language`` with
a wrapper for as long as it runs, so the cache is out of reach, and it is keyed by the
language exactly as written, so ``kk_KZ`` would miss an entry made for ``kk``.

The finder is consulted after Python's own ones: should Docutils ever ship Kazakh, its module
comes first.
"""

from __future__ import annotations

import sys
from importlib.abc import MetaPathFinder
from importlib.util import spec_from_file_location
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.machinery import ModuleSpec
    from types import ModuleType

#: the module Docutils imports for Kazakh
MODULE = "docutils.languages.kk"
SOURCE = Path(__file__).with_name("docutils_kk.py")


class KazakhForDocutils(MetaPathFinder):
    """Finds :data:`MODULE` in this package, and no other module."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname != MODULE:
            return None
        return spec_from_file_location(fullname, SOURCE)


def register() -> None:
    """Let Docutils find Kazakh, once per process (forked workers inherit it)."""
    if not any(isinstance(finder, KazakhForDocutils) for finder in sys.meta_path):
        sys.meta_path.append(KazakhForDocutils())
