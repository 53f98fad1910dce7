"""The export API shared by the CLI and the HTTP server (kg.export re-exports it lazily)."""

from __future__ import annotations

from collections.abc import Callable

import networkx as nx

from kg.errors import QueryError
from kg.export.construct import project_triples
from kg.export.cytoscape import cytoscape_bytes
from kg.export.dot import to_dot
from kg.export.jsonld import compact_jsonld
from kg.export.neo4j import neo4j_zip, write_neo4j
from kg.export.projection import INCLUDES, Options, project
from kg.export.xmlformats import to_gexf, to_graphml
from kg.queries import SavedQuery, run_saved
from kg.rdf import PREFIXES
from kg.store import GraphStore, KgStore
from kg.store import formats as rdf_formats

__all__ = ["FORMATS", "GRAPH_FORMATS", "INCLUDES", "MEDIA_TYPES", "RDF_FORMATS", "Options", "export_query",
           "project", "project_query", "render", "render_rdf", "write_neo4j"]

#: Property-graph formats; `neo4j` renders as a zip of CSV files (the CLI writes a folder instead).
GRAPH_FORMATS: dict[str, Callable[[nx.MultiDiGraph], bytes]] = {
    "graphml": to_graphml, "gexf": to_gexf, "cytoscape": cytoscape_bytes, "neo4j": neo4j_zip, "dot": to_dot,
}
#: RDF formats in the order `kg export --format` lists them: names of kg.store.formats.GRAPHS.
RDF_FORMATS = ("turtle", "trig", "nt", "nq", "jsonld", "rdfxml")
FORMATS = RDF_FORMATS + tuple(GRAPH_FORMATS)
_RDF_MEDIA = {f.name: f.media_type for f in rdf_formats.GRAPHS}
MEDIA_TYPES = {name: _RDF_MEDIA[name] for name in RDF_FORMATS} | {
    "graphml": "application/graphml+xml", "gexf": "application/gexf+xml", "cytoscape": "application/json",
    "neo4j": "application/zip", "dot": "text/vnd.graphviz",
}


def render(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    """A projected graph in one of GRAPH_FORMATS."""
    try:
        return GRAPH_FORMATS[fmt](graph)
    except KeyError:
        raise QueryError(f"unknown graph format {fmt!r}; choose from {', '.join(GRAPH_FORMATS)}") from None


def render_rdf(store: GraphStore, fmt: str, *, graph: str | None = None) -> bytes:
    """The store (or one document's graph) as RDF; JSON-LD is compacted with readable keys."""
    if fmt == "jsonld":
        return compact_jsonld(store.export("nq", graph=graph))
    return store.export(fmt, graph=graph, prefixes=PREFIXES)


def _construct(store: GraphStore, query: SavedQuery, values: dict[str, str]) -> str:
    if query.form != "CONSTRUCT":
        raise QueryError(f"query {query.name} is a {query.form} query; exporting a graph needs a CONSTRUCT query")
    return run_saved(store, query, values).triples_ntriples()


def project_query(store: GraphStore, query: SavedQuery, values: dict[str, str]) -> nx.MultiDiGraph:
    """The property graph of a saved CONSTRUCT query's result."""
    return project_triples(_construct(store, query, values), name=query.name)


def export_query(store: GraphStore, query: SavedQuery, values: dict[str, str], fmt: str) -> bytes:
    """A saved CONSTRUCT query's result in any of FORMATS (RDF ones serialize the triples themselves)."""
    if fmt in GRAPH_FORMATS:
        return render(project_query(store, query, values), fmt)
    if fmt not in RDF_FORMATS:
        raise QueryError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    result = KgStore(None)
    result.bulk_load_nquads(_construct(store, query, values))
    return render_rdf(result, fmt)
