"""Search for Kazakh: a light suffix-stripping stemmer, in Python for the index
and in JavaScript for the queries, built from one table of suffixes.

Kazakh is agglutinative: "Қазақстандықтар" is "Қазақстан" + -дық + -тар.
Neither Sphinx nor Snowball has a Kazakh stemmer.  This one strips plural,
possessive, case and a derivational ending, as long as the suffix keeps the
stem's vowel harmony and leaves at least :data:`MIN_STEM` letters.  The stems are
kept in the Latin alphabet of 2021 (:mod:`sphinx_kazakh.latin`), so that a word
typed in either alphabet finds the page; words in Latin letters Kazakh does not
write (English with a ``c``, ``w`` or ``x``) are only lower-cased, in both halves.

On a site in another language, each word in Cyrillic is indexed in Latin letters
too (:class:`LatinSpellings`), as it is written and without the letters' marks.
"""

from __future__ import annotations

import json
import re
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.search import SearchLanguage, languages

from sphinx_kazakh.latin import (
    CYRILLIC_TO_LATIN,
    FOLDED,
    LATIN_WORD,
    fold,
    is_kazakh_latin,
    to_latin,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: longest first, so that -нан is tried before -ан would be
SUFFIXES = sorted(
    {
        # plural
        "лар", "лер", "дар", "дер", "тар", "тер",
        # genitive
        "ның", "нің", "дың", "дің", "тың", "тің",
        # accusative
        "ны", "ні", "ды", "ді", "ты", "ті",
        # dative
        "ға", "ге", "қа", "ке", "на", "не",
        # locative
        "да", "де", "та", "те", "нда", "нде",
        # ablative
        "дан", "ден", "тан", "тен", "нан", "нен",
        # instrumental
        "мен", "бен", "пен",
        # derivational: -лық "-ness", -шы "-er"
        "дық", "дік", "тық", "тік", "лық", "лік", "шы", "ші",
        # possessive
        "ым", "ім", "ың", "ің", "сы", "сі", "ы", "і",
        "ымыз", "іміз", "ыңыз", "іңіз", "мыз", "міз",
    },
    key=lambda suffix: (-len(suffix), suffix),
)  # fmt: skip
BACK_VOWELS = "аоұыяёу"
FRONT_VOWELS = "әөүіеэи"
MIN_STEM = 3
MAX_ROUNDS = 4
STOPWORDS = frozenset(
    {
        "және", "мен", "бен", "пен", "да", "де", "та", "те", "бұл", "осы", "сол", "ол", "сен",
        "біз", "сіз", "олар", "не", "неге", "қалай", "үшін", "бойынша", "туралы", "арқылы",
        "дейін", "кейін", "сияқты", "ғана", "әлі", "енді", "бар", "жоқ", "емес", "еді", "болып",
        "болады", "бір", "әр", "барлық", "көп", "аз", "тек", "ең", "өте",
    }
)  # fmt: skip


#: the vowels that tell a stem's harmony, in Cyrillic and in Latin letters without marks
#: (where ``a``, ``o``, ``u`` are back or front vowels alike: they tell nothing)
CYRILLIC_VOWELS = {"back": BACK_VOWELS, "front": FRONT_VOWELS}
LATIN_VOWELS = {"back": "y", "front": "ei", "either": "aou"}


def _harmony(text: str, vowels: dict[str, str]) -> str | None:
    """'back' or 'front' for the last vowel of *text*; None if it has none, or one
    that tells neither."""
    for letter in reversed(text):
        for harmony, letters in vowels.items():
            if letter in letters:
                return harmony if harmony != "either" else None
    return None


#: each suffix with the harmony it needs of the stem, in Cyrillic and in Latin letters
#: without marks (longest first)
CYRILLIC_SUFFIXES = [(suffix, _harmony(suffix, CYRILLIC_VOWELS)) for suffix in SUFFIXES]
LATIN_SUFFIXES = sorted(
    {(fold(to_latin(suffix)), harmony) for suffix, harmony in CYRILLIC_SUFFIXES},
    key=lambda pair: (-len(pair[0]), pair),
)


def _strip(word: str, suffixes: list[tuple[str, str | None]], vowels: dict[str, str]) -> str:
    """*word* without the suffixes it ends with whose harmony its stem keeps."""
    for _round in range(MAX_ROUNDS):
        for suffix, wanted in suffixes:
            rest = word[: -len(suffix)]
            if not word.endswith(suffix) or len(rest) < MIN_STEM:
                continue
            if wanted is None or _harmony(rest, vowels) in (None, wanted):
                word = rest
                break
        else:
            break
    return word


def stem(word: str) -> str:
    """The stem of a Kazakh word, in either alphabet, as the index keeps it: in Latin
    letters without marks; any other word lower-cased.

    A word typed in Latin letters is stemmed as it is spelled without marks, where
    ``-nin`` may be ``-ның`` or ``-нің``: it may lose more than its Cyrillic twin,
    and the search page finds the longer stems that hold it.
    """
    word = word.lower()
    if any("\u0400" <= letter <= "\u04ff" for letter in word):
        return fold(to_latin(_strip(word, CYRILLIC_SUFFIXES, CYRILLIC_VOWELS)))
    if is_kazakh_latin(word):
        return _strip(fold(word), LATIN_SUFFIXES, LATIN_VOWELS)
    return word


def javascript() -> str:
    """The same stemmer for the search page, with the same table."""
    table = json.dumps(
        {
            "cyrillicSuffixes": CYRILLIC_SUFFIXES, "cyrillicVowels": CYRILLIC_VOWELS,
            "latinSuffixes": LATIN_SUFFIXES, "latinVowels": LATIN_VOWELS,
            "minStem": MIN_STEM, "maxRounds": MAX_ROUNDS, "toLatin": CYRILLIC_TO_LATIN,
            "folded": FOLDED, "latinWord": LATIN_WORD.pattern,
        },
        ensure_ascii=False,
    )  # fmt: skip
    code = Path(__file__).with_name("stemmer.js").read_text(encoding="utf-8")
    return code.replace("/*TABLE*/null", table)


class SearchKazakh(SearchLanguage):
    lang = "kk"
    language_name = "Kazakh"
    #: as typed (the search page drops them before stemming) and as stemmed (the index)
    stopwords = STOPWORDS | {spelling for word in STOPWORDS for spelling in (
        to_latin(word), fold(to_latin(word)), stem(word),
    )}  # fmt: skip
    js_stemmer_code = javascript()

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        self._stems: dict[str, str] = {}

    def stem(self, word: str) -> str:
        # Sphinx remembers stems one page at a time; a site's words recur on every page
        found = self._stems.get(word)
        if found is None:
            found = self._stems[word] = stem(word)
        return found


_CYRILLIC_WORD = re.compile("[\u0400-\u04ff]")


class LatinSpellings(SearchLanguage):
    """A site language's search that also indexes each word in Cyrillic in the Latin
    alphabet of 2021, with its letters' marks and without them."""

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        self._stems: dict[str, str] = {}

    def split(self, input: str) -> list[str]:
        words = super().split(input)
        if not _CYRILLIC_WORD.search(input):
            return words
        spelled: list[str] = []
        for word in words:
            if _CYRILLIC_WORD.search(word):
                latin = to_latin(word.lower())
                folded = fold(latin)
                spelled += (latin,) if folded == latin else (latin, folded)
        return words + spelled

    def stem(self, word: str) -> str:
        # Sphinx remembers stems one page at a time; a site's words recur on every page
        found = self._stems.get(word)
        if found is None:
            found = self._stems[word] = super().stem(word)
        return found


def index_latin_spellings(app: Sphinx, config: Config) -> None:
    """``config-inited``: on a site in another language than Kazakh, the site
    language's search indexes Kazakh words in Latin letters too."""
    language = config.html_search_language or config.language or "en"
    found = languages.get(language) or languages.get(language.partition("_")[0])
    if language.partition("_")[0] == "kk" or found is None:
        return
    if isinstance(found, str):
        module, _dot, name = found.rpartition(".")
        found = getattr(import_module(module), name)
    if isinstance(found, type) and not issubclass(found, LatinSpellings):
        app.add_search_language(type(found.__name__, (LatinSpellings, found), {}))
