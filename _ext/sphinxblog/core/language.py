"""A post's language: from its front matter, else guessed from the script of its text.

A Kazakh post on an English site must not be read aloud, hyphenated or
indexed as English, so each post carries a BCP 47 language tag that the page,
the feeds and the books put on its text.
"""

from __future__ import annotations

import re
from collections import Counter

from sphinxblog.core.problems import Problem

__all__ = [
    "guess_language",
    "language_of_path",
    "language_class",
    "language_of_name",
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


#: any character of the Cyrillic block: text without one is in no Cyrillic language
_ANY_CYRILLIC = re.compile("[\u0400-\u04ff]")

# A post has thousands of letters: they are counted in its UTF-8 bytes, where
# counting runs in C. UTF-8 writes ASCII characters as bytes below 0x80 and
# every other character as a first byte from 0xC0 on, then bytes 0x80-0xBF.
#: every byte but the ASCII letters
_NOT_ASCII_LETTERS = bytes(b for b in range(256) if not (b < 0x80 and chr(b).isalpha()))
#: every byte but the first bytes of non-ASCII characters
_NOT_FIRST_BYTES = bytes(range(0xC0))
#: the first bytes of U+0400-U+04FF, each starting one character of the block
_CYRILLIC_FIRST_BYTES = (b"\xd0", b"\xd1", b"\xd2", b"\xd3")
#: the characters of the Cyrillic block that are not letters (combining marks, ҂)
_CYRILLIC_NOT_LETTERS = "".join(chr(c) for c in range(0x400, 0x500) if not chr(c).isalpha())
#: characters neither ASCII nor Cyrillic: few in a post, and judged one by one
_OTHER_SCRIPTS = re.compile("[^\x00-\x7f\u0400-\u04ff]")


def _is_latin(letter: str) -> bool:
    return letter.isascii() or "\u00c0" <= letter <= "\u024f"


def _letter_counts(text: str) -> tuple[int, int, int]:
    """How many letters *text* has, how many of them are Cyrillic and how many Latin."""
    # a lone surrogate (hostile text) is no letter: it is kept as three bytes
    # that no count below mistakes for another character
    data = text.encode("utf-8", "surrogatepass")
    latin = len(data.translate(None, _NOT_ASCII_LETTERS))
    letters = latin
    non_ascii = len(data.translate(None, _NOT_FIRST_BYTES))
    if not non_ascii:
        return letters, 0, latin
    in_block = sum(map(data.count, _CYRILLIC_FIRST_BYTES))
    cyrillic = in_block - sum(map(text.count, _CYRILLIC_NOT_LETTERS))
    letters += cyrillic
    if non_ascii > in_block:
        for char, count in Counter(_OTHER_SCRIPTS.findall(text)).items():
            if char.isalpha():
                letters += count
                latin += count if _is_latin(char) else 0
    return letters, cyrillic, latin


def _marked_language(text: str, cyrillic: int) -> str | None:
    """The language whose own letters are frequent enough among the *cyrillic*
    letters of *text*, if any."""
    for lang, marks in _CYRILLIC_MARKS.items():
        count = sum(map(text.count, marks))
        if count and count * _MARK_EVERY[lang] >= cyrillic:
            return lang
    return None


#: the scripts that name a language of their own (or a few, told apart below)
_SCRIPT_RANGES = (
    ("\u0370", "\u03ff", "el"), ("\u0530", "\u058f", "hy"), ("\u0590", "\u05ff", "he"),
    ("\u0600", "\u06ff", "ar"), ("\u0750", "\u077f", "ar"), ("\u0900", "\u097f", "hi"),
    ("\u0980", "\u09ff", "bn"), ("\u0a00", "\u0a7f", "pa"), ("\u0a80", "\u0aff", "gu"),
    ("\u0b80", "\u0bff", "ta"), ("\u0c00", "\u0c7f", "te"), ("\u0c80", "\u0cff", "kn"),
    ("\u0d00", "\u0d7f", "ml"), ("\u0d80", "\u0dff", "si"), ("\u0e00", "\u0e7f", "th"),
    ("\u0e80", "\u0eff", "lo"), ("\u10a0", "\u10ff", "ka"), ("\u1100", "\u11ff", "ko"),
    ("\u3040", "\u30ff", "ja"), ("\u3130", "\u318f", "ko"), ("\u3400", "\u4dbf", "zh"),
    ("\u4e00", "\u9fff", "zh"), ("\uac00", "\ud7af", "ko"), ("\uf900", "\ufaff", "zh"),
)  # fmt: skip
_SCRIPT_LETTER = re.compile("[" + "".join(f"{low}-{high}" for low, high, _ in _SCRIPT_RANGES) + "]")
#: letters that tell Urdu and Persian from Arabic
_ARABIC_MARKS = (("ur", frozenset("ٹڈڑںے")), ("fa", frozenset("پچژگ")))


def _script_language(text: str) -> tuple[str, int] | None:
    """The language the letters of scripts other than Latin and Cyrillic mostly
    belong to, and how many such letters there are; None without any."""
    found = _SCRIPT_LETTER.findall(text)
    if not found:
        return None
    counts: Counter[str] = Counter()
    for char, count in Counter(found).items():
        if char.isalpha():
            counts[next(lang for low, high, lang in _SCRIPT_RANGES if low <= char <= high)] += count
    if not counts:
        return None
    if counts["ja"] and counts["ja"] * 20 >= counts["zh"]:
        counts["ja"] += counts.pop("zh", 0)  # kanji among kana: Japanese
    language, _ = counts.most_common(1)[0]
    if language == "ar":
        language = next(
            (lang for lang, marks in _ARABIC_MARKS if any(c in marks for c in found)), "ar"
        )
    return language, sum(counts.values())


#: language folders (``ja/``, ``zh-CN/``) a site in several languages keeps posts in;
#: two-letter names that are often something else (``it``, ``ml``, ``go``) are left out
FOLDER_LANGUAGES = frozenset(
    "ar bg bn ca cs da de el en es et fa fi fr he hi hr hu hy id ja ka kk ko ky lt lv mn nl pl "
    "pt ro ru sk sl sr sv ta th tr uk ur uz vi zh".split()
)


#: a language before a file's suffix, as Hugo names translations (``hello.kk``)
NAME_LANGUAGE = re.compile(r"^(?P<stem>.+)\.(?P<language>[a-z]{2}(?:[-_][A-Za-z]{2,4})?)$")
#: a folder named as a language (``kk``, ``zh-CN``)
_FOLDER_LANGUAGE = re.compile(r"^[a-z]{2}(?:[-_][A-Za-z]{2,4})?$")


def language_of_folder(folder: str) -> str | None:
    """The language a folder's name is (``ja``, ``zh-CN``), if it is one of
    :data:`FOLDER_LANGUAGES`."""
    tag = language_tag(folder) if _FOLDER_LANGUAGE.match(folder) else None
    return tag if tag and tag.partition("-")[0] in FOLDER_LANGUAGES else None


def language_of_name(docname: str) -> str | None:
    """The language a post's file name gives before its suffix (Hugo's ``hello.kk.md``)."""
    match = NAME_LANGUAGE.match(docname.rpartition("/")[2])
    return language_of_folder(match["language"]) if match else None


def language_of_path(docname: str) -> str | None:
    """The language a post's path names: before its suffix, as Hugo names
    translations (``hello.kk.md``), or as a folder, as Starlight's and Hexo's
    ``ja/``, ``zh-CN/`` folders do."""
    if language := language_of_name(docname):
        return language
    for folder in docname.split("/")[:-1]:
        if language := language_of_folder(folder):
            return language
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
    site. Text mostly in another script is in that script's language (Japanese
    where kana are among the Han characters, Urdu or Persian where their own
    letters are among the Arabic ones). Text with no letters is in the site's
    language.
    """
    site = site_language(site_language_setting)
    primary = site.partition("-")[0]
    scripts = _script_language(text) if _OTHER_SCRIPTS.search(text) else None
    if scripts is None and primary not in _CYRILLIC_LANGUAGES and not _ANY_CYRILLIC.search(text):
        return site  # most posts: no letter to count changes the answer
    letters, cyrillic, latin = _letter_counts(text)
    if scripts is not None and scripts[1] * 2 > letters:
        return site if scripts[0] == primary else scripts[0]
    if cyrillic * 2 > letters:
        marked = _marked_language(text, cyrillic)
        if primary not in _CYRILLIC_LANGUAGES:
            return marked or "ru"
        if primary not in _KNOWN_ALPHABETS:
            return site
        if marked is not None and marked != primary:
            return marked
        if marked is None and primary in _CYRILLIC_MARKS and cyrillic >= _ENOUGH_LETTERS:
            return "ru"
        return site
    if primary in _CYRILLIC_LANGUAGES and latin * 2 > letters:
        return "en"
    return site
