"""The interface in the site's language: message catalogs and the search page's strings.

Sphinx compiles and loads only the ``sphinx`` domain from ``locale_dirs``.
The blog's own strings (domain ``sphinxblog``) and a theme's (sphinx-book-theme
uses ``booktheme``) live in other domains, so the extension compiles those
``.po`` files itself, from its own ``locales`` folder and from the site's
``locale_dirs``, into the build's doctree folder, and loads them; the site's
catalogs come first, so a site can reword any string.

The search page's strings are translated in JavaScript, from a
``translations.js`` that Sphinx ships only for the languages it has
catalogs for.  For any other language (Kazakh) the extension writes one from
the translations Sphinx loaded, for the messages Sphinx's own scripts use.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from sphinx import package_dir
from sphinx.locale import get_translator
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: the extension's own catalogs: ``<language>/LC_MESSAGES/sphinxblog.po``
CATALOGS = Path(__file__).parent / "locales"
#: Sphinx's message template, which names the script each message is used in
SPHINX_TEMPLATE = Path(package_dir, "locale", "sphinx.pot")

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
    """``config-inited``: compile and load every non-Sphinx catalog for the language."""
    language = config.language
    if not language:
        return
    compiled = Path(app.doctreedir, "blog-locales")
    for number, folder in enumerate(_locale_dirs(app, config)):
        messages = folder / language / "LC_MESSAGES"
        if not messages.is_dir():
            continue
        target = compiled / str(number)
        for po in sorted(messages.glob("*.po")):
            if po.stem == "sphinx":
                continue  # Sphinx compiles and loads its own domain
            if _compile(po, target / language / "LC_MESSAGES" / f"{po.stem}.mo", language):
                app.add_message_catalog(po.stem, str(target))


def _sphinx_has_script_translations(config: Config) -> bool:
    folders = [*config.locale_dirs, Path(package_dir, "locale")]
    return any(
        Path(folder, config.language, "LC_MESSAGES", "sphinx.js").is_file() for folder in folders
    )


def needs_script_translations(app: Sphinx) -> bool:
    config = app.config
    return (
        app.builder.format == "html"
        and bool(config.language)
        and config.language != "en"
        and not _sphinx_has_script_translations(config)
    )


def add_script_translations(app: Sphinx) -> None:
    """``builder-inited``: announce the ``translations.js`` written after the build."""
    if needs_script_translations(app):
        app.add_js_file("translations.js")


def script_messages() -> list[tuple[str, str | None]]:
    """(message, plural) for every message Sphinx's own scripts translate."""
    with SPHINX_TEMPLATE.open("rb") as source:
        template = read_po(source)
    found = []
    for message in template:
        if message.id and any(".js" in location for location, _line in message.locations):
            found.append(
                (message.id[0], message.id[1]) if message.pluralizable else (message.id, None)
            )
    return found


def script_translations(language: str) -> str:
    """The text of ``translations.js``: Sphinx's script messages in *language*."""
    translator = get_translator("sphinx")
    messages: dict[str, str | list[str]] = {}
    for message, plural in script_messages():
        if plural is None:
            translated = translator.gettext(message)
            if translated != message:
                messages[message] = translated
        else:
            forms = [translator.ngettext(message, plural, n) for n in (1, 2)]
            if forms != [message, plural]:
                messages[message] = forms
    data = {"locale": language, "messages": messages, "plural_expr": "(n != 1)"}
    return f"Documentation.addTranslations({json.dumps(data, ensure_ascii=False, indent=1)});\n"


def write_script_translations(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the search page's strings in the site's language."""
    if exception is not None or not needs_script_translations(app):
        return
    target = Path(app.outdir, "_static", "translations.js")
    text = script_translations(app.config.language)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
