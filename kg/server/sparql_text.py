"""What the server reads in a query or update before running it, by the one SPARQL lexer (kg.store.lexer).

Used to refuse LOAD and SERVICE (the store would fetch any URL: SSRF), to see whether a query
names its own dataset (FROM), and to add the protocol's `using-graph-uri` as USING clauses.
"""

from __future__ import annotations

from kg.rdf.terms import IRI
from kg.store import lexer
from kg.store.lexer import keywords


def forbidden(text: str) -> str | None:
    """'LOAD' or 'SERVICE' if the text uses one (this server never fetches URLs), else None."""
    return next((k.word for k in keywords(text) if k.word in ("LOAD", "SERVICE")), None)


def query_form(text: str) -> str | None:
    """'results' for SELECT/ASK, 'graph' for CONSTRUCT/DESCRIBE, None when no form is found (the
    first keyword after the prologue's BASE and PREFIX names it), so a query's answer type can be
    negotiated before it runs."""
    form = lexer.query_form(text)
    return None if form is None else "results" if form in ("SELECT", "ASK") else "graph"


def has_dataset_clause(text: str) -> bool:
    """True when a query names its dataset with FROM / FROM NAMED."""
    return any(k.word == "FROM" and k.depth == 0 for k in keywords(text))


def has_using_or_with(text: str) -> bool:
    return any(k.word in ("USING", "WITH") and k.depth == 0 for k in keywords(text))


def add_using(update: str, default: list[str], named: list[str]) -> str:
    """The update with USING / USING NAMED clauses before each operation's top-level WHERE."""
    clause = " ".join([f"USING {IRI(g).nt()}" for g in default] + [f"USING NAMED {IRI(g).nt()}" for g in named]) + " "
    words = list(keywords(update))
    cuts = [k.start for i, k in enumerate(words)
            if k.word == "WHERE" and k.depth == 0 and not (i and words[i - 1].word in ("DELETE", "INSERT"))]
    out, last = [], 0
    for pos in cuts:
        out += [update[last:pos], clause]
        last = pos
    return "".join(out + [update[last:]])
