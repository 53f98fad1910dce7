"""SPARQL texts both stores send for documents and exports, written once so they cannot drift apart.

The embedded store runs them on Oxigraph, the remote store posts them to its endpoints; the answers
must be the same (a build skips the same unchanged documents, an export gives the same bytes).
Store upkeep (the entity prune, name keys) is in kg.store.maintenance.
"""

from __future__ import annotations

from kg.rdf.namespaces import DIP


def document_hashes_select() -> str:
    """?id ?h: every document's id and content hash, read to skip unchanged documents."""
    return f"SELECT ?id ?h WHERE {{ GRAPH ?g {{ ?d <{DIP}documentId> ?id ; <{DIP}contentHash> ?h }} }}"


def replace_graph_updates(graph: str, ntriples: str) -> list[str]:
    """Drop `graph` and fill it with `ntriples`: two operations, to be joined with ` ;` into one request
    (one transaction) with whatever else must change at the same time."""
    return [f"DROP SILENT GRAPH <{graph}>", insert_data(graph, ntriples)]


def replace_document_updates(graph: str, document_nt: str, entities_graph: str, entities_nt: str) -> list[str]:
    """The operations that replace a document's graph and add its entities (none when `entities_nt` is
    empty); one request, so no document is ever left without its entities."""
    parts = replace_graph_updates(graph, document_nt)
    if entities_nt:
        parts.append(insert_data(entities_graph, entities_nt))
    return parts


def insert_data(graph: str, ntriples: str) -> str:
    return f"INSERT DATA {{ GRAPH <{graph}> {{\n{ntriples}}} }}"


def join_updates(parts: list[str]) -> str:
    """Several update operations as one request."""
    return " ;\n".join(parts)


def graph_exists_ask(graph: str) -> str:
    """True when the named graph holds a triple (an empty graph does not exist for every server)."""
    return f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"


def named_graphs_select() -> str:
    """?g: every named graph that holds a triple."""
    return "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


def export_select(graph: str | None = None) -> str:
    """?s ?p ?o ?g: every quad in a named graph, or in `graph` alone."""
    if graph is None:
        return "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    return f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g = <{graph}>) }}"


def count_select() -> str:
    """?n: the number of quads in named graphs."""
    return "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
