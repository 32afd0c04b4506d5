"""The directives other generators' admonitions and dropdowns become.

A MyST directive's options take lines of their own, and a post's lines
must keep their numbers: these take what Material and Docusaurus write on
one line (the kind, a title, whether it is open) as arguments instead.

- ``blog-admonition kind [title]``: an admonition of class *kind*, titled
  *title* (else the kind, capitalised), as ``{admonition}`` with ``:class:``;
- ``blog-dropdown open|closed kind [title]``: sphinx-design's dropdown,
  open or not, with class *kind* (``plain`` for none);
- ``blog-code language [emphasize-lines=1,3-5] [caption='a title'] [linenos]
  [lineno-start=10]``: ``{code-block}`` with these options (shell quoting);
- ``blog-diagram kind [caption]``: a diagram (a ``mermaid`` fence), drawn
  (:mod:`sphinxblog.reading.diagrams`), or shown as a captioned code block where
  it cannot be, with a message; ``{mermaid}`` is the same for a Mermaid
  diagram, unless sphinxcontrib-mermaid is loaded;
- ``blog-code-group``: sphinx-design's tab set of the code blocks it holds,
  each tab named by the block's caption (else its language), as VitePress's
  ``::: code-group`` names them by their ``[label]``.

And the role ``blog-mark``: highlighted text (Obsidian's ``==text==``), a
``<mark>`` in HTML and plain text elsewhere; and :class:`TabsInSequence`, so
that tab sets leave an ePub valid.
"""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.parsers.rst.directives.admonitions import Admonition
from myst_parser.mocking import MockInliner
from sphinx.directives.code import CodeBlock
from sphinx.locale import get_translation
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx_design.dropdown import DropdownDirective
from sphinx_design.shared import create_component, is_component

from sphinxblog.reading.diagrams import diagram, draw
from sphinxblog.reading.output import output_in

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger(__name__)
_ = get_translation("sphinxblog")


class BlogAdmonition(Admonition):
    """``{admonition}`` whose first argument is its class."""

    required_arguments = 1
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = {}

    def run(self):
        kind, *rest = self.arguments[0].split(None, 1) + self.arguments[1:]
        self.options = {"class": [directives.class_option(kind)[0]]}
        self.arguments = [" ".join(rest) or kind.capitalize()]
        return super().run()


class BlogDropdown(DropdownDirective):
    """sphinx-design's dropdown whose first arguments say whether it is open, and its class."""

    required_arguments = 2
    optional_arguments = 1
    option_spec = {}

    def run_with_defaults(self):
        words = " ".join(self.arguments).split(None, 2)
        state, kind = words[0], words[1] if len(words) > 1 else "plain"
        self.arguments = words[2:]
        self.options = {}
        if state == "open":
            self.options["open"] = None
        if kind != "plain":
            self.options["class-container"] = [directives.class_option(kind)[0]]
        return super().run_with_defaults()


class BlogCode(CodeBlock):
    """``{code-block}`` whose options follow the language on its first line."""

    required_arguments = 1
    optional_arguments = 0
    final_argument_whitespace = True
    option_spec = {}

    def run(self):
        words = shlex.split(self.arguments[0])
        self.arguments = words[:1]
        self.options = {}
        for word in words[1:]:
            key, _, value = word.partition("=")
            if key in CodeBlock.option_spec:
                # docutils gives a converter None for an option without a value
                convert = CodeBlock.option_spec[key]
                self.options[key] = convert(value or None)  # type: ignore[arg-type]
        return super().run()


class BlogCodeGroup(SphinxDirective):
    """A tab set of the code blocks in its content; anything else follows the set."""

    has_content = True
    option_spec = {}

    def run(self) -> list[nodes.Node]:
        parsed = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, parsed)
        tab_set = create_component("tab-set", classes=["sd-tab-set"])
        self.set_source_info(tab_set)
        rest: list[nodes.Node] = []
        for child in parsed.children:
            block = child if isinstance(child, nodes.literal_block) else None
            caption = None
            if isinstance(child, nodes.container) and "literal-block-wrapper" in child["classes"]:
                block, caption = (
                    child.next_node(nodes.literal_block),
                    child.next_node(nodes.caption),
                )
            if block is None:
                rest.append(child)
                continue
            label = caption.astext() if caption is not None else block.get("language") or "Code"
            content = create_component("tab-content", classes=["sd-tab-content"], children=[block])
            tab_set += create_component(
                "tab-item", classes=["sd-tab-item"], selected=False,
                children=[nodes.rubric(label, label, classes=["sd-tab-label"]), content],
            )  # fmt: skip
        return [tab_set, *rest] if tab_set.children else rest


