"""Which pages to write again when posts change, so that listings stay true.

Sphinx rewrites a page only when its own source changed.  After each read,
the extension compares what every listing, post header and sidebar would
show with what it showed last time, and asks Sphinx to rewrite exactly the
pages whose view changed: editing a post's text rewrites that post alone;
retagging it rewrites the post, its old and new tag pages and the tag index;
a new or re-dated post also rewrites its neighbours, the listings and (when
the recent posts change) every HTML page, whose sidebar shows them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from sphinxblog.catalog import build_catalog, catalog_of
from sphinxblog.config import catalog_options
from sphinxblog.links import reading_minutes
from sphinxblog.listings import listing_pages_of
from sphinxblog.posts import posts_of
from sphinxblog.values import tag_key

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from sphinxblog.catalog import Catalog, Tag
    from sphinxblog.posts import Post

logger = logging.getLogger(__name__)

#: the key of the view of the recent-posts sidebar, shown on every HTML page
SIDEBAR = " sidebar"


def drop_catalog(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: forget last build's catalog while reading.

    It is rebuilt after reading; in a parallel build every worker would
    otherwise pickle it back with its share of the environment.
    """
    env.blog_catalog = None


def refresh_catalog(app: Sphinx, env: BuildEnvironment) -> None:
    """Order and group the posts once per build, after every post was read."""
    env.blog_catalog = catalog = build_catalog(
        posts_of(env).values(), **catalog_options(app.config)
    )
    held = app.config.blog_future_posts == "hold"
    for post in catalog.future:
        logger.info(
            "post is dated in the future (%s): %s",
            post.date,
            "held back until then (blog_future_posts = 'hold')"
            if held
            else "published now (blog_future_posts = 'publish')",
            location=post.docname,
        )


def _link(post: Post | None) -> tuple[Any, ...] | None:
    """What the sidebar and prev/next links show of a post."""
    return None if post is None else (post.docname, post.title, post.date, post.language)


def _entry(post: Post | None, config: Config) -> tuple[Any, ...] | None:
    """What a listing shows of a post (its reading time in minutes, not its words)."""
    if post is None:
        return None
    minutes = reading_minutes(post.words, config)
    return (post.docname, post.title, post.date, post.language, minutes)


def _entry_with_summary(post: Post, config: Config) -> tuple[Any, ...]:
    return (*_entry(post, config), post.summary)


def _tag_view(
    tag: Tag | None, entry: Callable[[Post, Config], Any], config: Config
) -> tuple[Any, ...] | None:
    if tag is None:
        return None
    return (tag.name, tag.slug, tuple(entry(post, config) for post in tag.posts))


def page_views(env: BuildEnvironment, catalog: Catalog) -> dict[str, Any]:
    """What each page that shows other posts' data would show, by docname."""
    views: dict[str, Any] = {}
    config = env.config
    all_tags = tuple((tag.name, tag.slug, len(tag.posts)) for tag in catalog.tags.values())
    for docname, listings in listing_pages_of(env).items():
        view = []
        for listing in sorted(listings):
            kind, _, value = listing.partition(":")
            kind, summary, _ = kind.partition("+summary")
            entry = _entry_with_summary if summary else _entry
            if kind == "tag":
                view.append(_tag_view(catalog.tags.get(tag_key(value)), entry, config))
            elif kind == "slug":
                view.append(_tag_view(catalog.tag_by_slug(value), entry, config))
            elif kind == "tags":
                view.append(all_tags)
            elif kind == "toctree":
                view.append(None)  # a toctree follows the posts by being read again
            else:
                view.append(tuple(entry(post, config) for post in catalog.posts))
        views[docname] = view
    related = env.config.blog_related_posts
    # drafts and held posts are built too, and show their tags and related posts
    for post in (*catalog.posts, *catalog.hidden):
        tags = tuple((tag.name, tag.slug) for tag in catalog.tags_of(post))
        newer, older = catalog.neighbours(post.docname)
        views[post.docname] = (
            post.date,
            tags,
            _link(newer),
            _link(older),
            tuple(_entry(other, config) for other in catalog.related(post, related)),
            views.get(post.docname),
        )
    recent = env.config.blog_sidebar_posts
    views[SIDEBAR] = tuple(map(_link, catalog.dated[:recent]))
    return views


def digest(view: Any) -> bytes:
    """A short, stable fingerprint of a view: the environment keeps one per page.

    Views hold post records, whose ``repr()`` leaves out the front-matter keys
    the blog does not use (``Post.extra``): no view shows them, and a value
    shared through YAML aliases is small only until it is written out.
    """
    return hashlib.blake2b(repr(view).encode("utf-8"), digest_size=12).digest()


def sidebar_digest(env: BuildEnvironment, builder_name: str) -> bytes:
    """The fingerprint of the recent posts in the sidebar as *builder_name* last wrote them."""
    _inputs, views = getattr(env, "blog_page_views", {}).get(builder_name, (b"", {}))
    return views.get(SIDEBAR, b"")


def _inputs_digest(env: BuildEnvironment, catalog: Catalog) -> bytes:
    """A fingerprint of everything :func:`page_views` reads."""
    config = env.config
    listings = sorted((docname, sorted(kinds)) for docname, kinds in listing_pages_of(env).items())
    settings = (config.blog_related_posts, config.blog_sidebar_posts, config.blog_words_per_minute)
    return digest((catalog.posts, catalog.hidden, catalog.future, listings, settings))


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: the pages whose view of the posts changed."""
    catalog = catalog_of(env)
    # per builder: `make latex` and `make html` share one environment, and what
    # one builder has written says nothing about the other's pages
    views_by_builder: dict[str, tuple[bytes, dict[str, bytes]]] = getattr(
        env, "blog_page_views", {}
    )
    old_inputs, old_views = views_by_builder.get(app.builder.name, (b"", {}))
    inputs = _inputs_digest(env, catalog)
    if inputs == old_inputs:
        return []  # same posts, same listings: every view is as last written
    views = {docname: digest(view) for docname, view in page_views(env, catalog).items()}
    env.blog_page_views = {**views_by_builder, app.builder.name: (inputs, views)}
    if views.get(SIDEBAR) != old_views.get(SIDEBAR) and app.builder.format == "html":
        return sorted(env.found_docs)
    return sorted(
        docname
        for docname, view in views.items()
        if docname in env.found_docs and old_views.get(docname) != view
    )
