"""The blog's own words in the site's language: its message catalogs (domain ``sphinxblog``).

Sphinx compiles and loads only the ``sphinx`` domain from ``locale_dirs``.  The blog's
strings live in a domain of their own, so the extension compiles its ``.po`` files itself,
from the site's ``locale_dirs`` and from its own ``locales`` folder, into the build's doctree
folder, and loads them; the site's catalogs come first, so a site can reword any string.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

DOMAIN = "sphinxblog"
#: the extension's own catalogs: ``<language>/LC_MESSAGES/sphinxblog.po``
CATALOGS = Path(__file__).parent.parent / "locales"

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
            location=f"{po}:{line}", type="blog", subtype="catalog",
        )  # fmt: skip
        return False
    return True


def load_catalogs(app: Sphinx, config: Config) -> None:
    """``config-inited``: compile and load the blog's catalogs for the language."""
    language = config.language
    if not language:
        return
    compiled = Path(app.doctreedir, "blog-locales")
    for number, folder in enumerate(_locale_dirs(app, config)):
        po = folder / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        if not po.is_file():
            continue
        target = compiled / str(number)
        if _compile(po, target / language / "LC_MESSAGES" / f"{DOMAIN}.mo", language):
            app.add_message_catalog(DOMAIN, str(target))
