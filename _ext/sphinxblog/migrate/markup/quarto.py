"""Quarto (Pandoc Markdown) markup, as MyST and sphinx-design.

Callouts (``::: {.callout-note}``, ``-tip``, ``-warning``, ``-caution``,
``-important``, titled by ``title="…"`` or their first heading) become
admonitions, or dropdowns with ``collapse="true"`` (closed) or ``"false"``
(open); other fenced divs (``::: {.column-margin}``, ``:::: {.columns}``,
``::: {#fig-x}``) become containers that keep their content. Spans
(``[text]{.smallcaps}``) keep their text. Executable cells (```` ```{python} ````,
``{r}``, ``{julia}``, ``{ojs}``) become code blocks that are shown, never run,
without their ``#| key: value`` option lines (``fig-cap``, ``lst-cap`` or
``filename`` is the caption, ``label`` the name); ```` ```{=html} ```` is a raw
block. Cross-references (``@fig-x``, ``@sec-intro``, ``[-@tbl-x]``) link to the
item labelled in the post. Quarto's shortcodes are read with Hugo's
(:func:`shortcode`).
"""

from __future__ import annotations

import re
import shlex
from typing import TYPE_CHECKING

from sphinxblog.migrate.markup.common import (
    FENCE,
    Signs,
    Site,
    admonition_line,
    code_mask,
    colons,
    dropdown_line,
    front_matter_value,
    is_blank,
    problem,
    sub_outside_code,
)

if TYPE_CHECKING:
    from sphinxblog.core.problems import Problem

#: what a cross-reference's prefix names, as Quarto writes it
KINDS = {
    "fig": "Figure", "tbl": "Table", "lst": "Listing", "eq": "Equation", "sec": "Section",
    "thm": "Theorem", "lem": "Lemma", "cor": "Corollary", "prp": "Proposition",
    "cnj": "Conjecture", "def": "Definition", "exm": "Example", "exr": "Exercise",
    "sol": "Solution", "rem": "Remark", "alg": "Algorithm",
}  # fmt: skip
_PREFIX = "|".join(KINDS)
CALLOUTS = frozenset({"note", "tip", "warning", "caution", "important"})
#: cell languages Quarto runs (knitr's and Jupyter's engines), and the diagrams it draws
ENGINES = frozenset({
    "python", "r", "julia", "ojs", "bash", "sh", "sql", "js", "javascript", "stan", "rcpp",
    "cpp", "c", "ruby", "perl", "octave", "matlab", "scala", "rust", "go", "powershell",
})  # fmt: skip
DIAGRAMS = frozenset({"mermaid", "dot"})
#: a MyST directive's option line (``:caption: Flow``), which no Quarto cell opens with
MYST_OPTION = re.compile(r"^\s*:[\w-]+:")
#: what a cell's language is called by Pygments, where not by its own name
LEXERS = {"ojs": "javascript", "rcpp": "cpp"}

DIV = re.compile(
    r"^(?P<indent>[ \t]*)(?P<colons>:{3,})[ \t]*(?P<attrs>\{[^}]*\}|[A-Za-z][\w-]*)"
    r"[ \t]*:*[ \t]*$"
)
CLOSING = re.compile(r"^[ \t]*:{3,}[ \t]*$")
_ATTR = re.compile(r"""([.#])([\w:.-]+)|([\w-]+)=("[^"]*"|'[^']*'|[^\s}]+)""")
CELL = re.compile(r"^\{(?P<raw>\{)?(?P<language>[A-Za-z][\w+.-]*)(?P<rest>[^}]*)\}\}?\s*$")
RAW_BLOCK = re.compile(r"^\{=(?P<format>[\w-]+)\}\s*$")
CELL_OPTION = re.compile(r"^[ \t]*(?:#|//|%%|--)\|[ \t]?(?P<option>.*)$")
HEADING_ID = re.compile(r"^(?P<heading>#{1,6}[ \t]+.*?)[ \t]*\{(?P<attrs>[^}]*)\}[ \t]*$")
IMAGE_ID = re.compile(r"^(?P<image>[ \t]*!\[[^\]\n]*\]\([^)\n]*\))\{(?P<attrs>[^}]*)\}[ \t]*$")
TABLE_CAPTION = re.compile(r"^[ \t]*:[ \t]+(?P<caption>.*?)[ \t]*\{(?P<attrs>[^}]*)\}[ \t]*$")
#: not right after a word: ``:badge[text]{…}`` is an MDC component, :mod:`.mdc`'s
SPAN = re.compile(r"(?<![!\]\\\w-])\[(?P<text>[^\[\]\n]*)\]\{(?P<attrs>[^}\n]*)\}")
_PANDOC_ATTRS = re.compile(r"""^\s*(?:[.#][\w:-]|[\w-]+=)""")
REFERENCE = re.compile(rf"(?<![\w@.\\/-])(?P<bare>-?)@(?P<label>(?i:{_PREFIX})-[\w-]*\w)")
REFERENCES = re.compile(
    rf"\[(?P<inner>-?@(?:{_PREFIX})-[\w-]*\w(?:\s*;\s*-?@(?:{_PREFIX})-[\w-]*\w)*)\]"
)

