"""Other generators' body markup, read as MyST and sphinx-design.

Each module translates one generator's markup with a pure function,
``translate(text) -> (text, problems)``, that gives back as many lines as it
got; :func:`translate` runs them all on a post, leaving its front matter
and the content of its code blocks as they are.
"""

from __future__ import annotations

from sphinxblog.frontmatter import FrontMatter, read_front_matter
from sphinxblog.markup import ablog, docusaurus, fences, hugo, liquid, material, pelican, spans
from sphinxblog.markup.common import Site
from sphinxblog.problems import Problem


def split_front_matter(text: str, header: FrontMatter | None = None) -> tuple[str, str, dict]:
    """*text* as its header (YAML, TOML, JSON or Pelican's lines), the rest, and its values.

    The header is read as the blog reads it, within the same limits, unless
    *header* is given: *text*'s, read already.
    """
    header = header or read_front_matter(text)
    if not header.span:
        return "", text, {}
    lines = text.splitlines(keepends=True)
    return "".join(lines[: header.span]), "".join(lines[header.span :]), header.data


def translate(
    text: str, site: Site | None = None, header: FrontMatter | None = None
) -> tuple[str, list[Problem]]:
    """A post's *text* with every generator's markup translated; its line numbers unchanged.

    *header* is *text*'s front matter, where it was read already.
    """
    site = site or Site()
    front, body, data = split_front_matter(text, header)
    own = data.get("substitutions")
    if not isinstance(own, dict):
        own = {}
    names = site.substitutions | {str(name) for name in own}
    site = Site(site.docname, site.docnames, data or site.params, names)
    offset = front.count("\n")
    problems: list[Problem] = []
    body = spans.join_split_tags(body)
    shown_as_written = spans.raw_lines(body)
    steps = (
        ablog.translate,
        lambda t: hugo.translate(t, site),
        lambda t: liquid.translate(t, site),
        lambda t: pelican.translate(t, site),
        docusaurus.translate,
        material.translate,
        fences.translate,
        lambda t: spans.drop_leftovers(t, shown_as_written),
    )
    for step in steps:
        body, found = step(body)
        problems += [Problem(p.subtype, p.message, (p.line or 1) + offset) for p in found]
    problems.sort(key=lambda p: p.line or 0)
    return front + body, problems
