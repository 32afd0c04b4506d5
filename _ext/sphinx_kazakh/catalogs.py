"""Message catalogs of other domains than Sphinx's, from ``locale_dirs`` and this package.

Sphinx compiles and loads only the ``sphinx`` domain from ``locale_dirs``.  A theme's
strings live in a domain of its own (sphinx-book-theme's is ``booktheme``), which the theme
looks for only in its own folder, where there is no Kazakh.  So this extension compiles the
``.po`` files of any other domain, from the site's ``locale_dirs`` and from its own
``locales`` folder, into the build's doctree folder, and loads them; the site's catalogs come
first, so a site can reword any string.  A domain that another extension has already loaded
a translation for (in its own way) is left to it.
"""

from __future__ import annotations

from gettext import NullTranslations
from pathlib import Path
from typing import TYPE_CHECKING

from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from sphinx.locale import get_translator
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: the extension's own catalogs: ``<language>/LC_MESSAGES/<domain>.po``
CATALOGS = Path(__file__).parent / "locales"

logger = logging.getLogger(__name__)


def _locale_dirs(app: Sphinx, config: Config) -> list[Path]:
    """Where catalogs are looked for, the site's folders first."""
    return [*(Path(app.srcdir, folder) for folder in config.locale_dirs), CATALOGS]


def _compile(po: Path, mo: Path, language: str) -> bool:
    """Write *mo* from *po* unless it is up to date; ``False`` (and a warning) if *po* is bad."""
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        return True
    try:
        with po.open("rb") as source:
            catalog = read_po(source, locale=language, domain=po.stem, abort_invalid=True)
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as target:
            write_mo(target, catalog)
    except (PoFileError, ValueError) as error:  # ValueError: not in its declared charset
        # "path:line", not (docname, line): catalogs are read before the environment exists
        line = error.lineno + 1 if isinstance(error, PoFileError) else 1
        logger.warning(
            "message catalog not loaded: %s", error,
            location=f"{po}:{line}", type="kazakh", subtype="catalog",
        )  # fmt: skip
        return False
    return True


def _translated(domain: str) -> bool:
    # Sphinx keeps a NullTranslations for a domain it found no catalog of
    return get_translator(domain).__class__ is not NullTranslations


def load_catalogs(app: Sphinx, config: Config) -> None:
    """``config-inited``: compile and load the other domains' catalogs for the language."""
    language = config.language
    if not language:
        return
    compiled = Path(app.doctreedir, "kazakh-locales")
    found = sorted(
        (number, po)
        for number, folder in enumerate(_locale_dirs(app, config))
        for po in (folder / language / "LC_MESSAGES").glob("*.po")
    )
    # Sphinx loads its own domain; one already translated is its extension's to load
    left_alone = {"sphinx"} | {po.stem for _number, po in found if _translated(po.stem)}
    for number, po in found:
        if po.stem in left_alone:
            continue
        target = compiled / str(number)
        if _compile(po, target / language / "LC_MESSAGES" / f"{po.stem}.mo", language):
            app.add_message_catalog(po.stem, str(target))
