"""Transcript turns ("Name: …") on a short hand-written press conference."""

from __future__ import annotations

from tests.extract.conftest import name, statements

PRESS_CONFERENCE = """Press conference after the talks

Marta Lindqvist: Dear friends, thank you.

We have agreed to open a new border crossing before the end of the year.

Jonas Adeyemi (interpreted): The crossing will carry trade and people, and our customs services will work together.

* * *

Marta Lindqvist: Our ministers will meet again in March to review the work.
"""


def test_each_turn_is_its_speakers_and_courtesies_are_no_claims(read) -> None:
    said = statements(read(PRESS_CONFERENCE))
    assert ("Marta Lindqvist", "We have agreed to open a new border crossing before the end of the year.") in said
    assert ("Jonas Adeyemi", "The crossing will carry trade and people, and our customs services will work "
                            "together.") in said
    assert ("Marta Lindqvist", "Our ministers will meet again in March to review the work.") in said
    assert not any("thank" in c.lower() for _, c in said)


def test_a_colon_after_a_reporting_clause_is_no_turn(read) -> None:
    said = statements(read("Jonas Adeyemi said in Oslo on Monday: the border will open soon, and trade will grow."))
    assert all(s == "Jonas Adeyemi" for s, _ in said)
    assert not any(c.startswith("Jonas Adeyemi said") for _, c in said)


def test_a_question_ends_a_turn_and_an_answer_is_the_last_answerers(read) -> None:
    f = read("Press conference of Foreign Minister Mark Holm\n\nQuestion: Will Norway send more weapons to Ukraine?\n\n"
             "Mark Holm: We will continue to support Ukraine as long as it takes.\n\n"
             "Question: What about the sanctions on the Russian banks?\n\n"
             "Answer: The sanctions will remain in place until Russia withdraws its troops.\n")
    assert statements(f) == [("Mark Holm", "We will continue to support Ukraine as long as it takes."),
                             ("Mark Holm", "The sanctions will remain in place until Russia withdraws its troops.")]


def test_an_agencys_headline_with_a_colon_is_no_turn(read) -> None:
    f = read("Xinhua: Premier Tom Becker holds talks with Kenyan President Paul Kerr\n\n"
             "BEIJING, March 14 (Xinhua) -- Premier Tom Becker held talks with Kenyan President Paul Kerr on Thursday. "
             "Becker said China is willing to work with Kenya to deepen practical cooperation.\n")
    assert statements(f) == [("Tom Becker", "China is willing to work with Kenya to deepen practical cooperation")]


def test_a_paragraph_of_the_record_after_a_turn_is_no_part_of_it(read) -> None:
    f = read("Mark Holm: I am glad to see you. Our relations are developing well.\n\n"
             "Peter Lind: Thank you. We value our partnership with your country.\n\n"
             "The talks were also attended by Foreign Minister Tom Becker.\n")
    assert [c for _, c in statements(f)] == ["Our relations are developing well.",
                                           "We value our partnership with your country."]


def test_a_speaker_label_with_a_honorific_is_the_person_of_that_surname(read) -> None:
    f = read("Spokesperson Ned Hollis opened the briefing.\n\nMR HOLLIS: The sanctions will stay in place.\n\n"
             "QUESTION: Why?\n\nMR HOLLIS: Because the conditions are not met.")
    assert [name(f, s.speaker) for s in f.statements] == ["Ned Hollis", "Ned Hollis"]


def test_a_speaker_label_of_a_honorific_alone_names_the_surname_and_not_a_title(read) -> None:
    f = read("Reporters gathered.\n\nMR HOLLIS: The sanctions will stay in place.\n\nMr President: Thank you, the "
             "talks went well.")
    assert [name(f, s.speaker) for s in f.statements] == ["Hollis"]
