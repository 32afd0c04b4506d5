"""Rendering views into nodes: the one place that draws what a page shows of other posts.

Each renderer takes a view (:mod:`sphinxblog.pages.views`) and the builder,
never the catalog: what it draws is exactly what the view holds, and so
what :mod:`sphinxblog.rebuild.updates` compared to decide which pages to
write again.  Links go through the builder (:func:`~sphinxblog.reading.links.link`),
so html, dirhtml, singlehtml, ePub and LaTeX all link right.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.locale import get_translation

from sphinxblog.core.language import language_class, same_language, site_language
from sphinxblog.core.translations import language_name
from sphinxblog.core.urls import safe_link
from sphinxblog.pages.pagination import page_name, pager
from sphinxblog.pages.views import (
    ArchiveView,
    FooterView,
    HeaderView,
    PostsView,
    SeriesBox,
    TermIndexView,
    TermItem,
    TermPostsView,
)
from sphinxblog.reading.addresses import (
    AUTHORS_FOLDER,
    SERIES_FOLDER,
    SITE_FEEDS,
    author_feed_path,
    relative_path,
    series_feed_path,
    tag_feed_path,
)
from sphinxblog.reading.config import tags_folder
from sphinxblog.reading.links import (
    NO_SEARCH,
    date_node,
    format_day,
    link,
    month_name,
    reading_time_node,
)
from sphinxblog.reading.output import output_of
from sphinxblog.reading.placeholders import ListStyle
from sphinxblog.reading.termpages import authors_title

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from sphinx.builders import Builder

    from sphinxblog.pages.views import Byline, Item, Profile, View

_ = get_translation("sphinxblog")

# sphinx-design's badge classes: themed, with dark-mode variants
_TAG_BADGE = ["sd-sphinx-override", "sd-badge", "sd-outline-primary", "sd-text-primary", "blog-tag"]
_PINNED_BADGE = [
    "sd-sphinx-override", "sd-badge", "sd-bg-info", "sd-bg-text-info", "blog-pinned-badge",
]  # fmt: skip
_DRAFT_BADGE = [
    "sd-sphinx-override", "sd-badge", "sd-bg-warning", "sd-bg-text-warning", "blog-draft",
]  # fmt: skip


# --- posts ---------------------------------------------------------------------------------


def _own_language(language: str, around: str) -> list[str]:
    """The class marking a title or summary in *language* where the text *around*
    it is in another."""
    if not language or same_language(language, around):
        return []
    return [language_class(language)]


def post_link(builder: Builder, fromdocname: str, shown: Item, around: str) -> nodes.Node:
    """A link to a post showing its title, marked with its language unless that is
    the language *around* it."""
    classes = ["blog-post-title", *_own_language(shown.language, around)]
    return link(builder, fromdocname, shown.docname, shown.title, classes)


def post_items(
    builder: Builder,
    fromdocname: str,
    shown: Iterable[Item],
    around: str,
    *,
    numbered: bool = False,
    style: ListStyle | None = None,
) -> nodes.Element:
    """A list of posts, each with its date, a link to it, its reading time (and summary);
    *numbered* for the parts of a series; a ``{postlist}``'s *style* for its date
    format, ABlog's line format, a "read more" link, a list style and pinned posts."""
    style = style or ListStyle()
    result: nodes.Element = (
        nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
        if numbered
        else nodes.bullet_list()
    )
    result["classes"] += ["blog-postlist", NO_SEARCH]
    if style.list_style:
        result["classes"].append(f"blog-list-{style.list_style}")
    if style.images:
        result["classes"].append("blog-cards")
    for entry in shown:
        if style.template:
            paragraph = _formatted_line(builder, fromdocname, entry, around, style)
        else:
            paragraph = _post_line(builder, fromdocname, entry, around, style.date_format)
        if entry.pinned:
            paragraph.insert(0, nodes.inline(_("Pinned"), _("Pinned"), classes=_PINNED_BADGE))
            paragraph.insert(1, nodes.Text(" "))
        list_item = nodes.list_item("", paragraph, classes=["blog-pinned"] if entry.pinned else [])
        if entry.image:
            list_item.insert(0, _card_image(entry))
        if entry.summary:
            classes = ["blog-summary", *_own_language(entry.language, around)]
            list_item += nodes.paragraph(entry.summary, entry.summary, classes=classes)
            if style.expand:
                more = link(builder, fromdocname, entry.docname, style.expand, ["blog-more"])
                list_item += nodes.paragraph("", "", more, classes=["blog-more-line"])
        result += list_item
    return result


