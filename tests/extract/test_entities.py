"""Entity resolution within a document: acronyms, coordinated bodies."""

from __future__ import annotations


def test_acronym_defined_in_parentheses_joins_its_long_form(read) -> None:
    f = read("The National Archives Office (NAO) was hacked in June. On Wednesday, NAO said more records "
             "were stolen.")
    orgs = {e.name: e for e in f.entities.values() if e.kind == "Organization"}
    assert "NAO" in orgs["National Archives Office"].aliases
    assert "NAO" not in orgs


def test_coordinated_names_sharing_a_plural_head(read) -> None:
    f = read("Officials from the Justice, State and Treasury departments attended.")
    names = {e.name for e in f.entities.values()}
    assert {"Justice Department", "State Department", "Treasury Department"} <= names


def test_a_middle_name_used_alone_is_the_same_person(read) -> None:
    f = read("Brazilian President Pedro Henrique Farias da Fonseca met Chen Hao in Brasilia. "
             "Farias said Brazil valued its relations with China.")
    people = {e.name for e in f.entities.values() if e.kind == "Person"}
    assert "Pedro Henrique Farias da Fonseca" in people and "Farias" not in people
    assert [f.entities[s.speaker].name for s in f.statements] == ["Pedro Henrique Farias da Fonseca"]


def test_the_end_of_a_name_at_a_sentence_start_is_the_same_person(read) -> None:
    f = read("European Commission President Ursula von der Leyen visited Kyiv on Monday. "
             "Von der Leyen said the bloc would keep its support for Ukraine.")
    people = {e.name for e in f.entities.values() if e.kind == "Person"}
    assert "Ursula von der Leyen" in people and not any(e.name.startswith("Von") for e in f.entities.values())
    assert [f.entities[s.speaker].name for s in f.statements] == ["Ursula von der Leyen"]


def test_a_surname_written_in_capitals_is_one_person_with_the_surname_used_alone(read) -> None:
    f = read("On July 8, Ms. TANAKA Emi, Minister for Foreign Affairs, held a meeting with Mr. Peter Lind. "
             "Minister Tanaka welcomed the visit.")
    people = {e.name for e in f.entities.values() if e.kind == "Person"}
    assert "Tanaka Emi" in people and not {"Tanaka", "TANAKA Emi"} & people


def test_a_honorific_picks_the_namesake_of_its_sex(read) -> None:
    text = ("Anna Holm set out her plan for the port on Thursday. Holm said the city would pay for it.\n\n"
            "Her brother, Erik Holm, who runs his own shipping firm, is due in town next week. "
            "Mr. Holm told reporters that the plan was sound. Ms. Holm thanked him.")
    f = read(text)
    named = {text[m.start - 4:m.start]: f.entities[m.entity].name for m in f.mentions}
    assert named["Mr. "] == "Erik Holm" and named["Ms. "] == "Anna Holm"


def test_a_name_written_surname_first_in_a_reference_list_is_the_person(read) -> None:
    f = read("Reading list\n\nHolm, Peter. A History of Salt\n\nPeter Holm wrote it in a cold winter.")
    people = [e.name for e in f.entities.values() if e.kind == "Person"]
    assert people == ["Peter Holm"]


def test_a_countrys_ministry_in_the_possessive_is_that_countrys(read) -> None:
    f = read("Chile's Foreign Ministry said the talks would resume. Norway's Foreign Ministry said so too.")
    orgs = {e.name for e in f.entities.values() if e.kind == "Organization"}
    assert orgs == {"Foreign Ministry (Chile)", "Foreign Ministry (Norway)"}


def test_a_countrys_ministry_has_one_name_however_it_is_written(read) -> None:
    f = read("The Chilean Ministry of Foreign Affairs said the talks would resume. Chile's Foreign Affairs Ministry "
             "added that a date was set. The Chilean Foreign Ministry thanked Norway.")
    orgs = {e.name for e in f.entities.values() if e.kind == "Organization"}
    assert orgs == {"Foreign Ministry (Chile)"}
