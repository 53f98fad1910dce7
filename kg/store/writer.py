"""The load stage of a build: new documents through the bulk loader, known ones replaced atomically.

A document whose graph is not in the store yet is appended to an N-Quads buffer that goes to
Oxigraph's bulk loader once it is large (much faster than one transaction per document). The bulk
loader is not transactional, so each document's content-hash triple is held back and written in an
ordinary transaction after its chunk is loaded: a crash mid-chunk leaves graphs without a hash,
which the next build sees as present but not up to date, and replaces atomically. A document whose
graph is already in the store (changed, or left incomplete) goes through `replace_document`, the
per-document atomic replace. Stores without a bulk loader (remote endpoints) always replace.

Every transaction lands in RocksDB's memtables, which Oxigraph lets grow to 128 MiB per index
before writing them out: unflushed, a 100k-document build held 2 GiB in them. The writer flushes
the store every `flush_triples` replaced triples, so the memtables, and peak memory, stay small
whatever the corpus size (and the build is no slower: smaller memtables are cheaper to insert into).
"""

from __future__ import annotations

import time

from kg.rdf import DocumentGraph
from kg.store import GraphStore, KgStore

#: Bytes of N-Quads gathered before one bulk load: large enough to amortize the loader's start-up,
#: small enough that memory stays flat.
CHUNK_BYTES = 32 * 1024 * 1024
#: Triples written by transactions between two flushes of the store's memtables (about 100 MiB of them).
FLUSH_TRIPLES = 100_000


class BatchWriter:
    """Writes DocumentGraphs to a store; `seconds` and `triples` measure the load stage alone."""

    def __init__(self, store: GraphStore, entities_graph: str, *, bulk: bool, chunk_bytes: int = CHUNK_BYTES,
                 flush_triples: int = FLUSH_TRIPLES) -> None:
        self.store = store
        self.entities_graph = entities_graph
        self.bulk = bulk
        self.chunk_bytes = chunk_bytes
        self.flush_triples = flush_triples
        self._unflushed = 0
        self.flushes = 0
        self._parts: list[str] = []
        self._size = 0
        self._hashes: list[DocumentGraph] = []
        self.seconds = 0.0
        self.triples = 0
        self.bulk_loaded = 0
        self.replaced = 0

    def write(self, doc: DocumentGraph, *, exists: bool) -> None:
        start = time.perf_counter()
        if exists or not self.bulk:
            self.store.replace_document(doc.doc_id, doc.document_nt, doc.entities_nt)
            self.replaced += 1
            self._unflushed += doc.triples
            if self._unflushed >= self.flush_triples:
                self.store.flush()
                self.flushes += 1
                self._unflushed = 0
        else:
            part = _to_nquads(doc.body_nt, doc.graph) + _to_nquads(doc.entities_nt, self.entities_graph)
            self._parts.append(part)
            self._size += len(part)
            self._hashes.append(doc)
            if self._size >= self.chunk_bytes:
                self._flush_chunk()
        self.triples += doc.triples
        self.seconds += time.perf_counter() - start

    def close(self) -> None:
        start = time.perf_counter()
        self._flush_chunk()
        self.seconds += time.perf_counter() - start

    def _flush_chunk(self) -> None:
        if not self._hashes:
            return
        if not isinstance(self.store, KgStore):  # only a local store has a bulk loader
            raise TypeError(f"bulk loading needs a KgStore, not a {type(self.store).__name__}")
        self.store.bulk_load_nquads("".join(self._parts))
        marks = " ".join(f"GRAPH <{d.graph}> {{ {d.hash_nt} }}" for d in self._hashes if d.hash_nt)
        if marks:
            self.store.update(f"INSERT DATA {{ {marks} }}")
        self.bulk_loaded += len(self._hashes)
        self._parts, self._size, self._hashes = [], 0, []


def _to_nquads(ntriples: str, graph: str) -> str:
    """N-Triples lines (each ending ' .\\n'; newlines inside literals are escaped) as quads of `graph`."""
    return ntriples.replace(" .\n", f" <{graph}> .\n") if ntriples else ""
