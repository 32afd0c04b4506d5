"""Liquid (Jekyll) and Nunjucks (Eleventy) tags, ``{% … %}`` and ``{{ … }}``, as MyST.

``{% highlight lang linenos %}`` and Hexo's and Octopress's
``{% codeblock [title] [lang:x] [url] [link text] %}`` become code fences
(whose options :mod:`.fences` reads), their content never read as Markdown;
``{% raw %}`` keeps its content as written;
``{% post_url %}`` and ``{% link %}`` link to the post; ``{{ site.baseurl }}``
and the ``relative_url``/``absolute_url`` filters leave the path alone;
Pelican's ``{% img %}`` and Hexo's ``{% asset_img %}`` are images, Hexo's
``{% post_link %}`` a link to the post. Anything else (``{% include %}``, a
variable, Eleventy's shortcodes) is dropped with a warning.
"""

from __future__ import annotations

import re

from sphinxblog.core.problems import Problem
from sphinxblog.migrate.markup.common import (
    Signs,
    Site,
    code_mask,
    doc_link,
    front_matter_value,
    problem,
    sub_outside_code,
)

TAG = re.compile(r"\{%-?\s*(\w+)(.*?)\s*-?%\}")
#: not after ``=``: ``style={{…}}`` is a JSX attribute, which :mod:`.foreign` names
OUTPUT = re.compile(r"(?<!=)\{\{-?\s*(.*?)\s*-?\}\}")
RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}")
#: ``[text]({% post_url x %}#anchor)``: a link to a post, and maybe to one of its headings
LINK_TAG = re.compile(
    r"\[([^\]]*)\]\(\s*\{%-?\s*(post_url|link|post_path)\s+(.*?)\s*-?%\}(#[^)\s]*)?\s*\)"
)
#: Hexo's ``<a href="{% post_path slug %}">text</a>``: an HTML link to a post
HTML_POST_PATH = re.compile(
    r"""<a\s+href=(["'])\{%-?\s*post_path\s+(\S+?)\s*-?%\}(#[^"']*)?\1[^>]*>(.*?)</a>""",
    re.IGNORECASE,
)
_HIGHLIGHT = re.compile(r"^\s*\{%-?\s*highlight\s+([\w+#.-]+)(.*?)\s*-?%\}\s*$")
_END_HIGHLIGHT = re.compile(r"^\s*\{%-?\s*endhighlight\s*-?%\}\s*$")
#: Hexo's and Octopress's code blocks (``code`` is Hexo's short name)
_CODEBLOCK = re.compile(r"^\s*\{%-?\s*(?:codeblock|code)\b(.*?)\s*-?%\}\s*$")
_END_CODEBLOCK = re.compile(r"^\s*\{%-?\s*end(?:codeblock|code)\s*-?%\}\s*$")
_CODE_ENDS = {"highlight": _END_HIGHLIGHT, "codeblock": _END_CODEBLOCK}
_RAW_OPEN = re.compile(r"^\s*\{%-?\s*raw\s*-?%\}\s*$")
_RAW_CLOSE = re.compile(r"^\s*\{%-?\s*endraw\s*-?%\}\s*$")
#: VitePress's ``::: v-pre``, Vue's ``raw``: its ``{{ … }}`` are text (here as Liquid's
#: ``raw``'s; the container itself is vitepress.py's)
_VPRE_OPEN = re.compile(r"^\s*:{3,}[ \t]*v-pre\s*$")
_VPRE_CLOSE = re.compile(r"^\s*:{3,}\s*$")
_URL_FILTER = re.compile(r"""^(["'])(.*?)\1\s*\|\s*(?:relative_url|absolute_url|url)\s*$""")
_BASEURL = re.compile(r"\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\}")
may_hold = Signs(r"\{[{%]")
#: Hexo's tags that this blog does not translate: named as Hexo's when dropped
_HEXO_TAGS = frozenset({
    "post_path", "asset_path", "asset_link", "blockquote", "iframe", "youtube", "vimeo",
    "jsfiddle", "gist", "pullquote", "include_code",
})  # fmt: skip
#: Liquid tags that only steer the template: dropped with a warning
WHAT_INSTEAD = {
    "include": "write the included text in the post",
    "render": "write the rendered text in the post",
}


def translate(text: str, site: Site | None = None) -> tuple[str, list[Problem]]:
    site = site or Site()
    lines = text.split("\n")
    problems: list[Problem] = []
    raw = _blocks(lines, code_mask(lines), problems)
    mask = code_mask(lines)
    for number, line in enumerate(lines):
        if mask[number] or raw[number] or not ("{%" in line or "{{" in line):
            continue
        lines[number] = _inline(line, number, site, problems)
    return "\n".join(lines), problems


