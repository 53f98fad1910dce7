"""The one pipeline every document goes through: parse -> extract -> RDF, then `finish` the store.

`kg build` (in its workers), `kg extract` and `POST /api/documents` all call these, so a document
gives the same facts and the same graph whichever way it came in, and the steps that look across
documents (people linked by name, orphaned entities pruned) run after every write, not only builds.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from kg.config import Settings
from kg.extract import DocumentFacts, extract_facts
from kg.ingest.document import Document
from kg.rdf import DocumentGraph, Minter, document_graph

if TYPE_CHECKING:
    from kg.link import Link
    from kg.store.protocol import GraphStore


def extract(documents: Iterable[Document], settings: Settings, *, n_process: int = 1) -> Iterator[DocumentFacts]:
    """Each document's facts, in order, without those under settings.min_confidence.

    Texts are parsed with nlp.pipe in batches of settings.batch_size (long ones in pieces);
    `n_process` > 1 lets spaCy parse in processes of its own (`kg extract`; build workers pass 1)."""
    from kg.nlp import load_pipeline
    from kg.nlp.long_texts import parse_texts

    nlp = load_pipeline(settings.model)
    for_text, for_facts = itertools.tee(documents)
    parsed = parse_texts(nlp, (d.text for d in for_text), batch_size=settings.batch_size, n_process=max(1, n_process))
    for doc, document in zip(parsed, for_facts, strict=True):
        facts = extract_facts(doc, document)
        yield facts.filtered(settings.min_confidence) if settings.min_confidence > 0 else facts


def process(documents: Iterable[Document], settings: Settings, *, n_process: int = 1) -> Iterator[DocumentGraph]:
    """Each document's graph, ready for the store writer (see `extract` for the parsing)."""
    minter = Minter(settings.base_iri)
    for facts in extract(documents, settings, n_process=n_process):
        yield document_graph(facts, minter)


def finish(store: GraphStore, *, changed: bool = True) -> list[Link]:
    """What follows writing documents: link people across documents, prune orphaned entities, flush.

    Runs when documents were `changed`, or when an earlier write was killed before its prune (the
    store's pending mark); returns the new cross-document links."""
    from kg.link import link_people

    links: list[Link] = []
    if changed or store.prune_pending():
        links = link_people(store)
        store.prune_entities()  # a replaced graph may have been the last to mention an entity
    store.flush()
    return links
