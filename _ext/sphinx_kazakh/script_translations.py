"""The search page's strings in the site's language: a ``translations.js``.

Sphinx's scripts (the search page's result counts, "Searching") translate their strings from
``_static/translations.js``, which Sphinx ships only for the languages it has catalogs for.
For any other language (Kazakh) this extension writes one from the translations Sphinx
loaded (``locale_dirs``), for the messages Sphinx's own scripts use.

It is written before any page: Sphinx adds a checksum to a script's link
(``translations.js?v=…``) only when the file is already in the output as the page is
written, so a file written after the pages would be linked without it by a clean build
and with it by the next, and the two builds' pages would differ.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from babel.messages.pofile import read_po
from sphinx import package_dir
from sphinx.locale import get_translator

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: Sphinx's message template, which names the script each message is used in
SPHINX_TEMPLATE = Path(package_dir, "locale", "sphinx.pot")


def sphinx_has_script_translations(config: Config) -> bool:
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
        and not sphinx_has_script_translations(config)
    )


def add_script_translations(app: Sphinx) -> None:
    """``builder-inited``: write ``translations.js`` and link it from every page."""
    if needs_script_translations(app):
        write_script_translations(app)
        app.add_js_file("translations.js")


def script_messages() -> list[tuple[str, str | None]]:
    """(message, plural) for every message Sphinx's own scripts translate."""
    with SPHINX_TEMPLATE.open("rb") as source:
        template = read_po(source)
    found: list[tuple[str, str | None]] = []
    for message in template:
        if not message.id or not any(".js" in place for place, _line in message.locations):
            continue
        if isinstance(message.id, str):
            found.append((message.id, None))
        else:  # singular and plural
            found.append((message.id[0], message.id[1]))
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


def write_script_translations(app: Sphinx) -> None:
    """The search page's strings in the site's language, unless the file holds them."""
    target = Path(app.outdir, "_static", "translations.js")
    text = script_translations(app.config.language)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
