"""Links and dates as every builder needs them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.util.i18n import format_date

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.config import Config


def doc_uri(builder: Builder, fromdocname: str, docname: str) -> str | None:
    """The URI of *docname* from *fromdocname*, or ``None`` where the builder has none."""
    try:
        return builder.get_relative_uri(fromdocname, docname)
    except NoUri:
        return None


def link(
    builder: Builder, fromdocname: str, docname: str, text: str, classes: list[str] | None = None
) -> nodes.Node:
    """A reference to *docname* showing *text*, or just the text if it cannot link."""
    uri = doc_uri(builder, fromdocname, docname)
    if uri is None or docname not in builder.env.all_docs:
        return nodes.inline(text, text, classes=classes or [])
    return nodes.reference(text, text, internal=True, refuri=uri, classes=classes or [])


def format_day(day: dt.date, config: Config, fmt: str | None = None) -> str:
    """*day* in the site's language, never shifted through a time zone."""
    # a date (not a date-time) makes Babel format the calendar day as written
    return format_date(fmt or config.blog_date_format, date=day, language=config.language)  # type: ignore[arg-type]


def date_node(day: dt.date, config: Config) -> nodes.inline:
    text = format_day(day, config)
    return nodes.inline(text, text, classes=["blog-date"])
