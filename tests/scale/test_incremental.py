"""Incremental builds: unchanged documents are skipped, changed ones replaced, new ones bulk-loaded."""

from __future__ import annotations

import shutil
from pathlib import Path

from kg.build import build
from kg.config import Settings
from kg.rdf import DIP
from kg.store import KgStore
from tests.conftest import SEEDS


def _corpus(tmp_path: Path, n: int = 3) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for f in sorted(SEEDS.glob("*.txt"))[:n]:
        shutil.copy(f, folder / f.name)
    return folder


def _doc_text(store: KgStore, doc_id: str) -> str:
    q = ("SELECT ?t WHERE { GRAPH ?g { ?d <" + DIP + "documentId> ?id ; "
         "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?t } }")
    rows = [r for r in store.query(q.replace("?id", f'"{doc_id}"')).rows()]
    assert len(rows) == 1, rows
    return rows[0]["t"].value


def test_rebuild_skips_unchanged_and_replaces_changed(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    settings = Settings().with_(store=str(tmp_path / "store"))
    first = build([str(corpus)], settings)
    assert (first.built, first.unchanged) == (3, 0)
    store_path = tmp_path / "store"

    again = build([str(corpus)], settings)
    assert (again.built, again.unchanged) == (0, 3)

    changed = sorted(corpus.glob("*.txt"))[1]
    old_text = changed.read_text(encoding="utf-8")
    paragraphs = old_text.split("\n\n")
    paragraphs.insert(2, "Foreign Minister Chen Hao met Anne Roux in Geneva on Monday, officials said.")
    changed.write_text("\n\n".join(paragraphs), encoding="utf-8")
    (corpus / "new.txt").write_text("Talks in Oslo\n\nPresident Tomas Berg met Prime Minister Erna Solberg in Oslo.\n",
                                    encoding="utf-8")
    third = build([str(corpus)], settings)
    assert (third.built, third.unchanged) == (2, 2)

    store = KgStore(store_path, base_iri=settings.base_iri)
    assert "met Anne Roux in Geneva on Monday, officials said." in _doc_text(store, changed.name)
    assert "Erna Solberg" in _doc_text(store, "new.txt")
    assert store.document_hashes()[changed.name] != ""
    assert set(store.document_ids()) == {f.name for f in corpus.glob("*.txt")}


def test_changed_document_replaces_old_facts(tmp_path: Path) -> None:
    store = KgStore(None, base_iri=Settings().base_iri)
    doc = tmp_path / "a.txt"
    doc.write_text("Visit\n\nPresident Tomas Berg met Prime Minister Erna Solberg in Oslo on Monday.\n", encoding="utf-8")
    build([str(doc)], Settings(), store=store)
    solberg = "SELECT ?e WHERE { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> \"Erna Solberg\" }"
    assert list(store.query(solberg).rows())
    doc.write_text("Visit\n\nPresident Tomas Berg met Chancellor Angela Merkel in Berlin on Monday.\n", encoding="utf-8")
    summary = build([str(doc)], Settings(), store=store)
    assert summary.built == 1
    assert not list(store.query(solberg).rows()), "the old document's entity was pruned"
    assert "Angela Merkel" in _doc_text(store, "a.txt")


def test_incomplete_graph_without_hash_is_replaced(tmp_path: Path) -> None:
    """A graph left without its content hash (a crash during a bulk load) is rebuilt atomically."""
    corpus = _corpus(tmp_path, 1)
    store = KgStore(None, base_iri=Settings().base_iri)
    build([str(corpus)], Settings(), store=store)
    full = store.count()
    store.update("DELETE WHERE { GRAPH ?g { ?d <" + DIP + "contentHash> ?h } }")
    store.update("DELETE WHERE { GRAPH ?g { ?d <http://purl.org/dc/terms/title> ?t } }")
    assert store.count() < full
    summary = build([str(corpus)], Settings(), store=store)
    assert (summary.built, summary.unchanged) == (1, 0)
    assert store.count() == full


def test_a_bulk_build_compacts_the_store_once(tmp_path: Path, monkeypatch) -> None:
    """The bulk loader leaves many small files; the build merges them once, after loading."""
    calls: list[str] = []
    real = KgStore.compact

    def counted(self: KgStore) -> None:
        calls.append(self.path or "")
        real(self)

    monkeypatch.setattr(KgStore, "compact", counted)
    corpus = _corpus(tmp_path, 2)
    bulk = Settings().with_(store=str(tmp_path / "bulk"), bulk=True)
    assert build([str(corpus)], bulk).built == 2 and len(calls) == 1
    assert build([str(corpus)], bulk).unchanged == 2 and len(calls) == 1, "nothing loaded, nothing to compact"
    store = KgStore(tmp_path / "bulk", base_iri=bulk.base_iri, read_only=True)
    assert set(store.document_ids()) == {f.name for f in corpus.glob("*.txt")}

    atomic = Settings().with_(store=str(tmp_path / "atomic"))
    build([str(corpus)], atomic)
    assert len(calls) == 1, "atomic writes are not bulk loads"
    assert store.count() == KgStore(tmp_path / "atomic", base_iri=atomic.base_iri, read_only=True).count()
