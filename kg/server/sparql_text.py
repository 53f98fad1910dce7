"""A small SPARQL lexer: finds keywords outside strings, IRIs and comments, with their brace depth.

Used to refuse LOAD and SERVICE (the store would fetch any URL: SSRF), to see whether a query
names its own dataset (FROM), and to add the protocol's `using-graph-uri` as USING clauses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.rdf.terms import IRI

_IRI = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_WORD = re.compile(r"[A-Za-z_][\w.-]*(?::[\w.%-]*)?|:[\w.%-]*")
_VAR = re.compile(r"[?$][\w]+")
_LONG = {"'''": re.compile(r"'''(?:[^'\\]|\\.|'(?!''))*'''", re.S), '"""': re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""', re.S)}
_SHORT = {"'": re.compile(r"'(?:[^'\\\n\r]|\\.)*'"), '"': re.compile(r'"(?:[^"\\\n\r]|\\.)*"')}


@dataclass(frozen=True)
class Keyword:
    word: str  # upper case
    start: int
    depth: int


def keywords(text: str) -> Iterator[Keyword]:
    """Bare words (no prefix colon) outside strings, IRIs and comments, in order."""
    i, depth, n = 0, 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
        elif c in "'\"":
            m = (_LONG.get(text[i:i + 3]) or _SHORT[c]).match(text, i)
            i = m.end() if m else n  # an unterminated string runs to the end (the parser rejects it)
        elif c == "<":
            m = _IRI.match(text, i)
            i = m.end() if m else i + 1
        elif c == "{":
            depth += 1
            i += 1
        elif c == "}":
            depth -= 1
            i += 1
        elif c in "?$":
            m = _VAR.match(text, i)
            i = m.end() if m else i + 1
        elif (m := _WORD.match(text, i)) is not None:
            if ":" not in m.group(0):
                yield Keyword(m.group(0).upper(), i, depth)
            i = m.end()
        else:
            i += 1


def forbidden(text: str) -> str | None:
    """'LOAD' or 'SERVICE' if the text uses one (this server never fetches URLs), else None."""
    return next((k.word for k in keywords(text) if k.word in ("LOAD", "SERVICE")), None)


def query_form(text: str) -> str | None:
    """'results' for SELECT/ASK, 'graph' for CONSTRUCT/DESCRIBE, None when no form is found (the
    first keyword after the prologue's BASE and PREFIX names it), so a query's answer type can be
    negotiated before it runs."""
    for k in keywords(text):
        if k.word in ("SELECT", "ASK"):
            return "results"
        if k.word in ("CONSTRUCT", "DESCRIBE"):
            return "graph"
        if k.word not in ("BASE", "PREFIX"):
            return None
    return None


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
