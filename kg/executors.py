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
from dataclasses import dataclass
from itertools import islice
from typing import Any

from kg.config import Settings
from kg.errors import InputError
from kg.ingest.document import Document
from kg.rdf import DocumentGraph

#: Batches in flight per worker: enough to keep workers busy while the main process writes.
IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True)
class BatchJob:
    """Everything a worker needs to turn Documents into DocumentGraphs (picklable, so Dask can ship it)."""

    settings: Settings

    def __call__(self, docs: list[Document]) -> list[DocumentGraph]:
        from kg.pipeline import process

        return list(process(docs, self.settings))  # n_process 1: the workers are the parallelism


def batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while batch := list(islice(it, max(1, size))):
        yield batch


def run_batches(batches: Iterable[list[Document]], job: BatchJob, *, workers: int = 1,
                dask: str | None = None) -> Iterator[list[DocumentGraph]]:
    """Each batch's results, in input order; batches are read lazily, a bounded number ahead."""
    if dask:
        yield from _run_dask(batches, job, dask, workers)
    elif workers <= 1:
        for batch in batches:
            yield job(batch)
    else:
        yield from _run_pool(batches, job, workers)


def _run_pool(batches: Iterable[list[Document]], job: BatchJob, workers: int) -> Iterator[list[DocumentGraph]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # 'spawn': children start clean (no inherited store handles or threads) and import kg themselves.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from _ordered(batches, lambda b: pool.submit(job, b), workers * IN_FLIGHT_PER_WORKER,
                            lambda f: f.result())


def _run_dask(batches: Iterable[list[Document]], job: BatchJob, address: str,
              workers: int) -> Iterator[list[DocumentGraph]]:
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
             result: Callable[[Any], list[DocumentGraph]]) -> Iterator[list[DocumentGraph]]:
    """Submit ahead up to `limit` batches, yield results in submission order."""
    pending: deque[Any] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= limit:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())
