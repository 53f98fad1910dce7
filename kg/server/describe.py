"""What the server shows about one IRI: labels, aliases, roles, meetings, statements (with the
evidence sentence and source document), raw properties (each once, facts named in words), and the
documents that mention it. The neighbourhood graph is kg.server.graphview.

Every query binds the IRI as an RDF term (never spliced into the text).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from kg.queries import with_prefixes
from kg.rdf.namespaces import ITSRDF, PREFIXES
from kg.rdf.terms import IRI
from kg.server.labels import labels as readable_labels
from kg.store import KgStore

# DISTINCT: the default graph is the union of the graphs, and each document graph that names an
# entity types it and gives its names again; a property is listed once, not once per document.
_OUT = "SELECT DISTINCT ?e ?p ?o WHERE { ?e ?p ?o } ORDER BY ?p ?o LIMIT 1000"
_IN = "SELECT DISTINCT ?e ?s ?p WHERE { ?s ?p ?e } ORDER BY ?p ?s LIMIT 1000"
_LABELS = """SELECT DISTINCT ?e ?x ?label WHERE {
  { ?e ?p ?x } UNION { ?x ?p ?e } UNION { BIND(?e AS ?x) }
  ?x skos:prefLabel|dcterms:title|rdfs:label|nif:anchorOf ?label } LIMIT 3000"""
_NAMES = "SELECT ?e ?kind ?name WHERE { { ?e skos:prefLabel ?name BIND('label' AS ?kind) } UNION " \
         "{ ?e skos:altLabel ?name BIND('alias' AS ?kind) } UNION { ?e a ?c . ?c rdfs:label ?name BIND('type' AS ?kind) } }"
_ROLES = """SELECT DISTINCT ?e ?fact ?role ?holder ?holder_label ?org ?org_label ?document ?doc_id ?evidence WHERE {
  ?fact a dip:RoleHolding ; dip:person ?holder ; dip:roleLabel ?role ; prov:wasDerivedFrom ?document .
  { ?fact dip:person ?e } UNION { ?fact dip:organization|dip:relativeTo ?e }
  ?holder skos:prefLabel ?holder_label .
  OPTIONAL { ?fact dip:organization|dip:relativeTo ?org . ?org skos:prefLabel ?org_label }
  OPTIONAL { ?document dip:documentId ?doc_id }
  OPTIONAL { ?fact dip:evidence/nif:anchorOf ?evidence }
} ORDER BY ?holder_label ?role LIMIT 500"""
_MEETINGS = """SELECT ?e ?fact (SAMPLE(?d) AS ?date) (SAMPLE(?pl) AS ?place) ?document ?doc_id (SAMPLE(?ev) AS ?evidence)
       (GROUP_CONCAT(DISTINCT ?other; separator=", ") AS ?others) WHERE {
  ?fact a dip:Meeting ; dip:participant ?e ; prov:wasDerivedFrom ?document .
  OPTIONAL { ?fact dip:participant ?o . FILTER(?o != ?e) ?o skos:prefLabel ?other }
  OPTIONAL { ?fact dip:date|dip:startDate ?d }
  OPTIONAL { ?fact dip:place/skos:prefLabel ?pl }
  OPTIONAL { ?document dip:documentId ?doc_id }
  OPTIONAL { ?fact dip:evidence/nif:anchorOf ?ev }
} GROUP BY ?e ?fact ?document ?doc_id ORDER BY ?date LIMIT 500"""
_STATEMENTS = """SELECT DISTINCT ?e ?fact ?how ?speaker ?speaker_label ?claim ?quote ?document ?doc_id ?evidence WHERE {
  ?fact a dip:Statement ; dip:speaker ?speaker ; dip:claim ?claim ; prov:wasDerivedFrom ?document .
  { ?fact dip:speaker ?e BIND("said" AS ?how) } UNION { ?fact dip:about ?e BIND("about" AS ?how) }
  ?speaker skos:prefLabel ?speaker_label .
  OPTIONAL { ?fact dip:quote ?quote }
  OPTIONAL { ?document dip:documentId ?doc_id }
  OPTIONAL { ?fact dip:evidence/nif:anchorOf ?evidence }
} ORDER BY ?how ?doc_id LIMIT 500"""
def _rows(store: KgStore, sparql: str, iri: str) -> list[dict[str, str]]:
    result = store.query(with_prefixes(sparql), bindings={"e": IRI(iri)})
    return [{k: (v.value if v is not None else "") for k, v in row.items()} for row in result.rows()]


def exists(store: KgStore, iri: str) -> bool:
    res = store.query("ASK { { ?e ?p ?o } UNION { ?s ?p ?e } }", bindings={"e": IRI(iri)})
    return res.boolean


def describe(store: KgStore, iri: str) -> dict[str, Any]:
    """Everything the entity page shows, as plain strings; facts (hash IRIs) get labels in words."""
    labels = {r["x"]: r["label"] for r in _rows(store, _LABELS, iri)}
    names = _rows(store, _NAMES, iri)
    outgoing, incoming = _rows(store, _OUT, iri), _rows(store, _IN, iri)
    # Mentions (nif:Phrase anchors pointing here with itsrdf:taIdentRef) are counted per document, not listed.
    mentions = Counter(r["s"].split("#", 1)[0] for r in incoming if r["p"] == ITSRDF + "taIdentRef")
    incoming = [r for r in incoming if r["p"] != ITSRDF + "taIdentRef"]
    unnamed = [v for v in [r["o"] for r in outgoing] + [r["s"] for r in incoming] + list(mentions)
               if "/id/" in v and v not in labels]
    labels |= readable_labels(store, unnamed)
    return {
        "iri": iri,
        "label": next((n["name"] for n in names if n["kind"] == "label"), labels.get(iri, iri.rsplit("/", 1)[-1])),
        "aliases": sorted({n["name"] for n in names if n["kind"] == "alias"}),
        "types": sorted({n["name"] for n in names if n["kind"] == "type"}),
        "roles": _rows(store, _ROLES, iri),
        "meetings": _rows(store, _MEETINGS, iri),
        "statements": _rows(store, _STATEMENTS, iri),
        "outgoing": outgoing,
        "incoming": incoming,
        "mentions": sorted(mentions.items(), key=lambda kv: (-kv[1], kv[0])),
        "labels": labels,
    }


def rdf_description(store: KgStore, iri: str, media: str) -> bytes:
    """The IRI's triples both ways plus its neighbours' labels, as RDF in `media`."""
    q = with_prefixes("""CONSTRUCT { ?e ?p ?o . ?s ?q ?e . ?o skos:prefLabel ?ol . ?s skos:prefLabel ?sl }
