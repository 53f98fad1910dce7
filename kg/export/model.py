"""The property graph as plain dataclasses, and its one conversion to a networkx MultiDiGraph.

Projections build `Node`s and `Edge`s; every writer then works on the networkx graph, so a
saved CONSTRUCT query and the built-in projection export the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

#: Node types the projection knows, in legend order; anything else is drawn as "Resource".
ENTITY_TYPES = ("Person", "Organization", "Country", "Place", "Group")
FACT_TYPES = ("Meeting", "Statement", "Agreement")


@dataclass
class Node:
    """An entity or a fact node; `id` is its IRI, so every export links back to the RDF."""

    id: str
    type: str
    label: str
    aliases: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    first_date: str = ""
    last_date: str = ""
    evidence: list[str] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Edge:
    """A typed, labelled edge; repeated facts between the same pair are merged and counted in `weight`."""

    source: str
    target: str
    type: str
    label: str
    weight: int = 1
    documents: list[str] = field(default_factory=list)
    first_date: str = ""
    last_date: str = ""
    evidence: list[str] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.type}:{self.label}" if self.type == "role" else self.type


def merge_dates(first: str, last: str, dates: list[str]) -> tuple[str, str]:
    """The earliest and latest of `first`, `last` and `dates` (ISO strings sort as dates)."""
    known = sorted({d for d in (first, last, *dates) if d})
    return (known[0], known[-1]) if known else ("", "")


def to_networkx(nodes: list[Node], edges: list[Edge], *, name: str = "kg") -> nx.MultiDiGraph:
    """A MultiDiGraph with list-valued attributes kept as lists; `degree` is filled in here."""
    g = nx.MultiDiGraph(name=name)
    for n in sorted(nodes, key=lambda n: n.id):
        g.add_node(n.id, type=n.type, label=n.label, aliases=sorted(set(n.aliases)),
                   documents=sorted(set(n.documents)), first_date=n.first_date, last_date=n.last_date,
                   evidence=_unique(n.evidence), **n.attrs)
    for e in sorted(edges, key=lambda e: (e.source, e.target, e.key)):
        if e.source not in g or e.target not in g:
            continue
        g.add_edge(e.source, e.target, key=e.key, type=e.type, label=e.label, weight=e.weight,
                   documents=sorted(set(e.documents)), first_date=e.first_date, last_date=e.last_date,
                   evidence=_unique(e.evidence), **e.attrs)
    for node, degree in g.degree():
        g.nodes[node]["degree"] = int(degree)
    return g


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))
