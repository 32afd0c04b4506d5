"""The blog as listings see it: posts in order, and its tags, series and authors with
their slugs.

Tags, series and authors are one kind of thing here, a :class:`Term`: a key that
makes two spellings one, the name pages show, a slug for the term's page, and
the posts readers see under it: newest first, or a series' in reading order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from sphinxblog.core.authors import Author
from sphinxblog.core.slugs import assign_slugs
from sphinxblog.core.tagfile import TagInfo
from sphinxblog.core.translations import one_per_story, preferred_version, stories
from sphinxblog.core.values import tag_key

if TYPE_CHECKING:
    from sphinxblog.core.posts import Post


@dataclass(frozen=True)
class Term:
    """A tag, a series or an author, with the posts readers see under it."""

    #: what makes two spellings one (:func:`~sphinxblog.core.values.tag_key`, :func:`author_key`)
    key: str
    #: a tag's spelling in its oldest post; an author's profile name, else as their
    #: oldest post names them
    name: str
    slug: str
    #: newest first, undated posts last; a series' in reading order (:func:`reading_order`)
    posts: tuple[Post, ...]
    #: an author's profile: the authors file's where it has one, else as a post names
    #: them (a mapping in its front matter, or the name alone); ``None`` for a tag
    profile: Author | None = None
    #: what a tag is about (the tags file's, or ``blog_tag_descriptions``)
    description: str = ""


#: a tag is a term without a profile
Tag = Term


@dataclass(frozen=True)
class Catalog:
    #: the posts readers see: newest first, undated posts last
    posts: tuple[Post, ...] = ()
    #: by key, in alphabetical order of key
    tags: dict[str, Term] = field(default_factory=dict)
    #: by :func:`author_key`, in order of each author's newest post
    authors: dict[str, Term] = field(default_factory=dict)
    #: by key (as tags are keyed), in alphabetical order of key
    series: dict[str, Term] = field(default_factory=dict)
    #: drafts, held future posts and expired ones: built, but in no listing
    hidden: tuple[Post, ...] = ()
    #: posts dated after the build, whether held or published
    future: tuple[Post, ...] = ()
    #: posts whose expiry date has come: hidden as drafts are
    expired: tuple[Post, ...] = ()
    #: the other versions of stories in several languages: published, in no listing
    #: but their language's (newest first)
    translated: tuple[Post, ...] = ()
    #: the story of each published post that has other versions, by docname
    #: (:func:`~sphinxblog.core.translations.stories`), and the version listings show,
    #: by story
    story_of: Mapping[str, str] = field(default_factory=dict)
    listed_version: Mapping[str, str] = field(default_factory=dict)

    #: what it was made with (:func:`build_catalog`)
    drafts: bool = False
    hold_future: bool = True
    now: dt.datetime | None = None
    language: str = "en"
    suffixes: tuple[str, ...] = (".md",)
    #: each post's authors (shown and hidden posts), by docname
    post_authors: Mapping[str, tuple[Author, ...]] = field(default_factory=dict)
    #: the profiles of the authors file, by key
    profiles: Mapping[str, Author] = field(default_factory=dict)
    #: each tag's label and description, by key
    tag_info: Mapping[str, TagInfo] = field(default_factory=dict)

    def with_records(
        self,
        records: Mapping[str, Post],
        post_authors: Mapping[str, tuple[Author, ...]] | None = None,
        profiles: Mapping[str, Author] | None = None,
    ) -> Catalog:
        """This catalog with *records* in place of the posts it was made from, and
        its authors made again from *post_authors* and *profiles* (as
        :func:`build_catalog` takes them; *profiles* by default this catalog's).

        Made again (with the same "now") only where the records are other
        posts, or would place a post elsewhere: another date, tags or status.
        """
        profiles = self.profiles if profiles is None else profiles
        made_from = {post.docname: post for post in (*self.posts, *self.translated, *self.hidden)}
        if made_from.keys() != records.keys() or any(
            _placement(post) != _placement(records[docname])
            # which version of a story is listed depends on the languages (known once read)
            or (docname in self.story_of and post.language != records[docname].language)
            for docname, post in made_from.items()
        ):
            return build_catalog(
                records.values(), drafts=self.drafts, hold_future=self.hold_future, now=self.now,
                language=self.language, suffixes=self.suffixes,
                post_authors=post_authors, profiles=profiles, tag_info=self.tag_info,
            )  # fmt: skip

        def swap(posts: tuple[Post, ...]) -> tuple[Post, ...]:
            return tuple(records[post.docname] for post in posts)

        tags = {key: dataclasses.replace(t, posts=swap(t.posts)) for key, t in self.tags.items()}
        series = {k: dataclasses.replace(t, posts=swap(t.posts)) for k, t in self.series.items()}
        shown, hidden = swap(self.posts), swap(self.hidden)
        translated = swap(self.translated)
        by_post = _authors_by_post((*shown, *translated, *hidden), post_authors, profiles)
        published = _newest_first((*shown, *translated))
        return dataclasses.replace(
            self,
            posts=shown,
            translated=translated,
            tags=tags,
            authors=_author_terms(published, by_post, profiles, self._listing),
            series=series,
            hidden=hidden,
            future=swap(self.future),
            expired=swap(self.expired),
            post_authors=by_post,
            profiles=profiles,
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

    def book_order(self, only: Term | None = None) -> tuple[str, ...]:
        """The docnames of a book's chapters: posts oldest first, then undated ones; a
        series' posts as consecutive chapters, in reading order, where its first comes;
        the other versions of a story right after the one listings show.  A book of
        the series *only* has its posts alone, in reading order."""
        order: dict[str, None] = {}
        chronological = (*reversed(self.dated), *(p for p in self.posts if p.date is None))
        for post in only.posts if only is not None else chronological:
            series = [only] if only is not None else self.series_of(post)
            for member in (*(series[0].posts if series else ()), post):
                story = self.story_of.get(member.docname)
                for version in self._members[story] if story else (member,):
                    order.setdefault(version.docname)
        return tuple(order)

    @cached_property
    def published(self) -> tuple[Post, ...]:
        """Every published post, each version of a story: newest first, undated last."""
        return _newest_first((*self.posts, *self.translated)) if self.translated else self.posts

    @cached_property
    def languages(self) -> tuple[str, ...]:
        """The languages of the published posts (BCP 47; the site's for a post that
        gives none), in order of tag."""
        return tuple(sorted({post.language or self.language for post in self.published}))

    def _listing(self, posts: Iterable[Post]) -> tuple[Post, ...]:
        """*posts* with one version of each story (:func:`one_per_story`)."""
        return one_per_story(posts, self.story_of, self.listed_version, self.language)

    @cached_property
    def _members(self) -> dict[str, tuple[Post, ...]]:
        """Every published version of each story: the listed one first, then by language."""
        found: dict[str, list[Post]] = {}
        for post in (*self.posts, *self.translated):
            if story := self.story_of.get(post.docname):
                found.setdefault(story, []).append(post)
        listed = self.listed_version
        return {
            story: tuple(sorted(posts, key=lambda p: (p.docname != listed[story], p.language)))
            for story, posts in found.items()
        }

    @cached_property
    def _versions(self) -> dict[str, tuple[Post, ...]]:
        """One version of each story per language, in :attr:`_members`' order: the
        listed one for its language, :func:`preferred_version` for the others."""
        versions = {}
        for story, posts in self._members.items():
            by_language: dict[str, list[Post]] = {}
            for post in posts:
                by_language.setdefault((post.language or self.language).casefold(), []).append(post)
            listed = self.listed_version[story]
            versions[story] = tuple(
                alike[0] if alike[0].docname == listed else preferred_version(alike, self.language)
                for alike in by_language.values()
            )
        return versions

    def versions(self, post: Post) -> tuple[Post, ...]:
        """The published versions of *post*'s story, one per language: the one
        listings show first, the others by language; *post* alone without others."""
        story = self.story_of.get(post.docname)
        return self._versions[story] if story else (post,)

    def listed(self, post: Post) -> Post:
        """The version of *post*'s story that listings show (*post* itself without others)."""
        story = self.story_of.get(post.docname)
        listed = self.listed_version.get(story, "") if story else ""
        return self._by_docname.get(listed, post)

    @cached_property
    def dated(self) -> tuple[Post, ...]:
        return tuple(post for post in self.posts if post.date is not None)

    @cached_property
    def _dated_position(self) -> dict[str, int]:
        return {post.docname: index for index, post in enumerate(self.dated)}

    @cached_property
    def _position(self) -> dict[str, int]:
        return {post.docname: index for index, post in enumerate(self.published)}

    @cached_property
    def _tags_by_slug(self) -> dict[str, Term]:
        return {tag.slug: tag for tag in self.tags.values()}

    @cached_property
    def _authors_by_slug(self) -> dict[str, Term]:
        return {author.slug: author for author in self.authors.values()}

    @cached_property
    def _by_docname(self) -> dict[str, Post]:
        return {post.docname: post for post in (*self.posts, *self.translated, *self.hidden)}

    def post(self, docname: str) -> Post | None:
        """The post *docname*, shown or hidden; ``None`` for other pages."""
        return self._by_docname.get(docname)

    def tag_by_slug(self, slug: str) -> Term | None:
        return self._tags_by_slug.get(slug)

    def tag(self, name: str) -> Term | None:
        """The site's tag that *name*, as any post writes it, means; ``None`` for a
        tag that only hidden posts use."""
        return self.tags.get(tag_key(name))

    def tags_of(self, post: Post) -> list[Term]:
        """The site's tags for the tags *post* names, in the post's order."""
        return [self.tags[key] for key in map(tag_key, post.tags) if key in self.tags]

    @cached_property
    def _series_by_slug(self) -> dict[str, Term]:
        return {series.slug: series for series in self.series.values()}

    def series_by_slug(self, slug: str) -> Term | None:
        return self._series_by_slug.get(slug)

    def series_of(self, post: Post) -> list[Term]:
        """The series *post* is part of, in the post's order (none for a hidden post)."""
        found = (self.series.get(tag_key(name)) for name in post.series)
        return [term for term in found if term is not None and post in term.posts]

    def author_by_slug(self, slug: str) -> Term | None:
        return self._authors_by_slug.get(slug)

    def author(self, key: str) -> Term | None:
        """The site's author that *key* (a profile's key or a name, in any case)
        means; ``None`` for an author that only hidden posts name."""
        return self.authors.get(tag_key(key))

    def authors_of(self, post: Post) -> list[Term]:
        """The site's authors for the authors *post* names, in the post's order."""
        keys = map(author_key, self.authors_named(post))
        return [self.authors[key] for key in keys if key in self.authors]

    def authors_named(self, post: Post) -> tuple[Author, ...]:
        """The authors *post* names, as it names them: profiles, mappings of its own
        front matter, or names alone."""
        return self.post_authors.get(post.docname) or tuple(
            Author(key=name, name=name) for name in post.authors
        )

    def author_names(self, post: Post) -> list[str]:
        """The names of *post*'s authors as pages show them: a profile's for a key,
        and one spelling for names that differ only in case (the author's term's)."""
        authors = self.post_authors.get(post.docname)
        if not authors:
            return list(post.authors)
        return [
            term.name if (term := self.authors.get(author_key(author))) else author.name
            for author in authors
        ]

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
            self._related[post.docname, count] = [self.published[at] for at, _shared in best]
        return self._related[post.docname, count]

    def neighbours(self, docname: str) -> tuple[Post | None, Post | None]:
        """The chronologically (newer, older) posts next to *docname* (to the version of
        its story that listings show, for another version)."""
        if (post := self.post(docname)) is not None:
            docname = self.listed(post).docname
        index = self._dated_position.get(docname)
        if index is None:
            return None, None
        newer = self.dated[index - 1] if index > 0 else None
        older = self.dated[index + 1] if index + 1 < len(self.dated) else None
        return newer, older


def _placement(post: Post) -> tuple[object, ...]:
    """What decides where a post is listed."""
    return (
        post.date, post.tags, post.series, post.series_part, post.pinned, post.draft, post.expires,
        post.translation_key, post.translation_of,
    )  # fmt: skip


def reading_order(posts: Iterable[Post]) -> tuple[Post, ...]:
    """A series' posts as they are read: by their ``part`` where they give one, then
    by date, undated posts last."""
    return tuple(sorted(posts, key=lambda p: (
        p.series_part is None, p.series_part or 0, p.date is None, p.sort_key,
    )))  # fmt: skip


def _newest_first(posts: Iterable[Post]) -> tuple[Post, ...]:
    posts = list(posts)
    dated = sorted((p for p in posts if p.date is not None), key=lambda p: p.sort_key)
    undated = sorted((p for p in posts if p.date is None), key=lambda p: p.docname)
    return (*reversed(dated), *undated)


def has_expired(post: Post, now: dt.datetime) -> bool:
    """Whether *post*'s expiry date has come by *now* (Hugo's ``expiryDate``: from that
    day, or that moment, on)."""
    expires = post.expires
    if isinstance(expires, dt.datetime):
        return expires <= (now if expires.tzinfo else now.replace(tzinfo=None))
    return expires is not None and expires <= now.date()


def is_future(post: Post, now: dt.datetime) -> bool:
    """Whether *post* is dated after *now* (an aware date-time in the site's zone)."""
    if isinstance(post.date, dt.datetime):
        return post.date > (now if post.date.tzinfo else now.replace(tzinfo=None))
    return post.date is not None and post.date > now.date()


def author_key(author: Author) -> str:
    """What makes two authors one, with one page: their key in any case, as for tags
    (``Ann Lee`` and ``ann lee`` are one author)."""
    return tag_key(author.key)


def _authors_by_post(
    posts: Iterable[Post],
    post_authors: Mapping[str, tuple[Author, ...]] | None,
    profiles: Mapping[str, Author],
) -> dict[str, tuple[Author, ...]]:
    """Each of *posts*' authors: from *post_authors* (none for a post missing there), or
    without it, the names the posts give matched with the *profiles* by key, as a post
    is scanned before it is read."""
    if post_authors is not None:
        return {post.docname: post_authors.get(post.docname, ()) for post in posts}
    return {
        post.docname: tuple(
            profiles.get(name) or Author(key=name, name=name) for name in post.authors
        )
        for post in posts
    }


def _oldest_first(posts: Sequence[Post]) -> list[Post]:
    """*posts* (newest first, undated last) with the dated ones oldest first, the order
    in which a term's name is chosen."""
    return [
        *reversed([p for p in posts if p.date is not None]),
        *(p for p in posts if p.date is None),
    ]


def _named_terms(
    posts: Iterable[Post], names_of: Callable[[Post], Iterable[str]]
) -> tuple[dict[str, str], dict[str, list[Post]]]:
    """The terms *names_of* gives *posts* (oldest first), by :func:`tag_key`: each one's
    name as its oldest post spells it, and its posts in the order given."""
    names: dict[str, str] = {}
    members: dict[str, list[Post]] = {}
    for post in posts:
        for name in names_of(post):
            key = tag_key(name)
            names.setdefault(key, name)
            members.setdefault(key, []).append(post)
    return names, members


def _one_per_author(
    posts: Sequence[Post],
    authors_of: Callable[[Post], Iterable[Author]],
    profiles: Mapping[str, Author],
) -> dict[str, tuple[Author, list[Post]]]:
    """Each author of *posts* once by :func:`author_key`, with their posts in the
    order given: their profile where the authors file has one, else as their
    oldest post names them (a tag's name is its oldest post's spelling too)."""
    members: dict[str, list[Post]] = {}
    for post in posts:
        for author in authors_of(post):
            found = members.setdefault(author_key(author), [])
            if not found or found[-1] is not post:
                found.append(post)
    chosen: dict[str, Author] = {}
    for post in _oldest_first(posts):
        for author in authors_of(post):
            current = chosen.get(author_key(author))
            if current is None or (author.key in profiles and current.key not in profiles):
                chosen[author_key(author)] = author
    return {key: (chosen[key], found) for key, found in members.items()}


def _author_terms(
    published: Sequence[Post],
    post_authors: Mapping[str, tuple[Author, ...]],
    profiles: Mapping[str, Author],
    listing: Callable[[Iterable[Post]], tuple[Post, ...]],
) -> dict[str, Term]:
    """Every author of a post in *published* (newest first), by :func:`author_key`,
    with the posts *listing* lets through."""
    authors = _one_per_author(published, lambda post: post_authors.get(post.docname, ()), profiles)
    slugs = assign_slugs(authors)
    return {
        key: Term(key, author.name, slugs[tag_key(key)], listing(posts), author)
        for key, (author, posts) in authors.items()
    }


def build_catalog(
    posts: Iterable[Post],
    *,
    drafts: bool = False,
    hold_future: bool = True,
    now: dt.datetime | None = None,
    language: str = "en",
    suffixes: tuple[str, ...] = (".md",),
    post_authors: Mapping[str, tuple[Author, ...]] | None = None,
    profiles: Mapping[str, Author] | None = None,
    tag_info: Mapping[str, TagInfo] | None = None,
) -> Catalog:
    """Order the posts readers see and group them by tag, series and author.

    Drafts are shown only with *drafts*; posts dated after *now* only without
    *hold_future*; posts whose expiry date has come by *now*, never.  A tag's
    name is its spelling in its oldest post, so adding a newer post that
    writes ``python`` does not rename the ``Python`` page.

    The authors of each post are *post_authors*' (by docname, matched with the
    *profiles* when read); without it, the names posts give, matched with the
    *profiles* by key.  An author's name is their profile's where the authors
    file has one, else as their oldest post names them.

    A tag of *tag_info* has its label (where it gives one) as its name and its
    description; its slug stays its oldest post's spelling's, so that a label
    does not move its page.

    Of the versions of a story in several languages, each listing (the posts,
    each term's) shows one: the one in the site's *language* where it has one
    (:func:`~sphinxblog.core.translations.preferred_version`); a term of
    another version alone lists that one.
    """
    posts = list(posts)
    future = [post for post in posts if now is not None and is_future(post, now)]
    held = {post.docname for post in future} if hold_future else set()
    expired = [post for post in posts if now is not None and has_expired(post, now)]
    held |= {post.docname for post in expired}
    hidden = [post for post in posts if (post.draft and not drafts) or post.docname in held]
    shown = {post.docname for post in posts} - {post.docname for post in hidden}
    published = _newest_first(post for post in posts if post.docname in shown)
    story_of = stories(published, suffixes)
    versions: dict[str, list[Post]] = {}
    for post in published:
        if story := story_of.get(post.docname):
            versions.setdefault(story, []).append(post)
    listed_version = {
        story: preferred_version(found, language).docname for story, found in versions.items()
    }

    def listing(posts: Iterable[Post]) -> tuple[Post, ...]:
        return one_per_story(posts, story_of, listed_version, language)

    ordered = listing(published)
    oldest_first = _oldest_first(published)
    names, members = _named_terms(oldest_first, lambda post: post.tags)
    slugs = assign_slugs(names)
    tag_info = {} if tag_info is None else tag_info
    no_info = TagInfo()
    tags = {
        key: Term(
            key, (info := tag_info.get(key, no_info)).label or names[key], slugs[key],
            listing(_newest_first(members[key])), description=info.description,
        )
        for key in sorted(names)
    }  # fmt: skip
    series_names, series_members = _named_terms(oldest_first, lambda post: post.series)
    series_slugs = assign_slugs(series_names)
    series = {
        key: Term(
            key, series_names[key], series_slugs[key], listing(reading_order(series_members[key]))
        )
        for key in sorted(series_names)
    }
    profiles = {} if profiles is None else profiles
    hidden_posts = _newest_first(hidden)
    by_post = _authors_by_post((*published, *hidden_posts), post_authors, profiles)
    listed = {post.docname for post in ordered}
    return Catalog(
        posts=ordered,
        translated=tuple(post for post in published if post.docname not in listed),
        story_of=story_of,
        listed_version=listed_version,
        language=language,
        suffixes=suffixes,
        tags=tags,
        authors=_author_terms(published, by_post, profiles, listing),
        series=series,
        hidden=hidden_posts,
        future=_newest_first(future),
        expired=_newest_first(expired),
        drafts=drafts,
        hold_future=hold_future,
        now=now,
        post_authors=by_post,
        profiles=profiles,
        tag_info=tag_info,
    )
