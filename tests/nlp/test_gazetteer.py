"""The diplomacy gazetteer: tables, Wikidata QIDs, and what the component marks in text."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from kg.data import read_table
from kg.nlp.gazetteer import lookup_country, lookup_organization, outlet_surface_forms, titles


def ents(nlp: Language, text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in nlp(text).ents}


def test_qid_on_a_country_and_an_organization() -> None:
    assert lookup_country("China").country.qid == "Q148"
    assert lookup_country("Beijing").form == "capital" and lookup_country("Beijing").country.name == "China"
    assert lookup_country("Ghanaian").form == "demonym" and lookup_country("Ghanaian").country.qid == "Q117"
    assert lookup_organization("NATO").qid == "Q7184"
    assert lookup_organization("the United Nations").name == "United Nations"
    assert lookup_organization("Reuters").qid == "Q130879" and lookup_organization("Reuters").subtype == "media"


def test_pycountry_fills_countries_not_curated() -> None:
    assert lookup_country("Greenland") is not None and lookup_country("Greenland").country.qid is None


@pytest.mark.parametrize("table,col", [("countries.tsv", 1), ("organizations.tsv", 1), ("outlets.tsv", 1)])
def test_qids_are_well_formed_and_unique(table: str, col: int) -> None:
    qids = [row[col] for row in read_table(table) if row[col]]
    assert qids and all(re.fullmatch(r"Q[1-9]\d*", q) for q in qids)
    assert len(qids) == len(set(qids))


def test_countries_with_demonyms_and_capitals(nlp: Language) -> None:
    found = ents(nlp, "Ghanaian officials met Nigerian diplomats in Accra before flying to Ulaanbaatar.")
    assert {("Ghanaian", "NORP"), ("Nigerian", "NORP"), ("Accra", "GPE"), ("Ulaanbaatar", "GPE")} <= found


def test_lowercase_country_word_is_not_a_country(nlp: Language) -> None:
    assert ("china", "GPE") not in ents(nlp, "She packed the china and the glasses in a box.")


def test_international_and_regional_organizations(nlp: Language) -> None:
    found = ents(nlp, "NATO and the African Union issued a statement, while the IAEA and OPEC stayed silent.")
    assert {("NATO", "ORG"), ("African Union", "ORG"), ("IAEA", "ORG"), ("OPEC", "ORG")} <= found
    found = ents(nlp, "Delegates at the SCO summit and the G20 meeting cited the WTO.")
    assert {("SCO", "ORG"), ("G20", "ORG"), ("WTO", "ORG")} <= found


def test_acronyms_match_only_in_capitals(nlp: Language) -> None:
    assert not any(label == "ORG" for _, label in ents(nlp, "Who said the au pair would leave?"))


def test_government_bodies_by_pattern(nlp: Language) -> None:
    found = ents(nlp, "The Ministry of External Affairs and the Japanese Defense Ministry declined to comment.")
    assert {("Ministry of External Affairs", "ORG"), ("Japanese Defense Ministry", "ORG")} <= found
    found = ents(nlp, "Officials from the Department of Commerce briefed the State Council on Tuesday.")
    assert {("Department of Commerce", "ORG"), ("State Council", "ORG")} <= found


def test_parliaments_are_organizations(nlp: Language) -> None:
    found = ents(nlp, "Lawmakers in the Knesset and the Bundestag debated the motion.")
    assert {("Knesset", "ORG"), ("Bundestag", "ORG")} <= found


def test_lowercase_common_nouns_are_not_bodies(nlp: Language) -> None:
    assert not any(label == "ORG" for _, label in ents(nlp, "The parliament voted, and the party congress ended."))


@pytest.mark.parametrize("agency", ["Xinhua", "Reuters", "AFP", "TASS", "Kyodo", "Yonhap", "PTI", "IANS"])
def test_news_agencies_are_organizations(nlp: Language, agency: str) -> None:
    assert (agency, "ORG") in ents(nlp, f"The statement was first reported by {agency} on Friday.")
    assert (agency, "ORG") in ents(nlp, f"{agency} said the ministers met twice.")


def test_outlets_table_is_the_source_of_agencies() -> None:
    assert {"Xinhua", "Reuters", "Associated Press", "AFP", "TASS", "Kyodo", "Yonhap", "PTI", "IANS"} <= outlet_surface_forms()


def test_titles_lexicon_multiword_and_lowercase(nlp: Language) -> None:
    doc = nlp("The deputy foreign minister and the defence secretary met the Supreme Leader.")
    spans = {(s.text, s.label_) for s in doc.spans["kg_titles"]}
    assert {("deputy foreign minister", "Foreign Minister"), ("defence secretary", "Defence Minister"),
            ("Supreme Leader", "Head")} <= spans
    assert titles()["spokeswoman"] == "Spokesperson"


def test_titles_inside_an_organization_name_are_not_titles(nlp: Language) -> None:
    doc = nlp("Kenya's envoy spoke to the UN General Assembly.")
    assert ("UN General Assembly", "ORG") in {(e.text, e.label_) for e in doc.ents}
    assert [s.text for s in doc.spans["kg_titles"]] == ["envoy"]


@pytest.mark.parametrize(("form", "country", "kind"), [
    ("Kyrgyz", "Kyrgyzstan", "demonym"), ("Bishkek", "Kyrgyzstan", "capital"), ("Senegalese", "Senegal", "demonym"),
    ("Ivorian", "Ivory Coast", "demonym"), ("Holy See", "Vatican City", "name")])
def test_every_sovereign_state_has_its_demonyms_and_capital(form: str, country: str, kind: str) -> None:
    found = lookup_country(form)
    assert found is not None and (found.country.name, found.form) == (country, kind)


@pytest.mark.parametrize("word", ["male", "Victoria", "Georgetown", "Congolese", "Dominican"])
def test_common_words_and_shared_demonyms_name_no_country(word: str) -> None:
    assert lookup_country(word) is None
