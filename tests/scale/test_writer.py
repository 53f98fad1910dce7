"""The load stage: bulk loading of new documents, atomic replace of known ones, hashes written last."""

from __future__ import annotations

from kg.rdf import DIP, DocumentGraph
from kg.store import KgStore
from kg.store.writer import BatchWriter

BASE = "http://kg.example.org/"
HASH = f"<{DIP}contentHash>"
ENT = f"{BASE}graph/entities"


def _doc(i: int, extra: str = "") -> DocumentGraph:
    d = f"<{BASE}id/document/d{i}>"
    return DocumentGraph(doc_id=f"d{i}", graph=f"{BASE}graph/document/d{i}", content_hash=f"h{i}",
                         body_nt=f'{d} <http://purl.org/dc/terms/title> "Title {i}{extra}" .\n'
                                 f'{d} <{DIP}documentId> "d{i}" .\n',
                         hash_nt=f'{d} {HASH} "h{i}" .\n',
                         entities_nt=f'<{BASE}id/entity/e{i}> <http://www.w3.org/2000/01/rdf-schema#label> "E {i}" .\n')


def test_new_documents_are_bulk_loaded_in_chunks_with_hashes() -> None:
    store = KgStore(None, base_iri=BASE)
    writer = BatchWriter(store, ENT, bulk=True, chunk_bytes=900)
    for i in range(5):
        writer.write(_doc(i), exists=False)
    assert 0 < writer.bulk_loaded < 5, "chunks are loaded as they fill up"
    writer.close()
    assert (writer.bulk_loaded, writer.replaced) == (5, 0)
    assert store.document_hashes() == {f"d{i}": f"h{i}" for i in range(5)}
    assert store.count() == 5 * 4
    assert writer.triples == 20


def test_existing_document_is_replaced_not_merged() -> None:
    store = KgStore(None, base_iri=BASE)
    writer = BatchWriter(store, ENT, bulk=True)
    writer.write(_doc(1), exists=False)
    writer.close()
    writer = BatchWriter(store, ENT, bulk=True)
    writer.write(_doc(1, " (new)"), exists=True)
    writer.close()
    assert writer.replaced == 1
    titles = [r["t"].value for r in store.query(
        "SELECT ?t WHERE { GRAPH ?g { ?d <http://purl.org/dc/terms/title> ?t } }").rows()]
    assert titles == ["Title 1 (new)"]


def test_without_bulk_every_document_is_replaced() -> None:
    store = KgStore(None, base_iri=BASE)
    writer = BatchWriter(store, ENT, bulk=False)
    writer.write(_doc(2), exists=False)
    writer.close()
    assert (writer.bulk_loaded, writer.replaced) == (0, 1)
    assert store.document_hashes() == {"d2": "h2"}


def test_replaced_triples_are_flushed_every_so_often() -> None:
    store = KgStore(None, base_iri=BASE)
    writer = BatchWriter(store, ENT, bulk=False, flush_triples=5)  # four triples a document
    for i in range(6):
        writer.write(_doc(i), exists=False)
    writer.close()
    assert writer.flushes == 3
    assert store.document_hashes() == {f"d{i}": f"h{i}" for i in range(6)}
