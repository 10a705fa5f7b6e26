"""Dates and times read the same everywhere: Latvian short forms, Lithuanian its own norm."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time

import pytest

from db import dates
from db.dates import (
    day_pattern,
    day_text,
    moment_or_time_text,
    moment_pattern,
    moment_text,
    month_text,
    time_span_text,
    time_text,
)

# 14:05 UTC on 30 November is 16:05 in Jēkabpils (winter time, UTC+2).
FRIDAY_AFTERNOON = datetime(2026, 11, 30, 14, 5, tzinfo=UTC)
TODAY = date(2026, 11, 30)


@pytest.fixture(autouse=True)
def latvian_screens() -> Iterator[None]:
    before = dates.current_language()
    dates.use_language("lv")
    yield
    dates.use_language(before)


def test_a_day_is_dd_mm_yyyy_in_latvian_and_english_and_iso_in_lithuanian() -> None:
    assert day_text(date(2018, 10, 5)) == "05.10.2018"
    assert day_text(date(2018, 10, 5), "en") == "05.10.2018"
    assert day_text(date(2018, 10, 5), "lt") == "2018-10-05"


def test_the_year_is_left_out_only_when_it_is_this_years() -> None:
    assert day_text(date(2026, 3, 4), today=TODAY) == "04.03."
    assert day_text(date(2025, 3, 4), today=TODAY) == "04.03.2025"
    assert day_text(date(2026, 3, 4), "lt", today=TODAY) == "03-04"


def test_a_month_is_written_as_its_days_are() -> None:
    assert month_text(2019, 11) == "11.2019"
    assert month_text(2019, 11, "en") == "11.2019"
    assert month_text(2019, 1, "lt") == "2019-01"


def test_an_instant_is_shown_in_the_librarys_local_time() -> None:
    assert time_text(FRIDAY_AFTERNOON) == "16:05"
    assert moment_text(FRIDAY_AFTERNOON, today=TODAY) == "30.11. 16:05"
    assert moment_text(FRIDAY_AFTERNOON, today=date(2027, 1, 2)) == "30.11.2026 16:05"
    assert moment_text(FRIDAY_AFTERNOON, full=True) == "30.11.2026 16:05"
    assert moment_text(FRIDAY_AFTERNOON, "lt", today=TODAY) == "11-30 16:05"
    # Summer time is UTC+3: a July loan at 07:30 UTC went out at 10:30 on the wall clock.
    assert moment_text(datetime(2026, 7, 1, 7, 30, tzinfo=UTC), today=TODAY) == "01.07. 10:30"


def test_a_moment_today_is_just_its_time() -> None:
    assert moment_or_time_text(FRIDAY_AFTERNOON, today=TODAY) == "16:05"
    assert moment_or_time_text(FRIDAY_AFTERNOON, today=date(2026, 11, 29)) == "30.11. 16:05"


def test_a_naive_local_time_is_taken_as_it_is() -> None:
    """Backups are named by the laptop's wall clock: no zone to convert from."""
    assert moment_text(datetime(2026, 11, 30, 9, 0), full=True) == "30.11.2026 09:00"


def test_session_hours() -> None:
    assert time_span_text(time(16), time(17, 30)) == "16:00–17:30"


def test_the_screens_language_decides_when_none_is_given() -> None:
    dates.use_language("lt")
    assert day_text(date(2018, 10, 5)) == "2018-10-05"
    dates.use_language("en")
    assert day_text(date(2018, 10, 5)) == "05.10.2018"


def test_edit_fields_use_the_same_patterns() -> None:
    """Qt's date edits read the same LDML patterns the texts are made from."""
    from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

    qdate = QDate(2018, 10, 5)
    for language in ("lv", "en", "lt"):
        assert QLocale("en").toString(qdate, day_pattern(language)) == day_text(
            date(2018, 10, 5), language
        )
        moment = QDateTime(qdate, QTime(16, 5))
        assert QLocale("en").toString(moment, moment_pattern(language)) == moment_text(
            datetime(2018, 10, 5, 16, 5), language, full=True
        )
