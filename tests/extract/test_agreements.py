"""Agreements on short hand-written sentences: parties and topic."""

from __future__ import annotations

from tests.extract.conftest import name


def agreements(f) -> list[tuple[list[str], str]]:
    return [([name(f, p) for p in a.parties], a.topic) for a in f.agreements]


def test_signed_an_agreement_on_a_topic(read) -> None:
    f = read("Russia and China signed an agreement on energy cooperation in Beijing on Thursday.")
    assert agreements(f) == [(["Russia", "China"], "on energy cooperation")]


def test_the_agency_in_a_dateline_is_no_party_and_a_date_is_no_topic(read) -> None:
    f = read("NEW DELHI, May 10 (Reuters) - India and Pakistan agreed on Saturday to a ceasefire along their border.")
    assert agreements(f) == [(["India", "Pakistan"], "to a ceasefire along their border")]
