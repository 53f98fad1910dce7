"""Exports: RDF serialisations of the store, and its property-graph projection in graph-tool formats.

The CLI (`kg export`, `kg viz`) and the HTTP server share these functions:

    from kg.export import MEDIA_TYPES, Options, export_query, project, render
    graph = project(store, Options.parse(include="meetings"))          # networkx MultiDiGraph
    data = render(graph, "graphml")                                     # bytes
    data = export_query(store, catalogue.get("meeting-network"), {}, "gexf")  # a saved CONSTRUCT
    content_type = MEDIA_TYPES["gexf"]

Names are loaded on first use (PEP 562), so `kg --help` does not pay for networkx and rdflib.
"""

from __future__ import annotations

from typing import Any

__all__ = ["FORMATS", "GRAPH_FORMATS", "INCLUDES", "MEDIA_TYPES", "RDF_FORMATS", "Options", "export_query",
           "project", "project_query", "render", "render_rdf", "write_neo4j"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from kg.export import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg.export' has no attribute {name!r}")
