"""Query parameters bound as a SPARQL `VALUES` block, the same way on every store.

Both stores (embedded and remote) bind a saved query's parameters by one `VALUES` block of RDF terms
at the top of every `WHERE` group, sub-SELECTs included. Why a block rather than pyoxigraph's
`substitutions`: Oxigraph plans a query before it sees substituted values, so an entity query was
planned as if every entity were asked for; a `VALUES` block is part of the query, and the planner
starts from it (an index lookup) instead. On a 1.14M-triple store this took `contested-claims` for
one entity from 240–400 ms to 5–11 ms, and `statements-about` from 10 ms to 1.5 ms.

The terms are serialized by pyoxigraph (quotes, backslashes and newlines escaped), so a value never
becomes query syntax; comments, strings and IRIs in the query are skipped when looking for groups (kg.store.lexer).
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError
from kg.rdf.terms import IRI, Literal
from kg.store.lexer import group_starts


def bind_terms(sparql: str, bindings: dict[str, Any] | None) -> str:
    """`sparql` with `bindings` (names to kg.rdf.terms IRI/Literal values) bound by `bind_as_values`;
    both stores call this, so a parameter is bound the same way whichever store runs the query."""
    if not bindings:
        return sparql
    return bind_as_values(sparql, {k: str(ox_term(v)) for k, v in bindings.items()})


def ox_term(v: Any) -> ox.NamedNode | ox.Literal:
    """A kg.rdf.terms value as a pyoxigraph term (whose str() is its N-Triples form)."""
    if isinstance(v, IRI):
        return ox.NamedNode(v.value)
    if isinstance(v, Literal):
        if v.lang:
            return ox.Literal(v.value, language=v.lang)
        return ox.Literal(v.value, datatype=ox.NamedNode(v.datatype)) if v.datatype else ox.Literal(v.value)
    raise TypeError(f"cannot bind {v!r}")


def bind_as_values(sparql: str, terms: dict[str, str]) -> str:
    """`sparql` with `VALUES (?a ?b) { (ta tb) }` at the top of every `WHERE` group (or, for a query
    written without `WHERE`, of its first group); `terms` maps names to terms in N-Triples syntax."""
    if not terms:
        return sparql
    names = list(terms)
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(terms[n] for n in names)}) }} "
    at = group_starts(sparql)
    if not at:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    pieces, last = [], 0
    for end in at:
        pieces += [sparql[last:end], block]
        last = end
    return "".join(pieces) + sparql[last:]
