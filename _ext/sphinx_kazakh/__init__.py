"""Kazakh for any Sphinx site: Docutils' labels, a search that stems Kazakh words and finds
them typed in either alphabet, the
themes' message catalogs and the search page's strings in the site's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_kazakh import catalogs, docutils_language, leftovers, script_translations
from sphinx_kazakh.search import SearchKazakh, index_latin_spellings

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"


def setup(app: Sphinx) -> ExtensionMetadata:
    # here, not on a later event: before any document is read, and before -j workers fork
    docutils_language.register()
    app.add_search_language(SearchKazakh)
    app.connect("config-inited", index_latin_spellings)
    # after the extensions that load their own domains (500), which are left to them
    app.connect("config-inited", catalogs.load_catalogs, priority=600)
    app.connect("builder-inited", script_translations.add_script_translations)
    app.connect("build-finished", leftovers.remove_other_languages_scripts)
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