#: a fenced div with attributes (or an unbraced callout), an executable cell or raw
#: block, a span, a label, a cross-reference
may_hold = Signs(
    r"\n[ \t]*:{3,}[ \t]*\{[ \t]*[.#]",
    r"\n[ \t]*:{3,}[ \t]*\{[^}\n]*=",
    r"\n[ \t]*:{3,}[ \t]*callout",
    r"\n[ \t]*(?:`{3,}|~{3,})[ \t]*\{\{?(?:" + "|".join(sorted(ENGINES | DIAGRAMS)) + r")\b",
    r"\n[ \t]*(?:`{3,}|~{3,})[ \t]*\{=",
    r"\]\{",
    rf"#(?:{_PREFIX})-",
    rf"@(?i:{_PREFIX})-",
)


def attributes(raw: str) -> tuple[list[str], str, dict[str, str]]:
    """A Pandoc attribute list's classes, id and key-value pairs (unquoted)."""
    raw = raw.strip().removeprefix("{").removesuffix("}")
    classes, ident, pairs = [], "", {}
    for mark, name, key, value in _ATTR.findall(raw):
        if mark == ".":
            classes.append(name)
        elif mark == "#":
            ident = name
        else:
            pairs[key.lower()] = value[1:-1] if value[:1] in "\"'" else value
    if not raw.startswith("{") and re.fullmatch(r"[A-Za-z][\w-]*", raw):
        classes = classes or [raw]  # ``::: callout-note``: one class, unbraced
    return classes, ident, pairs


def translate(text: str, site: Site | None = None) -> tuple[str, list[Problem]]:
    lines = text.split("\n")
    problems: list[Problem] = []
    labels = _numbered(lines)  # label -> the text a cross-reference shows
    made = Targets(site.docname if site else "")
    _cells(lines, code_mask(lines), made, problems)
    mask = code_mask(lines)
    _divs(lines, mask, labels, made, problems)
    _labels(lines, code_mask(lines), labels, made)
    mask = code_mask(lines)
    for number, line in enumerate(lines):
        if mask[number]:
            continue
        if "]{" in line:
            line = sub_outside_code(SPAN, _span, line)
        if "@" in line:
            line = _references(line, number, labels, made, problems)
        lines[number] = line
    return "\n".join(lines), problems


# --- executable cells ---------------------------------------------------------------------


class Targets(dict[str, str]):
    """The labels of the post given a target, each with its name in the site: labels
    are the site's in Sphinx, and one post's ``fig-plot`` is not another's."""

    def __init__(self, docname: str) -> None:
        super().__init__()
        self.prefix = f"{docname}:" if docname else ""

    def add(self, label: str) -> str:
        self[label] = self.prefix + label
        return self[label]