def _blocks(lines: list[str], mask: list[bool], problems: list[Problem]) -> list[bool]:
    """``highlight`` and ``raw`` on lines of their own; which lines are raw text."""
    raw = [False] * len(lines)
    opened: tuple[int, str] | None = None
    for number, line in enumerate(lines):
        if opened is not None:
            if opened[1] in _CODE_ENDS and _CODE_ENDS[opened[1]].match(line):
                lines[number], opened = "```", None
            elif opened[1] == "raw" and _RAW_CLOSE.match(line):
                lines[number], opened = "", None
            elif opened[1] == "v-pre" and _VPRE_CLOSE.match(line):
                opened = None  # its fences are VitePress's to drop (vitepress.py)
            else:
                raw[number] = True
            continue
        if mask[number]:
            continue
        if match := _HIGHLIGHT.match(line):
            options = match[2].split()
            hl = re.search(r"""mark_lines=["']([^"']*)["']""", match[2])
            attributes = []
            if "linenos" in options:
                attributes.append("linenos=true")
            if hl:
                attributes.append(f'hl_lines="{hl[1]}"')
            info = f"{match[1]} {{{' '.join(attributes)}}}" if attributes else match[1]
            lines[number], opened = f"```{info}", (number, "highlight")
        elif match := _CODEBLOCK.match(line):
            lines[number], opened = f"```{_codeblock_info(match[1])}", (number, "codeblock")
        elif _RAW_OPEN.match(line):
            lines[number], opened = "", (number, "raw")
        elif _VPRE_OPEN.match(line):
            opened = (number, "v-pre")
    if opened is not None and opened[1] != "v-pre":
        closing = {"highlight": "endhighlight", "codeblock": "endcodeblock"}.get(
            opened[1], "endraw"
        )
        problems.append(problem(opened[0], f"Liquid {opened[1]!r} is not closed: the rest "
                                f"of the post is taken as its content (close it with "
                                f"{{% {closing} %}})"))  # fmt: skip
    return raw


def _codeblock_info(raw: str) -> str:
    """Hexo's ``[title] [lang:x] [url] [link text] [mark:1,4-7] [first_line:5]`` as a
    fence's info string (read by :mod:`.fences`): the title and link kept as its caption."""
    words = raw.split()
    options = {
        key: value
        for word in words
        if (option := re.match(r"^(lang|mark|first_line|line_number):(\S*)$", word))
        for key, value in [option.groups()]
    }
    words = [word for word in words if not re.match(r"^(\w+):(?!//)\S*$", word)]
    url = next((n for n, word in enumerate(words) if re.match(r"^(https?://|/)", word)), None)
    title = words if url is None else words[:url]
    if url is not None:
        title = [*title, *words[url + 1 :], f"({words[url]})"]
    attributes = []
    if title:
        caption = " ".join(title).replace('"', "'")
        attributes.append(f'title="{caption}"')
    if options.get("mark"):
        attributes.append(f'hl_lines="{options["mark"].replace(",", " ")}"')
    if options.get("first_line", "1").isdigit() and options.get("first_line", "1") != "1":
        attributes.append(f'linenums="{options["first_line"]}"')
    language = options.get("lang", "")
    return f"{language or 'text'} {{{' '.join(attributes)}}}" if attributes else language


def _inline(line: str, number: int, site: Site, problems: list[Problem]) -> str:
    # {% raw %}…{% endraw %} within a line: its content as written, code or not
    pieces = RAW.split(line)
    kept = []
    for index, piece in enumerate(pieces):
        kept.append(piece if index % 2 else _tags(piece, number, site, problems))
    return "".join(kept)


def _tags(text: str, number: int, site: Site, problems: list[Problem]) -> str:
    def link(match: re.Match[str]) -> str:
        anchor = match[4]
        docname = site.find(match[3].strip().strip("\"'")) if anchor else None
        if docname is not None:  # MyST links the heading; another suffix: oldlinks.py
            return f"[{match[1]}](/{docname}.md{anchor})"
        return _link(match[2], match[3], match[1], number, site, problems)

    text = sub_outside_code(LINK_TAG, link, text)
    text = sub_outside_code(HTML_POST_PATH, lambda m: _html_link(m, site) or m[0], text)
    text = sub_outside_code(_BASEURL, lambda m: "", text)
    text = sub_outside_code(TAG, lambda m: _tag(m, number, site, problems), text)
    return sub_outside_code(OUTPUT, lambda m: _output(m, number, site, problems), text)


def _html_link(match: re.Match[str], site: Site) -> str | None:
    """The HTML link to a post as a Markdown one, which every builder resolves."""
    docname = site.find(match[2].strip("\"'"))
    if docname is None:
        return None  # its tag is named and dropped with the others
    text = re.sub(r"<[^>]+>", "", match[4]).replace("[", "\\[").replace("]", "\\]")
    return f"[{text}](/{docname}.md{match[3] or ''})"


