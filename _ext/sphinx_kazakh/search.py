"""Search for Kazakh: a light suffix-stripping stemmer, in Python for the index
and in JavaScript for the queries, built from one table of suffixes.

Kazakh is agglutinative: "Қазақстандықтар" is "Қазақстан" + -дық + -тар.
Neither Sphinx nor Snowball has a Kazakh stemmer.  This one strips plural,
possessive, case and a derivational ending, as long as the suffix keeps the
stem's vowel harmony and leaves at least :data:`MIN_STEM` letters.  Words in
other scripts (English in a mixed site) are only lower-cased, in both halves.
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.search import SearchLanguage

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


def _harmony(text: str) -> str | None:
    """'back' or 'front' for the last vowel of *text*, None if it has none."""
    for letter in reversed(text):
        if letter in BACK_VOWELS:
            return "back"
        if letter in FRONT_VOWELS:
            return "front"
    return None


def stem(word: str) -> str:
    """The stem of a Kazakh word; any other word lower-cased."""
    word = word.lower()
    if not any("\u0400" <= letter <= "\u04ff" for letter in word):
        return word
    for _round in range(MAX_ROUNDS):
        for suffix in SUFFIXES:
            rest = word[: -len(suffix)]
            if not word.endswith(suffix) or len(rest) < MIN_STEM:
                continue
            wanted = _harmony(suffix)
            if wanted is None or _harmony(rest) in (None, wanted):
                word = rest
                break
        else:
            break
    return word


def javascript() -> str:
    """The same stemmer for the search page, with the same table."""
    table = json.dumps(
        {
            "suffixes": SUFFIXES, "back": BACK_VOWELS, "front": FRONT_VOWELS,
            "minStem": MIN_STEM, "maxRounds": MAX_ROUNDS,
        },
        ensure_ascii=False,
    )  # fmt: skip
    code = Path(__file__).with_name("stemmer.js").read_text(encoding="utf-8")
    return code.replace("/*TABLE*/null", table)


class SearchKazakh(SearchLanguage):
    lang = "kk"
    language_name = "Kazakh"
    stopwords = STOPWORDS
    js_stemmer_code = javascript()

    def stem(self, word: str) -> str:
        return stem(word)
