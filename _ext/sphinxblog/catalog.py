"""The blog as listings see it: posts in order, and tags with their slugs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from sphinxblog.frontmatter import tag_key
from sphinxblog.slugs import assign_slugs

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from sphinxblog.posts import Post


@dataclass(frozen=True)
class Tag:
    key: str
    #: the spelling of the tag's oldest post
    name: str
    slug: str
    #: newest first, undated posts last
    posts: tuple[Post, ...]


@dataclass(frozen=True)
class Catalog:
    #: newest first, undated posts last
    posts: tuple[Post, ...] = ()
    #: by key, in alphabetical order of key
    tags: dict[str, Tag] = field(default_factory=dict)

    @cached_property
    def dated(self) -> tuple[Post, ...]:
        return tuple(post for post in self.posts if post.date is not None)

    @cached_property
    def _dated_position(self) -> dict[str, int]:
        return {post.docname: index for index, post in enumerate(self.dated)}

    @cached_property
    def _tags_by_slug(self) -> dict[str, Tag]:
        return {tag.slug: tag for tag in self.tags.values()}

    def post(self, docname: str) -> Post | None:
        index = self._dated_position.get(docname)
        if index is not None:
            return self.dated[index]
        return next((post for post in self.posts if post.docname == docname), None)

    def tag_by_slug(self, slug: str) -> Tag | None:
        return self._tags_by_slug.get(slug)

    def tags_of(self, post: Post) -> list[Tag]:
        """The site's tags for the tags *post* names, in the post's order."""
        return [self.tags[key] for key in map(tag_key, post.tags) if key in self.tags]

    def neighbours(self, docname: str) -> tuple[Post | None, Post | None]:
        """The chronologically (newer, older) posts next to *docname*."""
        index = self._dated_position.get(docname)
        if index is None:
            return None, None
        newer = self.dated[index - 1] if index > 0 else None
        older = self.dated[index + 1] if index + 1 < len(self.dated) else None
        return newer, older


def _newest_first(posts: Iterable[Post]) -> tuple[Post, ...]:
    dated = sorted((p for p in posts if p.date is not None), key=lambda p: p.sort_key)
    undated = sorted((p for p in posts if p.date is None), key=lambda p: p.docname)
    return (*reversed(dated), *undated)


def build_catalog(posts: Iterable[Post]) -> Catalog:
    """Order *posts* and group them by tag.

    A tag's name is its spelling in its oldest post, so adding a newer post
    that writes ``python`` does not rename the ``Python`` page.
    """
    ordered = _newest_first(posts)
    names: dict[str, str] = {}
    members: dict[str, list[Post]] = {}
    oldest_first = [*reversed([p for p in ordered if p.date is not None])]
    for post in [*oldest_first, *(p for p in ordered if p.date is None)]:
        for name in post.tags:
            key = tag_key(name)
            names.setdefault(key, name)
            members.setdefault(key, []).append(post)
    slugs = assign_slugs(names)
    tags = {
        key: Tag(key, names[key], slugs[key], _newest_first(members[key])) for key in sorted(names)
    }
    return Catalog(ordered, tags)


def catalog_of(env: BuildEnvironment) -> Catalog:
    """The catalog of *env*'s posts, as refreshed after the last read."""
    return getattr(env, "blog_catalog", None) or Catalog()
