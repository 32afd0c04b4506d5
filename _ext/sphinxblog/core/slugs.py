"""Stable, collision-free, ASCII slugs for tag pages."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from slugify import slugify as _ascii_slugify

from sphinxblog.core.values import tag_key

__all__ = ["assign_slugs", "is_reserved", "slugify"]

# Kazakh's Latin alphabet (2021) for the letters Kazakh has beyond Russian,
# and the usual romanisation for the rest of Cyrillic; text-unidecode alone
# turns "Қазақ" into "K'azak'".
_CYRILLIC_TO_LATIN = str.maketrans(
    {
        "ә": "a", "ғ": "g", "қ": "q", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
        "һ": "h", "і": "i", "а": "a", "б": "b", "в": "v", "г": "g", "д": "d",
        "е": "e", "ё": "io", "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k",
        "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
        "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    }
)  # fmt: skip

# Symbols that tell tags apart (C, C++, C#) become words instead of vanishing.
_SYMBOL_WORDS = {"+": " plus ", "#": " sharp ", "&": " and ", "@": " at ", "%": " percent "}
_SYMBOLS = re.compile("|".join(re.escape(symbol) for symbol in _SYMBOL_WORDS))

MAX_LENGTH = 60
#: slugs a tag may not take because the tag folder uses them itself
RESERVED = frozenset({"index"})
#: names Windows keeps for devices: no file or folder may have them, in any case and
#: with any extension (``con.md``, ``Nul``)
WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"{port}{digit}" for port in ("com", "lpt") for digit in range(10)}
)
_HASH_LENGTH = 6


def _short_hash(text: str, length: int = _HASH_LENGTH) -> str:
    # SHA-1 first, as slugs have always been; SHA-256 after it only for a
    # prefix of 40 digits that two tags share, which has never been seen
    data = text.encode("utf-8")
    return (hashlib.sha1(data).hexdigest() + hashlib.sha256(data).hexdigest())[:length]


def is_reserved(name: str) -> bool:
    """Whether a tag may not take *name* as its page's name: the tag folder's own
    page, or a name Windows refuses (``CON``, ``nul.md``, ``Com1``)."""
    stem = name.split(".", 1)[0].rstrip(" ").casefold()
    return name in RESERVED or stem in WINDOWS_DEVICES


def slugify(tag: str) -> str:
    """A readable ASCII slug for *tag*, case-folded; never empty.

    Different tags can share a slug (``C++`` and ``c plus plus``), and a slug
    can be reserved (``con``); :func:`assign_slugs` resolves those.
    """
    text = tag_key(tag).translate(_CYRILLIC_TO_LATIN)
    text = _SYMBOLS.sub(lambda match: _SYMBOL_WORDS[match.group()], text)
    slug = _ascii_slugify(text, max_length=MAX_LENGTH, word_boundary=True)
    return slug or f"tag-{_short_hash(tag_key(tag))}"


def _is_literal(tag: str, slug: str) -> bool:
    """Whether *slug* spells *tag* itself (``machine-learning``), not a transcription."""
    return re.sub(r"[\s_]+", "-", tag_key(tag)) == slug


def assign_slugs(tags: Iterable[str]) -> dict[str, str]:
    """Map each tag's key (:func:`~sphinxblog.core.values.tag_key`) to a unique slug.

    When several tags want the same slug, the one that spells the slug literally,
    else the first by key, keeps it; each other gets a suffix hashed from its
    own key, so its URL does not depend on how many others collide.  A reserved
    slug (:func:`is_reserved`) goes to no tag: all get a suffix.

    A suffixed slug belongs to its tag: a tag that merely spells it
    (``c-plus-plus-372946`` beside ``C++``) gets a suffix of its own.  Suffixes
    that still meet (a hash prefix shared on purpose) grow until they differ,
    so slugs never collide, whatever tags exist.
    """
    keys = sorted({tag_key(tag) for tag in tags})
    bases = {key: slugify(key) for key in keys}
    groups: dict[str, list[str]] = {}
    for key in keys:
        groups.setdefault(bases[key], []).append(key)
    # the length of each tag's hashed suffix; 0 for none
    lengths = dict.fromkeys(keys, _HASH_LENGTH)
    for base, group in groups.items():
        owner = min(group, key=lambda key: (not _is_literal(key, base), key))
        if not is_reserved(base):
            lengths[owner] = 0
    while True:
        slugs = {
            key: f"{bases[key]}-{_short_hash(key, lengths[key])}" if lengths[key] else bases[key]
            for key in keys
        }
        holders: dict[str, list[str]] = {}
        for key, slug in slugs.items():
            holders.setdefault(slug, []).append(key)
        clashes = [group for group in holders.values() if len(group) > 1]
        if not clashes:
            return slugs
        for group in clashes:
            suffixed = [key for key in group if lengths[key]]
            if len(suffixed) > 1:  # the same base and hash prefix: longer hashes
                for key in suffixed:
                    lengths[key] += 2
            else:  # a plain slug spelling another tag's suffixed one moves aside
                for key in group:
                    lengths[key] = lengths[key] or _HASH_LENGTH
