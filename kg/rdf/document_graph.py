"""One document's graph as N-Triples, with its content-hash triple kept apart.

The store writer loads a document's graph first and its content-hash triple last, so the hash marks a
complete graph; the conversion emits the two separately, so nobody has to pick the hash line back out
of the text. Only plain strings and counts, so a worker process can send it back cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.facts import DocumentFacts
from kg.rdf.convert import body_triples, content_hash_triple, document_triples, entity_triples, role_triples
from kg.rdf.namespaces import Minter
from kg.rdf.terms import Triple, to_ntriples


@dataclass(frozen=True)
class DocumentGraph:
    """One document's extraction, serialized: what the store writer needs and nothing else."""

    doc_id: str
    graph: str  # IRI of the document's named graph
    content_hash: str
    body_nt: str  # the document graph's N-Triples, without the content-hash triple
    hash_nt: str  # the content-hash triple: written last, it marks the document complete
    entities_nt: str  # canonical-entity triples contributed by the document
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def triples(self) -> int:
        return self.body_nt.count("\n") + self.hash_nt.count("\n") + self.entities_nt.count("\n")

    @property
    def document_nt(self) -> str:
        """The whole document graph (body, then hash), for a write that replaces it in one go."""
        return self.body_nt + self.hash_nt


def document_graph(facts: DocumentFacts, minter: Minter) -> DocumentGraph:
    """A document's facts as its graph, hash triple apart, and its canonical-entity triples."""
    doc = facts.document
    return DocumentGraph(doc_id=doc.id, graph=minter.graph(doc.id).value, content_hash=doc.content_hash,
                         body_nt=to_ntriples(body_triples(facts, minter)),
                         hash_nt=to_ntriples([content_hash_triple(doc, minter)]),
                         entities_nt=entities_ntriples(facts, minter), counts=facts.counts())


def document_ntriples(facts: DocumentFacts, minter: Minter) -> str:
    """The N-Triples of one document's named graph."""
    return to_ntriples(document_triples(facts, minter))


def entities_ntriples(facts: DocumentFacts, minter: Minter) -> str:
    """The canonical-entity triples (labels, types, Wikidata links) contributed by one document."""
    triples: list[Triple] = []
    for e in facts.entities.values():
        triples += entity_triples(e, minter, canonical=True)
    for norm in sorted({r.role_norm for r in facts.roles}):
        triples += role_triples(norm, minter)
    return to_ntriples(triples)
