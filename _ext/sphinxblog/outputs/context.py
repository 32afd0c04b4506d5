"""What HTML templates get: the recent posts (for ``blog-recent-posts.html``) and,
on a post's page, the post itself with every front-matter key."""

from __future__ import annotations

import html
import json
import posixpath
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from docutils import nodes
from sphinx.locale import get_translation

from sphinxblog.core.cards import HEIGHT, WIDTH
from sphinxblog.core.language import same_language
from sphinxblog.outputs.feeds import feed_links, feed_time, site_address, tag_names, uri
from sphinxblog.outputs.sitemap import alternates, page_url
from sphinxblog.outputs.socialcards import social_cards
from sphinxblog.reading.addresses import relative_path
from sphinxblog.reading.collector import COVER
from sphinxblog.reading.config import site_zone, tags_folder
from sphinxblog.reading.covers import cover_of
from sphinxblog.reading.links import doc_uri, format_day
from sphinxblog.reading.output import output_of
from sphinxblog.reading.sources import source_copy
from sphinxblog.reading.store import catalog_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config

    from sphinxblog.core.catalog import Catalog
    from sphinxblog.core.posts import Post

_ = get_translation("sphinxblog")


def _article_tags(
    post: Post, config: Config, catalog: Catalog, authors: list[str], pictured: bool
) -> list[str]:
    """Open Graph article tags and a Twitter card (a large one for a *pictured* post,
    whose cover is its ``og:image``); sphinxext-opengraph adds the rest.

    Tags are named as the site names them (badges, tag pages, feeds), not as
    the post happens to spell them.
    """
    zone = site_zone(config)
    tags = [("name", "twitter:card", "summary_large_image" if pictured else "summary")]
    if post.date:
        tags.append(("property", "article:published_time", feed_time(post.date, zone).isoformat()))
    if post.updated:
        modified = feed_time(post.updated, zone).isoformat()
        tags.append(("property", "article:modified_time", modified))
    tags += [("property", "article:author", name) for name in authors]
    tags += [("property", "article:tag", name) for name in tag_names(catalog, post)]
    return [
        f'<meta {kind}="{html.escape(key)}" content="{html.escape(value)}" />'
        for kind, key, value in tags
    ]


def _language_versions(app: Sphinx, pagename: str, catalog: Catalog) -> list[str]:
    """``<link rel="alternate" hreflang>`` to each version of a post's story (its own
    and ``x-default`` among them): at their address with ``html_baseurl``, as search
    engines want them, else from this page."""
    base = app.config.html_baseurl
    links = []
    for language, docname in alternates(catalog, pagename):
        if base:
            address = page_url(app.builder, base, docname)
        else:
            target = app.builder.get_target_uri(docname)
            # a page's own address from itself is empty: its name, or its folder's
            address = app.builder.get_relative_uri(pagename, docname) or (
                posixpath.basename(target) or "./"
            )
        links.append(
            f'<link rel="alternate" hreflang="{html.escape(language)}" '
            f'href="{html.escape(address)}" />'
        )
    return links


def _json_ld(data: dict[str, Any]) -> str:
    """*data* as a JSON-LD script: no ``<`` in it, so that no text of a post's can
    close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/ld+json">{text}</script>'


def _structured_data(app: Sphinx, pagename: str, post: Post | None, catalog: Catalog) -> str:
    """schema.org's ``BlogPosting`` for a post's page and ``Blog`` for the home page,
    for search engines; empty for other pages."""
    config, builder = app.config, app.builder
    base = config.html_baseurl
    address = {"url": page_url(builder, base, pagename)} if base else {}
    language = config.language or "en"
    if post is None:
        if pagename != config.root_doc:
            return ""
        title = config.html_title or config.project
        return _json_ld({
            "@context": "https://schema.org", "@type": "Blog", "name": title,
            "inLanguage": language, **address,
        })  # fmt: skip
    zone = site_zone(config)
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "BlogPosting", "headline": post.title,
        "inLanguage": post.language or language, **address,
    }  # fmt: skip
    if post.date:
        data["datePublished"] = feed_time(post.date, zone).isoformat()
        data["dateModified"] = feed_time(post.updated or post.date, zone).isoformat()
    if authors := catalog.author_names(post):
        data["author"] = [{"@type": "Person", "name": name} for name in authors]
    if tags := tag_names(catalog, post):
        data["keywords"] = tags
    if post.summary:
        data["description"] = post.summary
    return _json_ld(data)


def add_blog_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Give templates ``blog_recent_posts`` (dicts of ``title``, ``url``, ``date``, ``lang``)
    and ``blog_post``: the :class:`~sphinxblog.core.posts.Post` of this page, or ``None``
    (not with json and pickle, which render no template but write the context).

    ``blog_post.extra`` holds the front-matter keys the blog does not use itself.
    """
    catalog = catalog_of(app.env)
    post = catalog.post(pagename)
    output = output_of(app.builder)
    if not output.serialized:
        # for templates; json and pickle write the context itself, as plain data
        context["blog_post"] = post
    # not the context's pathto, which the json and pickle builders give one argument
    head = [
        f'<link rel="alternate" type="{kind}" title="{html.escape(title)}" '
        f'href="{html.escape(relative_path(app.builder, pagename, path))}" />'
        for kind, title, path in feed_links(app, pagename)
    ]
    if post is not None and output.pages:  # web pages, not an ePub's
        head += _language_versions(app, pagename, catalog)
        pictured = bool((context.get("meta") or {}).get("og:image"))
        head += _article_tags(post, app.config, catalog, catalog.author_names(post), pictured)
        if post in catalog.hidden:
            # a draft, a held or an expired post: written, at an address one may guess
            head.append('<meta name="robots" content="noindex" />')
    if output.pages and (structured := _structured_data(app, pagename, post, catalog)):
        head.append(structured)
    if head:
        context["metatags"] = context.get("metatags", "") + "\n".join(head) + "\n"
    # the template's own _() would look in Sphinx's catalog, not the blog's
    context["blog_recent_posts_caption"] = _("Recent posts")
    context["blog_recent_posts"] = recent_posts(app.builder, catalog, pagename)


