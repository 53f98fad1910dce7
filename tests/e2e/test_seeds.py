"""End to end on the seed articles: build with the CLI, then ask the saved queries real questions."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import rdflib

from tests.conftest import SEEDS, run_kg


def query_rows(store: Path, name: str, *params: str) -> list[dict[str, str]]:
    args = ["query", name, "--store", str(store), "--format", "csv"]
    for p in params:
        args += ["--param", p]
    result = run_kg(*args)
    assert result.returncode == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_people_roles_columns_and_known_roles(seeds_store: Path) -> None:
    rows = query_rows(seeds_store, "people-roles")
    assert list(rows[0])[:4] == ["person", "role", "organization", "document"]
    triples = {(r["person"], r["role"].lower(), r["organization"]) for r in rows}
    assert ("Susan Rice", "national security advisor", "United States") in triples
    assert ("John Kerry", "secretary of state", "United States") in triples
    assert ("Meng Jianzhu", "special envoy", "Xi Jinping") in triples
    assert any(p == "Wu Xinbo" and "Center for American Studies" in o for p, _, o in triples)
    # A title before the next person's name is not given to the previous one.
    assert ("John Kerry", "secretary", "Department of Homeland Security") not in triples


def test_meeting_with_meng_and_kerry(seeds_store: Path) -> None:
    rows = query_rows(seeds_store, "meeting-participants")
    assert list(rows[0])[:5] == ["meeting", "participant", "date", "place", "document"]
    by_meeting: dict[str, set[str]] = {}
    for r in rows:
        by_meeting.setdefault(r["meeting"], set()).add(r["participant"])
    assert any({"Meng Jianzhu", "John Kerry", "Susan Rice"} <= ps for ps in by_meeting.values())
    dated = {r["date"] for r in rows if r["participant"] == "John Kerry"}
    assert "2015-09-09/2015-09-12" in dated  # "from Wednesday to Saturday" before 13 Sep 2015


def test_statement_by_hong_lei_about_cyber_security(seeds_store: Path) -> None:
    rows = query_rows(seeds_store, "statements")
    assert list(rows[0])[:4] == ["speaker", "claim", "quote", "document"]
    hong = [r for r in rows if r["speaker"] == "Hong Lei"]
    assert any("cyber security" in (r["claim"] + r["quote"]).lower() for r in hong)


def test_statements_about_keyword_binds_parameter(seeds_store: Path) -> None:
    rows = query_rows(seeds_store, "statements-about", "keyword=groundless attacks")
    assert rows and all("groundless attacks" in (r["claim"] + r["quote"]).lower() for r in rows)


def test_entity_profile_by_alias(seeds_store: Path) -> None:
    rows = query_rows(seeds_store, "entity-profile", "entity=Obama")
    facts = {r["fact"] for r in rows}
    assert {"role", "said"} <= facts
    assert any(r["fact"] == "met" and r["other"] == "Xi Jinping" for r in rows)


def test_hostile_parameter_values_change_nothing(seeds_store: Path) -> None:
    before = run_kg("stats", "--store", str(seeds_store), "--format", "json").stdout
    for hostile in ['" } ; DROP ALL ; #', "x' } UNION { ?s ?p ?o", "<http://evil>\n}", "\\\" ) }"]:
        rows = query_rows(seeds_store, "statements-about", f"keyword={hostile}")
        assert rows == []
    assert run_kg("stats", "--store", str(seeds_store), "--format", "json").stdout == before


def test_bad_parameter_type_is_one_line_error(seeds_store: Path) -> None:
    r = run_kg("query", "timeline", "--store", str(seeds_store), "--param", "since=yesterday")
    assert r.returncode != 0
    assert r.stderr.strip().count("\n") == 0 and "not a date" in r.stderr
    r = run_kg("query", "../etc/passwd", "--store", str(seeds_store))
    assert r.returncode != 0 and "no saved query" in r.stderr


def test_rebuild_is_idempotent_and_skips_unchanged(tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = run_kg("build", str(SEEDS), "--store", str(store))
    assert first.returncode == 0, first.stderr
    n1 = json.loads(run_kg("stats", "--store", str(store), "--format", "json").stdout)["triples"]
    ttl1 = run_kg("export", "--store", str(store)).stdout
    second = run_kg("build", str(SEEDS), "--store", str(store))
    assert "0 built, 5 unchanged" in second.stdout
    n2 = json.loads(run_kg("stats", "--store", str(store), "--format", "json").stdout)["triples"]
    assert n1 == n2
    assert run_kg("export", "--store", str(store)).stdout == ttl1  # byte for byte


@pytest.fixture(scope="module")
def exported_counts(seeds_store: Path) -> dict[type, int]:
    """Triples of the N-Triples export and quads of the N-Quads export, what each format must give back."""
    nt = run_kg("export", "--store", str(seeds_store), "--format", "nt").stdout
    nq = run_kg("export", "--store", str(seeds_store), "--format", "nq").stdout
    return {rdflib.Graph: len(rdflib.Graph().parse(data=nt, format="nt")),
            rdflib.Dataset: len(rdflib.Dataset().parse(data=nq, format="nquads"))}


# Dataset formats keep one named graph per document: they are compared by quads.
@pytest.mark.parametrize(("fmt", "rdflib_fmt", "kind"), [
    ("turtle", "turtle", rdflib.Graph), ("rdfxml", "xml", rdflib.Graph),
    ("jsonld", "json-ld", rdflib.Dataset), ("trig", "trig", rdflib.Dataset),
])
def test_rdf_exports_parse_back_with_same_count(seeds_store: Path, tmp_path: Path, exported_counts: dict[type, int],
                                                fmt: str, rdflib_fmt: str, kind: type) -> None:
    out = tmp_path / f"graph.{fmt}"
    assert run_kg("export", "--store", str(seeds_store), "--format", fmt, "-o", str(out)).returncode == 0
    assert len(kind().parse(out, format=rdflib_fmt)) == exported_counts[kind]


def test_graph_conforms_to_shapes(seeds_store: Path) -> None:
    r = run_kg("validate", "--store", str(seeds_store))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "conforms" in r.stdout


def test_remove_document(tmp_path: Path) -> None:
    store = tmp_path / "store"
    run_kg("build", str(SEEDS / "003_6a82afc5f1cd8415.txt"), str(SEEDS / "002_187ddd71573548b3.txt"), "--store", str(store))
    assert run_kg("remove", "003_6a82afc5f1cd8415.txt", "--store", str(store)).returncode == 0
    rows = query_rows(store, "people-roles")
    assert {r["document"] for r in rows} == {"002_187ddd71573548b3.txt"}
    r = run_kg("remove", "nope.txt", "--store", str(store))
    assert r.returncode != 0 and "nope.txt" in r.stderr
