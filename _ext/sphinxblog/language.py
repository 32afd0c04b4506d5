"""A post's language: from its front matter, else guessed from the script of its text.

A Kazakh post on an English site must not be read aloud, hyphenated or
indexed as English, so each post carries a BCP 47 language tag that the page,
the feeds and the books put on its text.
"""

from __future__ import annotations

import re

from sphinxblog.problems import Problem

__all__ = [
    "guess_language",
    "language_class",
    "language_tag",
    "parse_language",
    "same_language",
    "site_language",
]

#: a primary language subtag, then script, region, variant subtags (RFC 5646, loosely)
_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")

#: Cyrillic letters that only one of the languages a post here is likely to be
#: in uses (і is left out: Kazakh, Ukrainian and Belarusian all write it)
_CYRILLIC_MARKS = {
    "kk": frozenset("әғқңөұүһӘҒҚҢӨҰҮҺ"),
    "uk": frozenset("їєґЇЄҐ"),
    "be": frozenset("ўЎ"),
}
#: at least one letter in so many must be the language's own: about one in ten
#: is in Kazakh text, one in 70 in Ukrainian, one in 50 in Belarusian, so a
#: Russian paragraph naming Қазақстан once stays Russian
_MARK_EVERY = {"kk": 50, "uk": 300, "be": 200}
#: languages written in Cyrillic that a site may be in
_CYRILLIC_LANGUAGES = frozenset({"kk", "ru", "uk", "be", "bg", "mk", "sr", "ky", "tg", "mn"})
#: sites whose own alphabet is known well enough to tell another language's
#: letters from it (Kyrgyz, for one, writes ң, ө and ү too)
_KNOWN_ALPHABETS = frozenset({"ru", *_CYRILLIC_MARKS})
#: Cyrillic letters a text needs before the absence of a language's own letters
#: says it is not in that language: "Тағы бір" has only ғ, a line of Russian none
_ENOUGH_LETTERS = 80


def language_tag(value: str) -> str | None:
    """*value* as a BCP 47 tag in its usual case (``pt_br`` -> ``pt-BR``,
    ``zh-hant`` -> ``zh-Hant``), or ``None`` if it is not shaped like one."""
    value = value.strip().replace("_", "-")
    if not _TAG.match(value):
        return None
    primary, *subtags = value.split("-")
    cased = [primary.lower()]
    for subtag in subtags:
        if len(subtag) == 4 and subtag.isalpha():
            cased.append(subtag.title())  # script
        elif len(subtag) == 2 and subtag.isalpha():
            cased.append(subtag.upper())  # region
        else:
            cased.append(subtag.lower())
    return "-".join(cased)


def parse_language(raw: object) -> tuple[str | None, list[Problem]]:
    """A ``lang``/``language`` value as a BCP 47 tag; an empty one means "guess"."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, []
    tag = language_tag(raw) if isinstance(raw, str) else None
    if tag is not None:
        return tag, []
    if isinstance(raw, str):
        shown = repr(raw[:40])
    elif isinstance(raw, int | float) and not isinstance(raw, bool):
        shown = repr(raw)
    else:
        shown = f"(a {type(raw).__name__})"
    message = (
        f"language {shown} is not a language tag such as 'en' or 'kk'; "
        "the language is guessed from the text"
    )
    return None, [Problem("language", message)]


def same_language(first: str, second: str) -> bool:
    """Whether two tags name the same language (``en-GB`` is not ``en``)."""
    return first.replace("_", "-").casefold() == second.replace("_", "-").casefold()


def language_class(tag: str) -> str:
    """The class that Docutils' HTML writers turn into a ``lang`` attribute."""
    return f"language-{tag}"


def site_language(configured: str | None) -> str:
    """The site's ``language`` setting as a BCP 47 tag (Sphinx's default is English)."""
    return language_tag(configured or "") or "en"


def _is_cyrillic(letter: str) -> bool:
    return "\u0400" <= letter <= "\u04ff"


def _marked_language(cyrillic: list[str]) -> str | None:
    """The language whose own letters are frequent enough in *cyrillic*, if any."""
    for lang, marks in _CYRILLIC_MARKS.items():
        count = sum(letter in marks for letter in cyrillic)
        if count and count * _MARK_EVERY[lang] >= len(cyrillic):
            return lang
    return None


def guess_language(text: str, site_language_setting: str | None) -> str:
    """The language of *text*, judged by its script against the site's language.

    Mostly Cyrillic text is Kazakh where it has Kazakh's own letters,
    Ukrainian or Belarusian where it has theirs, else Russian. On a site in
    a Cyrillic language it is in the site's language, unless the site is in
    Russian, Kazakh, Ukrainian or Belarusian and the text has another of
    these languages' letters, or is long and still lacks the site language's
    own (then it is Russian).
    Mostly Latin text is in the site's language, or English on a Cyrillic
    site. Text in other scripts, or with no letters, is in the site's language.
    """
    site = site_language(site_language_setting)
    primary = site.partition("-")[0]
    letters = [c for c in text if c.isalpha()]
    cyrillic = [c for c in letters if _is_cyrillic(c)]
    latin = [c for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f"]
    if len(cyrillic) * 2 > len(letters):
        marked = _marked_language(cyrillic)
        if primary not in _CYRILLIC_LANGUAGES:
            return marked or "ru"
        if primary not in _KNOWN_ALPHABETS:
            return site
        if marked is not None and marked != primary:
            return marked
        if marked is None and primary in _CYRILLIC_MARKS and len(cyrillic) >= _ENOUGH_LETTERS:
            return "ru"
        return site
    if primary in _CYRILLIC_LANGUAGES and len(latin) * 2 > len(letters):
        return "en"
    return site
