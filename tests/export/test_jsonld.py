"""Compacted JSON-LD: readable keys, and exactly the store's quads when parsed back."""

from __future__ import annotations

import json
from pathlib import Path

import rdflib

from kg.export import render_rdf
from kg.store import KgStore
from tests.conftest import run_kg


def quads(data: bytes | str, fmt: str) -> set[tuple]:
    ds = rdflib.Dataset()
    ds.parse(data=data, format=fmt)
    return {(s, p, o, g.identifier if isinstance(g, rdflib.Graph) else g) for s, p, o, g in ds.quads((None, None, None, None))}


def test_jsonld_is_compact_and_round_trips_to_the_store_export(seed_kgstore: KgStore) -> None:
    data = render_rdf(seed_kgstore, "jsonld")
    doc = json.loads(data)
    ctx = doc["@context"]
    assert ctx["participant"] == {"@id": "dip:participant", "@type": "@id"}
    assert ctx["date"] == {"@id": "dip:date", "@type": "xsd:date"} and ctx["prefLabel"] == {"@id": "skos:prefLabel"}
    keys = {k for n in objects(doc) for k in n}
    assert {"id", "type", "prefLabel", "participant", "speaker", "claim", "anchorOf"} <= keys
    assert not [k for k in keys if "://" in k]  # no expanded IRIs as keys
    assert quads(data, "json-ld") == quads(seed_kgstore.export("nq"), "nquads")


def test_cli_jsonld_export_is_the_compacted_one(seeds_store: Path, seed_kgstore: KgStore) -> None:
    r = run_kg("export", "--format", "jsonld", "--store", str(seeds_store))
    assert r.returncode == 0, r.stderr
    assert r.stdout.encode("utf-8") == render_rdf(seed_kgstore, "jsonld")


def test_one_document_graph_compacts_too(tiny_store: KgStore) -> None:
    data = render_rdf(tiny_store, "jsonld", graph="a.txt")
    assert quads(data, "json-ld") == quads(tiny_store.export("nq", graph="a.txt"), "nquads")
    # A document graph carries the names it uses as altLabels; one prefLabel lives in the entities graph.
    names = set()
    for n in objects(json.loads(data)):
        value = n.get("altLabel", [])
        names.update(value if isinstance(value, list) else [value])
    assert {"Jean Dupont", "Geneva"} <= names


def objects(doc: object) -> list[dict]:
    """Every JSON object of a JSON-LD document, however graphs are nested."""
    if isinstance(doc, list):
        return [o for x in doc for o in objects(x)]
    if isinstance(doc, dict):
        return [doc] + [o for k, v in doc.items() if k != "@context" for o in objects(v)]
    return []
