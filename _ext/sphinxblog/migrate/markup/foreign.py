"""What still looks like another tool's markup once every translator has run, named.

The translators know some generators; the world has more. Whatever is left
that has the shape of another tool's syntax (a wikilink, an MDC component, a
JSX tag or attribute expression, a kramdown attribute list, a template tag)
would reach the reader as written. It is left as written, so no text is
lost, and named in a ``blog.markup`` warning on its line, with the tool that
writes it and what to write instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sphinxblog.core.problems import Problem
from sphinxblog.migrate.markup.common import Signs, code_mask, mask_spans, problem


@dataclass(frozen=True)
class Construct:
    """One kind of foreign markup: how it looks, what it is, what to write instead."""

    pattern: re.Pattern[str]
    what: str
    instead: str


#: in the order they are looked for; a span one of them names is not named again
CONSTRUCTS = (
    Construct(re.compile(r"!\[\[[^\]\n]+\]\]"), "Obsidian embed",
              "write a Markdown image or link"),
    Construct(re.compile(r"\[\[\s*toc\s*\]\]", re.IGNORECASE),
              "table-of-contents marker (VitePress, Markdown-It)",
              "leave it out: the theme shows the page's contents"),
    Construct(re.compile(r"\[\[[^\[\]\n]+\]\]"), "wikilink (Obsidian, Quartz, Foam)",
              "write a Markdown link to the post's file"),
    Construct(re.compile(r"^\s*::[a-zA-Z][\w-]*(?:\{[^}\n]*\})?\s*$", re.MULTILINE),
              "MDC block component (Nuxt Content)", "write it in Markdown or a MyST directive"),
    Construct(re.compile(r"^\s*::\s*$", re.MULTILINE), "MDC block component's end (Nuxt "
              "Content)", "write it in Markdown or a MyST directive"),
    Construct(re.compile(r"(?<![\w:/`]):[a-zA-Z][\w-]*(?:\[[^\]\n]*\])?\{[^}\n]*\}"),
              "MDC inline component (Nuxt Content)", "write its text in Markdown"),
    Construct(re.compile(r"\b[\w-]+=\{\{.*?\}\}"), "JSX attribute expression (MDX)",
              "leave it out or write the element in HTML with plain attributes"),
    # a tag closed on its line (not a link's <destination>), or one that opens a line and
    # goes on below it
    Construct(re.compile(r"(?<!\]\()</?[A-Z][\w.]*(?:\s[^<>]*?)?/?>|^\s*<[A-Z][\w.]*(?:\s.*)?$"),
              "JSX component (MDX)", "write it in Markdown or a MyST directive"),
    Construct(re.compile(r"%%[^%\n]+%%"), "Obsidian comment",
              "leave it out, or write it as an HTML comment <!-- … -->"),
    Construct(re.compile(r"(?<![=\w])==(?=\S)[^=\n]+(?<=\S)==(?![=\w])"), "Obsidian highlight",
              "write it as **bold** or *emphasis*"),
    Construct(re.compile(r"\{:+[^}\n]*\}"), "kramdown attribute list or extension",
              "leave it out, or give the element a MyST attribute"),
)  # fmt: skip

may_hold = Signs(
    r"\[\[", r"\n\s*::", r":[a-zA-Z][\w-]*[\[{]", r"=\{\{", r"<[A-Z]", r"\{:", r"%%", r"==\S"
)


def name_leftovers(text: str, keep: set[int] | frozenset[int] = frozenset()) -> list[Problem]:
    """A problem for each piece of foreign markup in *text* outside code (and the
    lines in *keep*, shown as written on purpose), naming what it is."""
    lines = text.split("\n")
    mask = code_mask(lines)
    problems: list[Problem] = []
    for number, line in enumerate(lines):
        if mask[number] or number in keep or not may_hold(line):
            continue
        taken = mask_spans(line)
        for construct in CONSTRUCTS:
            for match in construct.pattern.finditer(line):
                if any(start <= match.start() < end for start, end in taken):
                    continue
                taken.append(match.span())
                shown = match[0].strip()
                shown = shown if len(shown) <= 60 else shown[:57] + "…"
                problems.append(problem(number, f"{construct.what} {shown} is not rendered: "
                                        f"shown as written ({construct.instead})"))  # fmt: skip
    return problems
