"""A host's country and a companion's side, on short hand-written sentences with invented people."""

from __future__ import annotations

from kg.extract import extract_facts
from kg.ingest import Document, read_text_document
from tests.extract.conftest import name


def roles(f) -> set[tuple[str, str, str]]:
    return {(name(f, r.person), r.role_norm, name(f, r.organization)) for r in f.roles}


def test_the_person_met_in_a_visited_capital_holds_that_countrys_post(read) -> None:
    f = read("French President Anne Roux flew on to Kyiv on Tuesday, where she met President Tom Becker.")
    assert ("Tom Becker", "President", "Ukraine") in roles(f)


def test_the_dateline_gives_the_host_country_when_a_foreign_visitor_is_received(read) -> None:
    f = read("BEIJING — Australian Prime Minister Mark Holm was received by President Peter Lind on Monday.")
    assert ("Peter Lind", "President", "China") in roles(f)


def test_a_dateline_ingest_took_off_the_text_still_gives_the_host_country(nlp) -> None:
    document = read_text_document("Talks in Hanoi\n\nBy Ann Lee\n\nHANOI - Canadian Prime Minister Mark Holm "
                                  "was welcomed by President Peter Lind on Monday.\n", "t.txt")
    assert isinstance(document, Document) and not document.text.startswith("HANOI")
    f = extract_facts(nlp(document.text), document)
    assert ("Peter Lind", "President", "Vietnam") in roles(f)


def test_a_visitor_from_the_same_country_makes_nobody_a_host(read) -> None:
    f = read("Australian Prime Minister Mark Holm met Foreign Minister Paul Kerr in Canberra on Monday.")
    assert ("Paul Kerr", "Foreign Minister", "") in roles(f)


def test_two_foreign_sides_on_neutral_ground_have_no_host(read) -> None:
    f = read("U.S. President Mark Holm and Russian President Peter Lind met in Hanoi on Monday with "
             "Foreign Minister Paul Kerr.")
    assert not any(p == "Paul Kerr" and o for p, _, o in roles(f))


def test_a_companion_takes_the_side_of_the_person_accompanied(read) -> None:
    f = read("Danish Prime Minister Mark Holm landed in Lima on Sunday. Foreign Minister Sara Lind, who "
             "accompanied the prime minister along with Trade Minister Tom Lund, told reporters the visit went well.")
    assert {("Sara Lind", "Foreign Minister", "Denmark"), ("Tom Lund", "Trade Minister", "Denmark")} <= roles(f)


def test_people_accompanying_and_joining_a_leader_share_the_leaders_country(read) -> None:
    f = read("The summit opened between U.S. President Mark Holm and North Korean leader Peter Lind. "
             "Secretary of State Paul Kerr joins Holm; Lind is accompanied by Foreign Minister Ri Sol.")
    assert ("Paul Kerr", "Secretary of State", "United States") in roles(f)
    assert ("Ri Sol", "Foreign Minister", "North Korea") in roles(f)


def test_a_description_goes_to_the_holder_written_with_its_words(read) -> None:
    f = read("BEIJING - Prime Minister Mark Holm arrived on Monday and sat down with Premier Peter Lind. "
             "He is the first Australian prime minister to visit in seven years.")
    assert not any(p == "Peter Lind" and o == "Australia" for p, _, o in roles(f))


def test_the_host_of_a_visit_to_a_country_holds_that_countrys_post(read) -> None:
    f = read("Prime Minister Mark Holm welcomed President Peter Lind of Ukraine to the manor today, "
             "the President's second visit to the UK this year.")
    assert {("Mark Holm", "Prime Minister", "United Kingdom"), ("Peter Lind", "President", "Ukraine")} <= roles(f)


def test_a_call_has_no_host_country(read) -> None:
    f = read("French President Anne Roux flew to Kyiv on Tuesday, where she held a video call with President "
             "Tom Becker.")
    assert ("Tom Becker", "President", "") in roles(f)


def test_the_hosts_ministers_at_the_visits_lunch_hold_posts_of_the_host_country(read) -> None:
    f = read("Prime Minister Mark Holm welcomed President Peter Lind of Chile to Bergen today, on the President's "
             "first visit to Norway. The leaders sat down for a working lunch with the Foreign "
             "Secretary, Anne Roux, and the Defence Secretary, Tom Becker.")
    assert {("Anne Roux", "Foreign Minister", "Norway"), ("Tom Becker", "Defence Minister", "Norway")} <= roles(f)
