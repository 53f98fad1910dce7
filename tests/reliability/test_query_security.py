"""Saved-query parameters are bound as RDF terms (never spliced into the text), and query names are
looked up in the catalogue, never used as paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import QueryError
from kg.queries import Catalogue, parse_saved_query, run_saved
from kg.queries.params import bind
from kg.store import KgStore
from tests.conftest import ROOT, run_kg

INJECTIONS = [
    '") || true || ("',
    "x' } UNION { ?s ?p ?o } #",
    'x" } ; DROP ALL ; #',
    "} ; DROP ALL",
    "say\n} }\nSELECT * WHERE { ?s ?p ?o }",
    '"""\\" \\u0022 { } <http://x> .',
    "?s ?p ?o",
]


def _rows(store: Path, name: str, *params: str) -> list[dict[str, str]]:
    args = [a for p in params for a in ("--param", p)]
    r = run_kg("query", name, *args, "--store", str(store), "--format", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


@pytest.mark.slow
def test_injected_values_match_literally_and_change_nothing(seeds_store: Path) -> None:
    before = run_kg("export", "--format", "nq", "--store", str(seeds_store)).stdout
    assert _rows(seeds_store, "statements-about", "keyword=China")  # the query works with a plain value
    for value in INJECTIONS[:4]:  # through `kg query --param`
        assert _rows(seeds_store, "statements-about", f"keyword={value}") == [], f"{value!r} changed the query"
    assert _rows(seeds_store, "entity-profile", f"entity={INJECTIONS[0]}") == []
    store, catalogue = KgStore(seeds_store, read_only=True), Catalogue(ROOT / "queries")
    for value in INJECTIONS:  # all of them in-process, through the same run_saved
        for name, param in (("statements-about", "keyword"), ("statements-about", "entity"), ("entity-profile", "entity")):
            assert list(run_saved(store, catalogue.get(name), {param: value}).rows()) == [], (name, value)
    del store
    assert run_kg("export", "--format", "nq", "--store", str(seeds_store)).stdout == before


def test_parameter_values_come_back_as_given(seeds_store: Path) -> None:
    """The projected ?keyword is the exact value given: it was bound as one literal."""
    store = KgStore(seeds_store, read_only=True)
    query = Catalogue(ROOT / "queries").get("statements-about")
    for value in INJECTIONS:
        bound = bind(query, {"keyword": value})
        assert bound["keyword"].value == value
        res = store.query("SELECT ?entity ?keyword WHERE {}", bindings=bound)
        assert [r["keyword"].value for r in res.rows()] == [value]


@pytest.mark.parametrize("value", ["http://x> } ; DROP ALL ; <http://y", "http://x y", "http://x\ny", "<http://x>",
                                   'http://x"', "http://x{}", "not an iri", "javascript:alert(1)>"])
def test_iri_parameters_reject_what_could_break_out(value: str) -> None:
    q = parse_saved_query("t", "#+ summary: t\n#+ param: target iri required  An IRI\nSELECT ?target WHERE {}")
    with pytest.raises(QueryError):
        bind(q, {"target": value})


def test_iri_parameter_through_the_cli(seeds_store: Path, tmp_path: Path) -> None:
    # Parameter columns are hidden from output, so the query echoes the bound term in a column of its own,
    # and says whether it arrived as an IRI (a term, not text spliced into the query).
    (tmp_path / "by-iri.rq").write_text("#+ summary: An IRI back\n#+ param: target iri required  An IRI\n"
                                        "SELECT ?value ?target WHERE { BIND(IF(ISIRI(?target), STR(?target), \"not an IRI\") AS ?value) }\n")
    env = {"KG_QUERIES": str(tmp_path)}
    ok = run_kg("query", "by-iri", "--param", "target=http://example.org/a", "--store", str(seeds_store),
                "--format", "csv", env=env)
    assert ok.returncode == 0 and ok.stdout.split() == ["value", "http://example.org/a"], ok.stderr
    bad = run_kg("query", "by-iri", "--param", "target=http://x> } ; DROP ALL ; <http://y", "--store",
                 str(seeds_store), env=env)
    assert bad.returncode == 2 and "is not an absolute IRI" in bad.stderr


@pytest.mark.parametrize("name", ["../x", "../queries/people-roles", "/etc/passwd", "%2e%2e/x", "..%2Fx",
                                  "..\\x", "people-roles/../../x", "people-roles.rq", ".hidden", "x\x00",
                                  "PEOPLE-ROLES", "~/x", "a" * 100])
def test_query_names_cannot_escape_the_catalogue(name: str, tmp_path: Path) -> None:
    queries = tmp_path / "queries"
    queries.mkdir()
    (queries / "ok.rq").write_text("#+ summary: ok\nASK {}\n")
    (tmp_path / "x.rq").write_text("#+ summary: outside\nASK {}\n")  # a query file outside the folder
    with pytest.raises(QueryError, match="no saved query named"):
        Catalogue(queries).get(name)
    assert Catalogue(queries).get("ok").name == "ok"


def test_query_names_through_the_cli(seeds_store: Path, tmp_path: Path) -> None:
    (tmp_path / "x.rq").write_text("#+ summary: outside\nASK {}\n")
    for name in ("../x", str(tmp_path / "x"), "%2e%2e%2fx", "..%2F..%2Fx"):
        r = run_kg("query", name, "--store", str(seeds_store), cwd=ROOT)
        assert r.returncode == 2 and "no saved query named" in r.stderr, (name, r.stderr)
