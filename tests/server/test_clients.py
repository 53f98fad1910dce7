"""Standard SPARQL clients against the live server: SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

import pytest

PREFIXES = "PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "


def test_sparqlwrapper_select_ask_construct(seeds_server: str) -> None:
    sw = pytest.importorskip("SPARQLWrapper")
    client = sw.SPARQLWrapper(seeds_server + "/sparql")
    client.setReturnFormat(sw.JSON)
    client.setQuery(PREFIXES + "SELECT ?n WHERE { ?p a dip:Country ; skos:prefLabel ?n } ORDER BY ?n")
    names = [b["n"]["value"] for b in client.query().convert()["results"]["bindings"]]
    assert "China" in names and "United States" in names
    client.setQuery(PREFIXES + 'ASK { ?p skos:prefLabel "Barack Obama" }')
    assert client.query().convert()["boolean"] is True
    client.setMethod(sw.POST)
    client.setReturnFormat(sw.TURTLE)
    client.setQuery(PREFIXES + "CONSTRUCT { ?p skos:prefLabel ?n } WHERE { ?p a dip:Country ; skos:prefLabel ?n }")
    ttl = client.query().convert()
    assert b"China" in ttl


def test_rdflib_sparqlstore(seeds_server: str) -> None:
    from rdflib import Graph, Literal, URIRef
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    g = Graph(store=SPARQLStore(seeds_server + "/sparql"))  # asks for SPARQL XML results or RDF/XML
    rows = list(g.query(PREFIXES + "SELECT ?p WHERE { ?p skos:prefLabel \"Xi Jinping\" }"))
    assert rows and rows[0][0] == URIRef("http://kg.example.org/id/person/xi-jinping")
    assert g.query(PREFIXES + "ASK { ?p a dip:Person }").askAnswer is True
    built = g.query(PREFIXES + "CONSTRUCT { ?p skos:prefLabel ?n } WHERE { ?p a dip:Person ; skos:prefLabel ?n }")
    assert (URIRef("http://kg.example.org/id/person/xi-jinping"), None, Literal("Xi Jinping")) in built.graph
