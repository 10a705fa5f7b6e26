"""Dates and times as a librarian reads them, the same on screens, documents, messages and the CLI.

Latvian short forms (``30.11.2026``, ``16:05``, ``30.11. 16:05`` when the year is this year's);
English screens use them too. Lithuanian uses its own norm (``2026-11-30``, ``11-30 16:05``).
The patterns are LDML, which Qt's date edits read too, so an edit field shows a date
exactly as a table beside it does. Machine formats (file names, JSON, audit details)
stay ISO and do not come here.
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import cache

from db.clock import local, now_utc

# language → (day, day without the year, time)
_PATTERNS: dict[str, tuple[str, str, str]] = {
    "lv": ("dd.MM.yyyy", "dd.MM.", "HH:mm"),
    "lt": ("yyyy-MM-dd", "MM-dd", "HH:mm"),
}
_DEFAULT = "lv"  # English screens show the Latvian forms: the library is in Latvia

_language = _DEFAULT


def use_language(language: str) -> None:
    """The language of the screens, set when the program switches it (core messages follow)."""
    global _language
    _language = language


def current_language() -> str:
    return _language


def _patterns(language: str | None) -> tuple[str, str, str]:
    return _PATTERNS.get(language or _language, _PATTERNS[_DEFAULT])


def day_pattern(language: str | None = None) -> str:
    """The pattern of a full date, for Qt's date edits (``setDisplayFormat``)."""
    return _patterns(language)[0]


def moment_pattern(language: str | None = None) -> str:
    """The pattern of a date with its time, for Qt's date-time edits."""
    day, _, clock = _patterns(language)
    return f"{day} {clock}"


# The few LDML fields the patterns use, as strftime has them: formatting is then a C call
# (about 1 µs; Babel took 25–100 µs a date, too slow for a long audit log).
_STRFTIME = (("yyyy", "%Y"), ("MM", "%m"), ("dd", "%d"), ("HH", "%H"), ("mm", "%M"))


@cache
def _strftime(pattern: str) -> str:
    for ldml, code in _STRFTIME:
        pattern = pattern.replace(ldml, code)
    return pattern


def _format(value: date | time, pattern: str) -> str:
    return value.strftime(_strftime(pattern))


def _today() -> date:
    return local(now_utc()).date()


def day_text(day: date, language: str | None = None, *, today: date | None = None) -> str:
    """``30.11.2026``; ``30.11.`` when ``today`` is given and falls in the same year."""
    full, short, _ = _patterns(language)
    if isinstance(day, datetime):  # a moment: its local day
        day = local(day).date() if day.tzinfo else day.date()
    return _format(day, short if today is not None and today.year == day.year else full)


def month_text(year: int, month: int, language: str | None = None) -> str:
    """``11.2019``; Lithuanian ``2019-11``: a month written as its days are."""
    day = _patterns(language)[0]
    return _format(date(year, month, 1), day.replace("dd.", "").replace("-dd", ""))


def time_text(at: time | datetime) -> str:
    """``16:05``: a session's clock time, or the library's local time of an instant."""
    if isinstance(at, datetime):
        at = (local(at) if at.tzinfo else at).time()
    return _format(at, _PATTERNS[_DEFAULT][2])


def moment_text(
    at: datetime, language: str | None = None, *, today: date | None = None, full: bool = False
) -> str:
    """``30.11. 16:05`` this year, ``30.11.2025 16:05`` before; ``full`` always names the year.

    An aware instant is shown in the library's local time; ``today`` defaults to the local day.
    """
    shown = local(at) if at.tzinfo else at
    this_year = None if full else (today or _today())
    return f"{day_text(shown.date(), language, today=this_year)} {time_text(shown.time())}"


def time_span_text(starts_at: time, ends_at: time) -> str:
    """``16:00–17:00``: a session's hours."""
    return f"{time_text(starts_at)}–{time_text(ends_at)}"


def moment_or_time_text(
    at: datetime, language: str | None = None, *, today: date | None = None
) -> str:
    """``16:05`` when the instant falls today (as on the desk), else as ``moment_text``."""
    day = today or _today()
    shown = local(at) if at.tzinfo else at
    return time_text(shown) if shown.date() == day else moment_text(at, language, today=day)
