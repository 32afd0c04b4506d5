"""What HTML templates get: the recent posts (for ``blog-recent-posts.html``) and,
on a post's page, the post itself with every front-matter key."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinxblog.catalog import catalog_of
from sphinxblog.links import doc_uri, format_day

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def add_blog_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Give templates ``blog_recent_posts`` (dicts of ``title``, ``url``, ``date``)
    and ``blog_post``: the :class:`~sphinxblog.posts.Post` of this page, or ``None``.

    ``blog_post.extra`` holds the front-matter keys the blog does not use itself.
    """
    catalog = catalog_of(app.env)
    context["blog_post"] = catalog.post(pagename)
    recent = catalog.dated[: app.config.blog_sidebar_posts]
    context["blog_recent_posts"] = [
        {
            "title": post.title,
            "url": doc_uri(app.builder, pagename, post.docname),
            "date": format_day(post.day, app.config),
            "current": post.docname == pagename,
        }
        for post in recent
    ]
