"""The blog as listings see it: posts in order, and tags with their slugs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from sphinxblog.slugs import assign_slugs
from sphinxblog.values import tag_key

if TYPE_CHECKING:
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
    #: the posts readers see: newest first, undated posts last
    posts: tuple[Post, ...] = ()
    #: by key, in alphabetical order of key
    tags: dict[str, Tag] = field(default_factory=dict)
    #: drafts and held future posts: built, but in no listing
    hidden: tuple[Post, ...] = ()
    #: posts dated after the build, whether held or published
    future: tuple[Post, ...] = ()

    #: what it was made with (:func:`build_catalog`)
    drafts: bool = False
    hold_future: bool = True
    now: dt.datetime | None = None

    def with_records(self, records: Mapping[str, Post]) -> Catalog:
        """This catalog with *records* in place of the posts it was made from.

        Made again (with the same "now") only where the records are other
        posts, or would place a post elsewhere: another date, tags or status.
        """
        made_from = {post.docname: post for post in (*self.posts, *self.hidden)}
        if made_from.keys() != records.keys() or any(
            _placement(post) != _placement(records[docname]) for docname, post in made_from.items()
        ):
            return build_catalog(
                records.values(), drafts=self.drafts, hold_future=self.hold_future, now=self.now
            )

        def swap(posts: tuple[Post, ...]) -> tuple[Post, ...]:
            return tuple(records[post.docname] for post in posts)

        tags = {key: dataclasses.replace(t, posts=swap(t.posts)) for key, t in self.tags.items()}
        return dataclasses.replace(
            self,
            posts=swap(self.posts),
            tags=tags,
            hidden=swap(self.hidden),
            future=swap(self.future),
        )

    def shown_count(self) -> int:
        """How many posts readers see."""
        return len(self.posts)

    def window(self, start: int, stop: int) -> tuple[Post, ...]:
        """The posts readers see, from position *start* to *stop*."""
        return self.posts[start:stop]

    def year_pages(self, size: int) -> Mapping[int, int]:
        """The page each year starts on, in a listing of *size* posts a page (0: one page)."""
        if size not in self._year_pages:
            pages = self._year_pages[size] = {}
            for index, post in enumerate(self.dated):
                assert post.day is not None, post.docname
                pages.setdefault(post.day.year, index // size + 1 if size else 1)
        return self._year_pages[size]

    @cached_property
    def _year_pages(self) -> dict[int, dict[int, int]]:
        # asked for by every page of the archive, twice a build (what changed, what to write)
        return {}

    def book_order(self) -> tuple[str, ...]:
        """The docnames of a book's chapters: posts oldest first, then undated ones."""
        dated = [post.docname for post in reversed(self.dated)]
        return (*dated, *(post.docname for post in self.posts if post.date is None))

    @cached_property
    def dated(self) -> tuple[Post, ...]:
        return tuple(post for post in self.posts if post.date is not None)

    @cached_property
    def _dated_position(self) -> dict[str, int]:
        return {post.docname: index for index, post in enumerate(self.dated)}

    @cached_property
    def _position(self) -> dict[str, int]:
        return {post.docname: index for index, post in enumerate(self.posts)}

    @cached_property
    def _tags_by_slug(self) -> dict[str, Tag]:
        return {tag.slug: tag for tag in self.tags.values()}

    @cached_property
    def _by_docname(self) -> dict[str, Post]:
        return {post.docname: post for post in (*self.posts, *self.hidden)}

    def post(self, docname: str) -> Post | None:
        """The post *docname*, shown or hidden; ``None`` for other pages."""
        return self._by_docname.get(docname)

    def tag_by_slug(self, slug: str) -> Tag | None:
        return self._tags_by_slug.get(slug)

    def tag(self, name: str) -> Tag | None:
        """The site's tag that *name*, as any post writes it, means; ``None`` for a
        tag that only hidden posts use."""
        return self.tags.get(tag_key(name))

    def tags_of(self, post: Post) -> list[Tag]:
        """The site's tags for the tags *post* names, in the post's order."""
        return [self.tags[key] for key in map(tag_key, post.tags) if key in self.tags]

    @cached_property
    def _related(self) -> dict[tuple[str, int], list[Post]]:
        # asked for twice a build (what changed, what to write), for every post
        return {}

    @cached_property
    def _tag_positions(self) -> dict[str, tuple[int, ...]]:
        return {
            key: tuple(self._position[p.docname] for p in tag.posts)
            for key, tag in self.tags.items()
        }

    def related(self, post: Post, count: int) -> list[Post]:
        """Up to *count* other posts sharing the most tags with *post*, newer first."""
        if (post.docname, count) not in self._related:
            keys = {tag_key(name) for name in post.tags} & self._tag_positions.keys()
            # counted in C, in order of position (newer first): it runs for every post,
            # and most_common() keeps that order among posts sharing as many tags
            shared = Counter(sorted(itertools.chain.from_iterable(
                self._tag_positions[key] for key in keys
            )))  # fmt: skip
            shared.pop(self._position.get(post.docname, -1), None)
            best = shared.most_common(count)
            self._related[post.docname, count] = [self.posts[at] for at, _shared in best]
        return self._related[post.docname, count]

    def neighbours(self, docname: str) -> tuple[Post | None, Post | None]:
        """The chronologically (newer, older) posts next to *docname*."""
        index = self._dated_position.get(docname)
        if index is None:
            return None, None
        newer = self.dated[index - 1] if index > 0 else None
        older = self.dated[index + 1] if index + 1 < len(self.dated) else None
        return newer, older


def _placement(post: Post) -> tuple[object, ...]:
    """What decides where a post is listed."""
    return post.date, post.tags, post.draft


def _newest_first(posts: Iterable[Post]) -> tuple[Post, ...]:
    posts = list(posts)
    dated = sorted((p for p in posts if p.date is not None), key=lambda p: p.sort_key)
    undated = sorted((p for p in posts if p.date is None), key=lambda p: p.docname)
    return (*reversed(dated), *undated)


def is_future(post: Post, now: dt.datetime) -> bool:
    """Whether *post* is dated after *now* (an aware date-time in the site's zone)."""
    if isinstance(post.date, dt.datetime):
        return post.date > (now if post.date.tzinfo else now.replace(tzinfo=None))
    return post.date is not None and post.date > now.date()


def build_catalog(
    posts: Iterable[Post],
    *,
    drafts: bool = False,
    hold_future: bool = True,
    now: dt.datetime | None = None,
) -> Catalog:
    """Order the posts readers see and group them by tag.

    Drafts are shown only with *drafts*; posts dated after *now* only without
    *hold_future*.  A tag's name is its spelling in its oldest post, so adding
    a newer post that writes ``python`` does not rename the ``Python`` page.
    """
    posts = list(posts)
    future = [post for post in posts if now is not None and is_future(post, now)]
    held = {post.docname for post in future} if hold_future else set()
    hidden = [post for post in posts if (post.draft and not drafts) or post.docname in held]
    shown = {post.docname for post in posts} - {post.docname for post in hidden}
    ordered = _newest_first(post for post in posts if post.docname in shown)
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
    return Catalog(
        ordered, tags, _newest_first(hidden), _newest_first(future), drafts, hold_future, now
    )
