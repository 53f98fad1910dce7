"""Fixtures for the export tests: a tiny hand-made store (no model needed) and the seed store."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from kg.export.projection import Options, project
from kg.extract.facts import Agreement, DocumentFacts, Entity, Evidence, Meeting, Role, Statement
from kg.ingest.document import Document
from kg.rdf import document_ntriples, entities_ntriples
from kg.store import KgStore

TEXT_A = ("French Foreign Minister Jean Dupont met Indian Foreign Minister Ravi Kumar in Geneva on Monday. "
          "Dupont said the talks were \"useful\".")
TEXT_B = "Dupont and Kumar met again on Wednesday. They will meet next month. France and India agreed on trade."

ENTITIES = {
    "person:jean dupont": Entity("person:jean dupont", "Person", "Jean Dupont", ("Dupont",)),
    "person:ravi kumar": Entity("person:ravi kumar", "Person", "Ravi Kumar", ("Kumar",)),
    "country:france": Entity("country:france", "Country", "France", ("French",)),
    "country:india": Entity("country:india", "Country", "India", ("Indian",)),
    "organization:foreign ministry (france)": Entity("organization:foreign ministry (france)", "Organization",
                                                     "Foreign Ministry (France)", part_of="country:france"),
    "place:geneva": Entity("place:geneva", "Place", "Geneva"),
}


def _ev(doc: str, text: str, start: int, end: int) -> Evidence:
    return Evidence(doc, text[start:end], start, end)


def tiny_facts() -> list[DocumentFacts]:
    """Two documents: two held meetings and one planned between the same two ministers, roles, a
    statement and an agreement; published 2015-09-10 and 2015-10-01."""
    s1 = TEXT_A.index(" Dupont said") + 1
    a = DocumentFacts(Document("a.txt", TEXT_A, "Talks in Geneva", "2015-09-10"), dict(ENTITIES))
    a.roles += [Role("person:jean dupont", "Foreign Minister", "foreign minister", "country:france",
                     _ev("a.txt", TEXT_A, 0, s1 - 1), 0.9),
                Role("person:ravi kumar", "Foreign Minister", "foreign minister", "country:india",
                     _ev("a.txt", TEXT_A, 0, s1 - 1), 0.9)]
    a.meetings.append(Meeting(("person:jean dupont", "person:ravi kumar"), "meet", _ev("a.txt", TEXT_A, 0, s1 - 1),
                              0.8, date="2015-09-07", place="place:geneva"))
    a.statements.append(Statement("person:jean dupont", "say", "the talks were useful",
                                  _ev("a.txt", TEXT_A, s1, len(TEXT_A)), 0.7, quote="useful",
                                  about=("person:ravi kumar",), stance="agrees"))
    s2 = TEXT_B.index(" France") + 1
    b = DocumentFacts(Document("b.txt", TEXT_B, "More talks", "2015-10-01"),
                      {k: v for k, v in ENTITIES.items() if k != "place:geneva"})
    s1 = TEXT_B.index(" They") + 1
    b.meetings += [Meeting(("person:jean dupont", "person:ravi kumar"), "meet", _ev("b.txt", TEXT_B, 0, s1 - 1),
                           0.8, date="2015-09-30"),
                   Meeting(("person:jean dupont", "person:ravi kumar"), "meet", _ev("b.txt", TEXT_B, s1, s2 - 1),
                           0.6, planned=True)]
    b.agreements.append(Agreement(("country:france", "country:india"), "trade", _ev("b.txt", TEXT_B, s2, len(TEXT_B)),
                                  0.7))
    return [a, b]


@pytest.fixture
def tiny_store() -> KgStore:
    """An in-memory store holding tiny_facts(), written through kg.rdf like `kg build` does."""
    store = KgStore(None, base_iri="http://kg.example.org/")
    for facts in tiny_facts():
        store.replace_document(facts.document.id, document_ntriples(facts, store.minter),
                               entities_ntriples(facts, store.minter))
    return store


def iri(store: KgStore, key: str) -> str:
    return store.minter.entity(key).value


@pytest.fixture(scope="session")
def seed_kgstore(seeds_store: Path) -> KgStore:
    return KgStore(seeds_store, base_iri="http://kg.example.org/", read_only=True)


@pytest.fixture(scope="session")
def seed_graph(seed_kgstore: KgStore) -> nx.MultiDiGraph:
    """The seed store's projection with every kind of fact node."""
    return project(seed_kgstore, Options.parse(include="meetings,statements,agreements"))
