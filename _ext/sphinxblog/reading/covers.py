"""A post's cover image: read like a Markdown image beside the post, shown under its header.

The front matter names it as generators do: ``image`` (Docusaurus, Jekyll
themes, ABlog), ``cover``, ``thumbnail``, ``featured_image``,
``feature_image`` (Ghost), Hugo's ``images`` list (its first), or a mapping
with ``path`` (``src``, ``url``) and ``alt``; the alt text is the mapping's,
``image_alt`` or ``cover_alt``, else empty (the title is beside it).  A local
picture becomes an image node at the top of the post, so every builder
copies it as it copies Markdown's; the page's ``og:image`` is then its
address in the output (:mod:`sphinxblog.outputs.context`).  A remote picture
is not shown in the post (nothing loads from another host), and stays the
page's ``og:image`` as written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinxblog.core.files import places_named
from sphinxblog.core.urls import image_address_problem, scheme_of
from sphinxblog.reading.collector import COVER, post_matcher
from sphinxblog.reading.store import front_matter_of

if TYPE_CHECKING:
    from collections.abc import Mapping

#: the keys that name a cover, the first found winning
COVER_KEYS = ("image", "cover", "thumbnail", "featured_image", "feature_image", "images")
_PATH_KEYS = ("path", "src", "url", "image", "filename")
_ALT_KEYS = ("image_alt", "cover_alt")


@dataclass(frozen=True)
class Cover:
    """A cover as the front matter gives it: its address and alt text."""

    address: str
    alt: str = ""

    @property
    def remote(self) -> bool:
        return scheme_of(self.address) is not None or self.address.startswith("//")


def cover_of(extra: Mapping[str, Any]) -> Cover | None:
    """The cover a post's front matter (its keys the blog keeps as they are) names, if
    one is text that may be an image's address."""
    keys = {str(key).casefold(): key for key in extra}
    for name in COVER_KEYS:
        if name not in keys:
            continue
        value = extra[keys[name]]
        if isinstance(value, list):
            value = value[0] if value else None
        alt = next((extra[keys[k]] for k in _ALT_KEYS if k in keys), "")
        if isinstance(value, dict):
            alt = value.get("alt", alt)
            value = next((value[k] for k in _PATH_KEYS if isinstance(value.get(k), str)), None)
        if isinstance(value, str) and value.strip() and image_address_problem(value) is None:
            return Cover(value.strip(), alt if isinstance(alt, str) else "")
        return None
    return None


def found_cover(srcdir: str | os.PathLike[str], docname: str, address: str) -> str | None:
    """The path from the source folder of the picture *address* names: beside the post,
    as a Markdown image is read, else from the source folder's root (``/images/x.png``,
    and ``images/x.png`` as Jekyll and Hugo read it); ``None`` where there is none."""
    return next(
        (
            path
            for path in places_named(docname, address)
            if os.path.isfile(os.path.join(srcdir, path))
        ),
        None,
    )


class CoverImage(SphinxTransform):
    """Put a post's local cover at the top of its first section, where the file exists
    (:func:`found_cover`)."""

    # before raw HTML's and Markdown's images are looked at (400 on)
    default_priority = 390

    def apply(self, **kwargs: object) -> None:
        docname = self.env.docname
        if not post_matcher(self.config)(docname):
            return
        cover = cover_of(front_matter_of(self.env, docname).data)
        if cover is None or cover.remote:
            return  # not shown: nothing loads from another host
        path = found_cover(self.env.srcdir, docname, cover.address)
        if path is None:
            return
        # from the source folder's root, as Sphinx reads "/…" in an image
        image = nodes.image(uri="/" + path, alt=cover.alt, classes=[COVER])
        section = next(iter(self.document.findall(nodes.section)), None)
        if section is None:
            self.document.insert(0, image)
        else:
            section.insert(
                1 if section.children and isinstance(section[0], nodes.title) else 0, image
            )
