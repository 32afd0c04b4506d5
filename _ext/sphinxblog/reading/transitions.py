"""A post's thematic breaks (``---``) where docutils allows none.

Markdown draws a rule anywhere, and posts from other generators start with
one, end with one, or put one under a heading or next to another (Hugo and
Jekyll draw them all). Docutils allows none of these and warns of each, so a
blog built with ``-W`` fails on a rule. A rule there separates nothing from
something and holds no text: it is left out, and nothing is lost.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinxblog.reading.collector import post_matcher

#: what docutils counts as the start of a section, before a rule
_HEADS = (nodes.title, nodes.subtitle, nodes.meta, nodes.decoration)
#: what shows nothing on the page: a rule after them ends the document
_INVISIBLE = (nodes.target, nodes.comment, nodes.substitution_definition, nodes.system_message)


class RulesAtEdges(SphinxTransform):
    """Leave out a post's rules at the start or end of the post or of a section, and
    each right after another."""

    default_priority = 829  # before docutils' Transitions (830), which warns of them

    def apply(self, **kwargs: object) -> None:
        if not post_matcher(self.config)(self.env.docname):
            return
        for rule in list(self.document.findall(nodes.transition)):
            if at_an_edge(rule):
                rule.parent.remove(rule)


def at_an_edge(rule: nodes.transition) -> bool:
    """Whether *rule* starts its section or the document, follows another rule, or has
    nothing visible after it in the document."""
    parent = rule.parent
    if not isinstance(parent, (nodes.document, nodes.section)):
        return False  # docutils' own warning says where a rule cannot be
    before = [node for node in parent[: parent.index(rule)] if not isinstance(node, _INVISIBLE)]
    if not before or isinstance(before[-1], (*_HEADS, nodes.transition)):
        return True
    after = rule.findall(include_self=False, descend=False, siblings=True, ascend=True)
    return all(isinstance(node, _INVISIBLE) for node in after)
