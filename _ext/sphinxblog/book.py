"""The blog as a book: posts in the reading order of LaTeX and ePub output.

HTML keeps posts out of the toctree (see the README); books take their
chapters from toctrees, so the start document of a book holds a
``{posttoctree}`` and the ePub's reading order gets the posts appended.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinxblog.catalog import catalog_of
from sphinxblog.config import tags_folder
from sphinxblog.listings import listing_pages_of, post_toctree_order

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def reread_post_toctrees(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: re-read the post toctrees when posts come, go or move."""
    order = post_toctree_order(env)
    if order == getattr(env, "blog_post_toctree_read_order", None):
        return []
    env.blog_post_toctree_read_order = order
    return [docname for docname, listings in listing_pages_of(env).items() if "toctree" in listings]


def add_posts_to_epub(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: posts join the ePub's reading order, oldest first.

    The root toctree holds the home page, the archive and the tag index; the
    ePub lists every tag's posts on the tag index, so the separate tag pages
    are left out of the package, and so are drafts.
    """
    if app.builder.name != "epub":
        return
    suffix = app.builder.out_suffix
    catalog = catalog_of(env)
    titles = {post.docname: post.title for post in catalog.posts}
    posts = [
        (docname + suffix, titles[docname])
        for docname in post_toctree_order(env)
        if docname in titles
    ]
    folder = tags_folder(app.config)
    left_out = [
        docname + suffix
        for docname in env.found_docs
        if docname.startswith(f"{folder}/") and docname != f"{folder}/index"
    ] + [post.docname + suffix for post in catalog.hidden]
    app.config.epub_post_files = [*app.config.epub_post_files, *posts]
    app.config.epub_exclude_files = [*app.config.epub_exclude_files, *sorted(left_out)]
