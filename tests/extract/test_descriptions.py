"""Roles from descriptions ('the French president' where a name would be), with invented people."""

from __future__ import annotations

from tests.extract.conftest import name


def roles(f) -> set[tuple[str, str, str]]:
    return {(name(f, r.person), r.role_norm, name(f, r.organization)) for r in f.roles}


def test_a_description_gives_the_one_holder_named_without_a_country_that_country(read) -> None:
    f = read("President Anne Roux arrived in Oslo on Monday. The French president, who had flown in from Rome, "
             "said the talks would be long.")
    assert ("Anne Roux", "President", "France") in roles(f)


def test_a_subject_description_continues_the_subject_before_it(read) -> None:
    f = read("Mark Holm and Peter Lind talked for three hours in Geneva on Monday. The French president, who had "
             "arrived from Madrid, told reporters that Lind had promised him a ceasefire.")
    assert ("Mark Holm", "President", "France") in roles(f)
    assert ("Peter Lind", "President", "France") not in roles(f)


def test_a_description_skips_the_person_who_holds_another_countrys_post(read) -> None:
    f = read("Mark Holm and Peter Lind talked for three hours in Geneva on Monday. The French president, who had "
             "arrived from Madrid, told reporters that Lind had promised him a ceasefire. Lind, in turn, called the "
             "talks useful. The Russian president also warned of a war.")
    assert ("Peter Lind", "President", "Russia") in roles(f)
    assert ("Mark Holm", "President", "Russia") not in roles(f)


def test_two_people_the_description_may_stand_for_give_nobody_the_role(read) -> None:
    f = read("Mark Holm and Peter Lind talked for three hours in Geneva on Monday. The French president said the "
             "talks had been useful.")
    assert not {r for r in roles(f) if r[2] == "France"}


def test_no_description_goes_to_someone_else_where_a_post_of_that_country_is_held(read) -> None:
    f = read("Mark Holm met French President Anne Roux in Paris. Tom Becker told reporters the meeting went well. "
             "The French leader is due in Berlin on Tuesday.")
    assert ("Tom Becker", "Head", "France") not in roles(f)