def _card_image(entry: Item) -> nodes.image:
    """A post's cover in a card: the picture the post shows (the builder copies it once
    for both), loaded only as the reader scrolls to it."""
    # as Sphinx's image collector leaves a picture named from the source folder's root
    image = nodes.image(uri=entry.image, alt=entry.image_alt, classes=["blog-card-image"])
    image["candidates"] = {"*": entry.image}
    image["loading"] = "lazy"
    return image


def _post_line(
    builder: Builder, fromdocname: str, entry: Item, around: str, date_format: str = ""
) -> nodes.paragraph:
    """The blog's line of a post: its date, a link to it and its reading time."""
    paragraph = nodes.paragraph()
    if entry.day is not None:
        paragraph += [date_node(entry.day, builder.config, date_format), nodes.Text(" ")]
    paragraph += post_link(builder, fromdocname, entry, around)
    if entry.minutes:
        paragraph += [nodes.Text(" "), reading_time_node(entry.minutes)]
    return paragraph


_PLACEHOLDER = re.compile(r"\{(title|date|author|tags|category|language|location)\}")


def _formatted_line(
    builder: Builder, fromdocname: str, entry: Item, around: str, style: ListStyle
) -> nodes.paragraph:
    """A post's line as ABlog's ``:format:`` writes it (``{title} - {date}``): the title
    a link, the date in the list's format, the rest text; what is not a placeholder
    stays as written."""
    details = dict(entry.details)
    paragraph = nodes.paragraph()
    at = 0
    for match in _PLACEHOLDER.finditer(style.template):
        if match.start() > at:
            paragraph += nodes.Text(style.template[at : match.start()])
        name = match[1]
        if name == "title":
            paragraph += post_link(builder, fromdocname, entry, around)
        elif name == "date":
            if entry.day is not None:
                paragraph += date_node(entry.day, builder.config, style.date_format)
        elif details.get(name):
            paragraph += nodes.inline(details[name], details[name], classes=[f"blog-{name}"])
        at = match.end()
    if at < len(style.template):
        paragraph += nodes.Text(style.template[at:])
    return paragraph


def _empty(text: str) -> list[nodes.Node]:
    return [nodes.paragraph(text=text, classes=["blog-empty"])]


def _with_pager(
    result: list[nodes.Node], builder: Builder, fromdocname: str, view: PostsView | TermPostsView
) -> list[nodes.Node]:
    return [*result, pager(builder, fromdocname, view.page)] if view.page.count > 1 else result


def _posts(view: PostsView, builder: Builder, fromdocname: str, around: str) -> list[nodes.Node]:
    if not view.items:
        return _empty(_("No posts yet."))
    listing = post_items(builder, fromdocname, view.items, around, style=view.style)
    return _with_pager([listing], builder, fromdocname, view)


def _archive(
    view: ArchiveView, builder: Builder, fromdocname: str, around: str
) -> list[nodes.Node]:
    if view.empty:
        return _empty(_("No posts yet."))
    config, page = builder.config, view.page
    # each year links to where it starts: on this page, or on another one
    year_links = nodes.paragraph(classes=["blog-archive-years"])
    for year, number in view.years:
        if number == page.number:
            reference = nodes.reference(str(year), str(year), internal=True, refid=f"year-{year}")
        else:
            uri = builder.get_relative_uri(fromdocname, page_name(page.docname, number))
            reference = nodes.reference(str(year), str(year), refuri=f"{uri}#year-{year}")
        year_links += [reference, nodes.Text(" ")]
    sections: list[nodes.Node] = []
    for year, months in view.months:
        year_section = nodes.section(ids=[f"year-{year}"], classes=["blog-archive-year"])
        year_section += nodes.title(str(year), str(year))
        for first_day, shown in months:
            heading = month_name(first_day, config)
            month_section = nodes.section(
                ids=[f"month-{year}-{first_day.month:02}"], classes=["blog-archive-month"]
            )
            month_section += nodes.title(heading, heading)
            month_section += post_items(builder, fromdocname, shown, around)
            year_section += month_section
        sections.append(year_section)
    if view.undated:
        section = nodes.section(ids=["undated"], classes=["blog-archive-undated"])
        section += nodes.title(_("Undated"), _("Undated"))
        section += post_items(builder, fromdocname, view.undated, around)
        sections.append(section)
    if page.count > 1:
        sections.append(pager(builder, fromdocname, page))
    return [year_links, *sections]


