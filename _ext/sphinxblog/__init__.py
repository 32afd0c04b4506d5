"""A blog from MyST posts: tag pages, a tag index and a chronological archive."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinxblog.book import extension as book
from sphinxblog.core import VERSION
from sphinxblog.migrate import oldlinks, summary
from sphinxblog.migrate.directives import (
    BlogAdmonition,
    BlogCode,
    BlogCodeGroup,
    BlogDiagram,
    BlogDropdown,
    BlogMark,
    TabsInSequence,
    add_mermaid_directive,
    depart_mark_html,
    mark,
    visit_mark_html,
)
from sphinxblog.migrate.translate import reread_for_lookups, translate_included, translate_post
from sphinxblog.outputs import (
    comments,
    copybuttons,
    feeds,
    laterpages,
    navigation,
    notfound,
    redirects,
    searchindex,
    sitemap,
    socialcards,
)  # fmt: skip
from sphinxblog.outputs.context import (
    add_blog_context,
    add_post_description,
    name_the_page,
    name_the_source,
    share_cover,
)
from sphinxblog.pages import diagrams, listings, mathml, postpage, rawhtml
from sphinxblog.pages.fill import fill_placeholders
from sphinxblog.reading import (
    config,
    gfm,
    headingslugs,
    i18n,
    lockbuild,
    notebooks,
    output,
    placeholders,
    scan,
    sourcelinks,
    sources,
    titles,
)
from sphinxblog.reading.codeblocks import CodeHighlightedAsFarAsItGoes
from sphinxblog.reading.collector import BlogCollector
from sphinxblog.reading.covers import CoverImage
from sphinxblog.reading.diagrams import diagram
from sphinxblog.reading.safety import (
    DropHttpEquiv,
    FilesOutsideTheSource,
    PostCSVTable,
    PostLiteralInclude,
    PostRaw,
    RawLatexInPosts,
    XmlSafeText,
    check_encodings,
    keep_from_myst,
    refuse_includes,
)
from sphinxblog.reading.termpages import sync_term_pages
from sphinxblog.reading.transitions import RulesAtEdges
from sphinxblog.rebuild import interrupted, stale
from sphinxblog.rebuild.updates import note_documents_read, pages_to_rewrite, save_shown

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

__version__ = VERSION

_HERE = Path(__file__).parent


def _add_assets(app: Sphinx, site_config: Config) -> None:
    # new lists, not append(): an unset option's value is the default list,
    # shared by every Sphinx application in the process
    site_config.templates_path = [*site_config.templates_path, str(_HERE / "templates")]
    site_config.html_static_path = [*site_config.html_static_path, str(_HERE / "static")]


_DIRECTIVES = {
    "postlist": listings.PostListDirective,
    "archive": listings.ArchiveDirective,
    "tagindex": listings.TagIndexDirective,
    "tagposts": listings.TagPostsDirective,
    "posttoctree": listings.PostTocTreeDirective,
    "feeds": listings.FeedLinksDirective,
    "authorposts": listings.AuthorPostsDirective,
    "authorindex": listings.AuthorIndexDirective,
    "seriesposts": listings.SeriesPostsDirective,
    "seriesindex": listings.SeriesIndexDirective,
    "blog-admonition": BlogAdmonition,
    "blog-dropdown": BlogDropdown,
    "blog-code": BlogCode,
    "blog-code-group": BlogCodeGroup,
    "blog-diagram": BlogDiagram,
}
_TRANSFORMS = (
    postpage.RemoveRepeatedTitle, postpage.OnePostOneTitle, rawhtml.ImagesFromRawHtml,
    rawhtml.EncodedImagePaths, rawhtml.FilesOfRawHtml, rawhtml.ImagesOnTheirLines,
    rawhtml.AnchorsInHeadings,
    titles.PostTitleAsText, titles.TagTitleAsWritten, XmlSafeText, DropHttpEquiv,
    FilesOutsideTheSource, RawLatexInPosts, RulesAtEdges, CodeHighlightedAsFarAsItGoes,
    gfm.GitHubMarkdown, notebooks.NotebookOutputs, CoverImage,
)  # fmt: skip
_POST_TRANSFORMS = (
    oldlinks.ResolveOldLinks, rawhtml.RemoteImagesAsLinks, rawhtml.UnreadableImagesAsText,
    rawhtml.FilesOfRawHtmlCopied,
    rawhtml.RawHtmlAsXhtml,
    rawhtml.RawHtmlForLatex, TabsInSequence, gfm.AlignedColumnsInThePdf,
)  # fmt: skip

#: every event handler, with its priority, in the order of a build
_HANDLERS: tuple[tuple[str, Callable[..., Any], int], ...] = (
    # before Sphinx loads the saved environment: one build at a time
    ("config-inited", lockbuild.take_lock, 100),
    ("config-inited", config.check_config, 500),
    ("config-inited", comments.check_comments, 500),
    ("config-inited", config.share_site_address, 500),
    ("config-inited", config.exclude_environments, 500),
    ("config-inited", sourcelinks.exclude_unsafe_links, 500),
    ("config-inited", _add_assets, 500),
    ("config-inited", i18n.load_catalogs, 500),
    ("config-inited", oldlinks.set_heading_anchors, 500),
    ("config-inited", headingslugs.use_numbered_slugs, 500),
    # after Sphinx has made source_suffix a mapping (800)
    ("config-inited", sources.add_markdown_suffixes, 900),
    ("config-inited", gfm.handle_struck_text, 500),
    ("config-inited", add_mermaid_directive, 500),
    ("config-inited", notebooks.read_notebooks_as_posts, 500),
    ("config-inited", sources.exclude_unsafe_names, 900),
    # before reading: the posts scanned once, the generated pages written
    ("builder-inited", sources.name_documents_safely, 300),
    ("builder-inited", output.describe_output, 400),
    # after MyST-NB has made its settings (500)
    ("builder-inited", notebooks.keep_files_with_doctrees, 600),
    ("builder-inited", notebooks.copy_notebook_style, 600),
    ("builder-inited", scan.load_profiles, 500),
    ("builder-inited", scan.load_tag_info, 500),
    ("builder-inited", scan.scan_posts, 500),
    ("builder-inited", scan.check_book_series, 550),
    ("builder-inited", sync_term_pages, 500),
    ("builder-inited", sources.warn_unread_files, 500),
    ("builder-inited", copybuttons.label_copy_buttons, 500),
    ("env-get-outdated", scan.reread_for_profiles, 500),
    ("env-get-outdated", scan.reread_post_toctrees, 500),
    ("env-get-outdated", reread_for_lookups, 500),
    ("env-get-outdated", stale.note_documents, 500),
    ("env-before-read-docs", check_encodings, 500),
    # after any handler that changes the list
    ("env-before-read-docs", note_documents_read, 900),
    # reading: the header for MyST, then other generators' body markup
    ("source-read", headingslugs.start_document, 400),
    ("source-read", keep_from_myst, 500),
    ("source-read", notebooks.notebook_for_myst_nb, 550),
    ("include-read", refuse_includes, 500),
    ("include-read", translate_included, 600),
    ("source-read", translate_post, 600),
    ("doctree-read", postpage.add_post_placeholders, 500),
    ("env-updated", scan.refresh_catalog, 500),
    ("env-check-consistency", sources.warn_unincluded_partials, 500),
    ("env-updated", book.add_posts_to_epub, 500),
    ("env-updated", book.leave_author_pages_out_of_epub, 500),
    # once the catalog has the posts as read
    ("env-updated", socialcards.start_drawing_cards, 600),
    ("env-updated", navigation.forget_navigation, 500),
    # which pages to write: a stopped build's are all written again
    ("env-get-updated", interrupted.check_previous_build, 400),
    ("env-get-updated", pages_to_rewrite, 500),
    ("env-get-updated", searchindex.repair_search_index, 500),
    # writing
    ("doctree-resolved", fill_placeholders, 500),
    # before sphinxext-opengraph (500), which keeps a description it finds
    ("html-page-context", name_the_page, 400),
    ("html-page-context", name_the_source, 400),
    ("html-page-context", add_post_description, 400),
    ("html-page-context", share_cover, 400),
    # before the theme (500) renders its sidebar
    ("html-page-context", navigation.share_navigation, 400),
    ("html-page-context", add_blog_context, 500),
    ("html-page-context", diagrams.load_mermaid, 500),
    ("html-page-context", notfound.anchor_not_found_page, 500),
    ("html-page-context", comments.add_comments, 500),
    # after sphinx-book-theme (500) has set the page's print title
    ("html-page-context", titles.escape_print_title, 600),
    # after the documents, before the search index
    ("html-collect-pages", laterpages.write_pages, 500),
    ("html-collect-pages", notfound.write_not_found_page, 500),
    ("html-collect-pages", searchindex.prune_search_index, 500),
    # before what is stale is removed: a card is drawn into a file of its own first
    ("build-finished", socialcards.finish_drawing_cards, 400),
    ("build-finished", stale.remove_stale_output, 500),
    ("build-finished", searchindex.prune_inventory, 500),
    ("build-finished", redirects.write_redirects, 500),
    ("build-finished", feeds.write_feeds, 500),
    ("build-finished", feeds.write_term_feeds, 500),
    ("build-finished", feeds.write_language_feeds, 500),
    ("build-finished", sitemap.write_sitemap, 800),
    ("build-finished", sitemap.write_robots, 800),
    ("build-finished", summary.report_moving_in, 800),
    ("build-finished", save_shown, 850),
    ("build-finished", interrupted.mark_finished, 900),
    ("build-finished", lockbuild.release_lock, 1000),  # the very last
)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("sphinx_design")
    app.setup_extension("sphinxblog.book.extension")
    config.add_config_values(app)
    notebooks.load_myst_nb(app)
    notebooks.read_text_notebooks(app)
    for node in placeholders.NODES:
        app.add_node(node)
    for name, directive in _DIRECTIVES.items():
        app.add_directive(name, directive)
    app.add_directive("literalinclude", PostLiteralInclude, override=True)
    app.add_directive("csv-table", PostCSVTable, override=True)
    app.add_directive("raw", PostRaw, override=True)
    app.add_role("blog-mark", BlogMark())
    mathml.label_amsmath_by_place()
    app.add_html_math_renderer(
        "mathml", (mathml.visit_math_html, None), (mathml.visit_displaymath_html, None)
    )
    # by format: every builder of HTML (the ePub's too) finds it under "html"
    app.add_node(mark, html=(visit_mark_html, depart_mark_html))
    # elsewhere a figure: Sphinx's translators look a node up by its classes in turn
    app.add_node(
        diagram,
        html=(diagrams.visit_diagram_html, diagrams.depart_diagram_html),
    )
    app.add_node(
        gfm.struck,
        html=(gfm.visit_struck_html, gfm.depart_struck_html),
        latex=(gfm.visit_struck_latex, gfm.depart_struck_latex),
    )
    for transform in _TRANSFORMS:
        app.add_transform(transform)
    for post_transform in _POST_TRANSFORMS:
        app.add_post_transform(post_transform)
    app.add_env_collector(BlogCollector)
    app.add_css_file("sphinxblog.css")
    for event, handler, priority in _HANDLERS:
        app.connect(event, handler, priority=priority)
    return {
        "version": __version__,
        "env_version": 13,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
