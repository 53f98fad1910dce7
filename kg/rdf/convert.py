"""DocumentFacts -> triples of the document's named graph, against ontology/diplomacy.ttl.

Facts are recorded as reported by their document (prov:wasDerivedFrom); what a speaker claims stays
a literal inside the Statement, never a triple asserted as true.
"""

from __future__ import annotations

from kg.extract.facts import (
    COUNTRY,
    GROUP,
    MEETING_MODES,
    ORGANIZATION,
    PERSON,
    PLACE,
    DocumentFacts,
    Entity,
    Evidence,
)
from kg.ingest.document import Document
from kg.rdf.namespaces import WD, Minter, dip, rdf, term
from kg.rdf.terms import IRI, Literal, Triple, date_lit, lit

CLASS_OF = {PERSON: "Person", ORGANIZATION: "Organization", COUNTRY: "Country", PLACE: "Place", GROUP: "Group"}
#: How a meeting was held ("in person", "phone", "video") -> its dip: individual.
MODE_IRI = dict(zip(MEETING_MODES, ("InPerson", "PhoneCall", "VideoCall"), strict=True))
STANCE_IRI = {"accuses": "Accuse", "denies": "Deny", "warns": "Warn", "agrees": "Agree", "calls_for": "CallFor"}
A = rdf("type")
LABEL = term("rdfs", "label")
NAME_KEY = dip("nameKey")


def name_key(name: str) -> str:
    """The lookup form of a name, as SPARQL's LCASE gives it: kg binds it for `entity` parameters."""
    return name.lower()


def entity_triples(e: Entity, m: Minter, *, canonical: bool) -> list[Triple]:
    """An entity's triples: in a document graph its type and its names (canonical and as written);
    in the entities graph (`canonical`) its type, one preferred label, part-of and Wikidata links.

    Labels live once, in the entities graph: a query over the union of graphs then joins each
    entity to one label instead of one per document that names it. Each name also gets a lower-case
    `dip:nameKey`, so a query finds an entity by name, whatever the case, with an index lookup
    instead of a scan of every label."""
    s = m.entity(e.key)
    out: list[Triple] = [(s, A, dip(CLASS_OF[e.kind]))]
    if not canonical:
        names = {e.name, *e.aliases}
        return (out + [(s, term("skos", "altLabel"), lit(a)) for a in sorted(names)]
                + [(s, NAME_KEY, lit(k)) for k in sorted({name_key(a) for a in names})])
    out += [(s, LABEL, lit(e.name)), (s, term("skos", "prefLabel"), lit(e.name))]
    if e.qid:
        out.append((s, term("owl", "sameAs"), IRI(WD + e.qid)))
    if e.part_of:
        out.append((s, dip("partOf"), m.entity(e.part_of)))
    return out


def role_triples(role_norm: str, m: Minter) -> list[Triple]:
    """A normalized role (an org:Role) and its label, for the entities graph."""
    return [(m.role(role_norm), A, dip("Role")), (m.role(role_norm), LABEL, lit(role_norm))]


def document_triples(facts: DocumentFacts, m: Minter) -> list[Triple]:
    """Every triple of one document's named graph."""
    return [*body_triples(facts, m), content_hash_triple(facts.document, m)]


def content_hash_triple(doc: Document, m: Minter) -> Triple:
    """The triple that marks a document's graph complete: the store writer writes it last, after the
    rest of the graph, so a build killed in between leaves a graph the next build replaces."""
    return (m.document(doc.id), dip("contentHash"), lit(doc.content_hash))


