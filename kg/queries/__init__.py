"""Saved queries: the catalogue of `queries/*.rq`, typed parameter binding, and running them.

Shared by the CLI and the HTTP server, so both answer the same way: each builds a call with
`bind_query` (kg.queries.bound).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.queries.bound import BoundQuery, bind_query, with_prefixes
from kg.queries.catalogue import Catalogue, Parameter, SavedQuery, parse_saved_query
from kg.queries.params import bind

if TYPE_CHECKING:
    from kg.store.protocol import GraphStore
    from kg.store.results import QueryResult

__all__ = ["BoundQuery", "Catalogue", "Parameter", "SavedQuery", "bind", "bind_query", "parse_saved_query",
           "run_saved", "run_sparql", "with_prefixes"]


def run_saved(store: GraphStore, query: SavedQuery, values: dict[str, str]) -> QueryResult:
    """Run a saved query with parameters bound as RDF terms."""
    return bind_query(query, values).run(store)


def run_sparql(store: GraphStore, sparql: str) -> QueryResult:
    return store.query(with_prefixes(sparql))


def default_catalogue(folder: Path) -> Catalogue:
    return Catalogue(folder)