WHERE { { ?e ?p ?o OPTIONAL { ?o skos:prefLabel ?ol } } UNION { ?s ?q ?e OPTIONAL { ?s skos:prefLabel ?sl } } }""")
    return store.query(q, bindings={"e": IRI(iri)}).serialize(media, prefixes=PREFIXES)


def describe_label(store: KgStore, iri: str) -> str:
    rows = _rows(store, "SELECT ?e ?l WHERE { ?e skos:prefLabel|dcterms:title|rdfs:label ?l } LIMIT 1", iri)
    return rows[0]["l"] if rows else iri.rsplit("/", 1)[-1]


def search(store: KgStore, text: str, limit: int = 20) -> list[dict[str, str]]:
    """Entities whose name or alias contains `text` (case-insensitive), one row per entity: a name
    linked by owl:sameAs to another entity of the store (kg.link: "Obama") is found as that entity."""
    from kg.rdf.terms import Literal

    q = with_prefixes("""SELECT ?e ?q (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?type) WHERE {
  ?x skos:prefLabel|skos:altLabel ?n . FILTER(CONTAINS(LCASE(STR(?n)), LCASE(STR(?q))))
  OPTIONAL { ?x owl:sameAs ?same . ?same skos:prefLabel ?same_label }
  BIND(IF(BOUND(?same_label), ?same, ?x) AS ?e)
  ?e skos:prefLabel ?l . OPTIONAL { ?e a ?c . ?c rdfs:label ?t } } GROUP BY ?e ?q ORDER BY ?label LIMIT """ + str(int(limit)))
    result = store.query(q, bindings={"q": Literal(text)})
    return [{k: (v.value if v else "") for k, v in row.items()} for row in result.rows()]