# --- tags, series and authors --------------------------------------------------------------

#: each taxonomy's word in class names and anchors
_KIND = {"tags": "tag", "authors": "author", "series": "series"}


def _term_docname(builder: Builder, taxonomy: str) -> str:
    folders = {"tags": tags_folder(builder.config), "series": SERIES_FOLDER}
    return folders.get(taxonomy, AUTHORS_FOLDER)


def term_link(
    builder: Builder, fromdocname: str, taxonomy: str, term: TermItem, classes: list[str]
) -> nodes.Node:
    """A link to *term*: its own page, or its section of the index in a book (a
    series, whose posts are consecutive chapters there, is named alone)."""
    folder = _term_docname(builder, taxonomy)
    if output_of(builder).pages:
        return link(builder, fromdocname, f"{folder}/{term.slug}", term.name, classes)
    if taxonomy == "series":
        return nodes.inline(term.name, term.name, classes=classes)
    anchor = f"{_KIND[taxonomy]}-{term.slug}"
    return link(builder, fromdocname, f"{folder}/index", term.name, classes, anchor)


def avatar_node(avatar: str, builder: Builder) -> nodes.image | None:
    """A local avatar, in HTML and ePub pages; decorative (the name is beside it)."""
    if not avatar or not output_of(builder).html:
        return None
    return nodes.image(uri=avatar, candidates={"*": avatar}, alt="", classes=["blog-avatar"])


def profile_items(shown: Profile, builder: Builder, *, avatar: bool = True) -> list[nodes.Node]:
    """Avatar, title and link of an author, each where the author has it."""
    result: list[nodes.Node] = []
    image = avatar_node(shown.avatar, builder) if avatar else None
    if image is not None:
        result += [image, nodes.Text(" ")]
    if shown.title:
        result += [nodes.inline(shown.title, shown.title, classes=["blog-author-title"])]
    if shown.url and safe_link(shown.url):  # checked when read; stored ones too
        text = shown.url.split("://", 1)[-1].rstrip("/")
        if result:
            result.append(nodes.Text(" · "))
        result.append(nodes.reference(text, text, refuri=shown.url, classes=["blog-author-url"]))
    return result


def _profile_paragraph(shown: Profile | None, builder: Builder) -> list[nodes.Node]:
    found = profile_items(shown, builder) if shown else []
    return [nodes.paragraph("", "", *found, classes=["blog-author-profile"])] if found else []


def _term_index(
    view: TermIndexView, builder: Builder, fromdocname: str, around: str
) -> list[nodes.Node]:
    kind = _KIND[view.taxonomy]
    if not view.terms:
        empty = {"tag": _("No tags yet."), "series": _("No series yet.")}
        return _empty(empty.get(kind, _("No posts yet.")))
    result = nodes.bullet_list(classes=[f"blog-{kind}index", NO_SEARCH])
    for term in view.terms:
        paragraph = nodes.paragraph()
        paragraph += term_link(builder, fromdocname, view.taxonomy, term, [f"blog-{kind}"])
        count = str(term.count)
        paragraph += [nodes.Text(" "), nodes.inline(count, count, classes=["blog-tag-count"])]
        result += nodes.list_item("", paragraph)
    # a book has no page per term: each term's posts follow, under its own heading
    sections = []
    for term, shown_profile, shown in view.sections:
        section = nodes.section(ids=[f"{kind}-{term.slug}"], classes=[f"blog-{kind}-section"])
        section += nodes.title(term.name, term.name)
        section += _profile_paragraph(shown_profile, builder)
        section += post_items(builder, fromdocname, shown, around)
        sections.append(section)
    return [result, *sections]


def _count_text(count: int) -> str:
    return _("%d posts") % count if count != 1 else _("1 post")


