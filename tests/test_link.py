"""Cross-document person linking on small hand-written articles."""

from __future__ import annotations

import csv
import io
from pathlib import Path

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


def test_ambiguous_surname_stays_apart(tmp_path: Path) -> None:
    out, store = build(tmp_path, {"a.txt": TWO, "b.txt": "Follow-up\n\nLi said that a second round is planned.\n"})
    assert "linked across documents" not in out
    assert ("Li", "b.txt") in speakers(store)


def test_a_middle_name_joins_its_full_name(tmp_path: Path) -> None:
    out, store = build(tmp_path, {
        "a.txt": "Summit\n\nBrazilian President Luiz Inacio Lula da Silva met Chinese President Xi Jinping in "
                 "Brasilia on Wednesday.\n",
        "b.txt": "Trade\n\nLula said on Thursday that the tariffs were unacceptable.\n"})
    assert "linked across documents: Lula" in out
    assert ("Luiz Inacio Lula da Silva", "b.txt") in speakers(store)


def test_a_middle_initial_joins_the_plain_full_name_with_its_reason(tmp_path: Path) -> None:
    out, store = build(tmp_path, {
        "a.txt": "Summit\n\nCanadian Prime Minister Stephen Harper met German Chancellor Paul Weber in Paris.\n",
        "b.txt": "Trade\n\nPrime Minister Stephen J. Harper said on Tuesday that the tariffs were unacceptable.\n"})
    assert ("Stephen Harper", "b.txt") in speakers(store)
    reasons = run_kg("query", "SELECT ?r WHERE { GRAPH ?g { ?p <https://w3id.org/kg-diplomacy/ontology#linkReason> ?r } }",
                     "--store", str(store), "--format", "csv").stdout
    assert "middle name or initial" in reasons


def test_a_bare_surname_joins_the_full_name_that_dominates_it(tmp_path: Path) -> None:
    many = {f"a{i}.txt": f"Day {i}\n\nPresident Stephen Harper met Chancellor Paul Weber in Paris on Monday.\n"
            for i in range(4)}
    out, store = build(tmp_path, {**many,
                                  "b.txt": "Visit\n\nLaureen Harper visited a school in Ottawa on Monday.\n",
                                  "c.txt": "Trade\n\nMr Harper said on Tuesday that the tariffs were unacceptable.\n"})
    assert ("Stephen Harper", "c.txt") in speakers(store)


def test_comparable_full_names_leave_the_surname_alone(tmp_path: Path) -> None:
    out, store = build(tmp_path, {
        "a.txt": "Talks\n\nPresident Stephen Harper met Chancellor Paul Weber in Paris on Monday.\n",
        "b.txt": "Visit\n\nLaureen Harper met Mayor Anna Lind in Ottawa on Monday.\n",
        "c.txt": "Trade\n\nMr Harper said on Tuesday that the tariffs were unacceptable.\n"})
    assert ("Harper", "c.txt") in speakers(store)
