"""Post records: what each post's front matter says.

Pure; read by :mod:`sphinxblog.reading.collector`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sphinxblog.core.dates import Date, date_from_path
from sphinxblog.core.frontmatter import FrontMatter, interpret
from sphinxblog.core.oldurls import bundle_addresses, slug_addresses
from sphinxblog.core.problems import Problem
from sphinxblog.core.values import resolve_page_alias

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Post:
    """One post, as listings, feeds and templates need it."""

    docname: str
    title: str
    #: a calendar date, or a date-time with the offset it was written with
    date: Date | None
    #: tag names as this post spells them, without case duplicates
    tags: tuple[str, ...] = ()
    #: the series the post is part of, as it spells them, and its place in them
    #: (else the series is in order of date)
    series: tuple[str, ...] = ()
    series_part: int | None = None
    #: where the post is pinned among the pinned ones, lower first (``None``: not pinned)
    pinned: int | None = None
    updated: Date | None = None
    #: from when the post is no longer listed (Hugo's ``expiryDate``)
    expires: Date | None = None
    authors: tuple[str, ...] = ()
    #: plain text: from the front matter, the text before ``<!-- more -->``,
    #: or the first paragraph
    summary: str | None = None
    draft: bool = False
    #: old paths that redirect to the post
    aliases: tuple[str, ...] = ()
    #: words in the post's text, for its reading time
    words: int = 0
    #: the BCP 47 tag of the post's text: its front matter's, else guessed
    #: from its script (see :mod:`sphinxblog.core.language`)
    language: str = ""
    #: the story the post is a version of, by key (Hugo's ``translationKey``), and the
    #: post it translates, as its front matter names it (:mod:`sphinxblog.core.translations`)
    translation_key: str = ""
    translation_of: str = ""
    #: its cover picture, by path from the source folder, where it is one of the site's
    #: files (:mod:`sphinxblog.reading.covers`), and the picture's alt text
    cover: str = ""
    cover_alt: str = ""

    #: front-matter keys the blog does not know, for templates (read-only); left out of
    #: comparisons and ``repr()`` (and so of the digests of what pages show):
    #: no listing shows them, and a value shared through YAML aliases is small
    #: only until it is written out
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def day(self) -> dt.date | None:
        """The calendar day the author wrote, never shifted through a time zone."""
        if isinstance(self.date, dt.datetime):
            return self.date.date()
        return self.date

    @property
    def sort_key(self) -> tuple[dt.date, dt.datetime, str]:
        """Chronological order that never compares naive and aware date-times.

        Posts order by the day written first, so that a day, month or year of
        a listing is never split; within a day, date-times with an offset order
        by the instant they name (12:00 +05:00 before 12:00 -05:00), those
        without one by the time written, as if it were UTC, and a date-only
        post counts as midnight of its day.
        """
        if isinstance(self.date, dt.datetime):
            moment = self.date
            if moment.utcoffset() is not None:
                # within hours of year 1 or 9999: as written
                with contextlib.suppress(OverflowError):
                    moment = moment.astimezone(dt.UTC)
            return self.date.date(), moment.replace(tzinfo=None), self.docname
        day = self.date or dt.date.min
        return day, dt.datetime.combine(day, dt.time()), self.docname


#: the comments that end a post's summary: most generators', and Docusaurus'
#: where Pelican's summary starts (its end is translated to ``<!-- more -->``)
SUMMARY_STARTS = frozenset({"<!-- PELICAN_BEGIN_SUMMARY -->", "<!--PELICAN_BEGIN_SUMMARY-->"})
MORE_MARKERS = frozenset({"<!-- more -->", "<!--more-->", "<!-- truncate -->", "<!--truncate-->"})


#: the longest summary taken from a post's text, in words (Hugo's is 70) and in
#: characters: a listing shows it, and every feed and the page's description carry it
SUMMARY_WORDS = 60
SUMMARY_LENGTH = 400
#: the longest summary an author writes: generous, but one front-matter key must
#: not copy a whole book into every feed, listing and page head
WRITTEN_SUMMARY_LENGTH = 1_000


#: the keys a summary is read from, the first found winning (:mod:`sphinxblog.core.frontmatter`)
_SUMMARY_KEYS = ("summary", "description", "excerpt")


def shorten(text: str, length: int) -> str:
    """*text* cut to at most *length* characters and an ellipsis, at a space where
    there is one in its second half (else within the word), if it is longer."""
    if len(text) <= length:
        return text
    space = text.rfind(" ", 0, length + 1)
    if space < length // 2:
        return text[:length] + "…"
    return text[:space].rstrip() + " …"


def cut_summary(text: str) -> str:
    """A summary from the post's text: its first :data:`SUMMARY_WORDS` words, and at
    most :data:`SUMMARY_LENGTH` characters (a first paragraph may be one long line)."""
    words = text.split()
    if len(words) > SUMMARY_WORDS:
        return shorten(" ".join(words[:SUMMARY_WORDS]) + " …", SUMMARY_LENGTH)
    return shorten(text, SUMMARY_LENGTH)


_UNDATED = "the post is listed as undated, after dated posts"


#: a file name that starts with a date the blog does not read (``2019_06_18``,
#: ``20190618``, ``18-06-2019``, ``2019.06.18``)
_OTHER_DATED_NAME = re.compile(
    r"^(?:\d{4}[._ ]\d{1,2}[._ ]\d{1,2}|\d{8}|\d{1,2}[-._]\d{1,2}[-._]\d{4}|\d{4}-\d{1,2}-\d{1,2}"
    r"(?=[^-_\d]|$))"
)


def why_undated(docname: str, front_matter: FrontMatter) -> str:
    """What a post without a date lacks, in words: its file name's date in a form not
    read, a header without a date key, or no header at all."""
    parts = docname.split("/")
    name = parts[-2] if parts[-1] == "index" and len(parts) > 1 else parts[-1]
    if match := _OTHER_DATED_NAME.match(name):
        return (
            f"its file name starts with a date written {match[0]!r}, which is not read: "
            "name it YYYY-MM-DD-slug or YYYY-MM-DD_slug, or add 'date:'"
        )
    unread = [
        p.line for p in front_matter.problems if p.subtype == "front_matter" and p.path is None
    ]
    if unread and not front_matter.data:
        return f"its header on line {unread[0]} could not be read"
    if not front_matter.span:
        return "no header was found at the top of the file: add one with 'date:'"
    keys = ", ".join(repr(key) for key in list(front_matter.data)[:6]) or "none"
    form = _FORMS.get(front_matter.form, "")
    return f"its {form} header has no date key (its keys: {keys})".replace("  ", " ")


_FORMS = {
    "yaml": "YAML", "headless": "YAML", "toml": "TOML", "json": "JSON", "pelican": "Pelican",
    "nikola": "Nikola",
}  # fmt: skip


def post_from_front_matter(
    docname: str,
    front_matter: FrontMatter,
    heading: str | None,
    zone: ZoneInfo | None = None,
) -> tuple[Post, list[Problem]]:
    """Build a post record; every problem found on the way comes back with it."""
    metadata, problems = interpret(front_matter, zone)

    title = metadata.title or heading
    if not title:
        title = docname.rpartition("/")[2]
        problems.append(
            Problem(
                "title",
                f"post has no title; add 'title:' to its front matter or start it "
                f"with a '# Heading' (shown as {title!r} meanwhile)",
                1,
            )
        )

    date = metadata.date or date_from_path(docname)
    if date is None and not any(p.subtype == "date" for p in problems):
        why = why_undated(docname, front_matter)
        problems.append(Problem("date", f"post has no date: {why}; {_UNDATED}", 1))
    elif metadata.date is None:
        fallback = f"the date in its path ({date}) is used" if date else _UNDATED
        problems = [
            dataclasses.replace(p, message=f"{p.message}; {fallback}") if p.subtype == "date" else p
            for p in problems
        ]

    aliases = metadata.aliases
    for alias in metadata.page_aliases:
        resolved = resolve_page_alias(alias, docname)
        if resolved is None:
            key = next((key for key in front_matter.data if key.casefold() == "aliases"), "aliases")
            message = f"alias {alias!r} leads out of the site; no redirect is written for it"
            problems.append(Problem("alias", message, front_matter.line_of(key)))
        else:
            aliases += (resolved,)
    if metadata.slug:
        implied, found = slug_addresses(metadata.slug, front_matter.form, docname)
        aliases += implied
        key = next((key for key in front_matter.data if key.casefold() == "slug"), "slug")
        problems += [dataclasses.replace(p, line=front_matter.line_of(key)) for p in found]
    aliases += bundle_addresses(docname)

    written = metadata.summary
    summary = shorten(written, WRITTEN_SUMMARY_LENGTH) if written else None
    if written and summary != written:
        keys = [key for name in _SUMMARY_KEYS for key in front_matter.data if key.lower() == name]
        line = front_matter.line_of(keys[0]) if keys else None
        message = f"summary has {len(written):,} characters; it is cut to at most "
        message += f"{WRITTEN_SUMMARY_LENGTH:,}"
        problems.append(Problem("summary", message, line))

    post = Post(
        docname=docname,
        title=title,
        date=date,
        tags=metadata.tags,
        series=metadata.series,
        series_part=metadata.series_part,
        pinned=metadata.pinned,
        updated=metadata.updated,
        expires=metadata.expires,
        authors=metadata.authors,
        summary=summary,
        draft=bool(metadata.draft),
        aliases=tuple(dict.fromkeys(aliases)),
        language=metadata.language or "",
        translation_key=metadata.translation_key or "",
        translation_of=metadata.translation_of or "",
        extra=metadata.extra,
    )
    return post, problems
