"""Namespaces and the IRIs the project mints: stable, readable, deterministic."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from kg.rdf.terms import IRI

DIP = "https://w3id.org/kg-diplomacy/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITSRDF = "http://www.w3.org/2005/11/its/rdf#"
ORG = "http://www.w3.org/ns/org#"
FOAF = "http://xmlns.com/foaf/0.1/"
SCHEMA = "http://schema.org/"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
WD = "http://www.wikidata.org/entity/"

PREFIXES = {"dip": DIP, "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD, "skos": SKOS, "dcterms": DCT,
            "prov": PROV, "nif": NIF, "itsrdf": ITSRDF, "org": ORG, "foaf": FOAF, "schema": SCHEMA, "sem": SEM,
            "wd": WD}


def dip(local: str) -> IRI:
    return IRI(DIP + local)


def rdf(local: str) -> IRI:
    return IRI(RDF + local)


def term(prefix: str, local: str) -> IRI:
    return IRI(PREFIXES[prefix] + local)


def slug(text: str) -> str:
    """A readable IRI path segment: 'Barack Obama' -> 'barack-obama' (non-ASCII kept, percent-encoded)."""
    s = re.sub(r"[^\w]+", "-", text.lower()).strip("-")
    return quote(s or "x", safe="-_")


class Minter:
    """Mints every IRI under one base, so a store can be served from any host."""

    def __init__(self, base: str) -> None:
        self.base = base if base.endswith("/") else base + "/"

    def entity(self, key: str) -> IRI:
        kind, _, name = key.partition(":")
        return IRI(f"{self.base}id/{slug(kind)}/{slug(name)}")

    def document(self, doc_id: str) -> IRI:
        return IRI(f"{self.base}id/document/{quote(doc_id, safe='')}")

    def graph(self, doc_id: str) -> IRI:
        return IRI(f"{self.base}graph/document/{quote(doc_id, safe='')}")

    def special_graph(self, name: str) -> IRI:
        return IRI(f"{self.base}graph/{name}")

    def fact(self, kind: str, doc_id: str, *parts: object) -> IRI:
        digest = hashlib.sha1("\x1f".join([doc_id, kind, *map(str, parts)]).encode()).hexdigest()[:16]
        return IRI(f"{self.base}id/{kind}/{digest}")

    def role(self, role_norm: str) -> IRI:
        return IRI(f"{self.base}id/role/{slug(role_norm)}")

    def text_anchor(self, doc_id: str, start: int, end: int) -> IRI:
        """An RFC 5147 fragment on the document: its NIF string for characters start..end."""
        return IRI(f"{self.document(doc_id).value}#char={start},{end}")

    def doc_id_of_graph(self, graph_iri: str) -> str | None:
        prefix = f"{self.base}graph/document/"
        if graph_iri.startswith(prefix):
            from urllib.parse import unquote

            return unquote(graph_iri[len(prefix):])
        return None
