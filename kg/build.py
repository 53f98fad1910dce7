"""Orchestration: ingest -> nlp.pipe -> extract -> rdf -> store, in batches, skipping unchanged documents.

Documents are read lazily and written one graph at a time, so memory stays flat whatever the
corpus size; a document whose content hash is already stored is not parsed again.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kg.config import Settings
from kg.extract import DocumentFacts, extract_facts
from kg.ingest import Document, Skipped, iter_documents
from kg.nlp import load_pipeline
from kg.nlp.long_texts import parse_texts
from kg.rdf import Minter, document_ntriples, entities_ntriples
from kg.store import KgStore


@dataclass
class BuildSummary:
    """What a build did: shown to the user, and returned to callers and tests."""

    built: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    facts: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.built + self.unchanged

    def lines(self) -> list[str]:
        out = [f"documents: {self.built} built, {self.unchanged} unchanged, {len(self.skipped)} skipped"]
        if self.facts:
            out.append("facts: " + ", ".join(f"{k} {v}" for k, v in sorted(self.facts.items())))
        out += [f"skipped {s.path}: {s.reason}" for s in self.skipped]
        out += [f"warning: {w}" for w in self.warnings]
        return out


def extract_documents(docs: Iterable[Document], settings: Settings) -> Iterator[DocumentFacts]:
    """Facts for each document, parsed with nlp.pipe in batches (and processes when workers > 1)."""
    nlp = load_pipeline(settings.model)
    docs_a, docs_b = _tee(docs)
    texts = (d.text for d in docs_a)
    n_process = max(1, settings.workers)
    parsed_docs = parse_texts(nlp, texts, batch_size=settings.batch_size, n_process=n_process)
    for parsed, document in zip(parsed_docs, docs_b, strict=True):
        facts = extract_facts(parsed, document)
        yield facts.filtered(settings.min_confidence) if settings.min_confidence > 0 else facts


def build(paths: Iterable[str], settings: Settings, *, meta: dict[str, str] | None = None,
          store: KgStore | None = None, progress: bool = False) -> BuildSummary:
    """Build (or update) the store from the documents under `paths`."""
    summary = BuildSummary()
    store = store or KgStore(settings.store, base_iri=settings.base_iri)
    load_ontology(store, settings)
    known = store.document_hashes()
    minter = Minter(settings.base_iri)

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

    bar = _progress(progress)
    for facts in extract_documents(todo(), settings):
        store.replace_document(facts.document.id, document_ntriples(facts, minter), entities_ntriples(facts, minter))
        summary.built += 1
        summary.facts.update({k: v for k, v in facts.counts().items() if k != "entities"})
        bar.update(1)
    bar.close()
    if summary.built or store.prune_pending():  # pending: an earlier build was killed before its prune
        store.prune_entities()
    store.flush()
    return summary


def load_ontology(store: KgStore, settings: Settings) -> None:
    path = settings.ontology_dir / "diplomacy.ttl"
    if path.is_file():
        store.set_graph("ontology", path.read_text(encoding="utf-8"))


def _tee(docs: Iterable[Document]) -> tuple[Iterator[Document], Iterator[Document]]:
    import itertools

    a, b = itertools.tee(docs)
    return a, b


def _progress(enabled: bool):  # noqa: ANN202
    from tqdm import tqdm

    return tqdm(desc="documents", unit="doc", disable=not enabled or not sys.stderr.isatty(), file=sys.stderr)