def _term_posts(
    view: TermPostsView, builder: Builder, fromdocname: str, around: str
) -> list[nodes.Node]:
    tags, term = view.taxonomy == "tags", view.term
    if term is None or not view.items:
        return _empty(_("No posts have this tag.") if tags else _("No posts yet."))
    authors = view.taxonomy == "authors"
    result: list[nodes.Node] = _profile_paragraph(view.profile, builder) if authors else []
    count = nodes.paragraph(classes=["blog-tag-summary", NO_SEARCH])
    if term.count:  # a tag's first page only: later pages change only where posts moved
        count += [nodes.Text(_count_text(term.count)), nodes.Text(" · ")]
    if tags:
        index, label, css = f"{tags_folder(builder.config)}/index", _("All tags"), "blog-all-tags"
        feed = tag_feed_path(builder.config, term.slug)
    elif authors:
        index, label = f"{AUTHORS_FOLDER}/index", authors_title(builder.config.language)
        css, feed = "blog-all-authors", author_feed_path(term.slug)
    else:
        index, label = f"{SERIES_FOLDER}/index", _("All series")
        css, feed = "blog-all-series", series_feed_path(term.slug)
    count += link(builder, fromdocname, index, label, [css])
    if view.feed:
        uri, text = relative_path(builder, fromdocname, feed), _("Atom feed")
        count += [nodes.Text(" · "), nodes.reference(text, text, refuri=uri, classes=["blog-feed"])]
    numbered = view.taxonomy == "series"
    result += [count, post_items(builder, fromdocname, view.items, around, numbered=numbered)]
    return _with_pager(result, builder, fromdocname, view)


# --- a post's header and footer ------------------------------------------------------------


def _site_language(builder: Builder, language: str) -> list[str]:
    """The class that gives back the site's language to the blog's own words
    (dates, labels) inside a post in another language."""
    return [language_class(site_language(builder.config.language))] if language else []


def byline(authors: tuple[Byline, ...], builder: Builder, fromdocname: str) -> nodes.inline:
    """ "By …" on a post: each author's avatar, name (linked to their page) and title."""
    before, _mark, after = _("By %s").partition("%s")
    result = nodes.inline(classes=["blog-authors"])
    result += nodes.Text(before)
    for index, author in enumerate(authors):
        if index:
            result += nodes.Text(", ")
        avatar = avatar_node(author.profile.avatar, builder)
        if avatar is not None:
            result += [avatar, nodes.Text(" ")]
        if author.slug:
            term = TermItem(author.name, author.slug)
            result += term_link(builder, fromdocname, "authors", term, ["blog-author"])
        else:
            result += nodes.inline(author.name, author.name, classes=["blog-author"])
        details = profile_items(author.profile, builder, avatar=False)
        if details:
            result += [nodes.Text(" ("), *details, nodes.Text(")")]
    result += nodes.Text(after)
    return result


def _header(view: HeaderView, builder: Builder, fromdocname: str, around: str) -> list[nodes.Node]:
    config = builder.config
    shown: list[nodes.Node] = []
    if view.draft:
        shown.append(nodes.inline(_("Draft"), _("Draft"), classes=_DRAFT_BADGE))
    if view.day is not None:
        shown.append(date_node(view.day, config))
    if view.updated is not None:
        updated = _("Updated %s") % format_day(view.updated, config)
        shown.append(nodes.inline(updated, updated, classes=["blog-updated", NO_SEARCH]))
    if view.authors:
        shown.append(byline(view.authors, builder, fromdocname))
    if view.minutes:
        shown.append(reading_time_node(view.minutes))
    if view.tags:
        badges = nodes.inline(classes=["blog-post-tags"])
        for name, term in view.tags:
            if term is None:  # a tag only drafts use has no page yet
                badges += nodes.inline(name, name, classes=list(_TAG_BADGE))
            else:
                badges += term_link(builder, fromdocname, "tags", term, list(_TAG_BADGE))
            badges += nodes.Text(" ")
        shown.append(badges)
    meta = nodes.paragraph(classes=["blog-post-meta", *_site_language(builder, view.language)])
    for entry in shown:
        meta += [entry, nodes.Text(" ")]
    boxes = [_series_box(box, builder, fromdocname, view.language) for box in view.series]
    versions = [_versions(view.versions, builder, fromdocname, view.language)]
    return [meta, *(versions if view.versions else ()), *boxes]


def _versions(
    shown: tuple[Item, ...], builder: Builder, fromdocname: str, language: str
) -> nodes.Node:
    """ "Also in: Қазақ тілі · English": the post's story in other languages, each named
    in its own language (and marked as in it), as readers look for their own."""
    result = nodes.paragraph(
        classes=["blog-translations", NO_SEARCH, *_site_language(builder, language)]
    )
    label = _("Also in:")
    result += nodes.inline(label, label, classes=["blog-translations-label"])
    result += nodes.Text(" ")
    for index, version in enumerate(shown):
        if index:
            result += nodes.Text(" · ")
        name = language_name(version.language)
        classes = ["blog-translation", language_class(version.language)]
        result += link(builder, fromdocname, version.docname, name, classes)
    return result


