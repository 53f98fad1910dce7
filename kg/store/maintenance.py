"""SPARQL texts for store upkeep, shared by the embedded and the remote store."""

from __future__ import annotations


def prune_entities_update(entities_graph: str) -> str:
    """Delete canonical entities (and roles) that no document graph mentions, as subject or object."""
    ent = f"<{entities_graph}>"
    return (f"DELETE {{ GRAPH {ent} {{ ?e ?p ?o }} }} WHERE {{ GRAPH {ent} {{ ?e ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?g {{ {{ ?e ?p2 ?o2 }} UNION {{ ?s2 ?p2 ?e }} }} FILTER(?g != {ent}) }} }}")
