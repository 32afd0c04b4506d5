"""Links and dates as every builder needs them."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING

import babel
import babel.dates
from docutils import nodes
from sphinx.errors import NoUri
from sphinx.locale import get_translation
from sphinx.util.i18n import format_date

from sphinxblog.reading.output import output_of

_ = get_translation("sphinxblog")

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment


#: Sphinx's search index skips elements of this class: a page is found by its own
#: words, not by the titles, dates and reading times of the posts it lists
NO_SEARCH = "no-search"


def doc_uri(builder: Builder, fromdocname: str, docname: str) -> str | None:
    """The URI of *docname* from *fromdocname*, or ``None`` where the builder has none
    (in a single page, a document the page does not hold)."""
    if output_of(builder).single_page and docname not in _single_page_docs(builder):
        return None
    try:
        return builder.get_relative_uri(fromdocname, docname)
    except NoUri:
        return None


def reachable(env: BuildEnvironment, start: str) -> set[str]:
    """The documents in the toctrees under *start* (hidden ones too), and *start*."""
    found, queue = set(), [start]
    while queue:
        docname = queue.pop()
        if docname not in found:
            found.add(docname)
            queue.extend(env.toctree_includes.get(docname, ()))
    return found


def _single_page_docs(builder: Builder) -> set[str]:
    """The documents a single-page builder includes: the root and its toctrees."""
    return reachable(builder.env, builder.config.root_doc)


def link(
    builder: Builder,
    fromdocname: str,
    docname: str,
    text: str,
    classes: list[str] | None = None,
    anchor: str = "",
) -> nodes.Node:
    """A reference to *docname* (at *anchor*) showing *text*, or the text alone
    where the output has no such page."""
    classes = classes or []
    uri = doc_uri(builder, fromdocname, docname)
    if uri is None or docname not in builder.env.all_docs:
        return nodes.inline(text, text, classes=classes)
    if anchor:
        # single-page builders answer "#document-..."; the anchor alone is the target
        uri = f"#{anchor}" if uri.startswith("#") else f"{uri}#{anchor}"
    return nodes.reference(text, text, internal=True, refuri=uri, classes=classes)


def format_day(day: dt.date, config: Config) -> str:
    """*day* in the site's language, never shifted through a time zone.

    ``blog_date_format`` (``strftime`` codes) if set, else the language's own
    medium form: "Jun 18, 2019", "2019 ж. 18 мау.".
    """
    return _format_day(day, config.blog_date_format, config.language)


def month_name(day: dt.date, config: Config) -> str:
    """The name of *day*'s month as a heading: "June", "Маусым" (not "июня")."""
    return _format_day(day, "", config.language, pattern="LLLL").capitalize()


@functools.lru_cache(maxsize=4096)
def _format_day(day: dt.date, fmt: str, language: str, pattern: str = "medium") -> str:
    # Babel is slow, and a listing shows each day many times over
    # a date (not a date-time) makes Babel format the calendar day as written
    if fmt:
        return format_date(fmt, date=day, language=language)  # type: ignore[arg-type]
    try:
        locale = babel.Locale.parse(language or "en")
    except (ValueError, babel.UnknownLocaleError):
        locale = babel.Locale("en")  # Sphinx falls back to English dates too
    return babel.dates.format_date(day, pattern, locale=locale)


def reading_time_node(minutes: int) -> nodes.inline:
    """ "3 min read": a post's reading time, at least a minute."""
    text = _("%d min read") % minutes
    return nodes.inline(text, text, classes=["blog-reading-time", NO_SEARCH])


def date_node(day: dt.date, config: Config, date_format: str = "") -> nodes.inline:
    """*day* as :func:`format_day` gives it, or in *date_format* (``strftime`` codes)."""
    if date_format:
        text = _format_day(day, date_format, config.language)
    else:
        text = format_day(day, config)
    return nodes.inline(text, text, classes=["blog-date", NO_SEARCH])


#: a heading's permalink (a pilcrow), as Sphinx's HTML writers render it
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)


def without_permalinks(fragment: str) -> str:
    """Rendered HTML without its headings' permalinks: where the page is not at its
    own address (a feed reader, the 404 page's ``<base>``), ``#id`` leads elsewhere."""
    return _PERMALINK.sub("", fragment)