def _series_box(box: SeriesBox, builder: Builder, fromdocname: str, language: str) -> nodes.Node:
    """ "Part 2 of 4" of a series: its posts in order, this one marked, and the posts
    before and after this one in the series."""
    site = site_language(builder.config.language)
    result = nodes.container(classes=["blog-series", NO_SEARCH, *_site_language(builder, language)])
    part = _("Part %(part)d of %(count)d") % {"part": box.at + 1, "count": len(box.items)}
    heading = nodes.paragraph(classes=["blog-series-heading"])
    heading += nodes.strong(part, part)
    heading += nodes.Text(" · ")
    heading += term_link(builder, fromdocname, "series", box.series, ["blog-series-name"])
    result += heading
    parts = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
    for index, shown in enumerate(box.items):
        if index == box.at:
            here = nodes.strong(shown.title, shown.title, classes=["blog-series-current"])
            paragraph = nodes.paragraph("", "", here)
        else:
            paragraph = nodes.paragraph("", "", post_link(builder, fromdocname, shown, site))
        parts += nodes.list_item("", paragraph)
    result += parts
    steps = nodes.paragraph(classes=["blog-series-nav"])
    for neighbour, label, css_class in (
        (box.previous, _("Previous in the series:"), "blog-series-previous"),
        (box.next, _("Next in the series:"), "blog-series-next"),
    ):
        if neighbour is not None:
            step = nodes.inline(classes=[css_class])
            step += [nodes.Text(label + " "), post_link(builder, fromdocname, neighbour, site)]
            steps += [step, nodes.Text(" ")]
    if steps.children:
        result += steps
    return result


def _footer(view: FooterView, builder: Builder, fromdocname: str, around: str) -> list[nodes.Node]:
    # the footer is in the site's language, whatever the post's
    language = _site_language(builder, view.language)
    site = site_language(builder.config.language)
    result: list[nodes.Node] = []
    if view.related:
        # a rubric, not a section: it must not join the page's table of contents
        box = nodes.container(classes=["blog-related", NO_SEARCH, *language])
        box += nodes.rubric(_("Related posts"), _("Related posts"))
        box += post_items(builder, fromdocname, view.related, site)
        result.append(box)
    if view.newer is None and view.older is None:
        return result
    navigation = nodes.container(classes=["blog-post-nav", NO_SEARCH, *language])
    for shown, label, css_class in (
        (view.older, _("Older"), "blog-older"),
        (view.newer, _("Newer"), "blog-newer"),
    ):
        if shown is None:
            continue
        paragraph = nodes.paragraph(classes=[css_class])
        paragraph += nodes.inline(label, label, classes=["blog-nav-label"])
        paragraph += nodes.Text(" ")
        paragraph += post_link(builder, fromdocname, shown, site)
        navigation += paragraph
    return [*result, navigation]


def feed_links(builder: Builder, fromdocname: str) -> list[nodes.Node]:
    """``{feeds}``: links to the site's feeds, in output that has them."""
    if not output_of(builder).feeds:
        return []
    names = {"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}
    paragraph = nodes.paragraph(classes=["blog-feeds", NO_SEARCH])
    paragraph += nodes.Text(_("Subscribe:") + " ")
    for kind in (kind for kind in SITE_FEEDS if kind in builder.config.blog_feeds):
        uri = relative_path(builder, fromdocname, SITE_FEEDS[kind])
        paragraph += nodes.reference(names[kind], names[kind], refuri=uri, classes=["blog-feed"])
        paragraph += nodes.Text(" ")
    return [paragraph]


#: the renderer of each kind of view
RENDERERS: dict[type, Callable[..., list[nodes.Node]]] = {
    PostsView: _posts,
    ArchiveView: _archive,
    TermIndexView: _term_index,
    TermPostsView: _term_posts,
    HeaderView: _header,
    FooterView: _footer,
}


def render(view: View | None, builder: Builder, fromdocname: str, around: str) -> list[nodes.Node]:
    """The nodes showing *view* on the page *fromdocname*, in text whose language is *around*."""
    if view is None:
        return []
    return RENDERERS[type(view)](view, builder, fromdocname, around)
