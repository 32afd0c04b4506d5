"""The recent-posts block for the HTML sidebar (template ``blog-recent-posts.html``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinxblog.catalog import catalog_of
from sphinxblog.links import doc_uri, format_day

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def add_recent_posts(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Give templates ``blog_recent_posts``: dicts of ``title``, ``url`` and ``date``."""
    recent = catalog_of(app.env).dated[: app.config.blog_sidebar_posts]
    context["blog_recent_posts"] = [
        {
            "title": post.title,
            "url": doc_uri(app.builder, pagename, post.docname),
            "date": format_day(post.day, app.config),
            "current": post.docname == pagename,
        }
        for post in recent
    ]
