"""Kazakh in the Latin alphabet of 2021, for the search: a reader may type «Qazaqstan»
for «Қазақстан».

The search index keeps each Kazakh word's stem in that alphabet, folded to plain
letters (``ä`` as ``a``, ``ı`` as ``i``), so that a word typed in Cyrillic, in
the Latin alphabet with its marks or without them finds the same pages.  A word
typed in Latin letters is stemmed as Kazakh; one with letters Kazakh does not
write in Latin (``c``, ``w``, ``x``, digits) is left as it is.
"""

from __future__ import annotations

import re

__all__ = ["fold", "is_kazakh_latin", "to_latin"]

#: the Latin alphabet of 28 January 2021, for lower-case Cyrillic letters
CYRILLIC_TO_LATIN = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "io",
    "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n",
    "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū",
    "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ch", "ш": "ş", "щ": "şş", "ъ": "",
    "ы": "y", "і": "ı", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip
#: a word in the letters of that alphabet (``c`` only in ``ch``)
LATIN_WORD = re.compile("^(?:ch|[abdefghijklmnopqrstuvyzäğıñöūüş])+$")

#: the letters with marks as they are typed without them
FOLDED = {"ä": "a", "ğ": "g", "ı": "i", "ñ": "n", "ö": "o", "ū": "u", "ü": "u", "ş": "s"}


# tables for str.translate: the search index spells every Cyrillic word of a site
_TO_LATIN = str.maketrans(CYRILLIC_TO_LATIN)
_FOLD = str.maketrans(FOLDED)


def to_latin(word: str) -> str:
    """A lower-case word with its Cyrillic letters in the Latin alphabet of 2021."""
    return word.translate(_TO_LATIN)


def fold(word: str) -> str:
    """*word* (Latin) with its letters' marks dropped, as a keyboard without them types it."""
    return word.translate(_FOLD)


def is_kazakh_latin(word: str) -> bool:
    """Whether a lower-case word is written in the Latin alphabet of 2021 alone."""
    return LATIN_WORD.match(word) is not None
