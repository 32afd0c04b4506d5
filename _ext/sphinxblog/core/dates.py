"""Dates as generators write them, parsed without ever moving a calendar day."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from sphinxblog.core.problems import Problem, short_repr

__all__ = ["date_from_path", "parse_date"]

Date = dt.date | dt.datetime

_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
# Jekyll writes offsets without a colon (+0500) and often after a space.
_OFFSET_NO_COLON = re.compile(r"\s*([+-])(\d{2})(\d{2})$")
_OFFSET_SPACED = re.compile(r"\s+([+-]\d{2}:\d{2}|Z)$")
# Nikola: 2012-03-30 23:00:00 UTC+03:00, or UTC alone
_NIKOLA_UTC = re.compile(r"\s*UTC([+-]\d{2}:?\d{2})?$")
# 05/06/2020, 05.06.2020, 5-6-2020: day and month in an order only the author knows
_NUMERIC_DAY_FIRST = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
# 2023/3/23, 2023.03.23, 2023-3-23 17:43, 17:43 2023/3/23 (VitePress themes), 2023年3月23日:
# the year first, then the month; a time before or after
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
_YEAR_FIRST = re.compile(
    rf"^(?:(?P<before>{_TIME})\s+)?(?P<year>\d{{4}})(?:[/.-]|年)(?P<month>\d{{1,2}})(?:[/.-]|月)"
    rf"(?P<day>\d{{1,2}})日?(?:[ T](?P<after>{_TIME}))?$"
)
# Oct 10, 2020 (ABlog), October 10, 2020, 15 Oct 2023, 15 October 2023
_WORDY_FORMATS = ("%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y")

_UNDERSTOOD = (
    "write it as YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS][+HH:MM] (or Oct 10, 2020; 15 Oct 2023; "
    "2023/3/23)"
)


def _with_zone(value: dt.datetime, zone: ZoneInfo | None) -> dt.datetime:
    """A naive date-time gets the site's zone; an offset the author wrote stays."""
    if value.tzinfo is None and zone is not None:
        return value.replace(tzinfo=zone)
    return value


def _numeric(text: str) -> tuple[Date | None, Problem | None]:
    match = _NUMERIC_DAY_FIRST.match(text)
    assert match
    first, second, year = (int(part) for part in match.groups())
    if first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        month, day = first, second
    else:
        day, month = first, second
    try:
        value = dt.date(year, month, day)
    except ValueError as exc:
        return None, Problem("date", f"date {text!r} is impossible: {exc}")
    if first <= 12 and second <= 12 and first != second:
        return value, Problem(
            "date",
            f"date {text!r} is ambiguous; read as day first ({value.isoformat()}): "
            "write it as YYYY-MM-DD",
        )
    return value, None


def _year_first(
    text: str, match: re.Match[str], zone: ZoneInfo | None
) -> tuple[Date | None, Problem | None]:
    year, month, day = (int(match[name]) for name in ("year", "month", "day"))
    time = match["before"] or match["after"]
    try:
        value = dt.date(year, month, day)
        if time is None:
            return value, None
        hours, _, rest = time.partition(":")
        clock = dt.time.fromisoformat(f"{int(hours):02d}:{rest}")
    except ValueError as exc:
        return None, Problem("date", f"date {text!r} is impossible: {exc}")
    return _with_zone(dt.datetime.combine(value, clock), zone), None


def parse_date(raw: object, zone: ZoneInfo | None = None) -> tuple[Date | None, Problem | None]:
    """Turn a front-matter date into a calendar date or a date-time.

    A date-only value stays a :class:`~datetime.date`: it names a calendar day
    and is never shifted through a time zone.  A date-time keeps the offset it
    was written with; without one it takes *zone*, the site's time zone.
    A value can come back together with a problem (an ambiguous date).
    """
    if isinstance(raw, dt.datetime):
        return _with_zone(raw, zone), None
    if isinstance(raw, dt.date):
        return raw, None
    if not isinstance(raw, str) or not raw.strip():
        return None, Problem("date", f"date {short_repr(raw)} is not a date")
    text = " ".join(raw.split())
    if match := _ISO_DAY.match(text):
        year, month, day = (int(part) for part in match.groups())
        try:
            return dt.date(year, month, day), None
        except ValueError as exc:
            return None, Problem("date", f"date {text!r} is impossible: {exc}")
    if _NUMERIC_DAY_FIRST.match(text):
        return _numeric(text)
    if match := _YEAR_FIRST.match(text):
        return _year_first(text, match, zone)
    for fmt in _WORDY_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date(), None
        except ValueError:
            continue
    text = _NIKOLA_UTC.sub(lambda match: match.group(1) or "+00:00", text)
    if text.lower() in _QUARTO_DATES:
        return None, Problem(
            "date",
            f"date {text!r} is Quarto's date of the {_QUARTO_DATES[text.lower()]}, "
            "which the site does not read: write the post's date as YYYY-MM-DD",
        )
    normalised = _OFFSET_SPACED.sub(r"\1", _OFFSET_NO_COLON.sub(r"\1\2:\3", text))
    try:
        return _with_zone(dt.datetime.fromisoformat(normalised), zone), None
    except ValueError:
        return None, Problem("date", f"date {short_repr(text)} is not understood; {_UNDERSTOOD}")


#: the words Quarto reads as a date, and what it reads them as
_QUARTO_DATES = {"today": "build", "now": "build", "last-modified": "file's last change"}

_PATH_DAY = (
    # Jekyll: 2019-06-18-title; Zola: 2019-06-18_title; their folders: …/index
    re.compile(r"(?:^|/)(\d{4})-(\d{2})-(\d{2})(?:[-_][^/]*)?(?:/index)?$"),
    re.compile(r"(?:^|/)(\d{4})/(\d{2})/(\d{2})/"),  # folders: 2019/06/18/title
)


def date_from_path(docname: str) -> dt.date | None:
    """The date a ``YYYY-MM-DD-slug`` file name, a ``YYYY-MM-DD-slug/index`` page
    bundle or a ``YYYY/MM/DD/`` folder gives."""
    for pattern in _PATH_DAY:
        if match := pattern.search(docname):
            try:
                return dt.date(*(int(part) for part in match.groups()))
            except ValueError:
                return None
    return None