def _link(tag: str, target: str, text: str | None, number, site, problems) -> str:
    target = target.strip().strip("\"'")
    found = doc_link(site, target, text)
    if found is not None:
        return found
    if tag == "link" and not target.startswith("_"):
        return f"[{text}](/{target.lstrip('/')})" if text is not None else f"/{target}"
    problems.append(
        problem(
            number,
            f"Liquid {tag} {target!r} names no post of this site: "
            "the link text is kept (link to the post's file)",
        )
    )
    return text or ""


def _tag(match: re.Match[str], number: int, site: Site, problems: list[Problem]) -> str:
    name, rest = match[1], match[2].strip()
    if name in {"post_url", "link"}:
        return _link(name, rest, None, number, site, problems)
    if name == "img":
        return _image(rest)
    if name == "post_link":  # Hexo: {% post_link slug [title] %}
        target, _, title = rest.partition(" ")
        return _link(name, target, title.strip().strip("\"'") or None, number, site, problems)
    if name == "asset_img":  # Hexo: an image from the folder named as the post
        return _asset_image(rest, site)
    if name in {"raw", "endraw", "comment", "endcomment"}:
        return ""
    instead = WHAT_INSTEAD.get(name, "write its result in Markdown or a MyST directive")
    if name in _HEXO_TAGS:
        what = f"Hexo tag {{% {name} %}}"
    elif rest.startswith("(") or name == "end":
        what = f"Zola shortcode {{% {name}{'(…)' if rest else ''} %}}"
    else:
        what = f"template tag {{% {name} %}} (Liquid, Nunjucks)"
    problems.append(problem(number, f"{what} is not run: dropped ({instead})"))
    return ""


def _asset_image(rest: str, site: Site) -> str:
    """Hexo's ``{% asset_img [class] name [width [height]] [title [alt]] %}``."""
    words = re.findall(r'"[^"]*"|\'[^\']*\'|\S+', rest)
    while len(words) > 1 and not re.search(r"\.\w+$", words[0]):
        words.pop(0)  # classes
    if not words:
        return ""
    name, words = words[0], [w for w in words[1:] if not w.isdigit()]
    texts = [word.strip("\"'") for word in words]
    alt = texts[1] if len(texts) > 1 else " ".join(texts)
    folder = site.asset_folder or site.docname.rpartition("/")[2]
    path = f"{folder}/{name}" if folder else name
    return f'![{alt}]({path} "{texts[0]}")' if texts else f"![]({path})"


def _image(rest: str) -> str:
    """Pelican's ``{% img [class] src [width [height]] [title [alt]] %}``."""
    words = re.findall(r'"[^"]*"|\'[^\']*\'|\S+', rest)
    while words and not re.match(r"^(https?:/)?/|.*\.\w+$", words[0]):
        words.pop(0)  # classes
    if not words:
        return ""
    src, words = words[0], words[1:]
    while words and words[0].isdigit():
        words.pop(0)
    texts = [word.strip("\"'") for word in words]
    quoted = [word for word in words if word[:1] in "\"'"]
    if len(quoted) >= 2:
        title, alt = quoted[0].strip("\"'"), quoted[1].strip("\"'")
    else:
        title = alt = " ".join(texts)
    return f'![{alt}]({src} "{title}")' if title else f"![]({src})"


#: a variable, maybe with its fields: ``page.title``, ``ggplot2``
_NAME = re.compile(r"[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*")
#: what templates of Jekyll, Eleventy and Nunjucks know by a bare name
_GLOBALS = frozenset({
    "content", "page", "site", "post", "paginator", "layout", "jekyll", "include", "forloop",
    "collections", "eleventy", "pkg", "metadata", "super", "loop", "caller", "self", "excerpt",
    "toc",
})  # fmt: skip


def _output(match: re.Match[str], number: int, site: Site, problems: list[Problem]) -> str:
    expression = match[1]
    if not expression:  # ``{{}}``, as prose about braces writes it: no template's
        return match[0].replace("{", "\\{").replace("}", "\\}")
    if expression in site.substitutions or expression.startswith("$"):
        return match[0]  # MyST's own substitution; Vue's ``$frontmatter``: vitepress.py's
    url = _URL_FILTER.match(expression)
    if url:
        return url[2]
    if _NAME.fullmatch(expression):
        parts = expression.split(".")
        key = ".".join(parts[1:] if parts[0] == "page" else parts)
        value = front_matter_value(site.params, key)
        if value is not None:
            return value  # Jekyll's page.title, Eleventy's title
        if len(parts) == 1 and parts[0].lower() not in _GLOBALS and not site.substitutions:
            # no template would print it, and the site has no MyST substitutions: text,
            # as Quarto, Hugo and Pandoc show it
            return match[0].replace("{", "\\{").replace("}", "\\}")
    if re.match(r"^\w+\(.*\)$", expression):
        what = f"Zola shortcode {{{{ {expression} }}}}"
    else:
        what = f"template output {{{{ {expression} }}}} (Liquid, Nunjucks)"
    problems.append(problem(number, f"{what} is not run: dropped (write its value)"))
    return ""
