"""Cytoscape.js elements JSON: `{"elements": {"nodes": [{"data": {...}}], "edges": [{"data": {...}}]}}`.

Opens in Cytoscape.js (`cy.add(json.elements)`) and in Cytoscape desktop (File > Import > Network
from file, "Cytoscape.js JSON"); list attributes stay JSON lists.
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from kg.export.style import color_of


def to_cytoscape(graph: nx.MultiDiGraph) -> dict[str, Any]:
    nodes = [{"data": {"id": n, **d, "color": color_of(str(d.get("type", "")))}, "classes": str(d.get("type", ""))}
             for n, d in graph.nodes(data=True)]
    edges = []
    for i, (u, v, key, d) in enumerate(graph.edges(keys=True, data=True)):
        edges.append({"data": {"id": f"e{i}", "source": u, "target": v, "key": key, **d},
                      "classes": str(d.get("type", ""))})
    return {"data": {"name": str(graph.graph.get("name", "kg"))}, "directed": True, "multigraph": True,
            "elements": {"nodes": nodes, "edges": edges}}


def cytoscape_bytes(graph: nx.MultiDiGraph) -> bytes:
    return json.dumps(to_cytoscape(graph), ensure_ascii=False, indent=1).encode("utf-8")
