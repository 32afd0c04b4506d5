"""Author profiles: a Docusaurus ``authors.yml`` or a MkDocs Material ``.authors.yml``.

Pure functions: reading a profiles file's text, and matching the authors a
post names against it.  Where the files are looked for is
:mod:`sphinxblog.reading.scan`'s; the authors as pages show them are the catalog's
(:mod:`sphinxblog.core.catalog`).
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from sphinxblog.core.problems import Problem, short_repr
from sphinxblog.core.urls import image_address_problem, safe_link, scheme_of
from sphinxblog.core.values import linked_author, tag_key
from sphinxblog.core.yamlfiles import read_yaml_file

#: what separates names in one string of authors, as ``parse_authors`` reads it
_SEPARATORS = re.compile(r"[,;]")

#: where a profiles file is looked for, from the source folder, first found wins
#: (Docusaurus: beside the posts or in the blog folder; Material: ``.authors.yml``)
DEFAULT_FILES = (
    "posts/authors.yml",
    "posts/authors.yaml",
    "posts/.authors.yml",
    "authors.yml",
    "authors.yaml",
    ".authors.yml",
    "blog/authors.yml",
    "blog/.authors.yml",
)

#: how a key is written in the generators that have them: lower case, no spaces;
#: a name written so without a profile is taken for a key the file lacks
_KEY = re.compile(r"^[a-z0-9][a-z0-9_.@+-]*$")


@dataclass(frozen=True)
class Author:
    """An author as pages show them: from a profile, a post's mapping, or a plain name."""

    #: what identifies the author's page: the profile's key, else the name
    key: str
    name: str
    title: str = ""
    url: str = ""
    #: the avatar as written: a URL (never fetched) or a path
    avatar: str = ""
    #: the line of the profile in the authors file, for warnings
    line: int | None = field(default=None, compare=False, repr=False)


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


#: the keys an author's avatar is read from, first found wins
_AVATAR_KEYS = ("image_url", "avatar")
_NOT_A_LINK = "is not an http, https or mailto address nor a relative path; it is not linked"


def _author(key: str, entry: dict[str, Any], who: str) -> tuple[Author, list[tuple[str, str]]]:
    """An author from a Docusaurus (``title``, ``image_url``) or Material
    (``description``, ``avatar``) mapping, named *who* in messages.

    The ``url`` and the avatar are untrusted: a link outside the allow-list
    (:func:`~sphinxblog.core.urls.safe_link`) and an avatar that is not an image
    file are left out, each with a message, by the key it was read from.
    """
    url = _text(entry.get("url"))
    avatar_key = next((name for name in _AVATAR_KEYS if _text(entry.get(name))), None)
    avatar = _text(entry.get(avatar_key)) if avatar_key else ""
    messages = []
    if url and safe_link(url) is None:
        messages.append(
            ("url", f"author {short_repr(who)}: url {short_repr(entry['url'])} {_NOT_A_LINK}")
        )
        url = ""
    if avatar_key and (problem := avatar_problem(avatar)):
        message = f"author {short_repr(who)}: avatar {short_repr(entry[avatar_key])} {problem}"
        messages.append((avatar_key, f"{message}; it is left out"))
        avatar = ""
    author = Author(
        key=key,
        name=_text(entry.get("name")),
        title=_text(entry.get("title")) or _text(entry.get("description")),
        url=url,
        avatar=avatar,
    )
    return author, messages


def avatar_problem(avatar: str) -> str | None:
    """What is wrong with *avatar*, or ``None``: an address must be http or https (it
    is not fetched anyway), a path must name an image file."""
    return image_address_problem(avatar)


def _line_of(mapping: yaml.Node, key: str, default: int) -> int:
    """The 1-based line of *key* in the YAML *mapping*, else *default*."""
    if isinstance(mapping, yaml.MappingNode):
        for key_node, _value in mapping.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return int(key_node.start_mark.line) + 1
    return default


def _entries(root: yaml.Node) -> yaml.MappingNode | None:
    """The mapping of keys to profiles: the file itself (Docusaurus) or its
    ``authors`` key (Material), whose value is then a mapping of mappings."""
    if not isinstance(root, yaml.MappingNode):
        return None
    if len(root.value) == 1:
        key, value = root.value[0]
        if (
            key.value == "authors"
            and isinstance(value, yaml.MappingNode)
            and value.value
            and all(isinstance(entry, yaml.MappingNode) for _key, entry in value.value)
        ):
            return value
    return root


