"""The extension's settings: declared, checked once, and read through small helpers."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sphinx.util import logging

if TYPE_CHECKING:
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


def add_config_values(app: Sphinx) -> None:
    # rebuild "" where the posts are read the same and only the listings
    # change: the extension itself rewrites the pages that show them
    app.add_config_value(
        "blog_post_pattern", ["posts/**"], "env", types=frozenset({list, tuple, str})
    )
    app.add_config_value("blog_tags_folder", "tags", "env", types=frozenset({str}))
    app.add_config_value("blog_tag_index_title", "", "env", types=frozenset({str}))
    app.add_config_value("blog_tag_page_summaries", True, "env", types=frozenset({bool}))
    app.add_config_value("blog_authors_file", "", "env", types=frozenset({str}))
    app.add_config_value("blog_date_format", "", "html", types=frozenset({str}))
    app.add_config_value("blog_sidebar_posts", 5, "html", types=frozenset({int}))
    app.add_config_value("blog_timezone", "", "env", types=frozenset({str}))
    app.add_config_value("blog_drafts", False, "", types=frozenset({bool}))
    app.add_config_value("blog_future_posts", "hold", "", types=frozenset({str}))
    app.add_config_value("blog_feeds", ["atom", "rss", "json"], "html", types=frozenset({list}))
    app.add_config_value("blog_tag_feeds", True, "html", types=frozenset({bool}))
    app.add_config_value("blog_feed_length", 20, "html", types=frozenset({int}))
    app.add_config_value("blog_feed_fulltext", False, "html", types=frozenset({bool}))
    app.add_config_value("blog_related_posts", 3, "html", types=frozenset({int}))
    app.add_config_value("blog_page_size", 20, "html", types=frozenset({int}))
    app.add_config_value("blog_words_per_minute", 200, "html", types=frozenset({int}))
    # the old site's address, for links by old URLs that match no post here
    app.add_config_value("blog_old_site_url", "", "html", types=frozenset({str}))
    app.add_config_value("blog_old_url_patterns", [], "env", types=frozenset({list, tuple}))


def check_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: take the drafts switch from the environment; refuse bad values."""
    if os.environ.get(DRAFTS_VARIABLE, "").strip().lower() in {"1", "true", "yes", "on"}:
        config.blog_drafts = True
    if config.blog_future_posts not in FUTURE_POLICIES:
        _bad(config, "blog_future_posts", f"one of {', '.join(FUTURE_POLICIES)}", "hold")
        config.blog_future_posts = "hold"
    if config.blog_timezone and site_zone(config) is None:
        _bad(config, "blog_timezone", "a time zone name such as 'Asia/Almaty'", "none")
        config.blog_timezone = ""
    for pattern in config.blog_old_url_patterns:
        names = set(re.findall(r":([A-Za-z_]+)", str(pattern))) - OLD_URL_PLACEHOLDERS
        if names:
            logger.warning(
                "blog_old_url_patterns: %r has %s, which the blog does not know (it knows "
                ":%s); that pattern gives no old addresses",
                pattern, ", ".join(f":{name}" for name in sorted(names)),
                ", :".join(sorted(OLD_URL_PLACEHOLDERS)), type="blog", subtype="config",
            )  # fmt: skip
    unknown = [kind for kind in config.blog_feeds if kind not in FEED_FORMATS]
    if unknown:
        _bad(config, "blog_feeds", f"a list of {', '.join(FEED_FORMATS)}", "the others")
        config.blog_feeds = [kind for kind in config.blog_feeds if kind in FEED_FORMATS]
    folder = PurePosixPath(config.blog_tags_folder)
    if folder.is_absolute() or not folder.parts or ".." in folder.parts:
        _bad(config, "blog_tags_folder", "a folder inside the source directory", "'tags'")
        config.blog_tags_folder = "tags"


def share_site_address(app: Sphinx, config: Config) -> None:
    """``config-inited``: give sphinxext-opengraph the site's address.

    ``html_baseurl`` may come from ``conf.py``, the environment or ``-D``;
    social cards read their own ``ogp_site_url``, which a ``-D`` would miss.
    """
    if config.html_baseurl and "ogp_site_url" in config and not config.ogp_site_url:
        config.ogp_site_url = config.html_baseurl


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


def _bad(config: Config, name: str, expected: str, fallback: str) -> None:
    logger.warning(
        "%s %r must be %s; using %s", name, config[name], expected, fallback,
        type="blog", subtype="config",
    )  # fmt: skip


def site_zone(config: Config) -> ZoneInfo | None:
    """The zone naive date-times are in, if the site names one."""
    if not config.blog_timezone:
        return None
    try:
        return ZoneInfo(config.blog_timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def tags_folder(config: Config) -> str:
    return PurePosixPath(config.blog_tags_folder).as_posix()


def catalog_options(config: Config) -> dict[str, object]:
    """What decides which posts readers see: drafts, future posts, and now."""
    zone = site_zone(config)
    return {
        "drafts": config.blog_drafts,
        "hold_future": config.blog_future_posts == "hold",
        "now": dt.datetime.now(zone) if zone else dt.datetime.now().astimezone(),
    }
