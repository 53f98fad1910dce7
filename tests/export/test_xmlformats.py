"""GraphML and GEXF: valid against their XML schemas, read back by networkx and igraph with the projection's counts.

GraphML is checked against the GraphML 1.0 schema (structure, attributes and parseinfo layers) as
shipped by Debian's libjgrapht-java; GEXF 1.3 against a minimal schema written for these tests (no
package reachable here ships the official GEXF 1.3 XSD). See tests/export/schemas/README.md.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from kg.config import Settings
from kg.export import project_query, render
from kg.export.style import TYPE_COLORS, rgb
from kg.queries import Catalogue
from kg.store import KgStore

SCHEMAS = Path(__file__).parent / "schemas"
GRAPHML_XSD = SCHEMAS / "graphml-1.0" / "graphml.xsd"
GEXF_XSD = SCHEMAS / "gexf-1.3-minimal" / "gexf.xsd"
GEXF_NS = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
GRAPHML_NS = {"g": "http://graphml.graphdrawing.org/xmlns"}
NMTOKEN = re.compile(r"^[\w.:-]+$")


def schema(path: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(path)))


def xmllint(xsd: Path, data: bytes, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    if shutil.which("xmllint") is None:
        pytest.skip("xmllint not installed (Debian: apt-get install libxml2-utils)")
    doc = tmp_path / "graph.xml"
    doc.write_bytes(data)
    return subprocess.run(["xmllint", "--noout", "--schema", str(xsd), str(doc)], capture_output=True, text=True)


@pytest.fixture(scope="module")
def graphml(seed_graph: nx.MultiDiGraph) -> bytes:
    return render(seed_graph, "graphml")


@pytest.fixture(scope="module")
def gexf(seed_graph: nx.MultiDiGraph) -> bytes:
    return render(seed_graph, "gexf")


def test_graphml_is_valid_against_the_graphml_schema(graphml: bytes, tmp_path: Path) -> None:
    result = xmllint(GRAPHML_XSD, graphml, tmp_path)
    assert result.returncode == 0, result.stderr[:2000]
    assert "validates" in result.stderr


def test_graphml_schema_catches_what_tools_trip_on(graphml: bytes) -> None:
    xsd = schema(GRAPHML_XSD)
    doc = etree.fromstring(graphml)
    assert xsd.validate(doc), xsd.error_log
    edge = doc.find("g:graph/g:edge", GRAPHML_NS)
    edge.set("target", "nowhere")  # an edge to a node that does not exist
    assert not xsd.validate(doc)
    doc = etree.fromstring(graphml)
    doc.find("g:graph/g:node", GRAPHML_NS).set("id", "http://kg.example.org/id/person/x")  # not an NMTOKEN
    assert not xsd.validate(doc)


def test_graphml_ids_are_tokens_keys_are_unique_and_typed_per_domain(seed_graph: nx.MultiDiGraph,
                                                                      graphml: bytes) -> None:
    doc = etree.fromstring(graphml)
    keys = doc.findall("g:key", GRAPHML_NS)
    ids = [k.get("id") for k in keys]
    assert len(ids) == len(set(ids)) and all(NMTOKEN.match(i) for i in ids)
    typed = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in keys}
    assert len(typed) == len(keys)
    assert typed[("node", "degree")] in ("int", "long") and typed[("edge", "weight")] in ("int", "long")
    assert typed[("edge", "confidence")] == "double" and typed[("node", "planned")] == "boolean"
    assert typed[("node", "label")] == typed[("edge", "label")] == typed[("node", "iri")] == "string"
    nodes = doc.findall("g:graph/g:node", GRAPHML_NS)
    edges = doc.findall("g:graph/g:edge", GRAPHML_NS)
    node_ids, edge_ids = [n.get("id") for n in nodes], [e.get("id") for e in edges]
    assert all(NMTOKEN.match(i) for i in node_ids + edge_ids)
    assert len(set(node_ids)) == len(nodes) and len(set(edge_ids)) == len(edges)
    assert not set(node_ids) & set(edge_ids)


def test_graphml_reads_back_in_networkx_with_the_same_nodes_edges_and_typed_values(seed_graph: nx.MultiDiGraph,
                                                                                    graphml: bytes) -> None:
    back = nx.read_graphml(io.BytesIO(graphml))
    assert back.is_directed() and back.is_multigraph()
    assert (back.number_of_nodes(), back.number_of_edges()) == (seed_graph.number_of_nodes(),
                                                                 seed_graph.number_of_edges())
    by_iri = {d["iri"]: d for _, d in back.nodes(data=True)}
    assert set(by_iri) == set(seed_graph.nodes)  # the IRIs are kept as the `iri` attribute
    for n, d in seed_graph.nodes(data=True):
        assert by_iri[n]["degree"] == d["degree"] and by_iri[n]["label"] == d["label"]
        assert by_iri[n]["aliases"] == " | ".join(d["aliases"])
    iri = {n: d["iri"] for n, d in back.nodes(data=True)}
    pairs = sorted((iri[u], iri[v], d["type"], d["weight"]) for u, v, d in back.edges(data=True))
    assert pairs == sorted((u, v, d["type"], d["weight"]) for u, v, d in seed_graph.edges(data=True))
    assert all(isinstance(d["confidence"], float) for *_, d in back.edges(data=True) if "confidence" in d)


def test_graphml_reads_back_in_igraph(seed_graph: nx.MultiDiGraph, graphml: bytes, tmp_path: Path) -> None:
    igraph = pytest.importorskip("igraph")
    path = tmp_path / "seeds.graphml"
    path.write_bytes(graphml)
    g = igraph.Graph.Read_GraphML(str(path))
    assert g.is_directed()
    assert (g.vcount(), g.ecount()) == (seed_graph.number_of_nodes(), seed_graph.number_of_edges())
    assert set(g.vs["iri"]) == set(seed_graph.nodes)
    assert sorted(g.es["weight"]) == sorted(d["weight"] for *_, d in seed_graph.edges(data=True))


def test_gexf_is_valid_1_3(gexf: bytes, tmp_path: Path) -> None:
    doc = etree.fromstring(gexf)
    assert doc.tag == "{http://gexf.net/1.3}gexf" and doc.get("version") == "1.3"
    xsd = schema(GEXF_XSD)
    assert xsd.validate(doc), xsd.error_log
    result = xmllint(GEXF_XSD, gexf, tmp_path)
    assert result.returncode == 0, result.stderr[:2000]
    doc.find("g:graph/g:nodes/g:node/viz:color", GEXF_NS).set("r", "300")
    assert not xsd.validate(doc)


def test_gexf_carries_only_the_projections_attributes(seed_graph: nx.MultiDiGraph, gexf: bytes) -> None:
    doc = etree.fromstring(gexf)
    titles = {(a.getparent().get("class"), a.get("title")) for a in doc.iterfind(".//g:attribute", GEXF_NS)}
    node_attrs = {k for _, d in seed_graph.nodes(data=True) for k in d} - {"label"}
    edge_attrs = {k for *_, d in seed_graph.edges(data=True) for k in d} - {"label", "weight", "type"} | {"relation"}
    assert titles == {("node", k) for k in node_attrs} | {("edge", k) for k in edge_attrs}
    assert b"networkx" not in gexf


def test_gexf_reads_back_with_the_same_nodes_and_edges(seed_graph: nx.MultiDiGraph, gexf: bytes) -> None:
    back = nx.read_gexf(io.BytesIO(gexf), version="1.3")
    assert (back.number_of_nodes(), back.number_of_edges()) == (seed_graph.number_of_nodes(),
                                                                 seed_graph.number_of_edges())
    assert set(back.nodes) == set(seed_graph.nodes)
    assert sorted(d["weight"] for *_, d in back.edges(data=True)) == sorted(
        float(d["weight"]) for *_, d in seed_graph.edges(data=True))


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


def test_a_saved_construct_query_exports_valid_graphml_and_gexf(seed_kgstore: KgStore) -> None:
    query = Catalogue(Settings().queries_dir).get("meeting-network")
    graph = project_query(seed_kgstore, query, {"include_planned": "true"})
    assert graph.number_of_edges() > 0
    for fmt, xsd in (("graphml", GRAPHML_XSD), ("gexf", GEXF_XSD)):
        checker = schema(xsd)
        assert checker.validate(etree.fromstring(render(graph, fmt))), (fmt, checker.error_log)


def test_gexf_is_dynamic_with_each_edge_spanning_the_dates_of_its_facts(tiny_store: KgStore) -> None:
    from kg.export.projection import Options, project

    graph = project(tiny_store, Options.parse(facts="all"))
    doc = etree.fromstring(render(graph, "gexf"))
    checker = schema(GEXF_XSD)
    assert checker.validate(doc), checker.error_log
    element = doc.find("g:graph", GEXF_NS)
    assert (element.get("mode"), element.get("timeformat"), element.get("timerepresentation")) == (
        "dynamic", "date", "interval")
    labels = {n.get("id"): n.get("label") for n in element.iterfind("g:nodes/g:node", GEXF_NS)}
    spans = {(labels[e.get("source")], e.get("label"), labels[e.get("target")]): (e.get("start"), e.get("end"))
             for e in element.iterfind("g:edges/g:edge", GEXF_NS)}
    # Two held meetings, on 7 and 30 September; the statement and the agreement on their articles' dates.
    assert spans[("Jean Dupont", "met with", "Ravi Kumar")] == ("2015-09-07", "2015-09-30")
    assert spans[("Jean Dupont", "agrees", "Ravi Kumar")] == ("2015-09-10", "2015-09-10")
    assert spans[("France", "agreed with", "India")] == ("2015-10-01", "2015-10-01")
