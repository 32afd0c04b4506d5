"""Stable, collision-free, ASCII slugs for tag pages."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from slugify import slugify as _ascii_slugify

from sphinxblog.values import tag_key

__all__ = ["assign_slugs", "slugify"]

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


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


def slugify(tag: str) -> str:
    """A readable ASCII slug for *tag*, case-folded; never empty.

    Different tags can share a slug (``C++`` and ``c plus plus``);
    :func:`assign_slugs` resolves those collisions.
    """
    text = tag_key(tag).translate(_CYRILLIC_TO_LATIN)
    text = _SYMBOLS.sub(lambda match: _SYMBOL_WORDS[match.group()], text)
    slug = _ascii_slugify(text, max_length=MAX_LENGTH, word_boundary=True)
    return slug or f"tag-{_short_hash(tag_key(tag))}"


def _is_literal(tag: str, slug: str) -> bool:
    """Whether *slug* spells *tag* itself (``machine-learning``), not a transcription."""
    return re.sub(r"[\s_]+", "-", tag_key(tag)) == slug


def assign_slugs(tags: Iterable[str]) -> dict[str, str]:
    """Map each tag's key (:func:`~sphinxblog.frontmatter.tag_key`) to a unique slug.

    When several tags want the same slug, the one that spells the slug literally,
    else the first by key, keeps it; each other gets a suffix hashed from its
    own key, so its URL does not depend on how many others collide.
    """
    wanted: dict[str, list[str]] = {}
    for key in sorted({tag_key(tag) for tag in tags}):
        wanted.setdefault(slugify(key), []).append(key)
    slugs: dict[str, str] = {}
    for slug, keys in wanted.items():
        keys.sort(key=lambda key: (not _is_literal(key, slug), key))
        owner = None if slug in RESERVED else keys[0]
        for key in keys:
            slugs[key] = slug if key == owner else f"{slug}-{_short_hash(key)}"
    return slugs
