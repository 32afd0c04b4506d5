"""The old addresses a post's ``slug`` and page-bundle folder imply, per generator.

Keys that name an old path themselves (``aliases``, ``redirect_from``, ``permalink``, ``url``,
``redirect``, ``save_as``) are read with the front matter; here are the addresses that have
to be worked out from where the post came from:

- ``slug`` in Pelican's header: ``<slug>.html`` (Pelican's ``ARTICLE_URL``);
- ``slug`` in Nikola's header or ``.meta`` file: ``posts/<slug>/`` (Nikola's default
  ``POSTS`` folder, with its default ``PRETTY_URLS``);
- ``slug`` in TOML or JSON front matter (Hugo): ``<section>/<slug>/``, the section being
  the post's first folder (``posts``);
- ``slug`` in YAML front matter, whose generator is unknown: both Hugo's
  ``<section>/<slug>/`` and Docusaurus' ``blog/<slug>/``;
- a dated page bundle, ``<folder>/2021-05-12-title/index.md`` (Docusaurus):
  ``blog/2021/05/12/title/``.  An undated bundle keeps its address (``posts/title/``).

A slug equal to the file name (with or without its date prefix) gives nothing: its old
address is the post's own.  Pure functions, tested without Sphinx.
"""

from __future__ import annotations

import datetime as dt
import re

from sphinxblog.core.problems import Problem, short_repr
from sphinxblog.core.values import parse_aliases

__all__ = ["bundle_addresses", "pattern_addresses", "slug_addresses"]

#: where Docusaurus serves a blog (its ``routeBasePath``)
DOCUSAURUS_BASE = "blog"
#: where Nikola writes posts (the output folder of its default ``POSTS``)
NIKOLA_POSTS = "posts"

_DATED = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[-_](.+)$")


def _stem(docname: str) -> str:
    """The post's name: its file name, or its folder's for a page bundle (``…/index``)."""
    parts = docname.split("/")
    return parts[-2] if parts[-1] == "index" and len(parts) > 1 else parts[-1]


def slug_addresses(slug: str, form: str, docname: str) -> tuple[tuple[str, ...], list[Problem]]:
    """The old addresses *slug* implies for a post whose header is in *form*
    (``yaml``, ``toml``, ``json``, ``pelican``, ``nikola``)."""
    stem = _stem(docname)
    dated = _DATED.match(stem)
    if slug.strip("/") in {stem, dated.group(4) if dated else stem}:
        return (), []
    section = docname.split("/")[0] if "/" in docname else ""
    hugo = f"{section}/{slug.strip('/')}/" if section else f"{slug.strip('/')}/"
    if form == "pelican":
        candidates = [f"{slug.strip('/')}.html"]
    elif form == "nikola":
        candidates = [f"{NIKOLA_POSTS}/{slug.strip('/')}/"]
    elif form in {"toml", "json"}:
        candidates = [hugo]
    else:
        candidates = [hugo, f"{DOCUSAURUS_BASE}/{slug.strip('/')}/"]
    paths, problems = parse_aliases(candidates)
    if problems:
        message = f"slug {short_repr(slug)} is not a safe path; no redirect is written for it"
        return paths, [Problem("slug", message)]
    return paths, []


def bundle_addresses(docname: str) -> tuple[str, ...]:
    """Docusaurus' address of a dated page bundle (``2021-05-12-title/index``)."""
    parts = docname.split("/")
    if parts[-1] != "index" or len(parts) < 2:
        return ()
    dated = _DATED.match(parts[-2])
    if dated is None:
        return ()
    year, month, day, title = dated.groups()
    paths, _problems = parse_aliases(f"{DOCUSAURUS_BASE}/{year}/{month}/{day}/{title}/")
    return paths


#: the placeholders of ``blog_old_url_patterns`` (``config.OLD_URL_PLACEHOLDERS``), longest
#: first: Jekyll's and Hugo's spellings
_PLACEHOLDER = re.compile(
    r":(short_year|year|i_month|month|i_day|day|slug|title|section|output_ext)"
)
_DATE_PARTS = frozenset({"short_year", "year", "i_month", "month", "i_day", "day"})


def pattern_addresses(
    patterns: list[str] | tuple[str, ...], docname: str, day: dt.date | None
) -> tuple[str, ...]:
    """The old addresses of a post under the old site's URL patterns (``blog_old_url_patterns``).

    ``/:year/:month/:day/:title:output_ext`` is Jekyll's default and gives
    ``2019/06/18/hello.html`` for ``posts/2019-06-18-hello.md``; ``/posts/:slug/`` is
    Hugo's. ``:title`` and ``:slug`` are the file (or bundle folder) name without its date
    prefix, ``:section`` the post's first folder. An undated post has no address under a
    pattern that needs its date; an address that is the post's own page needs no redirect
    (:mod:`sphinxblog.outputs.redirects` passes over it).
    """
    stem = _stem(docname)
    dated = _DATED.match(stem)
    values = {
        "slug": dated.group(4) if dated else stem,
        "section": docname.split("/")[0] if "/" in docname else "",
        "output_ext": ".html",
    }
    values["title"] = values["slug"]
    if day is not None:
        values |= {
            "year": f"{day.year:04}", "short_year": f"{day.year % 100:02}",
            "month": f"{day.month:02}", "i_month": str(day.month),
            "day": f"{day.day:02}", "i_day": str(day.day),
        }  # fmt: skip
    found: list[str] = []
    for pattern in patterns:
        names = set(_PLACEHOLDER.findall(pattern))
        if day is None and names & _DATE_PARTS:
            continue
        address = _PLACEHOLDER.sub(lambda m: values[m.group(1)], pattern).lstrip("/")
        paths, problems = parse_aliases(address)
        found += [path for path in paths if not problems]
    return tuple(found)
