"""Orchestration: ingest -> kg.pipeline -> store, in batches, skipping unchanged documents.

Documents are read lazily, sent through kg.pipeline in batches (kg.executors: in process, local
processes or Dask) and written as each batch comes back (kg.store.writer), so memory stays flat
whatever the corpus size; a document whose content hash is already stored is not parsed again.
After the writes, kg.pipeline.finish links people across documents, prunes and flushes.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kg.config import Settings
from kg.executors import BatchJob, batched, run_batches
from kg.ingest import Document, Skipped, iter_documents
from kg.pipeline import finish
from kg.rdf import Minter
from kg.store import GraphStore, KgStore
from kg.store.factory import open_store
from kg.store.maintenance import add_name_keys_update, has_name_keys_ask, has_names_ask
from kg.store.writer import BatchWriter


@dataclass
class BuildSummary:
    """What a build did: shown to the user, and returned to callers and tests."""

    built: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    facts: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    #: Seconds for the whole build ("total") and for writing to the store ("load").
    timings: dict[str, float] = field(default_factory=dict)
    triples_written: int = 0
    #: Bare names joined to the one full name that matches them across documents (kg.link).
    linked: list[str] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.built + self.unchanged

    def lines(self) -> list[str]:
        out = [f"documents: {self.built} built, {self.unchanged} unchanged, {len(self.skipped)} skipped"]
        if self.facts:
            out.append("facts: " + ", ".join(f"{k} {v}" for k, v in sorted(self.facts.items())))
        if self.linked:
            out.append(f"linked across documents: {', '.join(self.linked)}")
        out += [f"skipped {s.path}: {s.reason}" for s in self.skipped]
        out += [f"warning: {w}" for w in self.warnings]
        return out


def build(paths: Iterable[str], settings: Settings, *, meta: dict[str, str] | None = None,
          store: GraphStore | None = None, progress: bool = False, dask: str | None = None) -> BuildSummary:
    """Build (or update) the store from the documents under `paths`.

    Documents are read lazily and sent in batches to the workers (local processes when
    settings.workers > 1, or the Dask scheduler at `dask`); results are written as they come back.
    """
    started = time.perf_counter()
    summary = BuildSummary()
    if store is None:
        store = open_store(settings.store, base_iri=settings.base_iri, token=settings.store_token)
    load_ontology(store, settings)
    upgrade_store(store)
    known = store.document_hashes()
    present = set(store.document_ids())
    seen: set[str] = set()

    def todo() -> Iterator[Document]:
        for item in iter_documents(paths, meta):
            if isinstance(item, Skipped):
                summary.skipped.append(item)
                continue
            if item.id in seen:
                summary.skipped.append(Skipped(item.path or item.id, f"duplicate document id {item.id!r}"))
                continue
            seen.add(item.id)
            if len(item.text) > settings.max_chars:
                summary.skipped.append(Skipped(item.path or item.id, f"text has {len(item.text):,} characters, more than "
                                               f"the limit of {settings.max_chars:,} (KG_MAX_CHARS)"))
                continue
            summary.warnings += list(item.warnings)
            if known.get(item.id) == item.content_hash:
                summary.unchanged += 1
                continue
            yield item

    job = BatchJob(settings)
    writer = BatchWriter(store, Minter(settings.base_iri).special_graph("entities").value,
                         bulk=settings.bulk and isinstance(store, KgStore))
    bar = _progress(progress)
    for batch in run_batches(batched(todo(), settings.batch_size), job, workers=settings.workers, dask=dask):
        for built in batch:
            writer.write(built, exists=built.doc_id in present)
            summary.built += 1
            summary.facts.update({k: v for k, v in built.counts.items() if k != "entities"})
        bar.update(len(batch))
    writer.close()
    bar.close()
    compact_started = time.perf_counter()
    if writer.bulk_loaded and isinstance(store, KgStore):  # only a KgStore bulk loads (see the writer above)
        store.compact()
    compact_seconds = time.perf_counter() - compact_started
    # finish also completes an earlier build that was killed before its prune (the store's pending mark).
    summary.linked = [link.name for link in finish(store, changed=summary.built > 0)]
    summary.timings = {"total": time.perf_counter() - started, "load": writer.seconds, "compact": compact_seconds}
    summary.triples_written = writer.triples
    return summary


def upgrade_store(store: GraphStore) -> None:
    """Bring a store written by an earlier kg up to date, so skipping its unchanged documents is safe:
    entities then had no `dip:nameKey`, which `entity` parameters of saved queries look up."""
    # Two ASKs that stop at their first match; one ASK with FILTER NOT EXISTS reads every name.
    if not store.query(has_name_keys_ask()).boolean and store.query(has_names_ask()).boolean:
        store.update(add_name_keys_update())


def load_ontology(store: GraphStore, settings: Settings) -> None:
    path = settings.ontology_dir / "diplomacy.ttl"
    if path.is_file():
        store.set_graph("ontology", path.read_text(encoding="utf-8"))


def _progress(enabled: bool):
    from tqdm import tqdm

    return tqdm(desc="documents", unit="doc", disable=not enabled or not sys.stderr.isatty(), file=sys.stderr)
