"""Time for the records: instants are stored in UTC, session dates and times are local."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# Jēkabpils, Ludza (LV) and Rokiškis (LT) share one time zone.
LIBRARY_TZ = ZoneInfo("Europe/Riga")


def now_utc() -> datetime:
    return datetime.now(UTC)


def local(at: datetime) -> datetime:
    """The library's wall-clock time of an instant."""
    return at.astimezone(LIBRARY_TZ)


def at_local(day: date, clock: time) -> datetime:
    """The instant of a local date and time (for a session's start or end)."""
    return datetime.combine(day, clock, tzinfo=LIBRARY_TZ).astimezone(UTC)


def end_of_local_day(at: datetime) -> datetime:
    day = local(at).date() + timedelta(days=1)
    return datetime.combine(day, time(0), tzinfo=LIBRARY_TZ).astimezone(UTC) - timedelta(seconds=1)
