"""Diagrams in the web pages: their source, drawn by Mermaid served from the site.

A web page with a :class:`~sphinxblog.reading.diagrams.diagram` holds its
source in ``<pre class="mermaid">`` and loads Mermaid (the copy the renderer
carries, written into ``_static`` before the first page that needs it, so
every page links it alike) and ``blog-mermaid.js``, which draws each diagram
in the page's light or dark mode, and again when the reader switches.  Pages
without a diagram load neither.  The ePub shows the picture drawn at build
time instead, as any figure.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinxblog.reading.diagrams import MERMAID_SCRIPT, diagram, mermaid_script
from sphinxblog.reading.output import output_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

#: the script that draws a page's diagrams, among the extension's static files
DRAWING_SCRIPT = "blog-mermaid.js"


def visit_diagram_html(translator: HTML5Translator, node: diagram) -> None:
    if output_of(translator.builder).epub:
        translator.visit_figure(node)
        return
    translator.body.append(translator.starttag(node, "figure", CLASS="blog-diagram"))
    translator.body.append(f'<pre class="mermaid">{html.escape(node["source"])}</pre>\n')
    for caption in node.findall(nodes.caption):
        translator.body.append(f"<figcaption><p>{html.escape(caption.astext())}</p></figcaption>\n")
    translator.body.append("</figure>\n")
    raise nodes.SkipNode


def depart_diagram_html(translator: HTML5Translator, node: diagram) -> None:
    translator.depart_figure(node)


def load_mermaid(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: Mermaid and the drawing script on a web page with a diagram."""
    if doctree is None or output_of(app.builder).epub or not any(doctree.findall(diagram)):
        return
    script = mermaid_script()
    if script is None:
        return
    copy = Path(app.outdir, "_static", MERMAID_SCRIPT)
    if not copy.is_file() or copy.stat().st_size != script.stat().st_size:
        copy.parent.mkdir(parents=True, exist_ok=True)
        partial = copy.with_suffix(".part")
        shutil.copyfile(script, partial)
        partial.replace(copy)
    # for this page alone: Sphinx forgets what a page's handler adds once it is written
    app.add_js_file(MERMAID_SCRIPT, loading_method="defer")
    app.add_js_file(DRAWING_SCRIPT, loading_method="defer")
