"""What can be wrong in a post, as warnings that ``suppress_warnings`` can name."""

from __future__ import annotations

from dataclasses import dataclass

#: every warning subtype (type ``blog``), with when it is raised; the README's
#: table of warnings is checked against this
SUBTYPES = {
    "front_matter": "the front matter is not valid YAML, not a mapping, or not closed",
    "date": "the date is missing, impossible (`2023-13-01`), not understood, or ambiguous "
    "(`05/06/2020`)",
    "updated": "the update date is not understood",
    "tags": "tags (or categories, keywords) are neither a list nor a string, "
    "or a tag is empty or not text",
    "title": "the post has neither a `title` nor a heading, or its title holds HTML markup "
    "(shown as text)",
    "authors": "an author is neither text nor a mapping with a `name`",
    "summary": "the summary (`summary`, `description`, `excerpt`) is not text",
    "draft": "`draft`, `published` or `status` has a value that says neither yes nor no",
    "slug": "`slug` differs from the file name, which alone makes the URL",
    "alias": "an alias (`aliases`, `redirect_from`) is not a safe relative path, "
    "or takes a page that exists",
    "language": "`lang` or `language` is not a language tag such as `en` or `kk`",
    "tag_page": "a file in the tag folder that the extension did not write is in the way",
    "config": "a `blog_*` setting has a value the extension cannot use",
    "catalog": "a message catalog (`.po`) of the extension or in `locale_dirs` cannot be "
    "read or compiled; its messages stay untranslated",
}


@dataclass(frozen=True)
class Problem:
    """Something wrong with a post's front matter, for a warning."""

    subtype: str
    message: str
    line: int | None = None  # 1-based line in the source file
