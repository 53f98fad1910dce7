"""Reading the facts a projection needs from the store, one SPARQL SELECT per kind of fact.

The default graph is the union of the named graphs, so a triple repeated in several documents'
graphs comes back once per graph: every query is DISTINCT and results are merged by IRI here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kg.queries import with_prefixes
from kg.rdf.convert import STANCE_IRI
from kg.rdf.namespaces import dip_local
from kg.store import GraphStore, Value

#: Stance IRI local name -> its word, for stores without the ontology graph ("Agree" -> "agrees").
STANCE_WORDS = {local: word.replace("_", " ") for word, local in STANCE_IRI.items()}
#: The opposed stances of ontology/diplomacy.ttl, for stores loaded without the ontology graph.
OPPOSED = {("accuses", "denies"), ("denies", "accuses")}
ENTITY_CLASSES = "dip:Person dip:Organization dip:Country dip:Place dip:Group"


@dataclass
class Entity:
    iri: str
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)


@dataclass
class Fact:
    """One RoleHolding, Meeting, Statement or Agreement, with what the projection shows of it."""

    iri: str
    kind: str
    documents: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    evidence: set[str] = field(default_factory=set)
    confidence: float = 0.0
    #: Role: person, organization, relative_to; Meeting: participant, place; Statement: speaker, about;
    #: Agreement: party.
    links: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: Literal values: role_label, role, former, planned, cue, claim, quote, stance, topic.
    values: dict[str, str] = field(default_factory=dict)


@dataclass
class StoreFacts:
    entities: dict[str, Entity]
    facts: list[Fact]
    part_of: set[tuple[str, str]]
    doc_dates: dict[str, str]
    #: Pairs of stance words the ontology declares opposed (dip:opposes), both ways round.
    opposed: set[tuple[str, str]] = field(default_factory=lambda: set(OPPOSED))


def _rows(store: GraphStore, sparql: str) -> list[dict[str, Value | None]]:
    return list(store.query(with_prefixes(sparql)).rows())


def _s(v: Value | None) -> str:
    return "" if v is None else v.value


def _stance_word(iri: str) -> str:
    """'dip:Agree' -> 'agrees'; '' for an IRI that names no stance."""
    return STANCE_WORDS.get(dip_local(iri) or "", "")


def read_documents(store: GraphStore) -> dict[str, str]:
    """Document IRI -> document id, and document id -> publication date (ISO) under the key 'date:ID'."""
    out: dict[str, str] = {}
    for r in _rows(store, "SELECT DISTINCT ?d ?id ?date WHERE { ?d a dip:Document ; dip:documentId ?id . "
                          "OPTIONAL { ?d dcterms:date ?date } }"):
        out[_s(r["d"])] = _s(r["id"])
        out["date:" + _s(r["id"])] = _s(r["date"])[:10]
    return out


def read_entities(store: GraphStore, docs: dict[str, str]) -> dict[str, Entity]:
    ents: dict[str, Entity] = {}
    q = ("SELECT DISTINCT ?e ?cls (MIN(STR(?l)) AS ?label) WHERE { VALUES ?cls { " + ENTITY_CLASSES
         + " } ?e a ?cls ; skos:prefLabel ?l } GROUP BY ?e ?cls")
    for r in _rows(store, q):
        ents[_s(r["e"])] = Entity(_s(r["e"]), dip_local(_s(r["cls"])) or "", _s(r["label"]))
    for r in _rows(store, "SELECT DISTINCT ?e ?a WHERE { ?e skos:altLabel ?a }"):
        if (e := ents.get(_s(r["e"]))) and _s(r["a"]) != e.label:
            e.aliases.add(_s(r["a"]))
    q = ("SELECT DISTINCT ?e ?d WHERE { GRAPH ?g { ?e a ?cls . ?d a dip:Document } VALUES ?cls { "
         + ENTITY_CLASSES + " } }")
    for r in _rows(store, q):
        if (e := ents.get(_s(r["e"]))) and _s(r["d"]) in docs:
            e.documents.add(docs[_s(r["d"])])
    return ents


# One query per fact kind: ?f is the fact, every other variable fills `links` or `values`.
_FACT_QUERIES = {
    "RoleHolding": """SELECT DISTINCT ?f ?d ?ev ?conf ?person ?organization ?relative_to ?role_label ?role ?former
        WHERE { ?f a dip:RoleHolding ; dip:person ?person ; dip:roleLabel ?role_label ; prov:wasDerivedFrom ?d .
        OPTIONAL { ?f dip:organization ?organization } OPTIONAL { ?f dip:relativeTo ?relative_to }
        OPTIONAL { ?f dip:role/rdfs:label ?role } OPTIONAL { ?f dip:former ?former }
        OPTIONAL { ?f dip:confidence ?conf } OPTIONAL { ?f dip:evidence/nif:anchorOf ?ev } }""",
    "Meeting": """SELECT DISTINCT ?f ?d ?ev ?conf ?participant ?place ?cue ?planned ?date ?start ?end
        WHERE { ?f a dip:Meeting ; dip:participant ?participant ; prov:wasDerivedFrom ?d .
        OPTIONAL { ?f dip:place ?place } OPTIONAL { ?f dip:cue ?cue } OPTIONAL { ?f dip:planned ?planned }
        OPTIONAL { ?f dip:date ?date } OPTIONAL { ?f dip:startDate ?start } OPTIONAL { ?f dip:endDate ?end }
        OPTIONAL { ?f dip:confidence ?conf } OPTIONAL { ?f dip:evidence/nif:anchorOf ?ev } }""",
    "Statement": """SELECT DISTINCT ?f ?d ?ev ?conf ?speaker ?about ?claim ?quote ?stance_iri ?stance ?cue
        WHERE { ?f a dip:Statement ; dip:speaker ?speaker ; dip:claim ?claim ; prov:wasDerivedFrom ?d .
        OPTIONAL { ?f dip:about ?about } OPTIONAL { ?f dip:quote ?quote } OPTIONAL { ?f dip:cue ?cue }
        OPTIONAL { ?f dip:stance ?stance_iri OPTIONAL { ?stance_iri rdfs:label ?stance } }
        OPTIONAL { ?f dip:confidence ?conf } OPTIONAL { ?f dip:evidence/nif:anchorOf ?ev } }""",
    "Agreement": """SELECT DISTINCT ?f ?d ?ev ?conf ?party ?topic
        WHERE { ?f a dip:Agreement ; dip:party ?party ; prov:wasDerivedFrom ?d . OPTIONAL { ?f dip:topic ?topic }
        OPTIONAL { ?f dip:confidence ?conf } OPTIONAL { ?f dip:evidence/nif:anchorOf ?ev } }""",
}
_LINKS = {"person", "organization", "relative_to", "participant", "place", "speaker", "about", "party"}
_DATES = ("date", "start", "end")


def read_facts(store: GraphStore, docs: dict[str, str]) -> list[Fact]:
    facts: dict[str, Fact] = {}
    for kind, sparql in _FACT_QUERIES.items():
        for r in _rows(store, sparql):
            f = facts.setdefault(_s(r["f"]), Fact(_s(r["f"]), kind))
            doc = docs.get(_s(r["d"]), "")
            f.documents.add(doc)
            own = {_s(r[k])[:10] for k in _DATES if k in r and r[k] is not None}
            f.dates |= own or ({docs.get("date:" + doc, "")} - {""})
            if r["ev"] is not None:
                f.evidence.add(_s(r["ev"]))
            if r["conf"] is not None:
                f.confidence = max(f.confidence, float(_s(r["conf"])))
            for k, v in r.items():
                if v is None or k in ("f", "d", "ev", "conf", *_DATES):
                    continue
                if k == "stance_iri":
                    f.values.setdefault("stance", _stance_word(v.value))
                    continue
                if k in _LINKS:
                    f.links[k].add(v.value)
                else:
                    f.values[k] = v.value
    return sorted(facts.values(), key=lambda f: f.iri)


def read_store(store: GraphStore) -> StoreFacts:
    """Everything the projection needs, read once; entities linked by owl:sameAs become one node."""
    docs = read_documents(store)
    part_of = {(_s(r["o"]), _s(r["p"])) for r in _rows(store, "SELECT DISTINCT ?o ?p WHERE { ?o dip:partOf ?p }")}
    data = StoreFacts(read_entities(store, docs), read_facts(store, docs), part_of,
                      {k[5:]: v for k, v in docs.items() if k.startswith("date:")})
    opposed = {(_stance_word(_s(r["a"])), _stance_word(_s(r["b"])))
               for r in _rows(store, "SELECT DISTINCT ?a ?b WHERE { ?a dip:opposes ?b }")}
    if opposed := {(a, b) for a, b in opposed if a and b}:
        data.opposed = opposed | {(b, a) for a, b in opposed}
    same = {_s(r["a"]): _s(r["b"]) for r in _rows(
        store, f"SELECT DISTINCT ?a ?b WHERE {{ ?a owl:sameAs ?b FILTER({store.minter.sparql_minted('b')}) }}")}
    return _merge_same(data, same)


def _merge_same(data: StoreFacts, same: dict[str, str]) -> StoreFacts:
    """Fold each entity into the one it is the same as (kg.link: "Obama" into "Barack Obama")."""
    for a, b in same.items():
        if a in data.entities and b in data.entities:
            data.entities[b].aliases |= data.entities[a].aliases | {data.entities[a].label} - {data.entities[b].label}
            data.entities[b].documents |= data.entities[a].documents
            del data.entities[a]
    for f in data.facts:
        for key, targets in f.links.items():
            f.links[key] = {same.get(t, t) for t in targets}
    data.part_of = {(same.get(o, o), same.get(p, p)) for o, p in data.part_of}
    return data
