"""Content negotiation: the Accept header (or a `format=` parameter) -> one media type, or 406.

`format=` is read for the query form at hand, as Oxigraph's server reads it: `xml` is SPARQL results
XML for SELECT/ASK and RDF/XML for CONSTRUCT/DESCRIBE, `json` is SPARQL results JSON or JSON-LD.
Clients send it next to Accept and sometimes more than once (SPARQLWrapper sends `format=tsv&format=
text/tab-separated-values`, or `format=json-ld&format=`): the first value that names a type on offer
wins and empty ones are passed over. A value that names no type on offer is 406, said in words when
it belongs to the other query form (`format=turtle` on a SELECT).
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.server.errors import HttpError
from kg.store import formats

RESULTS = [f.media_type for f in formats.RESULTS]  # first is the default
GRAPHS = [f.media_type for f in formats.GRAPHS]
#: Short names accepted by `format=`, per kind of result (kg.store.formats names them).
RESULT_ALIASES = {name: f.media_type for f in formats.RESULTS for name in f.names} | {"html": "text/html"}
GRAPH_ALIASES = {name: f.media_type for f in formats.GRAPHS for name in f.names} | {"html": "text/html"}
_ALIASES = {"json": "application/sparql-results+json", "srj": "application/sparql-results+json",
                  "xml": "application/sparql-results+xml", "srx": "application/sparql-results+xml",
                  "csv": "text/csv", "tsv": "text/tab-separated-values", "html": "text/html"}
GRAPH_ALIASES = {"turtle": "text/turtle", "ttl": "text/turtle", "n3": "text/turtle",
                 "nt": "application/n-triples", "ntriples": "application/n-triples",
                 "n-triples": "application/n-triples", "jsonld": "application/ld+json",
                 "json-ld": "application/ld+json", "json": "application/ld+json", "rdfxml": "application/rdf+xml",
                 "rdf+xml": "application/rdf+xml", "rdf": "application/rdf+xml", "xml": "application/rdf+xml",
                 "owl": "application/rdf+xml", "trig": "application/trig", "nq": "application/n-quads",
                 "nquads": "application/n-quads", "n-quads": "application/n-quads", "html": "text/html"}
_ALIASES = {"results": RESULT_ALIASES, "graph": GRAPH_ALIASES}
#: Generic or older types a client may ask for, mapped per result kind (Turtle also stands for N3).
_GENERIC = {"results": {"application/json": "application/sparql-results+json",
                        "application/xml": "application/sparql-results+xml", "text/xml": "application/sparql-results+xml"},
            "graph": {"application/json": "application/ld+json", "application/xml": "application/rdf+xml",
                      "text/xml": "application/rdf+xml", "text/plain": "application/n-triples",
                      "application/x-turtle": "text/turtle", "application/turtle": "text/turtle",
                      "text/n3": "text/turtle", "text/rdf+n3": "text/turtle", "application/n3": "text/turtle",
                      "application/x-json+ld": "application/ld+json"}}
_FORMS = {"results": "SELECT/ASK (SPARQL results)", "graph": "CONSTRUCT/DESCRIBE (RDF)"}


def names_for(offered: list[str]) -> list[str]:
    """The `format=` short names that give one of `offered` (for the API description)."""
    names = [name for table in (RESULT_ALIASES, GRAPH_ALIASES) for name, media in table.items() if media in offered]
    return list(dict.fromkeys(names))


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """(media type, q) pairs, best first; a missing header means */*."""
    out = []
    for i, part in enumerate((header or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        out.append((fields[0].lower(), q, -i))
    out.sort(key=lambda t: (t[1], _specificity(t[0]), t[2]), reverse=True)
    return [(m, q) for m, q, _ in out if q > 0]


def _specificity(media: str) -> int:
    return 0 if media == "*/*" else 1 if media.endswith("/*") else 2


def _from_accept(offered: list[str], accept: str | None, kind: str) -> str | None:
    generic = _GENERIC.get(kind, {})
    for media, _q in parse_accept(accept):
        media = generic.get(media, media)
        if media == "*/*":
            return offered[0]
        if media.endswith("/*"):
            hit = next((o for o in offered if o.startswith(media[:-1])), None)
            if hit:
                return hit
        elif media in offered:
            return media
    return None


def choose(offered: list[str], accept: str | None, fmt: str | Iterable[str] | None = None,
           kind: str = "results") -> str:
    """The media type to answer with, from `offered` (default first); 406 when none is acceptable.

    `fmt` is the `format=` value, or all of them in order: the first that names an offered type
    wins, empty ones are passed over, and without any Accept decides."""
    values = [v.strip() for v in ([fmt] if isinstance(fmt, str) else list(fmt or [])) if v and v.strip()]
    for value in values:
        media = _from_format(value.lower(), offered, kind)
        if media:
            return media
    if values:
        other = next((k for k in _ALIASES if k != kind and values[0].lower() in _ALIASES[k]), None)
        why = f" (it is a format for {_FORMS[other]} answers)" if other and kind in _FORMS else ""
        raise HttpError(406, f"format {values[0]!r} is not available here{why}; use one of: {', '.join(offered)}")
    media = _from_accept(offered, accept, kind)
    if media is None:
        raise HttpError(406, f"cannot answer with any type in Accept: {accept!r} (available: {', '.join(offered)})")
    return media


def _from_format(value: str, offered: list[str], kind: str) -> str | None:
    if "/" in value:  # a media type, or a list of them
        return _from_accept(offered, value, kind)
    media = _ALIASES.get(kind, {}).get(value)
    return media if media in offered else None


def for_result(kind: str, accept: str | None, fmt: str | Iterable[str] | None) -> str:
    """SELECT/ASK ('results') -> SPARQL results types; CONSTRUCT/DESCRIBE ('graph') -> RDF types."""
    if kind == "graph":
        return choose(GRAPHS, accept, fmt, "graph")
    return choose(RESULTS, accept, fmt, "results")
