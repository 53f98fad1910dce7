"""The one table of the formats kg reads and writes: short name, media type, Oxigraph format, W3C URI.

The store serializes with the Oxigraph format, the server negotiates by media type and accepts the
names after `format=`, `kg export --format` takes the short name, and the service description
lists the W3C URIs (http://www.w3.org/ns/formats/): each reads its column of this table, so a format
added here is offered everywhere at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

W3C_FORMATS = "http://www.w3.org/ns/formats/"


@dataclass(frozen=True)
class Format:
    """One format: `names` are what `format=` accepts for it (the first is kg's own short name)."""

    names: tuple[str, ...]
    media_type: str
    oxigraph: ox.RdfFormat | ox.QueryResultsFormat
    w3c: str  # the format's URI under W3C_FORMATS

    @property
    def name(self) -> str:
        return self.names[0]

    @property
    def w3c_uri(self) -> str:
        return W3C_FORMATS + self.w3c


#: SPARQL results of SELECT and ASK, the server's default first.
RESULTS: tuple[Format, ...] = (
    Format(("json", "srj"), "application/sparql-results+json", ox.QueryResultsFormat.JSON, "SPARQL_Results_JSON"),
    Format(("xml", "srx"), "application/sparql-results+xml", ox.QueryResultsFormat.XML, "SPARQL_Results_XML"),
    Format(("csv",), "text/csv", ox.QueryResultsFormat.CSV, "SPARQL_Results_CSV"),
    Format(("tsv",), "text/tab-separated-values", ox.QueryResultsFormat.TSV, "SPARQL_Results_TSV"),
)
#: RDF (CONSTRUCT and DESCRIBE answers, graphs, exports), the server's default first.
GRAPHS: tuple[Format, ...] = (
    Format(("turtle", "ttl", "n3"), "text/turtle", ox.RdfFormat.TURTLE, "Turtle"),
    Format(("nt", "ntriples", "n-triples"), "application/n-triples", ox.RdfFormat.N_TRIPLES, "N-Triples"),
    Format(("jsonld", "json-ld", "json"), "application/ld+json", ox.RdfFormat.JSON_LD, "JSON-LD"),
    Format(("rdfxml", "rdf+xml", "rdf", "xml", "owl"), "application/rdf+xml", ox.RdfFormat.RDF_XML, "RDF_XML"),
    Format(("trig",), "application/trig", ox.RdfFormat.TRIG, "TriG"),
    Format(("nq", "nquads", "n-quads"), "application/n-quads", ox.RdfFormat.N_QUADS, "N-Quads"),
)