class BlogDiagram(SphinxDirective):
    """A diagram: drawn (:mod:`sphinxblog.reading.diagrams`), or where it cannot
    be, its source as a code block captioned with its kind, with a message."""

    required_arguments = 1
    optional_arguments = 1  # its caption
    final_argument_whitespace = True
    has_content = True
    option_spec = {}

    def run(self) -> list[nodes.Node]:
        kind, _space, title = self.arguments[0].partition(" ")
        if len(self.arguments) > 1:
            title = self.arguments[1]
        source = "\n".join(self.content)
        title = title.strip()
        uri, why = draw(self.env, kind, source)
        if uri is not None:
            described = title or _("Diagram (%s)") % kind.capitalize()
            figure = diagram("", nodes.image(uri=uri, alt=described), kind=kind, source=source)
            if title:
                figure += nodes.caption(title, title)
            self.set_source_info(figure)
            return [figure]
        block = nodes.literal_block(source, source, language="text")
        caption = title or _("Diagram (%s)") % kind.capitalize()
        wrapper = nodes.container(
            "", nodes.caption(caption, caption), block,
            classes=["literal-block-wrapper", "blog-diagram"], literal_block=True,
        )  # fmt: skip
        self.set_source_info(wrapper)
        self.set_source_info(block)
        if why.startswith("no renderer"):
            logger.info(
                "%s diagram shown as its source: %s", kind, why,
                location=(self.env.docname, self.lineno),
            )  # fmt: skip
        else:
            logger.warning(
                "%s diagram shown as its source: %s", kind, why,
                location=(self.env.docname, self.lineno), type="blog", subtype="diagram",
            )  # fmt: skip
        return [wrapper]


class MermaidDiagram(BlogDiagram):
    """``{mermaid}``, as sphinxcontrib-mermaid and Jupyter Book write a diagram: a
    :class:`BlogDiagram` of kind ``mermaid``, captioned by its ``:caption:`` (its
    other options are accepted and left aside)."""

    required_arguments = 0
    optional_arguments = 1  # a file of sphinxcontrib-mermaid's: not read here
    final_argument_whitespace = True
    option_spec = {
        name: directives.unchanged
        for name in ("caption", "alt", "align", "name", "zoom", "config", "title")
    }

    def run(self) -> list[nodes.Node]:
        self.arguments = ["mermaid", self.options.get("caption", "")]
        return super().run()


def add_mermaid_directive(app: Sphinx, config: Config) -> None:
    """``config-inited``, once the site's extensions are loaded: ``{mermaid}`` shows a
    diagram's source where no extension of the site draws it."""
    if "sphinxcontrib.mermaid" not in app.extensions:
        app.add_directive("mermaid", MermaidDiagram, override=True)


class mark(nodes.inline):  # noqa: N801 (docutils names nodes in lower case)
    """Highlighted text: an inline wherever a translator has no visitor for it."""


def visit_mark_html(translator: HTML5Translator, node: mark) -> None:
    translator.body.append(translator.starttag(node, "mark", ""))


def depart_mark_html(translator: HTML5Translator, node: mark) -> None:
    translator.body.append("</mark>")


class BlogMark(SphinxRole):
    """``{blog-mark}`text```: *text*, read as Markdown where the post is, highlighted."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        node = mark(self.rawtext)
        self.set_source_info(node)
        if isinstance(self.inliner, MockInliner):
            children, messages = self.inliner.parse(self.text, self.lineno, None, node)
        else:
            children, messages = [nodes.Text(self.text)], []
        node.extend(children)
        return [node], messages


class TabsInSequence(SphinxPostTransform):
    """sphinx-design's tab sets, in an ePub, as their tabs one after another.

    Its radio-button tabs are not well-formed XHTML (``<input>`` unclosed), which
    EPUBCheck rejects; each tab's label is kept as a heading over its content,
    as sphinx-design prints tabs in LaTeX.
    """

    default_priority = 199  # before sphinx-design's TabSetHtmlTransform

    def is_supported(self) -> bool:
        return output_in(self.env).epub

    def run(self, **kwargs) -> None:
        elements = self.document.findall(nodes.Element)
        for tab_set in [node for node in elements if is_component(node, "tab-set")]:
            flat = nodes.container(classes=["blog-tab-set"])
            for item in tab_set.children:
                if not is_component(item, "tab-item"):
                    flat += item.deepcopy()
                    continue
                for child in item.children:
                    if is_component(child, "tab-content"):
                        flat.extend(grandchild.deepcopy() for grandchild in child.children)
                    else:
                        flat += child.deepcopy()
            tab_set.replace_self(flat)