def _cells(lines: list[str], mask: list[bool], made: Targets, problems) -> None:
    """Cells as code blocks, each option line's place taken by the opening fence."""
    unrun: list[tuple[int, str]] = []
    number = 0
    while number < len(lines):
        match = FENCE.match(lines[number]) if mask[number] else None
        if not match:
            number += 1
            continue
        end = number + 1
        while end < len(lines) and mask[end] and not _closes(lines[end], match["fence"]):
            end += 1
        info = match["info"].strip()
        opening = match["indent"] + match["fence"]
        if raw := RAW_BLOCK.match(info):
            lines[number] = f"{opening}{{raw}} {raw['format']}"
        elif (cell := CELL.match(info)) and cell["language"].lower() in ENGINES | DIAGRAMS:
            language = cell["language"].lower()
            options = _rmarkdown_options(cell["rest"])
            last = number
            while last + 1 < end and (option := CELL_OPTION.match(lines[last + 1])):
                key, _, value = option["option"].partition(":")
                options[key.strip().lower()] = value.strip().strip("\"'")
                last += 1
            shown = "text" if language in DIAGRAMS else LEXERS.get(language, language)
            following = lines[number + 1] if number + 1 < end else ""
            if language == "mermaid" and MYST_OPTION.match(following):
                number = end + 1  # MyST's {mermaid} directive, with its options
                continue
            if language == "mermaid":  # a diagram of the site's, captioned by its fig-cap
                for option_line in range(number, last):
                    lines[option_line] = ""
                caption = options.get("fig-cap") or options.get("title") or ""
                lines[last] = f"{opening}{{blog-diagram}} mermaid {caption}".rstrip()
                number = end + 1
                continue
            if language in DIAGRAMS:
                message = f"Quarto {language} diagram is not drawn: its source is shown as code"
                problems.append(problem(number, message + " (draw it as an image)"))
            elif not cell["raw"] and options.get("eval", "true").lower() != "false":
                unrun.append((number, language))
            for option_line in range(number, last):
                lines[option_line] = ""
            lines[last] = opening + _code_info(shown, options, made)
        number = end + 1
    if unrun:
        languages = ", ".join(sorted({f"{{{language}}}" for _, language in unrun}))
        count = f"{len(unrun)} cells" if len(unrun) > 1 else "1 cell"
        message = (
            f"Quarto code cells are not run ({count}: {languages}): their code is shown "
            "without its output (paste the output, or an image of it, into the post)"
        )
        problems.append(problem(unrun[0][0], message))


def _closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    return stripped.startswith(fence) and not stripped.strip(fence[0])


def _rmarkdown_options(rest: str) -> dict[str, str]:
    """R Markdown's ``{r name, fig.cap="x", echo=FALSE}`` options, as Quarto's keys."""
    options: dict[str, str] = {}
    for number, part in enumerate(re.findall(r"""(?:"[^"]*"|'[^']*'|[^,])+""", rest)):
        key, equals, value = part.strip().partition("=")
        if equals:
            options[key.strip().replace(".", "-").lower()] = value.strip().strip("\"'")
        elif number == 0 and key:
            options["label"] = key
    return options


def _code_info(language: str, options: dict[str, str], made: Targets) -> str:
    caption = options.get("fig-cap") or options.get("lst-cap") or options.get("filename")
    label = options.get("label") or options.get("lst-label") or ""
    words = [language]
    if caption:
        words.append(f"caption={caption}")
    if label:
        words.append(f"name={made.add(label)}")
    return f"{{blog-code}} {shlex.join(words)}" if len(words) > 1 else language


_LABEL = re.compile(
    rf"(?:\{{[^}}\n]*#|^[ \t]*(?:#|//|%%|--)\|[ \t]*(?:lst-)?label:[ \t]*)"
    rf"(?P<label>(?:{_PREFIX})-[\w-]*\w)"
)


def _numbered(lines: list[str]) -> dict[str, str]:
    """Each label's text in a cross-reference: its kind and number in the post
    ("Figure 2"), in the order the labels are written; a section's is empty (its
    reference shows its heading)."""
    labels: dict[str, str] = {}
    counts: dict[str, int] = {}
    for line in lines:
        for match in _LABEL.finditer(line):
            label = match["label"]
            kind = label.split("-", 1)[0].lower()
            if label in labels:
                continue
            counts[kind] = counts.get(kind, 0) + 1
            labels[label] = "" if kind == "sec" else f"{KINDS[kind]} {counts[kind]}"
    return labels


# --- fenced divs --------------------------------------------------------------------------


def _divs(
    lines: list[str], mask: list[bool], labels: dict[str, str], made: Targets, problems
) -> None:
    """Fenced divs, innermost first, so that each fence has more colons than those inside.

    A div never closed is left as it is written (as Pandoc shows it), with a problem.
    """
    opened: list[tuple[int, re.Match[str] | None]] = []  # None: another tool's (MyST's) fence
    for number, line in enumerate(lines):
        if mask[number]:
            continue
        if CLOSING.match(line):
            if opened:
                start, match = opened.pop()
                if match is not None:
                    _div(lines, start, number, match, labels, made)
            continue
        match = DIV.match(line)
        closed_after = re.search(r"\s:{3,}[ \t]*$", line)  # Docusaurus: "words :::"
        if match and _is_pandoc(match["attrs"]):
            opened.append((number, match))
        elif re.match(r"^[ \t]*:{3,}", line) and not closed_after:
            opened.append((number, None))
        elif closed_after and opened and opened[-1][1] is None and line.lstrip()[:1] != ":":
            opened.pop()
    for start, match in opened:
        if match is not None:
            problems.append(problem(start, f"Quarto div {match['attrs']} is not closed: shown "
                                    "as written (close it with a line of :::)"))  # fmt: skip


