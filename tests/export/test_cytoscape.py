"""Cytoscape.js JSON: the documented `elements` shape, every edge between existing nodes."""

from __future__ import annotations

import json

import networkx as nx

from kg.export import render


def test_cytoscape_json_has_the_documented_shape(seed_graph: nx.MultiDiGraph) -> None:
    doc = json.loads(render(seed_graph, "cytoscape"))
    nodes, edges = doc["elements"]["nodes"], doc["elements"]["edges"]
    assert (len(nodes), len(edges)) == (seed_graph.number_of_nodes(), seed_graph.number_of_edges())
    ids = {n["data"]["id"] for n in nodes}
    assert ids == set(seed_graph.nodes)
    for n in nodes:
        assert {"id", "label", "type", "color"} <= set(n["data"]) and n["classes"] == n["data"]["type"]
        assert isinstance(n["data"]["aliases"], list) and isinstance(n["data"]["documents"], list)
    edge_ids = [e["data"]["id"] for e in edges]
    assert len(set(edge_ids)) == len(edge_ids) and not ids & set(edge_ids)
    for e in edges:
        assert e["data"]["source"] in ids and e["data"]["target"] in ids
        assert {"label", "type", "weight"} <= set(e["data"])
    kerry = next(n["data"] for n in nodes if n["data"]["label"] == "John Kerry")
    assert any("Secretary of State" in r for r in kerry["roles"])
