"""Cross-document person linking on small hand-written articles."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.conftest import run_kg

FULL = "Summit talks\n\nCanadian Prime Minister Stephen Harper met German Chancellor Paul Weber in Paris on Monday.\n"
BARE = "Trade row\n\nMr Harper said on Tuesday that the tariffs were unacceptable.\n"
TWO = "Envoys\n\nAmbassador Li Wei met Professor Li Na in Geneva. Li said that the talks went well.\n"


def build(tmp_path: Path, files: dict[str, str]) -> tuple[str, Path]:
    """Build a store from {name: text} and return the build's stdout and the store."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in files.items():
        (docs / name).write_text(text)
    store = tmp_path / "store"
    r = run_kg("build", str(docs), "--store", str(store))
    assert r.returncode == 0, r.stderr
    return r.stdout, store


def speakers(store: Path) -> set[tuple[str, str]]:
    out = run_kg("query", "statements", "--store", str(store), "--format", "csv").stdout
    return {(r["speaker"], r["document"]) for r in csv.DictReader(io.StringIO(out))}


def test_bare_surname_joins_the_one_full_name(tmp_path: Path) -> None:
    out, store = build(tmp_path, {"a.txt": FULL, "b.txt": BARE})
    assert "linked across documents: Harper" in out
    assert ("Stephen Harper", "b.txt") in speakers(store)
    profile = run_kg("query", "entity-profile", "--param", "entity=Harper", "--store", str(store), "--format", "csv").stdout
    assert {r["name"] for r in csv.DictReader(io.StringIO(profile))} == {"Stephen Harper"}


def test_a_middle_initial_joins_the_plain_full_name_with_its_reason(tmp_path: Path) -> None:
    out, store = build(tmp_path, {
        "a.txt": "Summit\n\nCanadian Prime Minister Stephen Harper met German Chancellor Paul Weber in Paris.\n",
        "b.txt": "Trade\n\nPrime Minister Stephen J. Harper said on Tuesday that the tariffs were unacceptable.\n"})
    assert ("Stephen Harper", "b.txt") in speakers(store)
    reasons = run_kg("query", "SELECT ?r WHERE { GRAPH ?g { ?p <https://w3id.org/kg-diplomacy/ontology#linkReason> ?r } }",
                     "--store", str(store), "--format", "csv").stdout
    assert "middle name or initial" in reasons


def test_a_name_spelled_without_its_accents_is_the_same_person(tmp_path: Path) -> None:
    out, store = build(tmp_path, {
        "a.txt": "Summit\n\nForeign Minister Tomás Núñez met Chancellor Paul Weber in Paris on Monday.\n",
        "b.txt": "Trade\n\nForeign Minister Tomas Nunez said on Tuesday that the tariffs were unacceptable.\n",
        "c.txt": "Fish\n\nMr Nunez said on Friday that the quotas were unfair.\n"})
    assert {s for s in speakers(store) if s[1] != "a.txt"} == {("Tomás Núñez", "b.txt"), ("Tomás Núñez", "c.txt")}
    reasons = run_kg("query", "SELECT ?r WHERE { GRAPH ?g { ?p <https://w3id.org/kg-diplomacy/ontology#linkReason> ?r } }",
                     "--store", str(store), "--format", "csv").stdout
    assert "spelling" in reasons


HARPER_DAYS = {f"a{i}.txt": f"Day {i}\n\nPresident Stephen Harper met Chancellor Paul Weber in Paris on Monday.\n"
               for i in range(4)}
MR_HARPER = "Trade\n\nMr Harper said on Tuesday that the tariffs were unacceptable.\n"


