"""What can be wrong in a post, as warnings that ``suppress_warnings`` can name."""

from __future__ import annotations

import reprlib
from dataclasses import dataclass

#: every warning subtype (type ``blog``), with when it is raised; the table of
#: warnings in docs/warnings.md is checked against this
SUBTYPES = {
    "front_matter": "the front matter is not valid YAML (TOML, JSON), not a mapping, or not "
    "closed; is too long, too deep or expands too far (YAML aliases); repeats a key; or sets "
    "an `http-equiv` meta tag",
    "date": "the date is missing, impossible (`2023-13-01`), not understood, or ambiguous "
    "(`05/06/2020`)",
    "updated": "the update date is not understood",
    "expires": "the expiry date (`expiryDate`, `expires`) is not understood",
    "tags": "tags (or categories, keywords) are neither a list nor a string, a tag is empty, "
    "invisible or not text, or a post has more than 50 tags",
    "title": "the post has neither a `title` nor a heading, or its title holds HTML markup "
    "(shown as text) or characters XML does not allow (dropped, as in every text field)",
    "series": "a series name is not text or is empty, a post is in more than 5 series, or "
    "its place in the series (`part`, `series_order`, `series_weight`) is not a whole number",
    "pinned": "`pin`, `pinned`, `featured` or `sticky` says neither yes nor no (nor a number), "
    "or `weight` is not a whole number",
    "authors": "an author is neither text nor a mapping with a `name`, or a post's author "
    "mapping has a `url` or an avatar that is left out (see `blog.authors_file`)",
    "authors_file": "the authors file is not valid YAML, not a mapping of keys to profiles "
    "with a `name`, repeats a key (in any case), gives an author a `url` that is not http, "
    "https, mailto or a relative path, or an avatar that is not an image file of the source "
    "folder; a post names a key it does not have; or the authors folder cannot be used",
    "tags_file": "the tags file (`tags.yml`) is not valid YAML, not a mapping of tags, or "
    "gives a tag a label or description that is not text",
    "image": "a post's `image` (or an `og:` address) is not http, https or a relative path, "
    "or names a hidden file or one that is not an image",
    "summary": "the summary (`summary`, `description`, `excerpt`) is not text",
    "text": "a post's text holds characters that XML does not allow (control characters, "
    "noncharacters, lone surrogates); they are dropped",
    "encoding": "a source file is not in `source_encoding` (UTF-8); its undecodable bytes are "
    "read as U+FFFD",
    "draft": "`draft`, `published` or `status` has a value that says neither yes nor no",
    "slug": "`slug` is not a safe path, so no redirect is written from the address it implies",
    "source": "a file among the posts is in a format the site does not read (`.rst`, `.html`, "
    "`.org`, `.txt`, `.adoc`, …), or a document's name would break links, the ePub or the "
    "build (left out)",
    "alias": "an alias (`aliases`, `redirect_from`, `permalink`, `url`, `redirect`, "
    "`save_as`) is not a safe relative path (or a `permalink` holds placeholders), or takes "
    "a page or another file the site writes (a feed, the search index, …)",
    "language": "`lang` or `language` is not a language tag such as `en` or `kk`",
    "translation": "`translationKey` is not a name, `translation_of` names no post of the "
    "site, or two versions of one story are in the same language (listings show one)",
    "social_card": "a post's social card cannot be drawn or written",
    "tag_page": "a file in the tag folder that the extension did not write is in the way, "
    "or the tag folder cannot be used",
    "symlink": "a post lies behind a symbolic link out of the source folder, or in a loop",
    "include": "a post includes, shows or offers a file outside the source folder, or "
    "includes a file that is already being included (left out)",
    "raw": "raw LaTeX in a post reads or writes files, runs programs or makes commands out "
    "of text (left out)",
    "config": "a `blog_*` setting has a value the extension cannot use",
    "link": "a link by an old site URL (`/2019/06/18/slug/`) matches no post here, or several",
    "html": "raw HTML in a post holds an element the PDF cannot show (its text is kept), or "
    "a script, style or event attribute, which the ePub leaves out",
    "markup": "another generator's markup cannot be rendered (dropped), or names no known lexer",
    "math": "TeX in a post holds what the MathML of the web pages has no sign for (shown as "
    "written; the PDF sets it)",
    "notebook": "a notebook is not JSON or not a notebook (published empty), or has an "
    "output that is a widget or a script, which needs code from another host (left out; "
    "its text is shown)",
    "diagram": "a Mermaid diagram cannot be read by Mermaid (its source is shown, captioned, "
    "in every output)",
    "catalog": "a message catalog (`.po`) of the extension or in `locale_dirs` cannot be "
    "read or compiled; its messages stay untranslated",
}


@dataclass(frozen=True)
class Problem:
    """Something wrong with a post's front matter, for a warning."""

    subtype: str
    message: str
    line: int | None = None  # 1-based line in the source file
    #: the file the line is in, where it is not the post's (Nikola's ``.meta`` file)
    path: str | None = None


_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother = 2, 50, 50
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = 4


def short_repr(value: object, limit: int = 60) -> str:
    """*value* for a message: at most *limit* characters, whatever its size.

    Never the full ``repr()``: a front-matter value can be nested or shared
    (YAML aliases) so that writing it out whole would take without end.
    """
    text = _REPR.repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
