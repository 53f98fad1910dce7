"""Graphviz DOT: one statement per node and edge, quoted safely; `dot` accepts it when installed."""

from __future__ import annotations

import shutil
import subprocess

import networkx as nx
import pytest

from kg.export import render


def test_dot_has_every_node_and_edge(seed_graph: nx.MultiDiGraph) -> None:
    text = render(seed_graph, "dot").decode()
    assert text.startswith("digraph ") and text.rstrip().endswith("}")
    assert text.count(" -> ") == seed_graph.number_of_edges()
    assert all(f'"{n}" [label=' in text for n in seed_graph.nodes)


def test_dot_quotes_hostile_labels() -> None:
    g = nx.MultiDiGraph()
    g.add_node('a"b', type="Person", label='Say "hi"\\ \n now')
    g.add_node("c", type="Place", label="C")
    g.add_edge('a"b', "c", label='x"y')
    text = render(g, "dot").decode()
    assert '"a\\"b" [label="Say \\"hi\\"\\\\ \\n now"' in text
    if shutil.which("dot"):
        out = subprocess.run(["dot", "-Tsvg"], input=text, capture_output=True, text=True, timeout=30)
        assert out.returncode == 0, out.stderr


@pytest.mark.skipif(not shutil.which("dot"), reason="Graphviz `dot` is not installed")
def test_graphviz_lays_out_the_seed_graph(seed_graph: nx.MultiDiGraph) -> None:
    out = subprocess.run(["dot", "-Tsvg"], input=render(seed_graph, "dot"), capture_output=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.count(b'class="node"') == seed_graph.number_of_nodes()
