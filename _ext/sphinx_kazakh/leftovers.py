"""Another language's search scripts, left in the output by an earlier build.

Sphinx copies a language's stemmer (``base-stemmer.js``, ``english-stemmer.js``, …) and its
``translations.js`` into ``_static`` and never removes them, so a site switched from English
to Kazakh (or back, or built once with ``-D language=en``) keeps scripts its pages no longer
load, which a clean build would not have.  After each build, the ones this build did not
write go; a file of that name that the site or its theme ships is left alone.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx import package_dir
from sphinx.builders.html import StandaloneHTMLBuilder

from sphinx_kazakh.script_translations import (
    needs_script_translations,
    sphinx_has_script_translations,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

TRANSLATIONS = "translations.js"
#: every stemmer Sphinx may copy: one per language, their base, and an extension's own
STEMMERS = frozenset(
    {path.name for path in Path(package_dir, "search", "non-minified-js").glob("*.js")}
    | {"_stemmer.js"}
)


def _written(builder: StandaloneHTMLBuilder, app: Sphinx) -> set[str]:
    """The names of the search scripts this build copied into ``_static``."""
    written = set()
    if sphinx_has_script_translations(app.config) or needs_script_translations(app):
        written.add(TRANSLATIONS)
    indexer = getattr(builder, "indexer", None)
    if indexer is not None:
        written |= {Path(path).name for path in indexer.get_js_stemmer_rawcodes()}
        if indexer.get_js_stemmer_rawcode():
            written.add("_stemmer.js")
    return written


def _shipped(builder: StandaloneHTMLBuilder, app: Sphinx) -> set[str]:
    """The names among the search scripts that the site's or its theme's static files hold."""
    folders = [Path(app.confdir, entry) for entry in app.config.html_static_path]
    if builder.theme:
        folders += [Path(entry, "static") for entry in builder.theme.get_theme_dirs()]
    return {
        name
        for name in STEMMERS | {TRANSLATIONS}
        for folder in folders
        if (folder / name).is_file() or (folder.is_file() and folder.name == name)
    }


def remove_other_languages_scripts(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: remove the search scripts this build did not write."""
    builder = app.builder
    if exception is not None or not isinstance(builder, StandaloneHTMLBuilder):
        return
    keep = _written(builder, app) | _shipped(builder, app)
    static = Path(app.outdir, "_static")
    for name in sorted((STEMMERS | {TRANSLATIONS}) - keep):
        # a script no page loads does no harm where it cannot be removed
        with contextlib.suppress(OSError):
            (static / name).unlink(missing_ok=True)