def recent_posts(builder: Builder, catalog: Catalog, pagename: str) -> list[dict[str, Any]]:
    """What ``blog-recent-posts.html`` shows in every page's sidebar."""
    config = builder.config
    return [
        {
            "title": post.title,
            "url": doc_uri(builder, pagename, post.docname),
            "date": format_day(post.day, config) if post.day else "",
            "current": post.docname == pagename,
            # set on the title only where it is not the page's own language
            "lang": "" if same_language(post.language, config.language) else post.language,
        }
        for post in catalog.dated[: config.blog_sidebar_posts]
    ]


def name_the_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``html-page-context``, before sphinxext-opengraph: the page's name in its context.

    The json and pickle builders leave ``pagename`` out of a page's context
    (the HTML builders set it); sphinxext-opengraph reads it there, and would
    stop the build.
    """
    context.setdefault("pagename", pagename)


def name_the_source(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``html-page-context``: the "Show Source" copy of a post published under a safe
    name (:class:`~sphinxblog.reading.sources.SafeNamesProject`) is named as its page.

    Sphinx takes a source's suffix to be what its path has beyond the document's
    name, which a renamed document's path does not start with.
    """
    if not context.get("sourcename") or pagename not in app.env.all_docs:
        return
    path = app.env.doc2path(pagename, False).as_posix()
    if not path.startswith(pagename + "."):
        context["sourcename"] = source_copy(pagename, path, app.config.html_sourcelink_suffix)
        context["page_source_suffix"] = "." + path.rpartition(".")[2]


def share_cover(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``html-page-context``, before sphinxext-opengraph: a post's cover is its
    ``og:image``, at its address in the output (a picture beside the post is
    copied into ``_images``), with its alt text (else the post's title)."""
    output = output_of(app.builder)
    post = catalog_of(app.env).post(pagename)
    if not output.pages or post is None:
        return
    cover = cover_of(post.extra)
    if cover is None and pagename not in social_cards(app):
        return
    meta = dict(context.get("meta") or {})
    shown = (
        next((n for n in doctree.findall(nodes.image) if COVER in n["classes"]), None)
        if isinstance(doctree, nodes.document)
        else None
    )
    base = app.config.html_baseurl
    if shown is not None and base:
        # the page's writer has made the picture's address the copy's, from the page
        meta["og:image"] = uri(urljoin(page_url(app.builder, base, pagename), shown["uri"]))
    elif cover is not None and cover.remote:
        meta.setdefault("og:image", cover.address)
    elif (card := social_cards(app).get(pagename)) is not None:
        meta["og:image"] = site_address(base, card)
        meta["og:image:width"], meta["og:image:height"] = str(WIDTH), str(HEIGHT)
    else:
        # a picture that is not there: no card points at nothing
        meta.pop("og:image", None)
        context["meta"] = meta
        return
    meta.setdefault("og:image:alt", (cover.alt if cover else "") or post.title)
    context["meta"] = meta


def add_post_description(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``html-page-context``, before sphinxext-opengraph: a post's description is its
    summary, a tag page's the tag's description.

    Left alone, the description would be the page's first words: the date,
    reading time and tags of the post's header, or the tag's listing.
    """
    if not output_of(app.builder).pages:
        return
    catalog = catalog_of(app.env)
    post = catalog.post(pagename)
    if post is not None:
        description = post.summary
    else:
        folder, _slash, slug = pagename.rpartition("/")
        tag = catalog.tag_by_slug(slug) if folder == tags_folder(app.config) else None
        description = tag.description if tag else None
    if description:
        meta = f'<meta name="description" content="{html.escape(description)}" />\n'
        context["metatags"] = context.get("metatags", "") + meta
