"""Before Sphinx reads: the posts scanned, the authors file loaded, the catalog made.

Tag and author pages are generated sources, and a book's toctree lists the
posts in order, so both need every post's tags, authors and date before
Sphinx reads any document.  :func:`scan_posts` parses the front matter of
each post that changed, once: reading the post takes it from the store
(:func:`~sphinxblog.reading.store.front_matter_of`).  A post unchanged since the
environment read it is taken from there, as Sphinx itself decides (same
settings, source no newer than the reading).

The catalog (which posts readers see, in which order, under which tags and
slugs) is made here, once per build, with one "now"; after reading, the
records read replace the scanned ones (:func:`refresh_catalog`).
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sphinx.environment import CONFIG_OK
from sphinx.util import logging

from sphinxblog.core.authors import Author, avatar_candidates, parse_profiles
from sphinxblog.core.catalog import build_catalog
from sphinxblog.core.language import language_of_path, same_language
from sphinxblog.core.locations import file_location
from sphinxblog.core.posts import post_from_front_matter
from sphinxblog.core.tagfile import TagInfo, parse_tags_file, tags_from_config
from sphinxblog.core.values import tag_key
from sphinxblog.reading.addresses import AUTHORS_FOLDER, SERIES_FOLDER
from sphinxblog.reading.collector import authors_file, local_avatar, post_matcher
from sphinxblog.reading.config import catalog_options, site_zone, tags_folder
from sphinxblog.reading.metafiles import last_change, read_post_front_matter
from sphinxblog.reading.output import output_of
from sphinxblog.reading.sources import SafeNamesProject
from sphinxblog.reading.store import blog_data

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinxblog.core.catalog import Catalog, Term
    from sphinxblog.core.problems import Problem

logger = logging.getLogger(__name__)


def scan_posts(app: Sphinx) -> None:
    """``builder-inited``: scan every post and make this build's catalog."""
    config, env = app.config, app.env
    data = blog_data(env)
    project = SafeNamesProject(app.srcdir, config.source_suffix)
    exclude = [
        *config.exclude_patterns, *config.templates_path,
        f"{tags_folder(config)}/**", f"{AUTHORS_FOLDER}/**", f"{SERIES_FOLDER}/**",
    ]  # fmt: skip
    is_post = post_matcher(config)
    zone = site_zone(config)
    known = data.posts if env.config_status == CONFIG_OK else {}
    posts, scanned = [], {}
    for docname in sorted(project.discover(exclude, config.include_patterns)):
        if not is_post(docname):
            continue
        path = Path(project.doc2path(docname, absolute=True))
        if docname in known and last_change(path) <= env.all_docs.get(docname, 0):
            posts.append(known[docname])
            continue
        front_matter = read_post_front_matter(path, config.source_encoding)
        # its problems are reported once, when the post is read
        post, _problems = post_from_front_matter(docname, front_matter, None, zone)
        # the text, which tells the rest, is read later (refresh_catalog)
        post = dataclasses.replace(post, language=post.language or language_of_path(docname) or "")
        scanned[docname] = front_matter
        posts.append(post)
    data.scanned = scanned
    # the authors as the posts name them: they are matched when read (refresh_catalog)
    data.catalog = build_catalog(
        posts, **catalog_options(config), profiles=data.profiles, tag_info=data.tag_info
    )
    # a book's toctree is made while reading, before the posts are read
    if output_of(app.builder).pages:
        data.toctree = ()
    else:
        data.toctree = data.catalog.book_order(book_series(app))


def book_series(app: Sphinx) -> Term | None:
    """The series a book of one series holds (``blog_book_series``: its slug or
    name); ``None`` for a book of every post."""
    wanted: str = app.config.blog_book_series
    if not wanted:
        return None
    catalog = blog_data(app.env).catalog
    return catalog.series_by_slug(wanted) or catalog.series.get(tag_key(wanted))


def check_book_series(app: Sphinx) -> None:
    """``builder-inited``: a ``blog_book_series`` that names no series is named."""
    wanted = app.config.blog_book_series
    if wanted and book_series(app) is None:
        known = ", ".join(sorted(t.slug for t in blog_data(app.env).catalog.series.values()))
        logger.warning(
            "blog_book_series %r names no series of the site (its series: %s); the book "
            "holds every post", wanted, known or "none", type="blog", subtype="config",
        )  # fmt: skip