@pytest.mark.parametrize(("files", "speaker", "summary"), [
    pytest.param({"a.txt": TWO, "b.txt": "Follow-up\n\nLi said that a second round is planned.\n"},
                 ("Li", "b.txt"), "", id="ambiguous surname stays apart"),
    pytest.param({"a.txt": "Summit\n\nBrazilian President Pedro Henrique Farias da Fonseca met Chinese President Chen Hao "
                           "in Brasilia on Wednesday.\n",
                  "b.txt": "Trade\n\nFarias said on Thursday that the tariffs were unacceptable.\n"},
                 ("Pedro Henrique Farias da Fonseca", "b.txt"), "linked across documents: Farias",
                 id="a middle name joins its full name"),
    pytest.param({**HARPER_DAYS, "b.txt": "Visit\n\nLaureen Harper visited a school in Ottawa on Monday.\n",
                  "c.txt": MR_HARPER},
                 ("Stephen Harper", "c.txt"), None, id="a bare surname joins the full name that dominates it"),
    pytest.param({"a.txt": "Talks\n\nPresident Stephen Harper met Chancellor Paul Weber in Paris on Monday.\n",
                  "b.txt": "Visit\n\nLaureen Harper met Mayor Anna Lind in Ottawa on Monday.\n", "c.txt": MR_HARPER},
                 ("Harper", "c.txt"), None, id="comparable full names leave the surname alone"),
    pytest.param({"a.txt": "Talks\n\nPresident Stephen Harper met Chancellor Paul Weber in Paris on Monday.\n",
                  "b.txt": "Show\n\nHarper Lind opened the gallery in Ottawa on Monday.\n", "c.txt": MR_HARPER},
                 ("Stephen Harper", "c.txt"), "linked across documents: Harper",
                 id="a bare name is the one full name it ends, not one it begins"),
])
def test_who_a_bare_name_is_after_linking(tmp_path: Path, files: dict[str, str], speaker: tuple[str, str],
                                          summary: str | None) -> None:
    """`summary`: the build's line naming the link; "" when no link may be made; None when not checked."""
    out, store = build(tmp_path, files)
    if summary:
        assert summary in out
    elif summary == "":
        assert "linked across documents" not in out
    assert speaker in speakers(store)


SPOKESMAN = "Row\n\nA spokesman for Harper said the tariffs were unacceptable.\n"  # the model tags Harper ORG here
LABELS = ("SELECT ?label ?reason WHERE { GRAPH ?g { ?o a <https://w3id.org/kg-diplomacy/ontology#Organization> ; "
          "<http://www.w3.org/2004/02/skos/core#prefLabel> ?label OPTIONAL { ?o "
          "<https://w3id.org/kg-diplomacy/ontology#linkReason> ?reason } } }")


def test_a_surname_tagged_an_organization_joins_the_person_that_dominates_it(tmp_path: Path) -> None:
    out, store = build(tmp_path, {**HARPER_DAYS, "c.txt": SPOKESMAN})
    assert "linked across documents: Harper" in out
    rows = run_kg("query", LABELS, "--store", str(store), "--format", "csv").stdout
    assert "Stephen Harper,person named as an organization" in rows


def test_a_surname_tagged_an_organization_stays_apart_without_a_dominant_person(tmp_path: Path) -> None:
    out, store = build(tmp_path, {"a.txt": SPOKESMAN, "b.txt": HARPER_DAYS["a0.txt"]})
    assert "linked across documents" not in out
    rows = run_kg("query", LABELS, "--store", str(store), "--format", "csv").stdout
    assert "Harper," in rows and "person named as an organization" not in rows


def test_a_surname_joins_a_full_name_written_in_capitals(tmp_path: Path) -> None:
    out, store = build(tmp_path, {
        "a.txt": "Trade\n\nSenator STEPHEN HARPER said on Tuesday that the tariffs were unacceptable.\n",
        "c.txt": MR_HARPER})
    assert "linked across documents: Harper" in out
    assert ("STEPHEN HARPER", "c.txt") in speakers(store)


def test_one_preferred_label_when_documents_spell_a_name_two_ways(tmp_path: Path) -> None:
    out, store = build(tmp_path, {
        "a.txt": "Talks\n\nPresident Stephen Harper-Lee met Chancellor Paul Weber in Paris on Monday.\n",
        "b.txt": "Trade\n\nSenator STEPHEN HARPER LEE said on Tuesday that the tariffs were unacceptable.\n"})
    rows = run_kg("query", "SELECT ?l ?a WHERE { GRAPH ?g { ?p a <https://w3id.org/kg-diplomacy/ontology#Person> ; "
                  "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l OPTIONAL { ?p "
                  "<http://www.w3.org/2004/02/skos/core#altLabel> ?a } } FILTER(CONTAINS(LCASE(?l), 'harper')) }",
                  "--store", str(store), "--format", "csv").stdout.splitlines()
    assert rows[1:] == ["Stephen Harper-Lee,STEPHEN HARPER LEE"]


def test_a_whole_name_tagged_an_organization_joins_the_person_named_so_in_as_many_documents(tmp_path: Path) -> None:
    out, store = build(tmp_path, {
        "a.txt": "Row\n\nA spokesman for Hunter Collins said the tariffs were unacceptable.\n",
        "b.txt": "Trade\n\nHunter Collins said on Monday that the tariffs were unacceptable.\n"})
    rows = run_kg("query", LABELS, "--store", str(store), "--format", "csv").stdout
    assert "Hunter Collins,person named as an organization" in rows
