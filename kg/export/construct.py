"""A saved CONSTRUCT query's triples as a property graph, so any query can feed the graph formats.

IRIs become nodes (type from rdf:type, label from skos:prefLabel or rdfs:label), literal values
become node attributes, IRI values become edges named after their predicate. Provenance is folded
into attributes as in the built-in projection: prov:wasDerivedFrom gives `documents` (the
dip:documentId when the query constructs it), dip:evidence gives `evidence` (its nif:anchorOf).
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.export.model import Edge, Node, merge_dates, to_networkx
from kg.rdf.namespaces import dip, dip_local, local_name, term

_DOC_ID = rdflib.URIRef(dip("documentId").value)
_NAME_KEY = rdflib.URIRef(dip("nameKey").value)
_EVIDENCE = rdflib.URIRef(dip("evidence").value)
_DERIVED = rdflib.URIRef(term("prov", "wasDerivedFrom").value)
_ANCHOR = rdflib.URIRef(term("nif", "anchorOf").value)
_LABELS = (SKOS.prefLabel, RDFS.label)
_DATES = {rdflib.URIRef(dip(local).value) for local in ("date", "startDate", "endDate")}


def _value(lit: rdflib.Literal) -> Any:
    v = lit.toPython()
    return v if isinstance(v, (bool, int, float, str)) else str(lit)


def project_triples(ntriples: str, *, name: str = "kg") -> nx.MultiDiGraph:
    """The graph of a CONSTRUCT result given as N-Triples text."""
    g = rdflib.Graph()
    g.parse(data=ntriples, format="nt")
    folded = {o for o in g.objects(None, _DERIVED)} | {o for o in g.objects(None, _EVIDENCE)}
    subjects = {s for s in g.subjects() if isinstance(s, rdflib.URIRef) and s not in folded}
    targets = {o for p, o in g.predicate_objects() if isinstance(o, rdflib.URIRef)
               and p not in (RDF.type, _DERIVED, _EVIDENCE, OWL.sameAs) and o not in folded}
    nodes = [_node(g, iri) for iri in sorted(subjects | targets)]
    edges = []
    for s, p, o in sorted(g):
        if s in subjects and isinstance(o, rdflib.URIRef) and o in targets and p not in (RDF.type, OWL.sameAs):
            edges.append(Edge(str(s), str(o), local_name(str(p)), _label(g, p, local_name(str(p)))))
    return to_networkx(nodes, edges, name=name)


def _label(g: rdflib.Graph, iri: rdflib.term.Node, default: str) -> str:
    for p in _LABELS:
        for o in sorted(g.objects(iri, p)):
            return str(o)
    return default


def _node(g: rdflib.Graph, iri: rdflib.URIRef) -> Node:
    types = sorted(str(t) for t in g.objects(iri, RDF.type))
    dip_types = [t for t in types if dip_local(t)]
    node = Node(str(iri), local_name((dip_types or types or ["Resource"])[0]), _label(g, iri, local_name(str(iri))))
    node.aliases = sorted(str(a) for a in g.objects(iri, SKOS.altLabel))
    dates: list[str] = []
    for p, o in sorted(g.predicate_objects(iri)):
        if p == _DERIVED:
            node.documents += [str(d) for d in g.objects(o, _DOC_ID)] or [str(o)]
        elif p == _EVIDENCE:
            node.evidence += [str(a) for a in g.objects(o, _ANCHOR)]
        elif isinstance(o, rdflib.Literal) and p not in (*_LABELS, SKOS.altLabel, _NAME_KEY):
            if p in _DATES or o.datatype in (XSD.date, XSD.dateTime):
                dates.append(str(o)[:10])
            key = local_name(str(p))
            value = _value(o)
            old = node.attrs.get(key)
            node.attrs[key] = value if old is None else sorted({*(old if isinstance(old, list) else [old]), value}, key=str)
        elif p == OWL.sameAs:
            node.attrs["same_as"] = str(o)
    node.first_date, node.last_date = merge_dates("", "", dates)
    for reserved in ("type", "label", "aliases", "documents", "evidence", "degree", "first_date", "last_date"):
        if reserved in node.attrs:
            node.attrs[f"{reserved}_"] = node.attrs.pop(reserved)
    return node
