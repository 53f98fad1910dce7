"""kg.pipeline: one parse -> extract -> RDF path for builds, workers and the server, and `finish`."""

from __future__ import annotations

import pytest

from kg.config import Settings
from kg.executors import BatchJob
from kg.ingest import Document, read_text_document
from kg.pipeline import extract, finish, process
from kg.rdf import DIP, Minter, document_graph, document_ntriples
from kg.store import KgStore

FULL = "Border talks\n\nSwedish Foreign Minister Tomas Berg met German Chancellor Paul Weber in Oslo on Monday.\n"
BARE = "Trade row\n\nMr Berg said on Tuesday that the new tariffs were unacceptable.\n"


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings(min_confidence=0.0, batch_size=4, workers=1)


def _docs() -> list[Document]:
    docs = [read_text_document(FULL, "full"), read_text_document(BARE, "bare")]
    assert all(isinstance(d, Document) for d in docs)
    return docs  # type: ignore[return-value]


def test_the_hash_triple_comes_apart_from_the_same_bytes(settings: Settings) -> None:
    minter = Minter(settings.base_iri)
    for facts in extract(_docs(), settings):
        graph = document_graph(facts, minter)
        whole = document_ntriples(facts, minter)
        prefix = f"{minter.document(facts.document.id).nt()} <{DIP}contentHash> "
        lines = whole.splitlines(keepends=True)
        # what the workers did before: pick the hash line out of the text by its prefix
        assert graph.body_nt == "".join(x for x in lines if not x.startswith(prefix))
        assert graph.hash_nt == "".join(x for x in lines if x.startswith(prefix))
        assert graph.hash_nt.count("\n") == 1 and facts.document.content_hash in graph.hash_nt
        assert sorted(graph.document_nt.splitlines()) == whole.splitlines()
        assert graph.graph == minter.graph(facts.document.id).value and graph.counts == facts.counts()


def test_workers_and_process_give_the_same_graphs(settings: Settings) -> None:
    assert BatchJob(settings)(_docs()) == list(process(_docs(), settings))


def test_min_confidence_drops_weaker_facts(settings: Settings) -> None:
    everything = list(extract(_docs(), settings))
    strict = list(extract(_docs(), settings.with_(min_confidence=1.0)))
    assert sum(f.counts()["roles"] + f.counts()["statements"] for f in everything) > 0
    assert all(f.counts()["roles"] + f.counts()["statements"] == 0 for f in strict)


def test_finish_links_people_across_documents_and_prunes(settings: Settings) -> None:
    store = KgStore(None, base_iri=settings.base_iri)
    for graph in process(_docs(), settings):
        store.replace_document(graph.doc_id, graph.document_nt, graph.entities_nt)
    assert store.prune_pending()
    # changed=False still finishes: the pending mark says a write was not followed by its prune
    assert [(link.name, link.full_name) for link in finish(store, changed=False)] == [("Berg", "Tomas Berg")]
    assert not store.prune_pending()
    assert finish(store, changed=False) == []
