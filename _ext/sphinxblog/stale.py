"""Output Sphinx leaves behind: the pages of removed tags and removed posts.

Sphinx never deletes the output of a document whose source is gone, so a
reader (or a search engine) would still reach an old tag page listing posts
that no longer carry the tag, or a deleted post.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinxblog.config import tags_folder
from sphinxblog.listings import page_name
from sphinxblog.posts import post_matcher

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def note_removed_posts(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: remember the posts whose sources were removed."""
    is_post = post_matcher(app.config)
    env.blog_removed_posts = {docname for docname in removed if is_post(docname)}
    return []


def remove_stale_output(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: delete the pages of tags and posts that are gone."""
    builder = app.builder
    if exception is not None or not hasattr(builder, "get_outfilename"):
        return
    env = app.env
    folder = tags_folder(app.config)
    current = {
        Path(builder.get_outfilename(docname))
        for docname in env.found_docs
        if docname.startswith(f"{folder}/")
    }
    root = Path(app.outdir, folder)
    # later pages of a listing (tags/python/page/2.html) live as long as their tag's page
    owners = {
        Path(builder.get_outfilename(page_name(docname, 2))).parent.parent
        for docname in env.found_docs
        if docname.startswith(f"{folder}/") and docname != f"{folder}/index"
    }
    stale = [
        path
        for path in root.rglob(f"*{builder.out_suffix}")
        if path not in current and not any(parent in owners for parent in path.parents)
    ]
    stale += [
        Path(builder.get_outfilename(docname))
        for docname in getattr(env, "blog_removed_posts", ())
        if docname not in env.found_docs
    ]
    for path in stale:
        path.unlink(missing_ok=True)
        if path.parent != root and path.name == "index.html" and not any(path.parent.iterdir()):
            path.parent.rmdir()  # dirhtml's <page>/index.html