def refresh_catalog(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: the catalog with the posts and their authors as read, and the
    future posts named."""
    data = blog_data(env)
    data.catalog = data.catalog.with_records(data.posts, data.post_authors, data.profiles)
    for post in data.catalog.expired:
        logger.info(
            "post expired on %s: left out of listings, feeds, the search and the sitemap",
            post.expires, location=post.docname,
        )  # fmt: skip
    _warn_of_versions_alike(data.catalog)
    held = app.config.blog_future_posts == "hold"
    for post in data.catalog.future:
        logger.info(
            "post is dated in the future (%s): %s",
            post.date,
            "held back until then (blog_future_posts = 'hold')"
            if held
            else "published now (blog_future_posts = 'publish')",
            location=post.docname,
        )


def _warn_of_versions_alike(catalog: Catalog) -> None:
    """Two versions of a story in one language: listings show one of them."""
    for post in catalog.translated:
        listed = catalog.listed(post)
        if same_language(post.language or catalog.language, listed.language or catalog.language):
            logger.warning(
                "post is a version of the story of %r in the same language (%s); "
                "listings show only that one: give it another translation key or language",
                listed.docname, post.language or catalog.language,
                location=post.docname, type="blog", subtype="translation",
            )  # fmt: skip


def reread_post_toctrees(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: read the post toctrees again when posts come, go or move."""
    data = blog_data(env)
    if data.toctree == data.toctree_read:
        return []
    data.toctree_read = data.toctree
    return sorted(
        docname
        for docname, listings in data.listings.items()
        if any(listing.kind == "toctree" for listing in listings)
    )


# --- the authors file ----------------------------------------------------------------------


Parsed = TypeVar("Parsed")


def _read_site_file(
    path: Path, what: str, subtype: str, parse: Callable[[str], tuple[Parsed, list[Problem]]]
) -> Parsed:
    """A file of the site's (the authors file, the tags file) read by *parse*; what
    cannot be read and each problem found are warnings at their line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        logger.warning(
            "%s cannot be read: %s", what, error,
            location=file_location(path), type="blog", subtype=subtype,
        )  # fmt: skip
        text = ""
    parsed, problems = parse(text)
    for problem in problems:
        logger.warning(
            "%s", problem.message, location=file_location(f"{path}:{problem.line}"),
            type="blog", subtype=subtype,
        )  # fmt: skip
    return parsed


#: where a tags file is looked for, in order, without ``blog_tags_file``
TAGS_FILES = ("tags.yml", "tags.yaml", "posts/tags.yml", "blog/tags.yml")


def load_tag_info(app: Sphinx) -> None:
    """``builder-inited``: read what tags are about, from the tags file and
    ``blog_tag_descriptions`` (which wins), into the store."""
    srcdir = Path(app.srcdir)
    named: str = app.config.blog_tags_file
    path = srcdir / named if named else next(
        (srcdir / name for name in TAGS_FILES if (srcdir / name).is_file()), None
    )  # fmt: skip
    info: dict[str, TagInfo] = {}
    if path is not None:
        info = _read_site_file(path, "the tags file", "tags_file", parse_tags_file)
    from_config, messages = tags_from_config(app.config.blog_tag_descriptions)
    for message in messages:
        logger.warning("%s", message, type="blog", subtype="config")
    blog_data(app.env).tag_info = {**info, **from_config}


def load_profiles(app: Sphinx) -> None:
    """``builder-inited``: read the authors file into the store."""
    path = authors_file(app)
    profiles: dict[str, Author] = {}
    srcdir = Path(app.srcdir)
    if path is not None:
        profiles = _read_site_file(path, "the authors file", "authors_file", parse_profiles)
        folder = path.parent.relative_to(srcdir).as_posix() if path.is_relative_to(srcdir) else ""
        for key, profile in profiles.items():
            local = local_avatar(app, profile.avatar, folder)
            if profile.avatar and local is None and avatar_candidates(profile.avatar, folder):
                logger.warning(
                    "the avatar %s of author %r is not an image file of the source folder; "
                    "it is left out", profile.avatar, key,
                    location=file_location(f"{path}:{profile.line}"),
                    type="blog", subtype="authors_file",
                )  # fmt: skip
            profiles[key] = dataclasses.replace(profile, avatar=local or "")
    blog_data(app.env).profiles = profiles


def reread_for_profiles(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: read the posts naming authors again when the profiles changed."""
    data = blog_data(env)
    fingerprint = hashlib.blake2b(
        repr(sorted(data.profiles.items())).encode("utf-8"), digest_size=8
    ).hexdigest()
    if fingerprint == data.profiles_read:
        return []
    data.profiles_read = fingerprint
    return sorted(docname for docname, authors in data.post_authors.items() if authors)
