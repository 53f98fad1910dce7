"""RDF: the only place that mints IRIs and knows the vocabulary; facts become sorted N-Triples."""

from __future__ import annotations

from kg.rdf.convert import name_key
from kg.rdf.document_graph import DocumentGraph, document_graph, document_ntriples, entities_ntriples
from kg.rdf.namespaces import DIP, PREFIXES, RESOURCE_PATH, Minter

__all__ = ["DIP", "PREFIXES", "RESOURCE_PATH", "DocumentGraph", "Minter", "document_graph", "document_ntriples",
           "entities_ntriples", "name_key"]
