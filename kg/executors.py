"""Where extraction runs: in this process, in a pool of local processes, or on a Dask cluster.

The unit of work is a batch of Documents; a worker parses it with `nlp.pipe`, extracts the facts and
serializes them to N-Triples, so parsing, extraction and RDF conversion all run in parallel and only
plain strings travel back. Each worker process loads the pipeline once (`load_pipeline` is cached)
by importing kg itself, so the project's spaCy components are registered in the children whatever
the start method (the local pool uses 'spawn'). At most a few batches per worker are in flight, so
memory does not grow with the corpus.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from kg.errors import InputError
from kg.ingest import Document

#: Batches in flight per worker: enough to keep workers busy while the main process writes.
IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True)
class BuiltDocument:
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


@dataclass(frozen=True)
class BatchJob:
    """Everything a worker needs to turn Documents into BuiltDocuments (picklable, so Dask can ship it)."""

    model: str
    base_iri: str
    min_confidence: float = 0.0
    pipe_batch_size: int = 32

    def __call__(self, docs: list[Document]) -> list[BuiltDocument]:
        from kg.extract import extract_facts
        from kg.nlp import load_pipeline
        from kg.nlp.long_texts import parse_texts
        from kg.rdf import DIP, Minter, document_ntriples, entities_ntriples

        nlp = load_pipeline(self.model)
        minter = Minter(self.base_iri)
        out = []
        parsed_docs = parse_texts(nlp, (d.text for d in docs), batch_size=self.pipe_batch_size)
        for parsed, doc in zip(parsed_docs, docs, strict=True):
            facts = extract_facts(parsed, doc)
            if self.min_confidence > 0:
                facts = facts.filtered(self.min_confidence)
            lines = document_ntriples(facts, minter).splitlines(keepends=True)
            hash_line = f"{minter.document(doc.id).nt()} <{DIP}contentHash> "
            out.append(BuiltDocument(
                doc_id=doc.id, graph=minter.graph(doc.id).value, content_hash=doc.content_hash,
                body_nt="".join(x for x in lines if not x.startswith(hash_line)),
                hash_nt="".join(x for x in lines if x.startswith(hash_line)),
                entities_nt=entities_ntriples(facts, minter), counts=facts.counts()))
        return out


def batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while batch := list(islice(it, max(1, size))):
        yield batch


def run_batches(batches: Iterable[list[Document]], job: BatchJob, *, workers: int = 1,
                dask: str | None = None) -> Iterator[list[BuiltDocument]]:
    """Each batch's results, in input order; batches are read lazily, a bounded number ahead."""
    if dask:
        yield from _run_dask(batches, job, dask, workers)
    elif workers <= 1:
        for batch in batches:
            yield job(batch)
    else:
        yield from _run_pool(batches, job, workers)


def _run_pool(batches: Iterable[list[Document]], job: BatchJob, workers: int) -> Iterator[list[BuiltDocument]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # 'spawn': children start clean (no inherited store handles or threads) and import kg themselves.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from _ordered(batches, lambda b: pool.submit(job, b), workers * IN_FLIGHT_PER_WORKER,
                            lambda f: f.result())


def _run_dask(batches: Iterable[list[Document]], job: BatchJob, address: str,
              workers: int) -> Iterator[list[BuiltDocument]]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise InputError("--dask needs the Dask extra: pip install 'kg[dask]'") from e
    cluster = None
    if address == "local":
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        address = cluster.scheduler_address
    try:
        client = Client(address, timeout="20s")
    except (OSError, TimeoutError) as e:
        raise InputError(f"cannot reach the Dask scheduler at {address}: {e}") from e
    try:
        n = max(1, sum(client.nthreads().values()))
        yield from _ordered(batches, lambda b: client.submit(job, b, pure=False), n * IN_FLIGHT_PER_WORKER,
                            lambda f: f.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _ordered(batches: Iterable[list[Document]], submit: Callable[[list[Document]], Any], limit: int,
             result: Callable[[Any], list[BuiltDocument]]) -> Iterator[list[BuiltDocument]]:
    """Submit ahead up to `limit` batches, yield results in submission order."""
    pending: deque[Any] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= limit:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())
