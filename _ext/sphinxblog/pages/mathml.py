"""Math in the web pages and the ePub as MathML, written when the site is built.

Sphinx's default shows math with MathJax, loaded from another host when a
page opens. Every current browser and EPUB 3 reader shows MathML Core: the
TeX of ``$…$``, ``$$…$$`` and ``{math}`` is written as MathML at build time
(latex2mathml), so a page loads nothing for it and the ePub carries it. A
display's label numbers it, as in the PDF, which sets the TeX itself. TeX
that the converter does not know is shown as written, with a warning.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
from sphinx.locale import _ as sphinx_message
from sphinx.util import logging
from sphinx.util.math import get_node_equation_number

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger(__name__)

#: a TeX command the converter passed through as a name: it did not know it
_UNKNOWN = re.compile(r"<m[io][^>]*>(\\[A-Za-z]+)</m[io]>")
#: amsmath's \label{…} and \tag{…}, which number displays in TeX, not in MathML
_LABEL = re.compile(r"\\(?:label|nonumber|notag)\b(?:\{[^{}]*\})?")
#: an amsmath environment that numbers its lines: the page numbers the display once
_NUMBERING = re.compile(r"\\(begin|end)\{(align|alignat|flalign|gather|multline|equation)\}")


def _numbered_label(renderer: SphinxRenderer) -> str:
    """The label of a document's next numbered amsmath environment, by its place in
    the document (``amsmath-posts-math-2``)."""
    env = renderer.sphinx_env
    domain = env.domains.math_domain
    taken = sum(1 for docname, _number in domain.equations.values() if docname == env.docname)
    return f"amsmath-{env.docname.replace('/', '-')}-{taken + 1}"


def label_amsmath_by_place() -> None:
    """MyST names each numbered amsmath environment (``\\begin{align}``) with a random
    UUID, which becomes its id in the page: every build would write other pages, and
    an incremental build would differ from a clean one. Name it by its place."""
    SphinxRenderer._random_label = _numbered_label  # type: ignore[method-assign,assignment]


def mathml(tex: str, display: bool, node: nodes.Element) -> str:
    """*tex* as a ``<math>`` element; as its source, in code, where it cannot be."""
    # imported here: it reads its own version from the installed packages, which costs
    # every build a tenth of a second, and most builds write no math
    from latex2mathml.converter import convert

    tex = _NUMBERING.sub(r"\\\1{\2*}", _LABEL.sub("", tex)).strip()
    try:
        written = convert(tex, display="block" if display else "inline")
    except Exception as error:  # the converter raises what its parser meets
        _warn(node, f"cannot be written as MathML ({type(error).__name__}: {error})")
        return f'<code class="math-source">{_escape(tex)}</code>'
    unknown = sorted(set(_UNKNOWN.findall(written)))
    if unknown:
        _warn(node, f"holds TeX that MathML has no sign for ({', '.join(unknown)}): shown as "
                    "written")  # fmt: skip
    return written


def _warn(node: nodes.Element, why: str) -> None:
    logger.warning(
        "math %r %s; the PDF sets it", _shortened(node.astext()), why,
        location=node, type="blog", subtype="math",
    )  # fmt: skip


def _shortened(tex: str) -> str:
    tex = " ".join(tex.split())
    return tex if len(tex) <= 60 else tex[:59] + "…"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def visit_math_html(translator: HTML5Translator, node: nodes.math) -> None:
    translator.body.append(mathml(node.astext(), False, node))
    raise nodes.SkipNode


def visit_displaymath_html(translator: HTML5Translator, node: nodes.math_block) -> None:
    """A display: its equations one under another, numbered where labelled."""
    translator.body.append(translator.starttag(node, "div", CLASS="math"))
    if node.get("number"):
        number = get_node_equation_number(translator, node)
        translator.body.append(f'<span class="eqno">({number})')
        translator.add_permalink_ref(node, sphinx_message("Link to this equation"))
        translator.body.append("</span>")
    tex = node.astext()
    parts = [part for part in tex.split("\n\n") if part.strip()] or [tex]
    for part in parts:
        if r"\\" in part and r"\begin" not in part:
            part = rf"\begin{{split}}{part}\end{{split}}"  # lines aligned at &, as Sphinx's
        translator.body.append(mathml(part, True, node))
    translator.body.append("</div>\n")
    raise nodes.SkipNode
