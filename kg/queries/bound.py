"""One call of a saved query, built the same way for the CLI, the HTTP API and the preparer.

Each of them needs the same three things: the text with the project's PREFIX lines, the parameters
bound as RDF terms (kg.queries.params), and a key naming the answer (kg.server.cache keeps answers
under it). Built in one place, a call from any of them gets the same answer and the same cache entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.queries.catalogue import SavedQuery
from kg.queries.params import bind
from kg.rdf.namespaces import PREFIXES
from kg.rdf.terms import IRI, Literal

if TYPE_CHECKING:
    from kg.store.protocol import GraphStore
    from kg.store.results import QueryResult


def with_prefixes(sparql: str) -> str:
    """The query with the project's PREFIX lines added for prefixes it uses but does not declare."""
    declared = {p.lower() for p in re.findall(r"PREFIX\s+(\w*):", sparql, flags=re.I)}
    lines = [f"PREFIX {p}: {IRI(iri).nt()}" for p, iri in PREFIXES.items() if p not in declared and f"{p}:" in sparql]
    return "\n".join(lines + [sparql]) if lines else sparql


@dataclass(frozen=True)
class BoundQuery:
    """A saved query with its parameters validated and bound: ready to run, and named for a cache."""

    query: SavedQuery
    sparql: str  # the query's text with the PREFIX lines it needs
    bindings: dict[str, IRI | Literal]

    @property
    def key(self) -> tuple[str, str, tuple[tuple[str, str], ...]]:
        """What the answer depends on besides its media type: the query's text and its bound parameters."""
        return self.query.name, self.query.sparql, tuple(sorted((k, str(v)) for k, v in self.bindings.items()))

    def run(self, store: GraphStore) -> QueryResult:
        """The answer; the parameters' columns are hidden from people (they are what was asked)."""
        result = store.query(self.sparql, bindings=self.bindings)
        result.hidden = {p.name for p in self.query.parameters}
        return result


def bind_query(query: SavedQuery, values: dict[str, str]) -> BoundQuery:
    """`query` called with `values`; QueryError on unknown, missing or badly typed parameters."""
    return BoundQuery(query, with_prefixes(query.sparql), bind(query, values))
