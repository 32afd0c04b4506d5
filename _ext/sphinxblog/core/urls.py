"""Which addresses and files a post's front matter or the authors file may name.

A value written there becomes a link (an author's ``url``), an image (an
avatar) or a meta tag (``image``, ``og:image``), so it is untrusted: one
allow-list decides for every such value.  A link is an ``http``, ``https`` or
``mailto`` address or a relative path; ``//host/…`` counts as relative, since
it keeps the page's own scheme (http or https).  Anything else
(``javascript:``, ``data:``, ``vbscript:``, ``file:``) is refused, however it
is spelt: browsers ignore case, drop tabs and line breaks anywhere and
control characters and spaces around the value, so this does too before it
reads the scheme.

A file named as an image must be one, by its suffix, and visible: no hidden
file or folder (``.env``, ``.git/…``).  Where the file is, and whether Sphinx
reads that folder, is the reading layer's question.
"""

from __future__ import annotations

import posixpath
import re

__all__ = [
    "IMAGE_SCHEMES",
    "IMAGE_SUFFIXES",
    "LINK_SCHEMES",
    "front_matter_address_problem",
    "image_address_problem",
    "image_path_problem",
    "safe_link",
    "scheme_of",
]

#: schemes a link may have
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
#: schemes an image's address may have: only those a browser loads an image from
IMAGE_SCHEMES = frozenset({"http", "https"})
#: what an image file's name may end with (in any case)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", ".ico")

#: what browsers drop before reading a URL: C0 controls and spaces (here
#: anywhere, not only around it, so ``java script:`` is refused too)
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")
#: a scheme is what comes before the first ``:`` that precedes any ``/``, ``?``
#: or ``#``; read so, ``ｊａｖａｓｃｒｉｐｔ:`` has a scheme too (and is refused)
_SCHEME = re.compile(r"^([^/?#\\]*?):")
#: front-matter keys (in lower case) that give the page's head an image's address,
#: and other addresses (sphinxext-opengraph writes every ``og:`` key as it is)
_IMAGE_KEYS = re.compile(r"^(?:image|og:image(?::url|:secure_url)?)$")
_ADDRESS_KEYS = re.compile(r"^og:(?:url|video|audio)(?::url|:secure_url)?$")
NOT_WEB = "is not an http or https address nor a relative path"


def scheme_of(url: str) -> str | None:
    """*url*'s scheme as a browser reads it (lower case), or ``None`` for a relative path."""
    match = _SCHEME.match(_IGNORED.sub("", url))
    return match.group(1).lower() if match else None


def safe_link(url: str, schemes: frozenset[str] = LINK_SCHEMES) -> str | None:
    """*url* without spaces around it if its scheme is one of *schemes* or it is
    a relative path (``/about/``, ``#top``, ``//host/x``); else ``None``."""
    text = url.strip()
    if not text:
        return None
    scheme = scheme_of(text)
    return text if scheme is None or scheme in schemes else None


def image_address_problem(address: str) -> str | None:
    """What is wrong with *address* as an image's, or ``None``: an http or https
    address (or ``//host/…``), or a path that :func:`image_path_problem` accepts."""
    text = address.strip()
    if scheme_of(text) is not None or text.startswith(("//", "\\\\")):
        return None if safe_link(text, IMAGE_SCHEMES) else NOT_WEB
    return image_path_problem(text)


def front_matter_address_problem(key: str, value: str) -> str | None:
    """What is wrong with *value* as the address that the front-matter *key* gives
    the page's head (``image``, ``og:image``, ``og:url``, …), or ``None``, also
    for a key that holds no address."""
    name = key.casefold()
    if _IMAGE_KEYS.match(name):
        return image_address_problem(value)
    if _ADDRESS_KEYS.match(name):
        return None if safe_link(value, IMAGE_SCHEMES) else NOT_WEB
    return None


def image_path_problem(path: str) -> str | None:
    """What is wrong with *path* as a local image's, or ``None``: it must end
    in an image suffix and name no hidden file or folder."""
    segments = [segment for segment in posixpath.normpath(path).split("/") if segment]
    if any(segment.startswith(".") and segment not in {".", ".."} for segment in segments):
        return "names a hidden file or folder"
    if not path.lower().endswith(IMAGE_SUFFIXES):
        return f"is not an image file ({', '.join(IMAGE_SUFFIXES)})"
    return None
