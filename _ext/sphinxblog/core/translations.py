"""Linked translations: posts that are one story in several languages.

A story is named by Hugo's ``translationKey`` (any post giving the same key is
the same story), by ``translation_of:`` naming another post, or, as Hugo and
Docusaurus lay out a site in several languages, by the post's path: the same
name with a language before its suffix (``hello.kk.md``, ``hello.en.md``) or
under a language folder (``kk/hello.md``, ``en/hello.md``).

Listings show one version of each story: the one in the site's language,
else the original (the one that names no other), else the oldest.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError

from sphinxblog.core.files import places_named
from sphinxblog.core.language import (
    NAME_LANGUAGE,
    language_of_folder,
    language_of_name,
    same_language,
)
from sphinxblog.core.problems import Problem

if TYPE_CHECKING:
    from sphinxblog.core.posts import Post

__all__ = [
    "language_name",
    "parse_translation_key",
    "parse_translation_of",
    "path_story",
    "preferred_version",
    "resolve_post_reference",
    "stories",
]

#: the longest translation key kept: it is a name, never text
MAX_KEY_LENGTH = 200


def path_story(docname: str) -> str:
    """The story a post's path names where its language is in it: the path without the
    language (``posts/hello`` for ``posts/hello.kk`` and ``posts/kk/hello``); empty
    where the path names no language."""
    folder, _slash, name = docname.rpartition("/")
    if language_of_name(docname) and (match := NAME_LANGUAGE.match(name)):
        return f"path:{posixpath.join(folder, match['stem'])}"
    parts = docname.split("/")
    for index, part in enumerate(parts[:-1]):
        if language_of_folder(part):
            return "path:" + "/".join(parts[:index] + parts[index + 1 :])
    return ""


def parse_translation_key(raw: object) -> tuple[str | None, list[Problem]]:
    """A ``translationKey`` as the text that makes posts one story."""
    if raw is None or raw == "":
        return None, []
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        message = f"translation key should be a name, not a {type(raw).__name__}; it is ignored"
        return None, [Problem("translation", message)]
    key = " ".join(str(raw).split())
    if len(key) > MAX_KEY_LENGTH:
        message = f"translation key has {len(key):,} characters; at most {MAX_KEY_LENGTH} are kept"
        return key[:MAX_KEY_LENGTH], [Problem("translation", message)]
    return key, []


def parse_translation_of(raw: object) -> tuple[str | None, list[Problem]]:
    """``translation_of:`` as the path of the post it names (resolved later)."""
    if raw is None or raw == "":
        return None, []
    if not isinstance(raw, str):
        message = f"translation_of should name a post's file, not a {type(raw).__name__}"
        return None, [Problem("translation", message + "; it is ignored")]
    return raw.strip(), []


def resolve_post_reference(
    reference: str, docname: str, posts: Collection[str], suffixes: Iterable[str] = (".md",)
) -> str | None:
    """The post *reference* names from the post *docname*: a path beside it
    (``../hello.md``), from the source folder (``/posts/hello.md``, ``posts/hello``),
    with or without its suffix; ``None`` where it names none of *posts*."""
    target = reference.split("#", 1)[0].split("?", 1)[0].strip()
    for suffix in sorted(suffixes, key=len, reverse=True):
        if target.endswith(suffix):
            target = target[: -len(suffix)]
            break
    target = target.rstrip("/")
    if not target:
        return None
    for place in places_named(docname, target):
        for name in (place, f"{place}/index"):
            if name in posts and name != docname:
                return name
    return None


def _story_keys(post: Post) -> list[str]:
    keys = [f"key:{post.translation_key}"] if post.translation_key else []
    # Hugo's default language has no language in its name: hello.md is hello.kk.md's
    return [*keys, path_story(post.docname) or f"path:{post.docname}"]


def stories(posts: Iterable[Post], suffixes: Iterable[str] = (".md",)) -> dict[str, str]:
    """The story of each post that has other versions among *posts*, by docname: the
    docname of one of its versions (the same for all of them)."""
    posts = list(posts)
    docnames = {post.docname for post in posts}
    parent = {post.docname: post.docname for post in posts}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    def join(first: str, second: str) -> None:
        first, second = root(first), root(second)
        if first != second:
            parent[max(first, second)] = min(first, second)

    by_key: dict[str, str] = {}
    for post in posts:
        for key in _story_keys(post):
            join(by_key.setdefault(key, post.docname), post.docname)
        if post.translation_of:
            named = resolve_post_reference(post.translation_of, post.docname, docnames, suffixes)
            if named is not None:
                join(named, post.docname)
    groups: dict[str, list[str]] = {}
    for name in parent:
        groups.setdefault(root(name), []).append(name)
    return {name: story for story, names in groups.items() if len(names) > 1 for name in names}


def preferred_version(versions: Iterable[Post], language: str) -> Post:
    """The version of a story that listings show: in the site's *language*, else the
    original (one that names no other), else the oldest; the first by name on a tie."""

    def rank(post: Post) -> tuple[bool, bool, bool, tuple[object, ...]]:
        return (
            not same_language(post.language or language, language),
            bool(post.translation_of),
            post.date is None,
            post.sort_key,
        )

    return min(versions, key=rank)


def one_per_story(
    posts: Iterable[Post], story_of: Mapping[str, str], preferred: Mapping[str, str], language: str
) -> tuple[Post, ...]:
    """*posts* with one version of each story: the *preferred* one (by story) where it
    is among them, else the one :func:`preferred_version` picks of them; in the order
    given."""
    posts = list(posts)
    present: dict[str, list[Post]] = {}
    for post in posts:
        if story := story_of.get(post.docname):
            present.setdefault(story, []).append(post)
    chosen = {
        story: next((p for p in found if p.docname == preferred.get(story)), None)
        or preferred_version(found, language)
        for story, found in present.items()
    }
    return tuple(
        post
        for post in posts
        if (story := story_of.get(post.docname)) is None or chosen[story] is post
    )


def language_name(tag: str) -> str:
    """A language's name in itself, as a reader looks for it (``Қазақ тілі``,
    ``Русский``, ``English``); the tag where the name is not known."""
    try:
        locale = Locale.parse(tag.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return tag
    name = locale.get_display_name(locale) or tag
    return name[:1].upper() + name[1:]
