"""GitHub's Markdown in every output: struck text, task lists, aligned columns.

MyST writes ``~~struck~~`` and a task's box as raw HTML (``<s>``, ``<input
type="checkbox">``), which the PDF cannot show and which it warns of for
every use. Here struck text is a node of its own (``<del>`` in HTML, struck
out in the PDF), and a task's box the character of a ticked or empty box,
which every output and every reader shows (a box that cannot be ticked is no
form field, which checkers would want labelled). A table's columns aligned
with ``:--:`` and ``--:`` keep their alignment in the PDF, whose table writer
otherwise sets every column flush left.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinxblog.reading.output import output_in

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator

#: a task's box as MyST writes it
_CHECKBOX = re.compile(r'^<input class="task-list-item-checkbox"[^>]*>$')
TICKED, EMPTY = "\u2611", "\u2610"  # ☑ ☐


class struck(nodes.inline):  # noqa: N801 (docutils names nodes in lower case)
    """Struck-out text: an inline wherever a translator has no visitor for it."""


def visit_struck_html(translator: HTML5Translator, node: struck) -> None:
    translator.body.append(translator.starttag(node, "del", ""))


def depart_struck_html(translator: HTML5Translator, node: struck) -> None:
    translator.body.append("</del>")


def visit_struck_latex(translator: LaTeXTranslator, node: struck) -> None:
    translator.body.append(r"\blogstrike{")  # the book's macro (book/extension.py)


def depart_struck_latex(translator: LaTeXTranslator, node: struck) -> None:
    translator.body.append("}")


class GitHubMarkdown(SphinxTransform):
    """Make MyST's ``<s>`` … ``</s>`` a :class:`struck` node and a task's box a
    character."""

    default_priority = 300  # before anything reads raw HTML (rawhtml.py, 400)

    def apply(self, **kwargs: object) -> None:
        for raw in list(self.document.findall(nodes.raw)):
            if raw.parent is None or "html" not in raw.get("format", "").split():
                continue
            text = raw.astext()
            if text == "<s>":
                _strike(raw)
            elif _CHECKBOX.match(text):
                box = TICKED if 'checked="checked"' in text else EMPTY
                raw.replace_self(nodes.inline(box, box + " ", classes=["task-list-item-box"]))


def _strike(opening: nodes.raw) -> None:
    """What stands between *opening* and the ``</s>`` after it, in a :class:`struck`."""
    parent = opening.parent
    at = parent.index(opening)
    end = next(
        (n for n in range(at + 1, len(parent)) if isinstance(parent[n], nodes.raw)
         and parent[n].astext() == "</s>"),
        None,
    )  # fmt: skip
    if end is None:
        return
    inside = parent[at + 1 : end]
    del parent[at : end + 1]
    node = struck()
    node.extend(inside)
    parent.insert(at, node)


#: tabulary's columns, by MyST's class of a cell's alignment
_COLUMN_TYPES = {"text-left": "L", "text-center": "C", "text-right": "R"}


class AlignedColumnsInThePdf(SphinxPostTransform):
    """Give a table whose columns Markdown aligns a column spec that keeps it."""

    default_priority = 100

    def is_supported(self) -> bool:
        return output_in(self.env).latex

    def run(self, **kwargs: object) -> None:
        for table in list(self.document.findall(nodes.table)):
            if (spec := column_spec(table)) and not isinstance(
                table.previous_sibling(), addnodes.tabular_col_spec
            ):
                table.parent.insert(table.parent.index(table), addnodes.tabular_col_spec(spec=spec))


def column_spec(table: nodes.table) -> str:
    """``LCR`` for a table of a left, a centred and a right column; empty where no
    column is aligned, or the rows disagree on how many there are."""
    rows = list(table.findall(nodes.row))
    widths = {len(row) for row in rows}
    if not rows or len(widths) != 1:
        return ""
    types = []
    for column in range(widths.pop()):
        classes: set[str] = set()
        for row in rows:
            if isinstance(entry := row[column], nodes.Element):
                classes.update(entry.get("classes", []))
        types.append(next((_COLUMN_TYPES[c] for c in _COLUMN_TYPES if c in classes), "L"))
    return "".join(types) if set(types) != {"L"} else ""


def handle_struck_text(app: Sphinx, config: Config) -> None:
    """``config-inited``: with MyST's strikethrough on, its warning that only HTML shows
    struck text is not true here."""
    if "strikethrough" in getattr(config, "myst_enable_extensions", ()):
        config.suppress_warnings = [*config.suppress_warnings, "myst.strikethrough"]
