"""Posts reached through symbolic links that lead out of the source folder, or loop.

Sphinx follows links when it looks for sources: a link in ``posts/`` to a file
elsewhere on the machine would be published as a post, and a link to a folder
above itself would publish every post again at each level, until the system
stops following (forty levels down).  Before Sphinx looks, each such link is
added to ``exclude_patterns``, with a warning naming it: a link leading out of
the source folder where posts (``blog_post_pattern``) would be read through it,
and a link to a folder it is in, wherever it is.  Links within the source
folder that do not loop are followed, as Sphinx does.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.project import EXCLUDE_PATHS
from sphinx.util import logging
from sphinx.util.matching import compile_matchers

from sphinxblog.core.locations import file_location
from sphinxblog.reading.collector import post_matcher

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

_GLOB_CHARACTERS = re.compile(r"[][*?]")


def glob_escape(path: str) -> str:
    """A pattern of ``exclude_patterns`` matching *path* alone, whatever it holds."""
    # "[[]" would make Python warn of a nested set; "[\[]" is Sphinx's way to "["
    return _GLOB_CHARACTERS.sub(lambda m: "[\\[]" if m[0] == "[" else f"[{m[0]}]", path)


def unsafe_links(
    srcdir: Path, exclude: list[str], is_post: Callable[[str], bool]
) -> list[tuple[str, str, str]]:
    """The links under *srcdir* that no post may be read through, as (path Sphinx
    would read it by, the link's own path, why), both from *srcdir*: ``loops``
    for a link to a folder it is in; ``leads to <path>, outside the source
    folder`` for a link out of it where posts would be read through it (by
    either path: a link in ``posts/`` reached through another link is a post's).

    The walk follows links as Sphinx does (not into excluded paths), and keeps
    the real folders it is in, so that a loop through several links is found
    at the link that closes it.
    """
    root = srcdir.resolve()
    excluded = compile_matchers([*exclude, *EXCLUDE_PATHS])
    found: list[tuple[str, str, str]] = []

    def walk(folder: str, relative: str, ancestors: tuple[str, ...]) -> None:
        for entry, path in _entries(folder, relative):
            if any(matches(path) for matches in excluded):
                continue
            is_folder = _is_folder(entry)
            if entry.is_symlink():
                target = os.path.realpath(entry.path)
                own = Path(ancestors[-1], entry.name)
                own_path = own.relative_to(root).as_posix() if own.is_relative_to(root) else path
                if is_folder and target in ancestors:
                    found.append((path, own_path, "loops"))
                    continue
                outside = not Path(target).is_relative_to(root)
                if outside and any(
                    _leads_to_posts(entry.path, name, is_folder, is_post)
                    for name in {path, own_path}
                ):
                    found.append((path, own_path, f"leads to {target}, outside the source folder"))
                    continue
            if is_folder:
                walk(entry.path, path, (*ancestors, os.path.realpath(entry.path)))

    walk(str(root), "", (str(root),))
    return found


def _entries(folder: str, relative: str) -> Iterator[tuple[os.DirEntry[str], str]]:
    """The entries of *folder*, with their paths from the source folder (as Sphinx writes them)."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError:
        return  # unreadable: Sphinx reads nothing there either
    for entry in entries:
        path = f"{relative}/{entry.name}" if relative else entry.name
        yield entry, unicodedata.normalize("NFC", path)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # through links; False for a loop of links or a dangling one
    except OSError:
        return False


def _leads_to_posts(real: str, path: str, is_folder: bool, is_post: Callable[[str], bool]) -> bool:
    """Whether a post would be read through the link at *path*: its document name
    is a post's, or, for a folder, the document name of a file in it."""
    if not is_folder:
        return bool(is_post(os.path.splitext(path)[0]))
    seen = {os.path.realpath(real)}
    for folder, subfolders, files in os.walk(real, followlinks=True):
        relative = Path(folder).relative_to(real).as_posix()
        inner = path if relative == "." else f"{path}/{relative}"
        if any(is_post(os.path.splitext(f"{inner}/{name}")[0]) for name in files):
            return True
        kept = []
        for name in subfolders:  # a loop out there is walked once
            real_folder = os.path.realpath(os.path.join(folder, name))
            if real_folder not in seen:
                seen.add(real_folder)
                kept.append(name)
        subfolders[:] = kept
    return False


def exclude_unsafe_links(app: Sphinx, config: Config) -> None:
    """``config-inited``: leave out, with a warning, the posts behind unsafe links."""
    srcdir = Path(app.srcdir)
    found = unsafe_links(srcdir, list(config.exclude_patterns), post_matcher(config))
    warned = set()
    for _path, own_path, why in found:
        if own_path not in warned:  # a link reached by several paths is named once
            warned.add(own_path)
            logger.warning(
                "symbolic link %s %s; what is behind it is left out", own_path, why,
                location=file_location(srcdir / own_path), type="blog", subtype="symlink",
            )  # fmt: skip
    missing = [glob_escape(path) for path, _own_path, _why in found]
    missing = [pattern for pattern in missing if pattern not in config.exclude_patterns]
    if missing:
        config.exclude_patterns = [*config.exclude_patterns, *missing]
