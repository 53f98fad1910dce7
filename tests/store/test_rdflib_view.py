"""The rdflib face of the store: rdflib tools see the same quads through oxrdflib."""

from __future__ import annotations

import rdflib

from kg.store import KgStore

EX = "http://kg.example.org/id/"


def test_rdflib_dataset_sees_the_document_graphs() -> None:
    store = KgStore(None)
    store.replace_document("a.txt", f'<{EX}person/ann> <http://www.w3.org/2004/02/skos/core#altLabel> "Ann" .\n')
    ds = store.rdflib_dataset()
    graph = rdflib.URIRef(store.minter.graph("a.txt").value)
    assert (rdflib.URIRef(f"{EX}person/ann"), rdflib.SKOS.altLabel, rdflib.Literal("Ann")) in ds.graph(graph)
    rows = list(ds.query("SELECT ?l WHERE { GRAPH ?g { ?s <http://www.w3.org/2004/02/skos/core#altLabel> ?l } }"))
    assert [str(r[0]) for r in rows] == ["Ann"]
