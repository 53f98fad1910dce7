"""Content negotiation: the Accept header (or a `format=` parameter) -> one media type, or 406."""

from __future__ import annotations

from kg.server.errors import HttpError
from kg.store.results import GRAPH_FORMATS, RESULT_FORMATS

RESULTS = list(RESULT_FORMATS)  # first is the default
GRAPHS = list(GRAPH_FORMATS)
#: Short names accepted by `format=`.
ALIASES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
           "tsv": "text/tab-separated-values", "turtle": "text/turtle", "ttl": "text/turtle",
           "nt": "application/n-triples", "ntriples": "application/n-triples", "jsonld": "application/ld+json",
           "json-ld": "application/ld+json", "rdfxml": "application/rdf+xml", "rdf": "application/rdf+xml",
           "trig": "application/trig", "nq": "application/n-quads", "nquads": "application/n-quads",
           "html": "text/html"}
#: Generic types a client may ask for, mapped per result kind.
_GENERIC = {"results": {"application/json": "application/sparql-results+json",
                        "application/xml": "application/sparql-results+xml", "text/xml": "application/sparql-results+xml"},
            "graph": {"application/json": "application/ld+json", "application/xml": "application/rdf+xml",
                      "text/xml": "application/rdf+xml", "text/plain": "application/n-triples",
                      "application/x-turtle": "text/turtle"}}


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


def choose(offered: list[str], accept: str | None, fmt: str | None = None, kind: str = "results") -> str:
    """The media type to answer with, from `offered` (default first); 406 when none is acceptable."""
    if fmt:
        media = ALIASES.get(fmt.strip().lower(), fmt.strip().lower())
        if media in offered:
            return media
        raise HttpError(406, f"format {fmt!r} is not available here (use one of: {', '.join(offered)})")
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
    raise HttpError(406, f"cannot answer with any type in Accept: {accept!r} (available: {', '.join(offered)})")


def for_result(kind: str, accept: str | None, fmt: str | None) -> str:
    """SELECT/ASK -> SPARQL results types; CONSTRUCT/DESCRIBE -> RDF types."""
    if kind == "graph":
        return choose(GRAPHS, accept, fmt, "graph")
    return choose(RESULTS, accept, fmt, "results")