def _is_pandoc(attrs: str) -> bool:
    if attrs.startswith("{"):
        return bool(_PANDOC_ATTRS.match(attrs[1:]))
    return attrs.lower().startswith("callout")


def _div(lines: list[str], start: int, end: int, match: re.Match[str], labels, made) -> None:
    classes, ident, pairs = attributes(match["attrs"])
    inner = "\n".join(lines[start + 1 : end]).split("\n")  # a line may hold two
    fence = match["indent"] + ":" * max(3, colons(inner))
    lines[end] = fence
    callout = next((name for name in classes if re.fullmatch(r"callout(-\w+)?", name)), None)
    if callout is not None:
        kind = callout.removeprefix("callout").lstrip("-").lower()
        kind = kind if kind in CALLOUTS else "note"
        title = pairs.get("title", "")
        first = next((n for n in range(start + 1, end) if not is_blank(lines[n])), None)
        heading = re.match(r"^[ \t]*#{1,6}[ \t]+(.*?)[ \t]*(?:\{[^}]*\})?[ \t]*#*[ \t]*$",
                           lines[first]) if first is not None else None  # fmt: skip
        if heading and not title:
            title = heading[1]
            lines[first] = ""  # type: ignore[index]
        collapse = pairs.get("collapse", "").lower()
        if collapse in {"true", "false"}:
            lines[start] = dropdown_line(fence, kind, title, is_open=collapse == "false")
        else:
            lines[start] = admonition_line(fence, kind, title)
    elif "panel-tabset" in classes and _tabset(lines, start, end, match["indent"]):
        pass
    elif not classes and not pairs:  # ``::: {#fig-x}``: the label, over its content
        lines[start] = f"({made.add(ident)})=" if ident else ""
        lines[end] = ""
    else:
        lines[start] = f"{fence}{{container}} {' '.join(classes)}".rstrip()
        if ident:
            if start + 1 < end and is_blank(lines[start + 1]):
                lines[start + 1] = f":name: {made.add(ident)}"
            else:
                lines[start] = f"({made.add(ident)})=\n{lines[start]}"
    if ident and not labels.get(ident, "x"):  # a section that is no heading: no title
        labels[ident] = "Section"


_HEADING = re.compile(r"^[ \t]*(#{1,6})[ \t]+(.*?)[ \t]*(?:\{[^}]*\})?[ \t]*$")


def _tabset(lines: list[str], start: int, end: int, indent: str) -> bool:
    """``::: {.panel-tabset}`` whose headings (of the level of its first) name its tabs, as a
    tab set; each tab's closing fence takes the line above the next heading (or shares it)."""
    mask = code_mask(lines[start + 1 : end])
    found = [
        (number, match)
        for number in range(start + 1, end)
        if not mask[number - start - 1] and (match := _HEADING.match(lines[number]))
    ]
    headings = [(number, match) for number, match in found if match[1] == found[0][1][1]]
    if not headings or any(not is_blank(line) for line in lines[start + 1 : headings[0][0]]):
        return False  # text before the first tab: a container keeps it
    inner = "\n".join(lines[start + 1 : end]).split("\n")
    item = indent + ":" * max(3, colons(inner))
    lines[start], lines[end] = f"{item}:{{tab-set}}", f"{item}:"
    ends = [*(number for number, _ in headings[1:]), end]
    for (number, match), following in reversed(list(zip(headings, ends, strict=True))):
        lines[number] = f"{item}{{tab-item}} {match[2]}"
        if following - 1 > number and is_blank(lines[following - 1]):
            lines[following - 1] = item
        else:
            lines[following] = f"{item}\n{lines[following]}"
    return True


# --- labels on headings, images and tables -------------------------------------------------


