"""What every generator's translator shares: code fences, room for new lines, problems.

A translator works on a post's lines and gives back as many: the line that
holds a construct stays on its number, so every warning MyST or Sphinx gives
later still names the right line of the file on disk. Where a construct
needs more lines than it had (a directive's closing fence), they are taken
from blank lines next to it; only when there are none is a line made to
hold two, which moves the lines after it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sphinxblog.core.problems import Problem

if TYPE_CHECKING:
    from collections.abc import Callable

FENCE = re.compile(r"^(?P<indent>[ \t]*+)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


def problem(line: int, message: str) -> Problem:
    """A ``blog.markup`` problem on *line* (0-based here; 1-based in the problem)."""
    return Problem("markup", message, line + 1)


def code_mask(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced code block, fences included."""
    mask = [False] * len(lines)
    opening: re.Match[str] | None = None
    for number, line in enumerate(lines):
        if opening is None:
            match = FENCE.match(line)
            if match and not (match["fence"][0] == "`" and "`" in match["info"]):
                opening = match
                mask[number] = True
            continue
        mask[number] = True
        fence = opening["fence"]
        stripped = line.strip()
        if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
            opening = None
    return mask


class Signs:
    """Quick searches for what a generator's markup cannot be written without.

    Where none of them finds anything, the generator's translator would give
    the text back as it was, and warn of nothing: it need not run.  Each is
    searched for alone, as a search that starts with a fixed character is fast
    and one of alternatives is not; the text is searched with a line break
    before it, so that ``\\n`` in a pattern stands for the start of any line.
    """

    def __init__(self, *patterns: str) -> None:
        self.patterns = tuple(re.compile(pattern) for pattern in patterns)

    def __call__(self, text: str) -> bool:
        text = "\n" + text
        return any(pattern.search(text) for pattern in self.patterns)


def is_blank(line: str) -> bool:
    return not line.strip()


@dataclass
class Block:
    """A construct's new lines: some pinned to the line they came from, others free."""

    size: int  # lines of the file the construct takes
    items: list[tuple[int | None, str]] = field(default_factory=list)

    def add(self, text: str) -> None:
        """A line the construct needs (a fence, a directive), placed where there is room."""
        self.items.append((None, text))

    def keep(self, offset: int, text: str) -> None:
        """The construct's line *offset* (from its first line), kept on its number."""
        self.items.append((offset, text))

    def lines(self) -> list[str]:
        """*size* lines: kept lines on their numbers, added ones in the free lines between.

        Free lines left over are blank. When a gap has too few free lines, the
        last of them (or else the next kept line) holds the rest, joined by
        newlines: only then do the following lines move.
        """
        out = [""] * self.size
        previous, pending = -1, []
        for offset, text in [*self.items, (self.size, "")]:
            if offset is None:
                pending.append(text)
                continue
            free = list(range(previous + 1, offset))
            if pending:
                if free:
                    for slot, added in zip(free, pending, strict=False):
                        out[slot] = added
                    if len(pending) > len(free):
                        out[free[-1]] = "\n".join(pending[len(free) - 1 :])
                elif offset < self.size:
                    text = "\n".join([*pending, text])
                else:
                    out[previous] = "\n".join([out[previous], *pending])
            pending = []
            if offset < self.size:
                out[offset] = text
            previous = offset
        return out


def colons(lines: list[str]) -> int:
    """How many colons a fence around *lines* needs: more than any colon fence inside."""
    inner = [len(m[1]) for line in lines if (m := re.match(r"^\s*+(:{3,})", line))]
    return max([2, *inner]) + 1


def dedent(lines: list[str], width: int) -> list[str]:
    """*lines* without *width* columns of indentation (tabs count as four)."""
    result = []
    for line in lines:
        expanded = line.expandtabs(4)
        cut = min(width, len(expanded) - len(expanded.lstrip(" ")))
        result.append(expanded[cut:])
    return result


def indent_of(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def mask_spans(text: str) -> list[tuple[int, int]]:
    """Where *text* (one line) holds inline code, as ``(start, end)`` spans."""
    return [m.span() for m in re.finditer(r"(`+)(?:(?!\1).)+?\1", text)]


def sub_outside_code(
    pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str], text: str
) -> str:
    """``pattern.sub(replace, text)``, leaving inline code spans as they are."""
    spans = mask_spans(text)

    def guarded(match: re.Match[str]) -> str:
        if any(start <= match.start() < end for start, end in spans):
            return match.group(0)
        return replace(match)

    return pattern.sub(guarded, text)


