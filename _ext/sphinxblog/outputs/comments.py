"""Comments under posts, opt-in (``blog_comments``), loaded only when the reader asks.

A post's web page ends with a "Comments" section: a line saying who hosts
them and a button.  Nothing of the host's is loaded with the page; pressing
the button (``blog-comments.js``) adds the host's script, with the site's
settings, and the thread appears.  giscus and utterances are known by name;
their settings are their script's ``data-`` attributes (``repo``,
``repo-id``, ``category``, …, as their own pages give them).

Books and feeds have none of it: they are made from the doctrees, and the
section is added to the web page's body alone.  ``comments: false`` (or
ABlog's ``nocomments``) in a post's front matter turns it off for that post;
drafts and held posts have none.
"""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING, Any

from sphinx.locale import get_translation
from sphinx.util import logging

from sphinxblog.reading.output import output_of
from sphinxblog.reading.store import catalog_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)
_ = get_translation("sphinxblog")

#: the script of each known host, its name for readers, and its settings by default
PROVIDERS: dict[str, tuple[str, str, dict[str, str]]] = {
    "giscus": ("https://giscus.app/client.js", "giscus (GitHub Discussions)", {
        "mapping": "pathname", "strict": "0", "reactions-enabled": "1", "emit-metadata": "0",
        "input-position": "bottom", "theme": "preferred_color_scheme", "loading": "lazy",
    }),
    "utterances": ("https://utteranc.es/client.js", "utterances (GitHub issues)", {
        "issue-term": "pathname", "theme": "preferred-color-scheme",
    }),
}  # fmt: skip
#: what each host cannot work without
REQUIRED = {"giscus": ("repo", "repo-id", "category", "category-id"), "utterances": ("repo",)}
#: the script that adds the host's when the reader presses the button
COMMENTS_SCRIPT = "blog-comments.js"

_ATTRIBUTE = re.compile(r"^[a-z][a-z0-9-]*$")


def comment_settings(value: object) -> tuple[dict[str, Any] | None, list[str]]:
    """``blog_comments`` made ready for the page: the host's script and its ``data-``
    attributes, or ``None`` (off, or unusable: what is wrong comes back)."""
    if not value:
        return None, []
    if not isinstance(value, dict):
        return None, ["blog_comments must be a dict with a 'provider'; comments are off"]
    provider = str(value.get("provider", "")).lower()
    if provider not in PROVIDERS:
        known = ", ".join(PROVIDERS)
        return None, [
            f"blog_comments: provider {provider!r} is not one of {known}; comments are off"
        ]
    src, host, defaults = PROVIDERS[provider]
    attributes = dict(defaults)
    messages = []
    for key, setting in value.items():
        name = str(key).lower().replace("_", "-").removeprefix("data-")
        if name in {"provider", "src"}:
            continue
        if not _ATTRIBUTE.match(name) or not isinstance(setting, str | int | bool):
            messages.append(f"blog_comments: {key!r} is left out (a name and a text value)")
            continue
        attributes[name] = str(setting).lower() if isinstance(setting, bool) else str(setting)
    own_src = value.get("src")
    if isinstance(own_src, str) and own_src.startswith("https://"):
        src = own_src  # a host of one's own (giscus can be)
    missing = [name for name in REQUIRED[provider] if not attributes.get(name)]
    if missing:
        names = ", ".join(missing)
        return None, [*messages, f"blog_comments: {provider} needs {names}; comments are off"]
    return {"provider": provider, "host": host, "src": src, "attributes": attributes}, messages


def comments_html(settings: dict[str, Any], language: str) -> str:
    """The section under a post: who hosts the comments, and the button that loads them."""
    attributes = dict(settings["attributes"])
    if settings["provider"] == "giscus":
        attributes.setdefault("lang", language or "en")
    data = {"src": settings["src"], "attributes": attributes}
    title, button = _("Comments"), _("Show comments")
    note = _("Comments are kept by %s; nothing of it loads until you ask.") % settings["host"]
    return (
        '<section class="blog-comments" aria-labelledby="blog-comments-title">\n'
        f'<h2 id="blog-comments-title">{html.escape(title)}</h2>\n'
        f'<p class="blog-comments-note">{html.escape(note)}</p>\n'
        f'<button type="button" class="blog-comments-button" data-blog-comments="'
        f'{html.escape(json.dumps(data, ensure_ascii=False))}">{html.escape(button)}</button>\n'
        '<div class="blog-comments-thread"></div>\n'
        "</section>\n"
    )


def wants_comments(extra: dict[str, Any]) -> bool:
    """Whether a post's front matter leaves its comments on (``comments: false`` and
    ABlog's ``nocomments`` turn them off)."""
    if extra.get("comments") is False or str(extra.get("comments", "")).lower() in {
        "false",
        "no",
        "off",
    }:
        return False
    return "nocomments" not in extra or extra["nocomments"] is False


def check_comments(app: Sphinx, config: Any) -> None:
    """``config-inited``: say once what is wrong with ``blog_comments``."""
    _settings, messages = comment_settings(config.blog_comments)
    for message in messages:
        logger.warning("%s", message, type="blog", subtype="config")


def add_comments(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``html-page-context``: the comments section under a published post's web page."""
    output = output_of(app.builder)
    if not (output.pages and output.html_files) or output.epub or "body" not in context:
        return
    settings, _messages = comment_settings(app.config.blog_comments)
    catalog = catalog_of(app.env)
    post = catalog.post(pagename)
    if settings is None or post is None or post in catalog.hidden or not wants_comments(post.extra):
        return
    context["body"] += comments_html(settings, app.config.language or "en")
    # for this page alone: Sphinx forgets what a page's handler adds once it is written
    app.add_js_file(COMMENTS_SCRIPT, loading_method="defer")
