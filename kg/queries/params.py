"""Typed parameter values: validated, then bound as RDF terms (never spliced into query text)."""

from __future__ import annotations

import re
from datetime import date

from kg.errors import QueryError
from kg.queries.catalogue import SavedQuery
from kg.rdf import name_key
from kg.rdf.namespaces import term
from kg.rdf.terms import IRI, Literal

_ENTITY_IRI = re.compile(r"^(https?|urn):", re.I)
_IRI_OK = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*$")


def parse_pairs(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """`--param KEY=VALUE` options as a dict; QueryError for one without '='."""
    out = {}
    for p in pairs:
        key, sep, value = p.partition("=")
        if not sep:
            raise QueryError(f"--param {p!r}: use KEY=VALUE")
        out[key] = value
    return out


def bind(query: SavedQuery, values: dict[str, str]) -> dict[str, IRI | Literal]:
    """Validate `values` against the query's parameters; raise QueryError on unknown, missing or bad ones."""
    known = {p.name: p for p in query.parameters}
    for name in values:
        if name not in known:
            raise QueryError(f"query {query.name} has no parameter {name!r} (it takes: {', '.join(known) or 'none'})")
    out: dict[str, IRI | Literal] = {}
    for p in query.parameters:
        if p.name not in values or values[p.name] == "":
            if p.required:
                raise QueryError(f"query {query.name} needs --param {p.name}=… ({p.type})")
            if p.default is not None:
                out[p.name] = to_term(p.default, p.type, p.name)
            continue
        out[p.name] = to_term(values[p.name], p.type, p.name)
    return out


def to_term(value: str, type_: str, name: str = "value") -> IRI | Literal:
    """The RDF term for a parameter value of the given type.

    An `entity` is an entity's IRI, or a name or alias in any case: a name is bound as its lower-case
    key, so the query matches it against `dip:nameKey` with an index lookup (no scan of all labels)."""
    v = value.strip()
    if type_ == "entity":
        if _ENTITY_IRI.match(v) and _IRI_OK.match(v):
            return IRI(v)
        type_, value = "string", name_key(" ".join(v.split()))
    if type_ == "iri":
        if not _IRI_OK.match(v):
            raise QueryError(f"parameter {name}: {value!r} is not an absolute IRI")
        return IRI(v)
    if type_ == "date":
        try:
            return Literal(date.fromisoformat(v).isoformat(), term("xsd", "date").value)
        except ValueError as e:
            raise QueryError(f"parameter {name}: {value!r} is not a date (YYYY-MM-DD)") from e
    if type_ == "integer":
        if not re.fullmatch(r"[+-]?\d{1,18}", v):
            raise QueryError(f"parameter {name}: {value!r} is not an integer")
        return Literal(str(int(v)), term("xsd", "integer").value)
    if type_ == "decimal":
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", v):
            raise QueryError(f"parameter {name}: {value!r} is not a decimal number")
        return Literal(v, term("xsd", "decimal").value)
    if type_ == "boolean":
        if v.lower() not in ("true", "false", "1", "0"):
            raise QueryError(f"parameter {name}: {value!r} is not a boolean (true/false)")
        return Literal("true" if v.lower() in ("true", "1") else "false", term("xsd", "boolean").value)
    if len(value) > 2000:
        raise QueryError(f"parameter {name}: value longer than 2000 characters")
    return Literal(value)
