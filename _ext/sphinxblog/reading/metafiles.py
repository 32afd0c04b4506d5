"""Nikola's ``.meta`` files: a post's header kept in a file beside it.

``posts/my-post.md`` takes its values from ``posts/my-post.meta`` where the post's
own header does not give them.  The file is read wherever the post's front matter
is (:func:`read_post_front_matter`), so a post is still parsed once per build, and
is a dependency of the post: editing it alone reads the post again.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.osutil import _last_modified_time

from sphinxblog.core import headers
from sphinxblog.core.frontmatter import FrontMatter, read_front_matter
from sphinxblog.core.notebooks import is_notebook, read_notebook_front_matter
from sphinxblog.core.problems import Problem

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

__all__ = ["last_change", "meta_file", "note_meta_file", "read_post_front_matter", "with_meta"]


def meta_file(path: Path) -> Path:
    """Where Nikola keeps the header of the post at *path*."""
    return path.with_suffix(".meta")


def read_post_front_matter(path: Path, encoding: str) -> FrontMatter:
    """The front matter of the post at *path*, with its ``.meta`` file's values.
    Undecodable bytes of the post are replaced, as Sphinx's reader does."""
    text = path.read_text(encoding=encoding, errors="replace")
    if is_notebook(path):
        return read_notebook_front_matter(text)
    return with_meta(read_front_matter(text), meta_file(path), encoding)


def with_meta(front_matter: FrontMatter, meta: Path, encoding: str) -> FrontMatter:
    """*front_matter* with the values of the ``.meta`` file *meta*, where there is one.

    The post's own header wins where both give a key.  Problems found in the file
    name it; its keys' lines are not the post's, so they are not kept."""
    if not meta.is_file():
        return front_matter
    try:
        raw = meta.read_bytes()
    except OSError as error:
        message = f"the .meta file cannot be read: {error.strerror}; it is ignored"
        problem = Problem("front_matter", message, None, str(meta))
        return dataclasses.replace(front_matter, problems=(*front_matter.problems, problem))
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        message = f"the .meta file is not in {encoding}: {error.reason}; it is ignored"
        problem = Problem("front_matter", message, line, str(meta))
        return dataclasses.replace(front_matter, problems=(*front_matter.problems, problem))
    data, _lines, problems, _span = headers.read_nikola_meta(text)
    known = {key.casefold() for key in front_matter.data}
    new = {key: value for key, value in data.items() if key.casefold() not in known}
    return dataclasses.replace(
        front_matter,
        data={**front_matter.data, **new},
        problems=(
            *front_matter.problems,
            *(dataclasses.replace(problem, path=str(meta)) for problem in problems),
        ),
        # a slug there is Nikola's, where the post has no header of its own
        form=front_matter.form if front_matter.span else "nikola",
    )


def last_change(path: Path) -> int:
    """When the post at *path* or its ``.meta`` file last changed, as Sphinx compares it."""
    meta = meta_file(path)
    changed = _last_modified_time(path)
    return max(changed, _last_modified_time(meta)) if meta.is_file() else changed


def note_meta_file(env: BuildEnvironment, docname: str) -> None:
    """Make the ``.meta`` file of the post being read a dependency of it."""
    meta = meta_file(Path(env.doc2path(docname)))
    if meta.is_file():
        env.note_dependency(str(meta))
