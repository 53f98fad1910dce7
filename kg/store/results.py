"""Query results in plain Python, with serialization to the standard SPARQL/RDF media types."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from kg.store import formats

#: Media type -> Oxigraph format, from the one table of formats (kg.store.formats), default first.
RESULT_FORMATS = {f.media_type: f.oxigraph for f in formats.RESULTS}
GRAPH_FORMATS = {f.media_type: f.oxigraph for f in formats.GRAPHS}


@dataclass(frozen=True)
class Value:
    """One RDF term of a result row: kind is 'iri', 'literal' or 'bnode'."""

    kind: str
    value: str
    datatype: str | None = None
    lang: str | None = None

    def __str__(self) -> str:
        return self.value


def to_value(term: Any) -> Value | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Value("iri", term.value)
    if isinstance(term, ox.BlankNode):
        return Value("bnode", term.value)
    if isinstance(term, ox.Literal):
        return Value("literal", term.value, term.datatype.value if term.datatype else None, term.language)
    return Value("literal", str(term))


class QueryResult:
    """A SELECT, ASK or CONSTRUCT/DESCRIBE result; iterate rows once, or serialize."""

    def __init__(self, raw: Any) -> None:
        self._raw = raw
        self.hidden: set[str] = set()  # columns not shown to people (a saved query's parameters)
        if isinstance(raw, ox.QuerySolutions):
            self.kind = "select"
            self.variables = [v.value for v in raw.variables]
        elif isinstance(raw, ox.QueryBoolean):
            self.kind = "ask"
            self.variables = []
        else:
            self.kind = "graph"
            self.variables = ["subject", "predicate", "object"]

    @property
    def boolean(self) -> bool:
        return bool(self._raw)

    @property
    def shown(self) -> list[str]:
        return [v for v in self.variables if v not in self.hidden]

    def rows(self) -> Iterator[dict[str, Value | None]]:
        if self.kind == "select":
            for sol in self._raw:
                yield {v: to_value(sol[v]) for v in self.variables}
        elif self.kind == "graph":
            for t in self._raw:
                yield {"subject": to_value(t.subject), "predicate": to_value(t.predicate), "object": to_value(t.object)}

    def triples_ntriples(self) -> str:
        """A graph result as N-Triples text (for projections and exports)."""
        return ox.serialize(self._raw, format=ox.RdfFormat.N_TRIPLES).decode("utf-8") if self.kind == "graph" else ""

    def serialize_to(self, output: Any, media_type: str) -> None:
        """Write the serialization to a file-like `output` as it is produced (for streaming)."""
        if self.kind == "graph":
            ox.serialize(self._raw, output, format=GRAPH_FORMATS[media_type])
        else:
            self._raw.serialize(output, format=RESULT_FORMATS[media_type])

    def serialize(self, media_type: str, prefixes: dict[str, str] | None = None) -> bytes:
        if self.kind == "graph":
            fmt = GRAPH_FORMATS[media_type]
            return ox.serialize(self._raw, format=fmt, prefixes=prefixes) or b""
        return self._raw.serialize(format=RESULT_FORMATS[media_type]) or b""
