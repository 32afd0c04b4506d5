"""The extension's settings: declared once, checked once, and read through small helpers.

Every setting is a row of :data:`SETTINGS`: its name, default, what a change
makes Sphinx redo, the types it takes, and its check. A check is given the
setting's name and value and returns the value to use; where that is not the
value given, it says why in a ``blog.config`` warning (:class:`Fallback`).
:func:`add_config_values` registers every row and :func:`check_config`, at
``config-inited``, runs every check.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal, TypedDict
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sphinx.util import logging

from sphinxblog.core.language import site_language

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

#: set to 1 (or true, yes) to list drafts in a preview build
DRAFTS_VARIABLE = "BLOG_DRAFTS"
FUTURE_POLICIES = ("hold", "publish")
FEED_FORMATS = ("atom", "rss", "json")
#: the placeholders of blog_old_url_patterns (Jekyll's and Hugo's spellings)
OLD_URL_PLACEHOLDERS = frozenset({
    "year", "short_year", "month", "i_month", "day", "i_day", "slug", "title", "section",
    "output_ext",
})  # fmt: skip


@dataclass(frozen=True)
class Fallback:
    """A check that keeps a value *accepts* accepts; else it warns ``<name> <value>
    must be <expected>; using <using>`` and gives what *instead* makes of the value."""

    accepts: Callable[[Any], bool]
    expected: str
    using: str
    instead: Callable[[Any], Any]

    def __call__(self, name: str, value: Any) -> Any:
        if self.accepts(value):
            return value
        logger.warning(
            "%s %r must be %s; using %s", name, value, self.expected, self.using,
            type="blog", subtype="config",
        )  # fmt: skip
        return self.instead(value)


@dataclass(frozen=True)
class Setting:
    """One setting: how Sphinx registers it and how the blog checks it."""

    name: str
    default: Any
    #: "env" where reading the sources depends on it, "html" for output only,
    #: and "" where the posts are read the same and only the listings change:
    #: the extension itself rewrites the pages that show them
    rebuild: Literal["env", "html", ""]
    types: frozenset[type]
    #: the setting's name and value -> the value to use (see the module's docstring)
    check: Callable[[str, Any], Any] | None = None


def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _inside_source(folder: str) -> bool:
    path = PurePosixPath(folder)
    return not (path.is_absolute() or not path.parts or ".." in path.parts)


def _drafts_from_environment(name: str, value: Any) -> Any:
    """Drafts are listed where the environment says so, whatever ``conf.py`` says."""
    if os.environ.get(DRAFTS_VARIABLE, "").strip().lower() in {"1", "true", "yes", "on"}:
        return True
    return value


def _known_placeholders(name: str, patterns: Any) -> Any:
    """Patterns are kept as they are; a placeholder the blog does not know is named."""
    for pattern in patterns:
        names = set(re.findall(r":([A-Za-z_]+)", str(pattern))) - OLD_URL_PLACEHOLDERS
        if names:
            logger.warning(
                "%s: %r has %s, which the blog does not know (it knows :%s); that pattern "
                "gives no old addresses",
                name, pattern, ", ".join(f":{found}" for found in sorted(names)),
                ", :".join(sorted(OLD_URL_PLACEHOLDERS)), type="blog", subtype="config",
            )  # fmt: skip
    return patterns


SETTINGS: tuple[Setting, ...] = (
    Setting("blog_post_pattern", ["posts/**"], "env", frozenset({list, tuple, str})),
    Setting("blog_tags_folder", "tags", "env", frozenset({str}), Fallback(
        _inside_source, "a folder inside the source directory", "'tags'", lambda _: "tags",
    )),
    Setting("blog_tag_index_title", "", "env", frozenset({str})),
    Setting("blog_tag_page_summaries", True, "env", frozenset({bool})),
    Setting("blog_authors_file", "", "env", frozenset({str})),
    # what tags are about: Docusaurus' tags.yml, and descriptions in conf.py
    Setting("blog_tags_file", "", "env", frozenset({str})),
    Setting("blog_tag_descriptions", {}, "env", frozenset({dict})),
    Setting("blog_date_format", "", "html", frozenset({str})),
    Setting("blog_sidebar_posts", 5, "html", frozenset({int})),
    Setting("blog_timezone", "", "env", frozenset({str}), Fallback(
        lambda name: not name or _zone(name) is not None,
        "a time zone name such as 'Asia/Almaty'", "none", lambda _: "",
    )),
    Setting("blog_drafts", False, "", frozenset({bool}), _drafts_from_environment),
    Setting("blog_future_posts", "hold", "", frozenset({str}), Fallback(
        lambda policy: policy in FUTURE_POLICIES,
        f"one of {', '.join(FUTURE_POLICIES)}", "hold", lambda _: "hold",
    )),
    Setting("blog_feeds", ["atom", "rss", "json"], "html", frozenset({list}), Fallback(
        lambda kinds: all(kind in FEED_FORMATS for kind in kinds),
        f"a list of {', '.join(FEED_FORMATS)}", "the others",
        lambda kinds: [kind for kind in kinds if kind in FEED_FORMATS],
    )),
    Setting("blog_tag_feeds", True, "html", frozenset({bool})),
    Setting("blog_feed_length", 20, "html", frozenset({int})),
    Setting("blog_feed_fulltext", False, "html", frozenset({bool})),
    Setting("blog_related_posts", 3, "html", frozenset({int})),
    Setting("blog_page_size", 20, "html", frozenset({int})),
    Setting("blog_words_per_minute", 200, "html", frozenset({int})),
    # the old site's address, for links by old URLs that match no post here
    Setting("blog_old_site_url", "", "html", frozenset({str})),
    Setting("blog_old_url_patterns", [], "env", frozenset({list, tuple}), _known_placeholders),
    # a page for addresses that lead nowhere (404.html), unless the site has its own
    Setting("blog_not_found_page", True, "html", frozenset({bool})),
    # comments under posts, loaded when a reader asks (see outputs/comments.py)
    Setting("blog_comments", {}, "html", frozenset({dict})),
    # a picture for shared links to posts without a cover (see outputs/socialcards.py)
    Setting("blog_social_cards", True, "html", frozenset({bool})),
    # a book of one series alone: its slug or name (make series-book SERIES=<slug>)
    Setting("blog_book_series", "", "env", frozenset({str})),
)  # fmt: skip


def add_config_values(app: Sphinx) -> None:
    for setting in SETTINGS:
        # a list of its own for each application: an unset setting's value is its default
        default = copy.copy(setting.default)
        app.add_config_value(setting.name, default, setting.rebuild, types=setting.types)


def check_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: run every setting's check; use the value it gives."""
    for setting in SETTINGS:
        if setting.check is None:
            continue
        value = config[setting.name]
        checked = setting.check(setting.name, value)
        if checked is not value:
            config[setting.name] = checked


