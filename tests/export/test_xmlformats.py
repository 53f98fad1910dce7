"""GraphML and GEXF: read back by networkx with the projection's counts, valid against XML schemas."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from kg.export import render
from kg.export.style import TYPE_COLORS, rgb

SCHEMAS = Path(__file__).parent / "schemas"
GEXF_NS = {"g": "http://www.gexf.net/1.2draft", "viz": "http://www.gexf.net/1.2draft/viz"}
GRAPHML_NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


def schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


@pytest.fixture(scope="module")
def graphml(seed_graph: nx.MultiDiGraph) -> bytes:
    return render(seed_graph, "graphml")


@pytest.fixture(scope="module")
def gexf(seed_graph: nx.MultiDiGraph) -> bytes:
    return render(seed_graph, "gexf")


def test_graphml_reads_back_with_the_same_nodes_edges_and_typed_values(seed_graph: nx.MultiDiGraph,
                                                                        graphml: bytes) -> None:
    back = nx.read_graphml(io.BytesIO(graphml))
    assert back.is_directed() and back.is_multigraph()
    assert (back.number_of_nodes(), back.number_of_edges()) == (seed_graph.number_of_nodes(),
                                                                 seed_graph.number_of_edges())
    assert set(back.nodes) == set(seed_graph.nodes)
    for n, d in seed_graph.nodes(data=True):
        assert back.nodes[n]["degree"] == d["degree"] and back.nodes[n]["label"] == d["label"]
        assert back.nodes[n]["aliases"] == " | ".join(d["aliases"])
    weights = sorted(d["weight"] for *_, d in back.edges(data=True))
    assert weights == sorted(d["weight"] for *_, d in seed_graph.edges(data=True))
    assert all(isinstance(d["confidence"], float) for *_, d in back.edges(data=True) if "confidence" in d)


def test_graphml_declares_one_typed_key_per_attribute_and_validates(graphml: bytes) -> None:
    doc = etree.fromstring(graphml)
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in doc.findall("g:key", GRAPHML_NS)}
    assert len(keys) == len(doc.findall("g:key", GRAPHML_NS))
    assert keys[("node", "degree")] in ("int", "long") and keys[("edge", "weight")] in ("int", "long")
    assert keys[("edge", "confidence")] == "double" and keys[("node", "planned")] == "boolean"
    assert keys[("node", "label")] == "string"
    xsd = schema("graphml.xsd")
    assert xsd.validate(doc), xsd.error_log
    # The schema does catch a broken file: an edge to a node that does not exist.
    edge = doc.find("g:graph/g:edge", GRAPHML_NS)
    edge.set("target", "http://nowhere/")
    assert not xsd.validate(doc)


def test_gexf_reads_back_and_validates(seed_graph: nx.MultiDiGraph, gexf: bytes) -> None:
    back = nx.read_gexf(io.BytesIO(gexf))
    assert (back.number_of_nodes(), back.number_of_edges()) == (seed_graph.number_of_nodes(),
                                                                 seed_graph.number_of_edges())
    doc = etree.fromstring(gexf)
    xsd = schema("gexf.xsd")
    assert xsd.validate(doc), xsd.error_log
    doc.find("g:graph/g:nodes/g:node/viz:color", GEXF_NS).set("r", "300")
    assert not xsd.validate(doc)


def test_gexf_colours_nodes_by_type_and_is_a_dated_timeline(seed_graph: nx.MultiDiGraph, gexf: bytes) -> None:
    doc = etree.fromstring(gexf)
    graph = doc.find("g:graph", GEXF_NS)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    for node in graph.iterfind("g:nodes/g:node", GEXF_NS):
        d = seed_graph.nodes[node.get("id")]
        color = node.find("viz:color", GEXF_NS)
        assert tuple(int(color.get(c)) for c in "rgb") == rgb(TYPE_COLORS[d["type"]])
        if d["first_date"]:
            assert (node.get("start"), node.get("end")) == (d["first_date"], d["last_date"])
        else:
            assert node.get("start") is None
    dated_edges = [e for e in graph.iterfind("g:edges/g:edge", GEXF_NS) if e.get("start")]
    assert dated_edges and all(e.get("start") <= e.get("end") for e in dated_edges)
    assert {e.get("type") for e in graph.iterfind("g:edges/g:edge", GEXF_NS)} <= {None, "directed"}
