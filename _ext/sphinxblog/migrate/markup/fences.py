"""Code fences whose info string another tool wrote, as MyST's ``{code-block}``.

``jsx{1,3-5} title="app.js" showLineNumbers`` (Prism, Docusaurus),
``js{numberLines: 5}{2}`` (Gatsby),
``{ .py hl_lines="2 3" title="x.py" linenums="1" }`` and ``py hl_lines="2"``
(Material, Python-Markdown), ``go {linenos=table,hl_lines=[8,"15-17"]}``
(Hugo), ``ts [config.ts]`` (VitePress) all become ``{blog-code}``:
``{code-block}`` whose ``:emphasize-lines:``, ``:caption:``, ``:linenos:`` and
``:lineno-start:`` are written on its first line, so that the code keeps its
lines. A language Pygments does not know is highlighted as text, with a
warning. The code itself is never changed.
"""

from __future__ import annotations

import re
import shlex
from functools import lru_cache

from sphinxblog.core.problems import Problem
from sphinxblog.migrate.markup.common import FENCE, code_mask, problem

#: other highlighters' names for languages Pygments knows by another
ALIASES = {
    "go-html-template": "html+django",
    "go-text-template": "django",
    "gotmpl": "django",
    "mdx": "markdown",
    "shell": "bash",
    "sh-session": "console",
    "terminal": "console",
    "plaintext": "text",
    "plain": "text",
    "txt": "text",
    "none": "text",
    "no-highlight": "text",
    "nohighlight": "text",
    "hljs": "text",
    "svg": "xml",  # highlight.js's own class (blogdown's output blocks): guess nothing
}

#: diagrams written as code, as GitHub, Docusaurus, Material and Quarto draw them
DIAGRAMS = frozenset({"mermaid"})

_PAIR = re.compile(r"""([\w-]+)\s*=\s*("[^"]*"|'[^']*'|\[[^\]]*\]|[^\s,}]+)|(\S+)""")


@lru_cache(maxsize=256)
def known_language(name: str) -> bool:
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        get_lexer_by_name(name)
    except ClassNotFound:
        return False
    return True


def _lines_option(raw: str) -> str:
    """``1,3-5``, ``"2 3"``, ``[8,"15-17"]`` as Sphinx's ``1,3-5``."""
    parts = re.findall(r"\d+(?:\s*-\s*\d+)?", raw)
    return ",".join(part.replace(" ", "") for part in parts)


def parse_info(info: str) -> tuple[str, dict[str, str]] | None:
    """The language and ``{code-block}`` options of a fence's info string.

    None when MyST reads the info string as it is (a language alone, or a
    MyST directive such as ``{code-block} python``).
    """
    info = info.strip()
    if re.match(r"^\{[\w:-]+\}", info):
        return None  # a MyST directive
    language = ""
    if info.startswith("{") and info.endswith("}"):
        rest = info[1:-1]  # Python-Markdown's attribute list: { .py .no-copy hl_lines="2" }
    else:
        match = re.match(r"^([^\s{]*)\s*(.*)$", info)
        assert match is not None
        language, rest = match[1], match[2]
    options: dict[str, str] = {}
    if label := re.search(r"(?<![=\w])\[([^\]]+)\]", rest):  # VitePress's ``ts [config.ts]``
        options["caption"] = label[1].strip()
        rest = rest[: label.start()] + " " + rest[label.end() :]
    for inner in re.findall(r"\{([^}]*)\}", rest):
        if number_lines := re.match(r"\s*numberLines\s*:\s*(\w+)", inner):  # Gatsby
            rest = rest.replace("{" + inner + "}", " ")
            start = number_lines[1]
            options["lineno-start" if start.isdigit() else "linenos"] = start * start.isdigit()
            if start == "false":
                del options["linenos"]
        elif "=" in inner or inner.strip().startswith((".", "#")):
            rest = rest.replace("{" + inner + "}", " " + inner + " ")
        else:  # Prism's {1,3-5}
            rest = rest.replace("{" + inner + "}", " ")
            options["emphasize-lines"] = _lines_option(inner)
    for key, value, word in _PAIR.findall(rest.replace(",", " ")):
        if word:
            if word.startswith(".") and not language:
                language = word[1:]
            elif word in {"showLineNumbers", "linenums", "linenos"}:
                options["linenos"] = ""
            continue
        value = value.strip("\"'")
        key = key.lower()
        if key in {"hl_lines", "highlight", "mark_lines", "lines"}:
            options["emphasize-lines"] = _lines_option(value)
        elif key in {"title", "file", "filename"}:
            options["caption"] = value
        elif key in {"linenos", "linenums", "shownumbers", "showlinenumbers"}:
            if value.lower() not in {"false", "0", ""}:
                options["linenos"] = ""
                if key in {"linenums", "showlinenumbers"} and value.isdigit() and value != "1":
                    options["lineno-start"] = value
        elif key == "linenostart":
            options["lineno-start"] = value
    if "lineno-start" in options:  # which numbers the lines (Sphinx)
        options.pop("linenos", None)
    if not options.get("emphasize-lines", "x"):
        del options["emphasize-lines"]
    if not options and (not language or (language == info and known_language(language))):
        return None
    return language, options


#: a line that may open a fence, after a line break, with its info string
_FENCE_LINE = re.compile(r"\n[ \t]*(?:`{3,}|~{3,})(.*)")


def may_hold(text: str) -> bool:
    """Whether *text* may hold a fence whose info string another tool wrote (one
    that :func:`translate` would change, or warn of)."""
    return any(map(_foreign_info, set(_FENCE_LINE.findall("\n" + text))))


@lru_cache(maxsize=1024)
def _foreign_info(info: str) -> bool:
    # posts repeat a few info strings ("python", "" of closing fences) many times
    return parse_info(info) is not None


def translate(text: str) -> tuple[str, list[Problem]]:
    lines = text.split("\n")
    mask = code_mask(lines)
    problems: list[Problem] = []
    out = list(lines)
    number = 0
    while number < len(lines):
        match = FENCE.match(lines[number]) if mask[number] else None
        if not match:  # outside code (blocks are skipped whole, from their opening fence)
            number += 1
            continue
        end = number + 1
        while end < len(lines) and mask[end] and not _closes(lines[end], match["fence"]):
            end += 1
        parsed = parse_info(match["info"])
        if parsed is not None and parsed[0].lower() in DIAGRAMS:
            out[number] = f"{match['indent']}{match['fence']}{{blog-diagram}} {parsed[0].lower()}"
        elif parsed is not None:
            language, options = parsed
            language = language.lower()
            language = ALIASES.get(language, language)
            if language and not known_language(language):
                problems.append(problem(number, f"code language {language!r} is not known to "
                    "Pygments: shown as text (write a language Pygments knows)"))  # fmt: skip
                language = "text"
            _rewrite(out, number, match, language or "text", options)
        number = end + 1
    return "\n".join(out), problems


def _closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    return stripped.startswith(fence) and not stripped.strip(fence[0])


def _rewrite(out: list[str], start: int, match, language: str, options) -> None:
    """The opening fence on line *start* as a one-line ``{blog-code}`` with *options*."""
    words = [language, *(f"{key}={value}" if value else key for key, value in options.items())]
    out[start] = f"{match['indent']}{match['fence']}{{blog-code}} {shlex.join(words)}"
