"""A post's code is highlighted as far as its language's lexer goes.

Posts hold code as people write it: HTML with Vue's ``@click`` or Svelte's
``on:click``, JavaScript with JSX, a shell session with its output. Where the
lexer meets a token it does not know, Sphinx warns and shows the whole block
unhighlighted; a code block of a post is marked ``force`` instead, as
``:force:`` marks one, so that the rest of it is highlighted and the unknown
token shown as it is, as GitHub and every generator show it.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinxblog.reading.collector import post_matcher


class CodeHighlightedAsFarAsItGoes(SphinxTransform):
    """Mark each code block of a post to be highlighted despite tokens its lexer
    does not know."""

    default_priority = 500

    def apply(self, **kwargs: object) -> None:
        if not post_matcher(self.config)(self.env.docname):
            return
        for block in self.document.findall(nodes.literal_block):
            block["force"] = True
