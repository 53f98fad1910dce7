"""Minimal RDF terms (IRI, Literal) that serialize to N-Triples; no store or library needed.

Keeping these plain lets kg.rdf stay independent of pyoxigraph and rdflib (only kg.store parses).
"""

from __future__ import annotations

from typing import NamedTuple

XSD = "http://www.w3.org/2001/XMLSchema#"


class IRI(NamedTuple):
    value: str

    def nt(self) -> str:
        return f"<{self.value}>"


class Literal(NamedTuple):
    value: str
    datatype: str | None = None
    lang: str | None = None

    def nt(self) -> str:
        s = (self.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r"))
        if self.lang:
            return f'"{s}"@{self.lang}'
        if self.datatype and self.datatype != XSD + "string":
            return f'"{s}"^^<{self.datatype}>'
        return f'"{s}"'


Term = IRI | Literal
Triple = tuple[IRI, IRI, Term]


def lit(value: object) -> Literal:
    """A typed literal for a Python value (bool, int, float, str)."""
    if isinstance(value, bool):
        return Literal("true" if value else "false", XSD + "boolean")
    if isinstance(value, int):
        return Literal(str(value), XSD + "integer")
    if isinstance(value, float):
        return Literal(f"{value:.3f}", XSD + "decimal")
    return Literal(_clean(str(value)))


def date_lit(value: str) -> Literal:
    return Literal(value, XSD + "date")


def _clean(s: str) -> str:
    """Strip characters that are not allowed in RDF literals (NUL and other C0 controls but tab/newline)."""
    return "".join(ch for ch in s if ch >= " " or ch in "\t\n") if any(ch < " " for ch in s) else s


def to_ntriples(triples: list[Triple]) -> str:
    """Sorted, de-duplicated N-Triples: the same facts always give the same bytes."""
    return "".join(sorted({f"{s.nt()} {p.nt()} {o.nt()} .\n" for s, p, o in triples}))
