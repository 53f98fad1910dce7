"""SPARQL texts for store upkeep, shared by the embedded and the remote store."""

from __future__ import annotations

from kg.rdf.namespaces import DIP, SKOS


def prune_entities_update(entities_graph: str) -> str:
    """Delete canonical entities (and roles) that no document graph mentions, as subject or object."""
    ent = f"<{entities_graph}>"
    return (f"DELETE {{ GRAPH {ent} {{ ?e ?p ?o }} }} WHERE {{ GRAPH {ent} {{ ?e ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?g {{ {{ ?e ?p2 ?o2 }} UNION {{ ?s2 ?p2 ?e }} }} FILTER(?g != {ent}) }} }}")


def has_name_keys_ask() -> str:
    """True once any entity carries a `dip:nameKey`: stores written by an earlier kg have none."""
    return f"ASK {{ GRAPH ?g {{ ?e <{DIP}nameKey> ?k }} }}"


def has_names_ask() -> str:
    return f"ASK {{ GRAPH ?g {{ ?e <{SKOS}altLabel> ?l }} }}"


def add_name_keys_update() -> str:
    """Give every name (skos:altLabel) in a document graph its lower-case key, in the same graph."""
    return (f"INSERT {{ GRAPH ?g {{ ?e <{DIP}nameKey> ?k }} }} WHERE {{ GRAPH ?g {{ ?e <{SKOS}altLabel> ?l }} "
            f"BIND(LCASE(STR(?l)) AS ?k) }}")
