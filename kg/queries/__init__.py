"""Saved queries: the catalogue of `queries/*.rq`, typed parameter binding, and running them.

Shared by the CLI and the HTTP server, so both answer the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

from kg.queries.catalogue import Catalogue, Parameter, SavedQuery, parse_saved_query
from kg.queries.params import bind
from kg.rdf.namespaces import PREFIXES
from kg.store import KgStore, QueryResult

__all__ = ["Catalogue", "Parameter", "SavedQuery", "parse_saved_query", "run_saved", "run_sparql", "with_prefixes"]


def with_prefixes(sparql: str) -> str:
    """The query with the project's PREFIX lines added for prefixes it uses but does not declare."""
    declared = {p.lower() for p in re.findall(r"PREFIX\s+(\w*):", sparql, flags=re.I)}
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p not in declared and f"{p}:" in sparql]
    return "\n".join(lines + [sparql]) if lines else sparql


def run_saved(store: KgStore, query: SavedQuery, values: dict[str, str]) -> QueryResult:
    """Run a saved query with parameters bound as RDF terms."""
    result = store.query(with_prefixes(query.sparql), bindings=bind(query, values))
    result.hidden = {p.name for p in query.parameters}
    return result


def run_sparql(store: KgStore, sparql: str) -> QueryResult:
    return store.query(with_prefixes(sparql))


def default_catalogue(folder: Path) -> Catalogue:
    return Catalogue(folder)
