"""Whole-graph operations for the SPARQL 1.1 Graph Store HTTP Protocol: read, replace, merge, drop.

`graph=None` is the store's real default graph (not the union that queries see). A replaced graph
is written through a staging graph and one MOVE, so readers see the old or the new graph, never half.
"""

from __future__ import annotations

import uuid
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.store.results import GRAPH_FORMATS

#: Media types a graph can be uploaded in (triples only: a named graph holds no quads).
UPLOAD_FORMATS = {k: v for k, v in GRAPH_FORMATS.items() if not v.supports_datasets} | {
    "text/n3": ox.RdfFormat.N3, "application/x-turtle": ox.RdfFormat.TURTLE, "text/plain": ox.RdfFormat.N_TRIPLES}


def _target(graph: str | None) -> Any:
    return ox.DefaultGraph() if graph is None else ox.NamedNode(graph)


def graph_exists(store: ox.Store, graph: str | None) -> bool:
    if graph is None:
        return True
    return store.contains_named_graph(ox.NamedNode(graph))


def read_graph(store: ox.Store, graph: str | None, media_type: str) -> bytes:
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, _target(graph))]
    return ox.serialize(triples, format=GRAPH_FORMATS[media_type]) or b""


def write_graph(store: ox.Store, graph: str | None, data: bytes, media_type: str, *, replace: bool) -> bool:
    """Replace (PUT) or merge into (POST) a graph; True when the graph did not exist before."""
    fmt = UPLOAD_FORMATS.get(media_type)
    if fmt is None:
        raise StoreError(f"cannot read RDF sent as {media_type!r} (send one of: {', '.join(sorted(UPLOAD_FORMATS))})")
    try:
        triples = list(ox.parse(data, format=fmt, base_iri=graph))
    except SyntaxError as e:
        raise QueryError(f"the RDF sent is not valid {media_type}: {str(e).strip().splitlines()[0]}") from e
    created = not graph_exists(store, graph)
    staging = ox.NamedNode(f"urn:kg:staging:{uuid.uuid4().hex}")
    store.extend([ox.Quad(t.subject, t.predicate, t.object, staging) for t in triples])
    target = "DEFAULT" if graph is None else f"GRAPH <{graph}>"
    op = "MOVE" if replace else "ADD"
    store.update(f"{op} SILENT GRAPH <{staging.value}> TO {target}" + ("" if replace else f" ; DROP SILENT GRAPH <{staging.value}>"))
    if created and graph is not None and not store.contains_named_graph(ox.NamedNode(graph)):
        store.add_graph(ox.NamedNode(graph))  # an empty PUT still creates the graph
    return created


def drop_graph(store: ox.Store, graph: str | None) -> bool:
    """Drop a named graph (or clear the default graph); False when there was no such graph."""
    if graph is None:
        store.clear_graph(ox.DefaultGraph())
        return True
    node = ox.NamedNode(graph)
    if not store.contains_named_graph(node):
        return False
    store.remove_graph(node)
    return True


def convert(data: str | bytes, from_media: str, to_media: str) -> bytes:
    """RDF text in one media type re-serialized in another (triples only)."""
    triples = list(ox.parse(data, format=UPLOAD_FORMATS[from_media]))
    return ox.serialize(triples, format=GRAPH_FORMATS[to_media]) or b""
