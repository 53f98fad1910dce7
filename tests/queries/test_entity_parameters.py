"""`entity` parameters: a name in any case, an alias or an IRI finds the same entity, by index lookup."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox

from kg.build import build
from kg.config import Settings
from kg.queries import Catalogue, run_saved
from kg.queries.params import to_term
from kg.rdf.terms import IRI, Literal
from kg.store import KgStore


def test_a_name_binds_as_its_lower_case_key_and_an_iri_as_an_iri() -> None:
    assert to_term("  Lena   Dahl ", "entity") == Literal("lena dahl")
    assert to_term("http://kg.example.org/id/person/lena-dahl", "entity") == IRI("http://kg.example.org/id/person/lena-dahl")
    assert to_term("", "entity") == Literal("")


def _rows(store: Path, name: str, **params: str) -> list[tuple]:
    s = Settings()
    st = KgStore(str(store), base_iri=s.base_iri, read_only=True)
    q = Catalogue(s.queries_dir).get(name)
    result = run_saved(st, q, params)
    return [tuple("" if r[v] is None else str(r[v]) for v in result.shown) for r in result.rows()]


def test_entity_profile_matches_any_case_and_the_iri(seeds_store: Path) -> None:
    proper = _rows(seeds_store, "entity-profile", entity="Xi Jinping")
    assert proper and {r[0] for r in proper} == {"Xi Jinping"}
    assert _rows(seeds_store, "entity-profile", entity="XI JINPING") == proper
    st = KgStore(str(seeds_store), base_iri=Settings().base_iri, read_only=True)
    iri = next(str(r["e"]) for r in st.query(
        'SELECT ?e WHERE { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> "Xi Jinping" }').rows())
    assert _rows(seeds_store, "entity-profile", entity=iri) == proper
    assert _rows(seeds_store, "entity-profile", entity="nobody of that name") == []


def test_statements_about_and_organization_members_take_names_in_any_case(seeds_store: Path) -> None:
    about = _rows(seeds_store, "statements-about", entity="China")
    assert about and _rows(seeds_store, "statements-about", entity="china") == about
    members = _rows(seeds_store, "organization-members", org="china")
    assert members and all(r[0] == "China" for r in members)


def test_a_store_written_before_name_keys_gets_them_on_the_next_build(seeds_store: Path, tmp_path: Path) -> None:
    old = tmp_path / "old-store"
    shutil.copytree(seeds_store, old)
    raw = ox.Store(str(old))
    raw.update("DELETE WHERE { GRAPH ?g { ?e <https://w3id.org/kg-diplomacy/ontology#nameKey> ?k } }")
    del raw
    assert _rows(old, "entity-profile", entity="Xi Jinping") == []
    summary = build([str(Path(__file__).resolve().parents[2] / "seeds")], Settings().with_(store=str(old)))
    assert summary.built == 0 and summary.unchanged == 5
    assert _rows(old, "entity-profile", entity="Xi Jinping") == _rows(seeds_store, "entity-profile", entity="Xi Jinping")