@dataclass(frozen=True)
class Site:
    """What a translator may know of the site: the post's docname and every document's."""

    docname: str = ""
    docnames: frozenset[str] = frozenset()
    #: the post's front matter, for Hugo's ``param``
    params: dict = field(default_factory=dict)
    #: MyST substitutions (``{{ name }}``) the site defines, kept as written
    substitutions: frozenset[str] = frozenset()
    #: each post's title, by docname (Obsidian links a note by its title)
    titles: Mapping[str, str] = field(default_factory=dict)
    #: the files of the source folder that are not documents, relative to it
    #: (Obsidian finds an embedded file by its name anywhere)
    files: frozenset[str] = frozenset()
    #: the folder named as the post, beside it, where Hexo keeps its pictures (empty:
    #: none), and the files in it, relative to it
    asset_folder: str = ""
    asset_files: frozenset[str] = frozenset()
    #: what the translators looked up and found, by (kind, query): a post is read
    #: again when an answer changes (:mod:`sphinxblog.migrate.translate`)
    lookups: dict[tuple[str, str], str | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    def answer(self, kind: str, query: str, found: str | None) -> str | None:
        """*found*, noted as the answer to the lookup of *query* of *kind*."""
        self.lookups[(kind, query)] = found
        return found

    def find(self, target: str) -> str | None:
        """The docname another generator's link *target* names, if the site has it."""
        return self.answer("doc", target, self._find(target))

    def _find(self, target: str) -> str | None:
        path = re.split(r"[#?]", target.strip().strip("\"'"), maxsplit=1)[0]
        path = re.sub(r"\.(md|markdown|mdx|qmd|html|rst)$", "", path.strip("/"))
        path = re.sub(r"^(content|_posts|docs|blog)/", "", path)
        path = re.sub(r"/index$", "", path)
        if not path:
            return None
        stem = path.rsplit("/", 1)[-1]
        found = [
            name
            for name in sorted(self.docnames)
            if name in {path, f"{path}/index"}
            or name.endswith((f"/{path}", f"/{path}/index"))
            or name.rsplit("/", 1)[-1] == stem
            or name.endswith(f"/{stem}/index")
        ]
        return found[0] if found else None


def front_matter_value(params: Mapping, key: str) -> str | None:
    """The value at the dotted *key* of the front matter *params* (``author.name``;
    keys in any case), as :func:`front_matter_text` shows it."""
    value: object = params
    for part in key.split("."):
        if not isinstance(value, Mapping):
            return None
        value = {str(k).lower(): v for k, v in value.items()}.get(part.lower())
    return front_matter_text(value)


def front_matter_text(value: object) -> str | None:
    """A front-matter value that a template would print, as Markdown that shows it as
    written (its ASCII punctuation escaped: no markup, no raw HTML), on one line; None
    for what is not a string or a number."""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return None
    text = " ".join(str(value).split())
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", text)


def doc_link(site: Site, target: str, text: str | None) -> str | None:
    """A ``{doc}`` role to the document *target* names, or None."""
    docname = site.find(target)
    if docname is None:
        return None
    text = (text or "").replace("`", "").replace("<", "").strip()
    return f"{{doc}}`{text} </{docname}>`" if text else f"{{doc}}`/{docname}`"


# --- the lines of the directives that admonitions and dropdowns become -------------------
# (their directives are sphinxblog.migrate.directives)

#: admonitions that Sphinx has as directives of their own
SPHINX_ADMONITIONS = frozenset(
    {"attention", "caution", "danger", "error", "hint", "important", "note", "tip", "warning",
     "seealso"}
)  # fmt: skip


def admonition_line(fence: str, kind: str, title: str) -> str:
    """The opening line of an admonition of *kind* titled *title* (empty: the kind's name)."""
    kind = "".join(c for c in kind.lower() if c.isalnum() or c == "-") or "note"
    if kind in SPHINX_ADMONITIONS and not title:
        return f"{fence}{{{kind}}}"
    return f"{fence}{{blog-admonition}} {kind} {title}".rstrip()


def dropdown_line(fence: str, kind: str, title: str, is_open: bool) -> str:
    kind = "".join(c for c in kind.lower() if c.isalnum() or c == "-") or "plain"
    state = "open" if is_open else "closed"
    return f"{fence}{{blog-dropdown}} {state} {kind} {title or kind.capitalize()}".rstrip()
