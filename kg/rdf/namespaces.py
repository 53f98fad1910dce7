"""Namespaces and the IRIs the project mints: stable, readable, deterministic."""

from __future__ import annotations

import hashlib
import re
from typing import NamedTuple
from urllib.parse import quote, unquote

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


def dip_local(iri: str) -> str | None:
    """The local name of a `dip:` term ('Person'), None for any other IRI: callers need not know DIP."""
    return iri[len(DIP):] if iri.startswith(DIP) and len(iri) > len(DIP) else None


def local_name(iri: str) -> str:
    """The readable end of any IRI (after '#', else after the last '/'), for labels and keys of exports."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or iri


def split_iri(iri: str) -> tuple[str, str]:
    """(prefix, local) for an IRI under a namespace of PREFIXES, ('', iri) otherwise."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return prefix, iri[len(ns):]
    return "", iri


def curie(iri: str) -> str:
    """`prefix:local` for an IRI under a namespace of PREFIXES, else the IRI itself."""
    prefix, local = split_iri(iri)
    return f"{prefix}:{local}" if prefix else iri


def without_fragment(iri: str) -> str:
    """The IRI without its fragment: a text anchor's document ('…/id/document/d#char=0,5' -> '…/id/document/d')."""
    return iri.split("#", 1)[0]


def slug(text: str) -> str:
    """A readable IRI path segment: 'Barack Obama' -> 'barack-obama' (non-ASCII kept, percent-encoded)."""
    s = re.sub(r"[^\w]+", "-", text.lower()).strip("-")
    return quote(s or "x", safe="-_")


#: The server path every minted resource is served under: `{base}id/person/x` at `/id/person/x`
#: (what `Minter.path_of` gives and `Minter.at_path` reads back), so a server routes it without knowing the scheme.
RESOURCE_PATH = "/id/"


class Minted(NamedTuple):
    """What a minted resource IRI says: its kind ('person', 'meeting', 'document') and its key in that kind."""

    kind: str
    key: str


class Minter:
    """Mints every IRI under one base, so a store can be served from any host; it alone reads them back."""

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
        prefix = self.document_graph_prefix
        if graph_iri.startswith(prefix):
            return unquote(graph_iri[len(prefix):])
        return None

    @property
    def document_graph_prefix(self) -> str:
        """Every document's named graph starts so (and no other graph does)."""
        return f"{self.base}graph/document/"

    def is_minted(self, iri: str) -> bool:
        """True for any IRI under this base (resources, graphs, anchors), not for vocabulary or Wikidata."""
        return iri.startswith(self.base)

    def parse(self, iri: str) -> Minted | None:
        """The kind and key of a resource IRI minted here ('id/person/barack-obama' -> person, barack-obama);
        a fragment (a text anchor) is dropped; None for graphs and foreign IRIs."""
        prefix = f"{self.base}id/"
        if not iri.startswith(prefix):
            return None
        kind, sep, key = iri[len(prefix):].split("#", 1)[0].partition("/")
        return Minted(kind, unquote(key)) if sep and kind and key else None

    def kind_of(self, iri: str) -> str | None:
        """The kind of a resource IRI minted here ('person', 'meeting', 'document'), None otherwise."""
        minted = self.parse(iri)
        return minted.kind if minted else None

    def path_of(self, iri: str) -> str | None:
        """The server path of a resource IRI minted here ('/id/person/barack-obama'), fragment dropped."""
        return "/" + iri[len(self.base):].split("#", 1)[0] if self.parse(iri) else None

    def at_path(self, path: str) -> str:
        """The IRI a server path names ('/id/person/barack-obama'), as sent: the inverse of `path_of`."""
        return self.base + path.lstrip("/")

    def sparql_minted(self, var: str) -> str:
        """A SPARQL test that ?var is an IRI minted under this base (as opposed to Wikidata or vocabulary)."""
        return f'STRSTARTS(STR(?{var}), "{self.base}")'

    def sparql_document_graph(self, var: str) -> str:
        """A SPARQL test that ?var is a document's named graph (not entities, ontology or bookkeeping)."""
        return f'STRSTARTS(STR(?{var}), "{self.document_graph_prefix}")'
