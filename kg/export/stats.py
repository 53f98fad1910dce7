"""Counts that describe a projected graph: nodes, edges by type, the share of nodes with an edge.

`kg export` and `kg viz` print them (on stderr), so the README's figures come from a command.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx


@dataclass(frozen=True)
class GraphStats:
    nodes: int
    edges: int
    edge_types: dict[str, int]
    connected: int  # nodes with at least one edge
    largest: int  # nodes in the largest weakly connected component
    components: int

    @property
    def connected_share(self) -> float:
        return self.connected / self.nodes if self.nodes else 0.0

    def line(self) -> str:
        """One line, e.g. `50 nodes, 85 edges (46 stated_about, 18 met_with); 40 of 50 nodes (80%) have an edge, ...`."""
        types = ", ".join(f"{n} {t}" for t, n in sorted(self.edge_types.items(), key=lambda kv: (-kv[1], kv[0])))
        return (f"{self.nodes} nodes, {self.edges} edges" + (f" ({types})" if types else "")
                + f"; {self.connected} of {self.nodes} nodes ({self.connected_share:.0%}) have an edge, "
                f"the largest component holds {self.largest} in {self.components} "
                f"component{'' if self.components == 1 else 's'}")


def graph_stats(graph: nx.MultiDiGraph) -> GraphStats:
    """The counts of `graph` (components are weakly connected: edge direction is ignored)."""
    components = list(nx.weakly_connected_components(graph)) if len(graph) else []
    return GraphStats(graph.number_of_nodes(), graph.number_of_edges(),
                      dict(Counter(str(d.get("type", "")) for *_, d in graph.edges(data=True))),
                      sum(1 for _, d in graph.degree() if d > 0), max(map(len, components), default=0),
                      len(components))
