"""Author profiles: a Docusaurus ``authors.yml`` or a MkDocs Material ``.authors.yml``.

Pure functions: reading a profiles file's text, and matching the authors a
post names against it.  Where the files are looked for, and what the pages
show, is :mod:`sphinxblog.authorpages`'s.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Any

import yaml

from sphinxblog.problems import Problem, short_repr

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

#: a profiles file longer than this is not read (it is the site's own, but a
#: mistake should not stall the build)
MAX_BYTES = 1024 * 1024

#: how a key is written in the generators that have them: lower case, no spaces;
#: a name written so without a profile is taken for a key the file lacks
_KEY = re.compile(r"^[a-z0-9][a-z0-9_.@+-]*$")
_REMOTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


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


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _author(key: str, entry: dict[str, Any]) -> Author:
    """An author from a Docusaurus (``title``, ``image_url``) or Material
    (``description``, ``avatar``) mapping."""
    return Author(
        key=key,
        name=_text(entry.get("name")),
        title=_text(entry.get("title")) or _text(entry.get("description")),
        url=_text(entry.get("url")),
        avatar=_text(entry.get("image_url")) or _text(entry.get("avatar")),
    )


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
    if len(text.encode("utf-8")) > MAX_BYTES:
        return {}, [Problem("authors_file", "the authors file is longer than 1 MiB; not read", 1)]
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error)
        return {}, [Problem("authors_file", f"the authors file is not valid YAML: {problem}", line)]
    if root is None:
        return {}, []
    entries = _entries(root)
    if entries is None:
        line = root.start_mark.line + 1
        message = "the authors file is not a mapping of author keys to profiles"
        return {}, [Problem("authors_file", message, line)]
    profiles: dict[str, Author] = {}
    problems: list[Problem] = []
    for key_node, value_node in entries.value:
        line = key_node.start_mark.line + 1
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        try:
            value = yaml.SafeLoader(text).construct_object(value_node, deep=True)
        except yaml.YAMLError:
            value = None
        if not isinstance(key, str) or not key.strip():
            problems.append(Problem("authors_file", "an author's key is not text", line))
            continue
        if not isinstance(value, dict) or not _text(value.get("name")):
            message = f"author {short_repr(key)} has no 'name'; it is ignored"
            problems.append(Problem("authors_file", message, line))
            continue
        if key in profiles:
            problems.append(Problem("authors_file", f"author {short_repr(key)} is repeated", line))
        profiles[key] = _author(key, value)
    return profiles, problems


def inline_authors(raw: object) -> dict[str, Author]:
    """The mappings with a ``name`` among a post's ``authors`` value, by name."""
    items = raw if isinstance(raw, list) else [raw]
    found: dict[str, Author] = {}
    for item in items:
        if isinstance(item, dict) and _text(item.get("name")):
            author = _author(_text(item["name"]), item)
            found.setdefault(author.name, author)
    return found


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
    return bool(_REMOTE.match(avatar))


def avatar_candidates(avatar: str, folder: str) -> list[str]:
    """Where a local *avatar* may be, as paths from the source folder.

    A path starting with ``/`` is from the source folder, or from its
    ``static/`` folder (Docusaurus' ``/img/…``); any other is from *folder*,
    the folder of the file that names it.  Paths leaving the source folder and
    URLs have none.
    """
    if not avatar or is_remote(avatar):
        return []
    if avatar.startswith("/"):
        paths = [avatar.lstrip("/"), "static/" + avatar.lstrip("/")]
    else:
        paths = [posixpath.join(folder, avatar)]
    normal = [posixpath.normpath(path) for path in paths]
    return [path for path in normal if path != ".." and not path.startswith("../")]
