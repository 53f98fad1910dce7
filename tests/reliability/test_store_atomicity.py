"""The store's crash reasoning, step by step: what a kill between two writes leaves, and how it is healed."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.store import KgStore

BASE = "http://kg.example.org/"
EX = "http://kg.example.org/id/"


def _doc(n: int, entity: str) -> tuple[str, str]:
    doc = (f'<{EX}document/d> <https://w3id.org/kg-diplomacy/ontology#contentHash> "h{n}" .\n'
           f'<{EX}m{n}> <http://www.w3.org/2005/11/its/rdf#taIdentRef> <{EX}{entity}> .\n')
    ent = f'<{EX}{entity}> <http://www.w3.org/2000/01/rdf-schema#label> "{entity}" .\n'
    return doc, ent


def test_kill_after_staging_load_leaves_the_old_graph(tmp_path: Path) -> None:
    store = KgStore(tmp_path / "s", base_iri=BASE)
    store.replace_document("d", *_doc(1, "alice"))
    store.prune_entities()
    old = store.export("nq", graph="d")
    # A build killed after loading the new version into staging, before the MOVE:
    staging = ox.NamedNode(f"{BASE}graph/staging/d")
    store._store.load(_doc(2, "bob")[0], format=ox.RdfFormat.N_TRIPLES, to_graph=staging)
    store._store.load(_doc(2, "bob")[1], format=ox.RdfFormat.N_TRIPLES,
                      to_graph=ox.NamedNode(f"{BASE}graph/staging/entities/d"))
    store.flush()
    del store
    reopened = KgStore(tmp_path / "s", base_iri=BASE)
    assert reopened.export("nq", graph="d") == old
    graphs = {g.value for g in reopened._store.named_graphs()}
    assert not any("/staging/" in g for g in graphs), graphs  # staging dropped on open
    assert b"bob" not in reopened.export("nq")


def test_document_and_its_entities_arrive_together_and_prune_is_resumed(tmp_path: Path) -> None:
    store = KgStore(tmp_path / "s", base_iri=BASE)
    store.replace_document("d", *_doc(1, "alice"))
    store.prune_entities()
    assert not store.prune_pending()
    store.replace_document("d", *_doc(2, "bob"))  # one transaction: graph moved, entities added, prune marked
    data = store.export("nq")
    assert b"bob" in data and b'"h2"' in data and b'"h1"' not in data
    # killed here, before the prune: alice is an orphan in the entities graph
    del store
    reopened = KgStore(tmp_path / "s", base_iri=BASE)
    assert reopened.prune_pending()  # so the next build prunes even when every document is unchanged
    reopened.prune_entities()
    assert b"alice" not in reopened.export("nq") and not reopened.prune_pending()


def test_remove_marks_prune_in_the_same_transaction(tmp_path: Path) -> None:
    store = KgStore(tmp_path / "s", base_iri=BASE)
    store.replace_document("d", *_doc(1, "alice"))
    assert store.remove_document("d")
    assert store.count() == 0 and not store.prune_pending()