def parse_profiles(text: str) -> tuple[dict[str, Author], list[Problem]]:
    """The profiles of an authors file's *text*, by key, and what is wrong with it.

    Lines in problems are 1-based lines of the file.  An entry that is not a
    mapping with a ``name`` is skipped; the others are kept.
    """
    loader, root, problems = read_yaml_file(text, "the authors file", "authors_file")
    if loader is None or root is None:
        return {}, problems
    entries = _entries(root)
    if entries is None:
        line = root.start_mark.line + 1
        message = "the authors file is not a mapping of author keys to profiles"
        return {}, [Problem("authors_file", message, line)]
    profiles: dict[str, Author] = {}
    #: the first key of each author in any case, as tags are one in any case
    spellings: dict[str, str] = {}
    for key_node, value_node in entries.value:
        line = key_node.start_mark.line + 1
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        try:
            value = loader.construct_object(value_node, deep=True)
        except yaml.YAMLError:
            value = None
            loader.recursive_objects.clear()  # left half-built by the error
        if not isinstance(key, str) or not key.strip():
            problems.append(Problem("authors_file", "an author's key is not text", line))
            continue
        if not isinstance(value, dict) or not _text(value.get("name")):
            message = f"author {short_repr(key)} has no 'name'; it is ignored"
            problems.append(Problem("authors_file", message, line))
            continue
        if key in profiles:
            problems.append(Problem("authors_file", f"author {short_repr(key)} is repeated", line))
        elif spellings.setdefault(tag_key(key), key) != key:
            first = spellings[tag_key(key)]
            message = (
                f"author {short_repr(key)} differs from {short_repr(first)} only in case; "
                "they are one author"
            )
            problems.append(Problem("authors_file", message, line))
        author, messages = _author(key, value, key)
        problems += [
            Problem("authors_file", message, _line_of(value_node, field_key, line))
            for field_key, message in messages
        ]
        profiles[key] = dataclasses.replace(author, line=line)
    loader.dispose()
    return profiles, problems


def _inline(raw: object) -> tuple[dict[str, Author], list[Problem]]:
    if isinstance(raw, str):
        raw = _SEPARATORS.split(raw)
    items = raw if isinstance(raw, list) else [raw]
    found: dict[str, Author] = {}
    problems: list[Problem] = []
    for item in items:
        item = linked_author(item) or item
        if isinstance(item, dict) and _text(item.get("name")):
            name = _text(item["name"])
            if name in found:
                continue
            found[name], messages = _author(name, item, name)
            problems += [Problem("authors", message) for _key, message in messages]
    return found, problems


def inline_authors(raw: object) -> dict[str, Author]:
    """The mappings with a ``name`` among a post's ``authors`` value, by name,
    without the links and avatars that :func:`inline_problems` names."""
    return _inline(raw)[0]


def inline_problems(raw: object) -> list[Problem]:
    """What is left out of the mappings of a post's ``authors`` value: links outside
    the allow-list, avatars that are not image files."""
    return _inline(raw)[1]


def looks_like_key(name: str) -> bool:
    """Whether *name* is written as generators write a key (``jane``, ``j.doe``),
    not as a person's name (``Jane Doe``, ``Jane``)."""
    return bool(_KEY.match(name))


def resolve_authors(
    names: tuple[str, ...], raw: object, profiles: dict[str, Author]
) -> tuple[tuple[Author, ...], list[str]]:
    """The authors of a post naming *names* (its ``authors`` value was *raw*),
    and the names written as keys that no profile has.

    A name that is a profile's key is that profile; one from a mapping in the
    post is that mapping; any other is a plain name.
    """
    inline = inline_authors(raw)
    authors, unknown = [], []
    for name in names:
        if name in profiles:
            authors.append(profiles[name])
        elif name in inline:
            authors.append(inline[name])
        else:
            if profiles and looks_like_key(name):
                unknown.append(name)
            authors.append(Author(key=name, name=name))
    return tuple(authors), unknown


def is_remote(avatar: str) -> bool:
    """Whether *avatar* is a URL (``https://…``, ``//host/…``, ``data:…``), not a path."""
    return scheme_of(avatar) is not None or avatar.strip().startswith(("//", "\\\\"))


def avatar_candidates(avatar: str, folder: str) -> list[str]:
    """Where a local *avatar* may be, as paths from the source folder.

    A path starting with ``/`` is from the source folder, or from its
    ``static/`` folder (Docusaurus' ``/img/…``); any other is from *folder*,
    the folder of the file that names it.  Paths leaving the source folder,
    files that are not images or are hidden (:func:`avatar_problem`) and URLs
    have none.
    """
    if not avatar or is_remote(avatar) or avatar_problem(avatar):
        return []
    if avatar.startswith("/"):
        paths = [avatar.lstrip("/"), "static/" + avatar.lstrip("/")]
    else:
        paths = [posixpath.join(folder, avatar)]
    normal = [posixpath.normpath(path) for path in paths]
    return [path for path in normal if path != ".." and not path.startswith("../")]
