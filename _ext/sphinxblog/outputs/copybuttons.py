"""The copy buttons on code blocks (sphinx-copybutton), labelled in the site's language.

sphinx-copybutton knows a few languages and falls back to English for the
others, Kazakh among them. Its script keeps its labels in a table by
language, read when a page has loaded: the blog adds the site's language to
that table, in the words of its own catalogs, so any language the blog
speaks labels the buttons. The buttons are the web pages' only: the PDF and
the ePub have none.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sphinx.locale import get_translation

from sphinxblog.reading.output import output_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_ = get_translation("sphinxblog")


def labels() -> dict[str, str]:
    """The buttons' words, as sphinx-copybutton names them, in the site's language."""
    return {
        "copy": str(_("Copy")),
        "copy_to_clipboard": str(_("Copy to clipboard")),
        "copy_success": str(_("Copied!")),
        "copy_failure": str(_("Failed to copy")),
    }


def label_copy_buttons(app: Sphinx) -> None:
    """``builder-inited``: on the web pages of a site with copy buttons, give the
    buttons the site's words (a script run after sphinx-copybutton's)."""
    output = output_of(app.builder)
    if "sphinx_copybutton" not in app.extensions or not output.html or output.epub:
        return
    language = json.dumps(app.config.language or "en")
    table = json.dumps(labels(), ensure_ascii=False).replace("</", "<\\/")
    # its icons were drawn when its script loaded, titled in English: titled again
    titles = "".join(
        f"{icon} = {icon}.replace(/<title>[^<]*<\\/title>/, "
        f"'<title>' + messages[{language}].{key} + '<\\/title>'); "
        for icon, key in (("iconCopy", "copy_to_clipboard"), ("iconCheck", "copy_success"))
    )
    app.add_js_file(
        None,
        body=(
            "if (typeof messages === 'object' && document.documentElement.lang === "
            f"{language}) {{ messages[{language}] = {table}; locale = {language}; {titles}}}"
        ),
        priority=600,  # after sphinx-copybutton's script (500), whose table it fills
    )
