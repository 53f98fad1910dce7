"""RDF: the only place that mints IRIs and knows the vocabulary; facts become sorted N-Triples."""

from __future__ import annotations

from kg.extract.facts import DocumentFacts
from kg.rdf.convert import document_triples, entity_triples, name_key, role_triples
from kg.rdf.namespaces import DIP, PREFIXES, Minter
from kg.rdf.terms import to_ntriples

__all__ = ["DIP", "PREFIXES", "Minter", "document_ntriples", "entities_ntriples", "name_key"]


def document_ntriples(facts: DocumentFacts, minter: Minter) -> str:
    """The N-Triples of one document's named graph."""
    return to_ntriples(document_triples(facts, minter))


def entities_ntriples(facts: DocumentFacts, minter: Minter) -> str:
    """The canonical-entity triples (labels, types, Wikidata links) contributed by one document."""
    triples = []
    for e in facts.entities.values():
        triples += entity_triples(e, minter, canonical=True)
    for norm in sorted({r.role_norm for r in facts.roles}):
        triples += role_triples(norm, minter)
    return to_ntriples(triples)