def _labels(lines: list[str], mask: list[bool], labels: dict[str, str], made: Targets) -> None:
    """``## Intro {#sec-intro}``, ``![x](y.png){#fig-y}``, ``: Caption {#tbl-z}``: a target.

    The target takes the blank line before the item (for a table, before its
    first row); where there is none, the item's line holds both.
    """
    for number, line in enumerate(lines):
        if mask[number] or "{" not in line:
            continue
        match = HEADING_ID.match(line) or IMAGE_ID.match(line) or TABLE_CAPTION.match(line)
        if not match or not _is_pandoc("{" + match["attrs"]):
            continue
        _, ident, _ = attributes(match["attrs"])
        if ident.split("-", 1)[0].lower() not in KINDS:
            continue  # no cross-reference names it: an id of another tool's (MkDocs)
        if "caption" not in match.groupdict():
            lines[number] = match["heading" if "heading" in match.groupdict() else "image"]
            _target(lines, number, ident, made)
            continue
        row = number - 1 if lines[number - 1].lstrip().startswith("|") else number - 2
        if row < 0 or not lines[row].lstrip().startswith("|"):
            continue
        while row > 0 and lines[row - 1].lstrip().startswith("|"):
            row -= 1
        _target(lines, row, ident, made)
        lines[number] = f"*{labels.get(ident, 'Table')}: {match['caption']}*"


def _target(lines: list[str], number: int, ident: str, made: Targets) -> None:
    name = made.add(ident)
    if number and is_blank(lines[number - 1]):
        lines[number - 1] = f"({name})="
    else:
        lines[number] = f"({name})=\n{lines[number]}"


# --- spans and cross-references ------------------------------------------------------------


def _span(match: re.Match[str]) -> str:
    if not _PANDOC_ATTRS.match(match["attrs"]):
        return match[0]
    return match["text"]


def _references(line: str, number: int, labels: dict[str, str], made: Targets, problems) -> str:
    def one(match: re.Match[str]) -> str:
        label = match["label"]
        known = next((name for name in made if name.lower() == label.lower()), None)
        if known is None:
            problems.append(problem(number, f"Quarto cross-reference @{label} names no label "
                                    "of this post: kept as text (label the item with "
                                    f"{{#{label}}}, or link to it)"))  # fmt: skip
            return match[0]
        text = labels.get(known, "")
        if match["bare"] and text:
            text = text.rsplit(" ", 1)[-1]
        return f"{{ref}}`{text} <{made[known]}>`" if text else f"{{ref}}`{made[known]}`"

    def group(match: re.Match[str]) -> str:
        return "; ".join(
            sub_outside_code(REFERENCE, one, part.strip()) for part in match["inner"].split(";")
        )

    line = sub_outside_code(REFERENCES, group, line)
    return sub_outside_code(REFERENCE, one, line)


# --- shortcodes (read by the Hugo translator, whose syntax they share) ----------------------

#: Quarto's own shortcodes
SHORTCODES = frozenset(
    {"video", "include", "pagebreak", "meta", "var", "env", "kbd", "lipsum", "placeholder",
     "embed", "contents", "brand", "version"}
)  # fmt: skip


def shortcode(
    name: str, positional: list[str], named: dict[str, str], number: int, site: Site,
    problems: list[Problem],
) -> str:  # fmt: skip
    """Quarto's shortcode *name* as MyST: a video as a link, a page break dropped, ``meta``
    the front-matter value, ``kbd`` a key; any other is dropped with a problem."""
    first = positional[0] if positional else ""
    if name == "video" and (named.get("src") or first):
        source = named.get("src") or first
        return f"[{named.get('title') or 'Video'}]({source})"
    if name == "pagebreak":
        return ""
    if name == "kbd" and (positional or named):
        keys = " ".join(positional) or next(iter(named.values()))
        return f"{{kbd}}`{keys}`"
    if name == "meta" and first:
        value = front_matter_value(site.params, first)
        if value is not None:
            return value
        problems.append(problem(number, f"Quarto shortcode 'meta {first}' names no value of "
                                "the front matter: dropped (write its value)"))  # fmt: skip
        return ""
    hint = {
        "include": "paste the file's text into the post",
        "var": "write the variable's value",
        "env": "write the value",
    }.get(name, "write it in Markdown or a MyST directive")
    problems.append(problem(number, f"Quarto shortcode {name!r} is not supported: dropped "
                            f"({hint})"))  # fmt: skip
    return ""