def body_triples(facts: DocumentFacts, m: Minter) -> list[Triple]:
    """Every triple of one document's named graph but its content hash (`content_hash_triple`)."""
    doc = facts.document
    d = m.document(doc.id)
    t: list[Triple] = [(d, A, dip("Document")), (d, dip("documentId"), lit(doc.id)),
                       (d, term("nif", "isString"), lit(doc.text))]
    if doc.title:
        t.append((d, term("dcterms", "title"), lit(doc.title)))
    if doc.date:
        t.append((d, term("dcterms", "date"), date_lit(doc.date)))
    if doc.source:
        t.append((d, term("dcterms", "publisher"), lit(doc.source)))
    if doc.url:
        t.append((d, term("schema", "url"), IRI(doc.url) if _iri_safe(doc.url) else lit(doc.url)))
    for e in facts.entities.values():
        t += entity_triples(e, m, canonical=False)
    for mention in facts.mentions:
        a = m.text_anchor(doc.id, mention.start, mention.end)
        t += [(a, A, term("nif", "Phrase")), (a, term("nif", "anchorOf"), lit(mention.text)),
              (a, term("nif", "beginIndex"), lit(mention.start)), (a, term("nif", "endIndex"), lit(mention.end)),
              (a, term("nif", "referenceContext"), d), (a, term("itsrdf", "taIdentRef"), m.entity(mention.entity))]
        if mention.as_government:
            t.append((a, dip("standsForGovernment"), lit(True)))
    for r in facts.roles:
        f = m.fact("membership", doc.id, r.person, r.role_norm, r.organization, r.relative_to, r.evidence.start)
        t += _fact(f, "RoleHolding", r.evidence, r.confidence, m, d)
        t += [(f, dip("person"), m.entity(r.person)), (f, dip("role"), m.role(r.role_norm)),
              (f, dip("roleLabel"), lit(r.role))]
        if r.organization:
            t.append((f, dip("organization"), m.entity(r.organization)))
        if r.relative_to:
            t.append((f, dip("relativeTo"), m.entity(r.relative_to)))
        if r.former:
            t.append((f, dip("former"), lit(True)))
    for mt in facts.meetings:
        f = m.fact("meeting", doc.id, sorted(mt.participants), mt.evidence.start)
        t += _fact(f, "Meeting", mt.evidence, mt.confidence, m, d)
        t += [(f, dip("participant"), m.entity(p)) for p in mt.participants]
        t += [(f, dip("cue"), lit(mt.cue)), (f, dip("planned"), lit(mt.planned)), (f, dip("eventCategory"), dip("Consult"))]
        t.append((f, dip("mode"), dip(MODE_IRI[mt.mode])))
        t += _when(f, mt.date)
        if mt.place:
            t.append((f, dip("place"), m.entity(mt.place)))
        if mt.host:
            t.append((f, dip("host"), m.entity(mt.host)))
    for s in facts.statements:
        f = m.fact("statement", doc.id, s.speaker, s.content, s.evidence.start)
        t += _fact(f, "Statement", s.evidence, s.confidence, m, d)
        t += [(f, dip("speaker"), m.entity(s.speaker)), (f, dip("cue"), lit(s.cue)), (f, dip("claim"), lit(s.content))]
        if s.quote:
            t.append((f, dip("quote"), lit(s.quote)))
        t += [(f, dip("about"), m.entity(a)) for a in s.about]
        if s.stance:
            t.append((f, dip("stance"), dip(STANCE_IRI[s.stance])))
    for ag in facts.agreements:
        f = m.fact("agreement", doc.id, sorted(ag.parties), ag.topic, ag.evidence.start)
        t += _fact(f, "Agreement", ag.evidence, ag.confidence, m, d)
        t += [(f, dip("party"), m.entity(p)) for p in ag.parties]
        t += [(f, dip("topic"), lit(ag.topic)), (f, dip("eventCategory"), dip("AgreeCategory"))]
    return t


def _fact(f: IRI, cls: str, ev: Evidence, confidence: float, m: Minter, d: IRI) -> list[Triple]:
    a = m.text_anchor(ev.document, ev.start, ev.end)
    return [(f, A, dip(cls)), (f, term("prov", "wasDerivedFrom"), d), (f, dip("confidence"), lit(confidence)),
            (f, dip("evidence"), a), (a, A, term("nif", "Sentence")), (a, term("nif", "anchorOf"), lit(ev.sentence)),
            (a, term("nif", "beginIndex"), lit(ev.start)), (a, term("nif", "endIndex"), lit(ev.end)),
            (a, term("nif", "referenceContext"), d)]


def _when(f: IRI, value: str | None) -> list[Triple]:
    if not value:
        return []
    if "/" in value:
        start, end = value.split("/", 1)
        return [(f, dip("startDate"), date_lit(start)), (f, dip("endDate"), date_lit(end))]
    return [(f, dip("date"), date_lit(value))]


def _iri_safe(url: str) -> bool:
    return url.startswith(("http://", "https://")) and not any(c in url for c in ' <>"{}|\\^`')


__all__ = ["document_triples", "entity_triples", "Literal"]
