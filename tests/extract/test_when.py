"""Relative dates resolved against the publication date (Friday 2024-03-15)."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.when import resolve_date, shifted_day

PUB = date(2024, 3, 15)


def test_next_week_is_the_following_monday_to_sunday() -> None:
    assert resolve_date("next week", PUB) == "2024-03-18/2024-03-24"


def test_last_month_is_the_whole_previous_month() -> None:
    assert resolve_date("last month", PUB) == "2024-02-01/2024-02-29"


def test_later_this_month_runs_from_publication_to_month_end() -> None:
    assert resolve_date("later this month", PUB) == "2024-03-15/2024-03-31"


def test_weekday_is_past_unless_future() -> None:
    assert resolve_date("Monday", PUB) == "2024-03-11"
    assert resolve_date("Monday", PUB, future=True) == "2024-03-18"


def test_the_weekday_of_publication_is_that_day_in_the_past() -> None:
    assert resolve_date("Friday", PUB) == "2024-03-15"
    assert resolve_date("Friday", PUB, future=True) == "2024-03-22"
    assert resolve_date("last Friday", PUB) == "2024-03-08"


def test_months_and_years_are_as_precise_as_the_text() -> None:
    assert resolve_date("October 2022", PUB) == "2022-10-01/2022-10-31"
    assert resolve_date("in 1973", PUB) == "1973-01-01/1973-12-31"
    assert resolve_date("in December", PUB) == "2023-12-01/2023-12-31"  # last December, in a March story
    assert resolve_date("February", PUB) == "2024-02-01/2024-02-29"
    assert resolve_date("June 19, Juche 113 (2024)", PUB) == "2024-06-19"


@pytest.mark.parametrize(("text", "future", "expected"), [
    ("earlier this month", False, "2024-03-01/2024-03-14"),
    ("over the weekend", False, "2024-03-09/2024-03-10"),
    ("this weekend", True, "2024-03-16/2024-03-17"),
    ("two days ago", False, "2024-03-13"),
    ("a day ago", False, "2024-03-14"),
    ("the 12th", False, "2024-03-12"),
    ("the 20th", False, "2024-02-20"),
    ("the 20th", True, "2024-03-20"),
    ("last year", False, "2023-01-01/2023-12-31"),
    ("late last year", False, "2023-09-01/2023-12-31"),
    ("earlier this year", False, "2024-01-01/2024-03-14"),
    ("next year", True, "2025-01-01/2025-12-31"),
])
def test_relative_days_weekends_and_years(text: str, future: bool, expected: str) -> None:
    assert resolve_date(text, PUB, future=future) == expected


def test_a_time_of_day_that_names_its_day_dates_a_meeting(read) -> None:
    f = read("Mark Holm met Peter Lind on Wednesday night.")
    assert f.meetings[0].date == "2024-03-13"


def test_a_date_a_meeting_is_counted_from_is_not_its_date(read) -> None:
    f = read("Mark Holm and Peter Lind met for three hours in Oslo on Tuesday, their first meeting since January.")
    assert f.meetings[0].date == "2024-03-12"


@pytest.mark.parametrize(("text", "day"), [
    ("A day earlier he was in Lima.", "2024-01-08"), ("Two days later they met again.", "2024-01-11"),
    ("The next day she flew home.", "2024-01-10"), ("He had arrived the day before.", "2024-01-08"),
    ("They met a day after the summit.", None), ("They met on Monday.", None)])
def test_a_day_counted_from_the_day_told_last(text: str, day: str | None) -> None:
    assert shifted_day(text, "2024-01-09") == day

