"""Graphviz DOT, written directly (no pygraphviz/pydot needed): `dot -Tsvg graph.dot > graph.svg`."""

from __future__ import annotations

import networkx as nx

from kg.export.style import color_of

_SHAPES = {"Person": "ellipse", "Organization": "box", "Country": "box3d", "Place": "house", "Group": "octagon",
           "Meeting": "diamond", "Statement": "note", "Agreement": "component"}


def _q(text: object) -> str:
    """A DOT double-quoted string."""
    s = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "")
    return f'"{s}"'


def to_dot(graph: nx.MultiDiGraph) -> bytes:
    lines = [f"digraph {_q(graph.graph.get('name', 'kg'))} {{",
             '  graph [overlap=false, splines=true, fontname="Helvetica"];',
             '  node [style=filled, fontname="Helvetica", fontsize=10];',
             '  edge [fontname="Helvetica", fontsize=8, color="#777777"];']
    for n, d in graph.nodes(data=True):
        t = str(d.get("type", ""))
        label = str(d.get("label", n))
        label = label if len(label) <= 40 else label[:39] + "…"
        lines.append(f"  {_q(n)} [label={_q(label)}, fillcolor={_q(color_of(t))}, shape={_SHAPES.get(t, 'ellipse')}, "
                     f"tooltip={_q(t)}];")
    for u, v, d in graph.edges(data=True):
        attrs = f"label={_q(d.get('label', ''))}"
        if d.get("type") == "met_with":
            attrs += f", dir=none, penwidth={min(1 + int(d.get('weight', 1)), 6)}"
        lines.append(f"  {_q(u)} -> {_q(v)} [{attrs}];")
    lines.append("}")
    return ("\n".join(lines) + "\n").encode("utf-8")
