"""No store bookkeeping in what kg hands out, and every `dip:` term it hands out is in the ontology.

The store marks itself as needing a prune after each document write (a build clears the mark at its
end; a document added through `kg serve` leaves it), and a crash can leave staging graphs behind.
Neither belongs to the knowledge graph: exports (every RDF format) and the Linked Data pages leave
them out, and each `dip:` IRI in an export, a dump, a saved query's answer or a page is declared in
ontology/diplomacy.ttl.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from kg.config import DEFAULT_BASE_IRI
from kg.queries import Catalogue
from kg.rdf.namespaces import DIP
from kg.store import KgStore
from tests.conftest import ROOT, run_kg
from tests.server.conftest import live_server

RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nt": ox.RdfFormat.N_TRIPLES,
               "nq": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}
BOOKKEEPING = ("prunePending", f"{DEFAULT_BASE_IRI}graph/state", f"{DEFAULT_BASE_IRI}graph/staging/")
DIP_IN_TEXT = re.compile(rf"{re.escape(DIP)}([A-Za-z_][\w-]*)|\bdip:([A-Za-z_][\w-]*)")


def _declared() -> set[str]:
    """The local names of every term ontology/diplomacy.ttl describes."""
    return {q.subject.value[len(DIP):] for q in ox.parse(path=str(ROOT / "ontology" / "diplomacy.ttl"),
                                                         format=ox.RdfFormat.TURTLE)
            if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(DIP)}


DECLARED = _declared()


def _dip_terms(quads: list) -> set[str]:
    terms = set()
    for q in quads:
        for t in (q.subject, q.predicate, q.object, getattr(q, "graph_name", None)):
            iri = t.datatype.value if isinstance(t, ox.Literal) else getattr(t, "value", "")
            if isinstance(t, ox.NamedNode | ox.Literal) and iri.startswith(DIP):
                terms.add(iri[len(DIP):])
    return terms


def _dip_terms_in_text(text: str) -> set[str]:
    return {a or b for a, b in DIP_IN_TEXT.findall(text)}


@pytest.fixture(scope="module")
def pending_store(seeds_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds store as `kg serve` leaves it after POST /api/documents (a document rewritten, the prune
    still pending), with a staging graph left by a crash, and the prune mark of a store written by an
    earlier kg (dip:prunePending)."""
    path = tmp_path_factory.mktemp("pending") / "store"
    shutil.copytree(seeds_store, path)
    store = KgStore(path)
    doc = store.document_ids()[0]
    store.replace_document(doc, store.export("nt", graph=doc).decode("utf-8"))
    state, staging = f"{DEFAULT_BASE_IRI}graph/state", f"{DEFAULT_BASE_IRI}graph/staging/ontology"
    store.update(f"INSERT DATA {{ GRAPH <{staging}> {{ <{DIP}Person> <{DIP}stagedBy> <{DIP}crash> }} "
                 f"GRAPH <{state}> {{ <{state}> <{DIP}prunePending> true }} }}")
    assert store.prune_pending()
    del store
    return path


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_export_holds_no_bookkeeping_and_only_declared_dip_terms(pending_store: Path, fmt: str) -> None:
    result = run_kg("export", "--format", fmt, "--store", str(pending_store))
    assert result.returncode == 0, result.stderr
    for mark in BOOKKEEPING:
        assert mark not in result.stdout, f"{fmt} export holds {mark}"
    quads = list(ox.parse(result.stdout.encode("utf-8"), format=RDF_FORMATS[fmt]))
    assert len(quads) > 3000
    terms = _dip_terms(quads)
    assert {"Person", "Meeting", "Statement", "speaker", "evidence"} <= terms
    assert terms <= DECLARED, f"undeclared dip: terms in the {fmt} export: {sorted(terms - DECLARED)}"


def test_dump_keeps_the_prune_mark_outside_the_ontology_namespace(seeds_store: Path, tmp_path: Path) -> None:
    """A dump is a backup, so it keeps the mark; the mark kg writes now is no `dip:` term."""
    path = tmp_path / "store"
    shutil.copytree(seeds_store, path)
    store = KgStore(path)
    doc = store.document_ids()[0]
    store.replace_document(doc, store.export("nt", graph=doc).decode("utf-8"))
    del store
    assert run_kg("dump", str(tmp_path / "all.nq"), "--store", str(path)).returncode == 0
    quads = list(ox.parse(path=str(tmp_path / "all.nq"), format=ox.RdfFormat.N_QUADS))
    assert any(q.graph_name.value == f"{DEFAULT_BASE_IRI}graph/state" for q in quads)
    assert _dip_terms(quads) <= DECLARED, sorted(_dip_terms(quads) - DECLARED)


def test_saved_query_answers_use_only_declared_dip_terms(pending_store: Path) -> None:
    for q in Catalogue(ROOT / "queries").all():
        if any(p.required for p in q.parameters):
            continue
        result = run_kg("query", q.name, "--store", str(pending_store), "--format", "json")
        assert result.returncode == 0, result.stderr
        used = _dip_terms_in_text(result.stdout)
        assert used <= DECLARED, f"{q.name}: {sorted(used - DECLARED)}"


@pytest.mark.slow
def test_linked_data_pages_hold_no_bookkeeping_and_only_declared_dip_terms(pending_store: Path) -> None:
    store = KgStore(pending_store, read_only=True)
    kinds = ("person", "meeting", "statement", "membership", "document", "country")
    iris = [next(iter(store.query(f"SELECT ?s WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), '{DEFAULT_BASE_IRI}id/{k}/')) }} "
                                  "LIMIT 1").rows()))["s"].value for k in kinds]
    del store
    with live_server(pending_store) as url:
        for iri in iris:
            path = iri[len(DEFAULT_BASE_IRI) - 1:]
            for accept in ("text/turtle", "application/ld+json", "application/rdf+xml", "text/html"):
                r = httpx.get(url + path, headers={"Accept": accept}, timeout=30)
                assert r.status_code == 200, (path, accept, r.text[:300])
                for mark in BOOKKEEPING:
                    assert mark not in r.text, f"{path} ({accept}) holds {mark}"
                used = _dip_terms_in_text(r.text)
                assert used <= DECLARED, f"{path} ({accept}): {sorted(used - DECLARED)}"
