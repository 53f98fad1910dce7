"""Saved CONSTRUCT queries as graphs: queries/meeting-network.rq in every format."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest
import rdflib

from kg.config import Settings
from kg.errors import QueryError
from kg.export import FORMATS, export_query, project_query
from kg.export.construct import project_triples
from kg.queries import Catalogue
from kg.store import KgStore

CATALOGUE = Catalogue(Settings().queries_dir)


def test_meeting_network_projects_meetings_participants_and_provenance(tiny_store: KgStore) -> None:
    q = CATALOGUE.get("meeting-network")
    assert q.form == "CONSTRUCT" and q.summary
    g = project_query(tiny_store, q, {})
    meetings = [n for n, d in g.nodes(data=True) if d["type"] == "Meeting"]
    assert len(meetings) == 2  # the planned meeting is left out by default
    people = {d["label"] for _, d in g.nodes(data=True) if d["type"] == "Person"}
    assert people == {"Jean Dupont", "Ravi Kumar"}
    first = g.nodes[min(meetings, key=lambda m: g.nodes[m]["first_date"])]
    assert first["first_date"] == "2015-09-07" and first["documents"] == ["a.txt"]
    assert first["evidence"] and "Geneva" in first["evidence"][0]
    assert {d["type"] for *_, d in g.edges(data=True)} == {"participant", "place"}
    # Documents and evidence sentences are folded into attributes, not left as nodes.
    assert not [n for n in g if "#char=" in n or "/id/document/" in n]
    assert len([n for n, d in project_query(tiny_store, q, {"include_planned": "true"}).nodes(data=True)
                if d["type"] == "Meeting"]) == 3


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_exports_a_construct_query(tiny_store: KgStore, fmt: str) -> None:
    data = export_query(tiny_store, CATALOGUE.get("meeting-network"), {}, fmt)
    assert data
    if fmt in ("turtle", "nt", "jsonld", "rdfxml"):
        g = rdflib.Graph().parse(data=data, format={"nt": "nt", "jsonld": "json-ld", "rdfxml": "xml"}.get(fmt, fmt))
        assert (None, rdflib.URIRef("https://w3id.org/kg-diplomacy/ontology#participant"), None) in g
    elif fmt == "graphml":
        assert nx.read_graphml(io.BytesIO(data)).number_of_nodes() == 5  # 2 meetings, 2 people, Geneva
    elif fmt == "cytoscape":
        assert len(json.loads(data)["elements"]["nodes"]) == 5


def test_select_queries_cannot_be_exported_as_graphs(tiny_store: KgStore) -> None:
    with pytest.raises(QueryError, match="who-met-whom is a SELECT query"):
        export_query(tiny_store, CATALOGUE.get("who-met-whom"), {}, "graphml")


def test_generic_triples_become_nodes_attributes_and_edges() -> None:
    nt = ('<http://x/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://x/Thing> .\n'
          '<http://x/a> <http://www.w3.org/2000/01/rdf-schema#label> "A" .\n'
          '<http://x/a> <http://x/size> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
          '<http://x/a> <http://x/knows> <http://x/b> .\n')
    g = project_triples(nt)
    assert g.nodes["http://x/a"]["type"] == "Thing" and g.nodes["http://x/a"]["label"] == "A"
    assert g.nodes["http://x/a"]["size"] == 3
    assert g.nodes["http://x/b"]["type"] == "Resource"
    assert [(u, v, d["type"]) for u, v, d in g.edges(data=True)] == [("http://x/a", "http://x/b", "knows")]