def share_site_address(app: Sphinx, config: Config) -> None:
    """``config-inited``: give sphinxext-opengraph the site's address.

    ``html_baseurl`` may come from ``conf.py``, the environment or ``-D``;
    social cards read their own ``ogp_site_url``, which a ``-D`` would miss.
    It is given with a final slash: sphinxext-opengraph joins page names to it
    as URLs join, so that ``https://example.org/blog`` would lose its ``blog``
    (Sphinx, the feeds, sitemap and redirects add the slash themselves).
    """
    if config.html_baseurl and "ogp_site_url" in config and not config.ogp_site_url:
        config.ogp_site_url = config.html_baseurl.rstrip("/") + "/"


#: what marks a folder as a Python environment (venv, virtualenv, conda)
_ENVIRONMENT_MARKERS = ("pyvenv.cfg", "conda-meta")


def exclude_environments(app: Sphinx, config: Config) -> None:
    """``config-inited``: never read the Markdown files of an installed package.

    A virtual environment inside the project, under any name, holds packages'
    ``.md`` files, which Sphinx would read as pages; so would ``node_modules``.
    """
    source = Path(app.srcdir)
    found = {"node_modules", "**/node_modules"}
    for marker in _ENVIRONMENT_MARKERS:
        for path in (*source.glob(f"*/{marker}"), *source.glob(f"*/*/{marker}")):
            found.add(path.parent.relative_to(source).as_posix())
    missing = sorted(found - set(config.exclude_patterns))
    if missing:
        config.exclude_patterns = [*config.exclude_patterns, *missing]


def site_zone(config: Config) -> ZoneInfo | None:
    """The zone naive date-times are in, if the site names one."""
    name: str = config.blog_timezone
    return _zone(name) if name else None


def tags_folder(config: Config) -> str:
    return PurePosixPath(config.blog_tags_folder).as_posix()


class CatalogOptions(TypedDict):
    """The keyword arguments of :func:`sphinxblog.core.catalog.build_catalog`."""

    drafts: bool
    hold_future: bool
    now: dt.datetime
    language: str
    suffixes: tuple[str, ...]


def catalog_options(config: Config) -> CatalogOptions:
    """What decides which posts readers see: drafts, future posts, and now; and which
    version of a story listings show: the site's language."""
    zone = site_zone(config)
    return {
        "drafts": config.blog_drafts,
        "hold_future": config.blog_future_posts == "hold",
        "now": dt.datetime.now(zone) if zone else dt.datetime.now().astimezone(),
        "language": site_language(config.language),
        "suffixes": tuple(config.source_suffix),
    }
