"""Where and how a meeting was held: places, the dateline, the title's mode."""

from __future__ import annotations

import pytest

from tests.extract.conftest import name


def test_a_where_clause_gives_the_place_of_its_meeting(read) -> None:
    f = read("Last month Peter Lind travelled to Tallinn, where he met President Mark Holm.")
    assert [name(f, m.place) for m in f.meetings] == ["Tallinn"]


@pytest.mark.parametrize(("text", "place"), [
    ("Mark Holm held talks with Peter Lind on Thursday.", "Quito"),
    ("Mark Holm held talks with Peter Lind on the sidelines of the summit on Thursday.", ""),
    ("Mark Holm spoke by phone with Peter Lind on Thursday.", ""),
    ("Mark Holm will hold talks with Peter Lind next week.", ""),
    ("Mark Holm held talks with Peter Lind in Lima on Thursday.", "Lima"),
])
def test_a_meeting_with_no_place_of_its_own_is_where_the_story_was_filed(read, text: str, place: str) -> None:
    f = read(text, dateline="Quito")
    assert [name(f, m.place) for m in f.meetings] == [place]


@pytest.mark.parametrize(("title", "mode"), [
    ("Readout of the Minister's Call with Foreign Minister Lind", "phone"),
    ("Holm and Lind hold telephone talks", "phone"),
    ("Holm, Lind discuss trade by video link", "video"),
    ("Holm calls for calm after talks with Lind", "in person"),
    (None, "in person"),
])
def test_a_title_tells_how_a_meeting_the_body_only_says_was_spoken_was_held(read, title, mode) -> None:
    f = read("Minister Mark Holm spoke today with Foreign Minister Peter Lind.", title=title)
    assert [m.mode for m in f.meetings] == [mode]


def test_a_place_named_by_of_after_a_place_noun(read) -> None:
    f = read("President Mark Holm and King Peter Lind met in the Baltic resort of Palanga on Wednesday.")
    assert [name(f, m.place) for m in f.meetings] == ["Palanga"]


def test_a_where_clause_hung_on_the_day_takes_the_place_before_it(read) -> None:
    f = read("Tom Becker travels to Greece on Tuesday, where he will meet Prime Minister Peter Lind.")
    assert [name(f, m.place) for m in f.meetings] == ["Greece"]
