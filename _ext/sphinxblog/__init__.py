"""A blog from MyST posts: tag pages, a tag index and a chronological archive."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinxblog import (
    authorpages,
    book,
    config,
    feeds,
    i18n,
    interrupted,
    laterpages,
    listings,
    oldlinks,
    placeholders,
    postpage,
    rawhtml,
    redirects,
    scan,
    searchindex,
    sitemap,
    sourcelinks,
    sources,
    stale,
    titles,
)
from sphinxblog.context import add_blog_context, add_post_description
from sphinxblog.markup.directives import BlogAdmonition, BlogCode, BlogDropdown, TabsInSequence
from sphinxblog.markup.reading import translate_post
from sphinxblog.reading import BlogCollector
from sphinxblog.render import fill_placeholders
from sphinxblog.safety import DropHttpEquiv, XmlSafeText, check_encodings, keep_from_myst
from sphinxblog.tagpages import sync_tag_pages
from sphinxblog.updates import pages_to_rewrite

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"

_HERE = Path(__file__).parent


def _add_assets(app: Sphinx, site_config: Config) -> None:
    # new lists, not append(): an unset option's value is the default list,
    # shared by every Sphinx application in the process
    site_config.templates_path = [*site_config.templates_path, str(_HERE / "templates")]
    site_config.html_static_path = [*site_config.html_static_path, str(_HERE / "static")]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("sphinx_design")
    app.setup_extension("sphinxblog.book")
    config.add_config_values(app)

    for node in (*placeholders.NODES, listings.feedlinks):
        app.add_node(node)
    app.add_transform(postpage.RemoveRepeatedTitle)
    app.add_transform(postpage.OnePostOneTitle)
    app.add_post_transform(oldlinks.ResolveOldLinks)
    app.add_transform(rawhtml.ImagesFromRawHtml)
    app.add_post_transform(rawhtml.RemoteImagesAsLinks)
    app.add_post_transform(rawhtml.RawHtmlAsXhtml)
    app.add_post_transform(rawhtml.RawHtmlForLatex)
    app.add_transform(titles.PostTitleAsText)
    app.add_transform(titles.TagTitleAsWritten)
    app.add_transform(XmlSafeText)
    app.add_transform(DropHttpEquiv)
    app.add_directive("postlist", listings.PostListDirective)
    app.add_directive("archive", listings.ArchiveDirective)
    app.add_directive("tagindex", listings.TagIndexDirective)
    app.add_directive("tagposts", listings.TagPostsDirective)
    app.add_directive("posttoctree", listings.PostTocTreeDirective)
    app.add_directive("feeds", listings.FeedLinksDirective)
    app.add_directive("blog-admonition", BlogAdmonition)
    app.add_directive("blog-dropdown", BlogDropdown)
    app.add_directive("blog-code", BlogCode)
    app.add_post_transform(TabsInSequence)
    app.add_env_collector(BlogCollector)
    app.add_directive("authorposts", authorpages.AuthorPostsDirective)
    app.add_directive("authorindex", authorpages.AuthorIndexDirective)
    app.add_css_file("sphinxblog.css")

    app.connect("config-inited", config.check_config)
    app.connect("config-inited", config.share_site_address)
    app.connect("config-inited", config.exclude_environments)
    app.connect("config-inited", sourcelinks.exclude_unsafe_links)
    app.connect("config-inited", _add_assets)
    app.connect("config-inited", i18n.load_catalogs)
    app.connect("config-inited", oldlinks.set_heading_anchors)
    # after Sphinx has made source_suffix a mapping (800)
    app.connect("config-inited", sources.add_markdown_suffixes, priority=900)
    app.connect("builder-inited", scan.load_profiles)
    app.connect("builder-inited", scan.scan_posts)
    app.connect("builder-inited", sync_tag_pages)
    app.connect("builder-inited", authorpages.sync_author_pages)
    app.connect("builder-inited", sources.warn_unread_files)
    app.connect("env-get-outdated", scan.reread_for_profiles)
    app.connect("env-get-outdated", scan.reread_post_toctrees)
    app.connect("doctree-read", postpage.add_post_placeholders)
    app.connect("env-before-read-docs", check_encodings)
    app.connect("source-read", keep_from_myst)
    # after the front matter's own handlers (500): other generators' body markup
    app.connect("source-read", translate_post, priority=600)
    app.connect("env-updated", scan.refresh_catalog)
    app.connect("env-updated", book.add_posts_to_epub)
    app.connect("env-updated", book.leave_author_pages_out_of_epub)
    # before the pages are compared: a stopped build's are all written again
    app.connect("env-get-updated", interrupted.check_previous_build, priority=400)
    app.connect("env-get-updated", pages_to_rewrite)
    app.connect("env-get-updated", searchindex.repair_search_index)
    app.connect("doctree-resolved", fill_placeholders)
    app.connect("html-page-context", add_blog_context)
    # before sphinxext-opengraph (500), which keeps a description it finds
    app.connect("html-page-context", add_post_description, priority=400)
    # after sphinx-book-theme (500) has set the page's print title
    app.connect("html-page-context", titles.escape_print_title, priority=600)
    app.connect("env-get-outdated", stale.note_documents)
    app.connect("build-finished", stale.remove_stale_output)
    app.connect("build-finished", redirects.write_redirects)
    app.connect("build-finished", feeds.write_feeds)
    app.connect("build-finished", feeds.write_author_feeds)
    # after the documents, before the search index
    app.connect("html-collect-pages", laterpages.write_pages)
    app.connect("html-collect-pages", searchindex.prune_search_index)
    app.connect("build-finished", sitemap.write_sitemap, priority=800)
    app.connect("build-finished", interrupted.mark_finished, priority=900)  # the very last
    return {
        "version": __version__,
        "env_version": 6,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
