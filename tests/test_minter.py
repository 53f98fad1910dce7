"""kg.rdf reads back the IRIs it mints, so no other module has to know their shape."""

from __future__ import annotations

import pytest

from kg.rdf.namespaces import DIP, RESOURCE_PATH, Minted, Minter, curie, dip_local, local_name, split_iri

BASE = "http://kg.example.org/"
M = Minter(BASE)


@pytest.mark.parametrize(("iri", "expected"), [
    (M.entity("person:Lena Dahl").value, Minted("person", "lena-dahl")),
    (M.document("a b/c.txt").value, Minted("document", "a b/c.txt")),
    (M.text_anchor("d1", 3, 9).value, Minted("document", "d1")),
    (M.role("prime minister").value, Minted("role", "prime-minister")),
    (M.fact("meeting", "d1", "x").value, Minted("meeting", M.fact("meeting", "d1", "x").value.rsplit("/", 1)[1])),
    (M.graph("d1").value, None),
    (M.special_graph("entities").value, None),
    (f"{BASE}id/person", None),
    ("http://www.wikidata.org/entity/Q76", None),
    (DIP + "Person", None),
])
def test_parse_gives_kind_and_key_of_minted_resources_only(iri: str, expected: Minted | None) -> None:
    assert M.parse(iri) == expected
    assert M.kind_of(iri) == (expected.kind if expected else None)


def test_path_of_is_the_server_path_without_fragment() -> None:
    assert M.path_of(M.text_anchor("d1", 3, 9).value) == "/id/document/d1"
    assert M.path_of(M.entity("country:France").value) == "/id/country/france"
    assert M.path_of(M.graph("d1").value) is None
    assert M.path_of("http://elsewhere.org/id/person/x") is None


def test_resources_are_served_under_resource_path_and_the_root_names_the_base() -> None:
    for iri in (M.entity("person:Lena Dahl").value, M.document("a b.txt").value, M.fact("meeting", "d1", "x").value):
        path = M.path_of(iri)
        assert path is not None and path.startswith(RESOURCE_PATH)
        assert M.at_path(path) == iri
    assert M.at_path("/") == BASE == Minter(BASE.rstrip("/")).at_path("/")


def test_base_without_slash_mints_the_same_iris() -> None:
    assert Minter("http://kg.example.org").entity("person:X") == M.entity("person:X")


def test_document_graphs_are_recognised_and_read_back() -> None:
    graph = M.graph("a b.txt").value
    assert graph.startswith(M.document_graph_prefix)
    assert not M.special_graph("entities").value.startswith(M.document_graph_prefix)
    assert M.doc_id_of_graph(graph) == "a b.txt"
    assert M.doc_id_of_graph(M.special_graph("entities").value) is None


def test_is_minted_and_its_sparql_form_agree() -> None:
    assert M.is_minted(M.entity("person:X").value) and M.is_minted(M.graph("d").value)
    assert not M.is_minted("http://www.wikidata.org/entity/Q76")
    assert M.sparql_minted("x") == f'STRSTARTS(STR(?x), "{BASE}")'
    assert M.sparql_document_graph("g") == f'STRSTARTS(STR(?g), "{BASE}graph/document/")'


@pytest.mark.parametrize(("iri", "local", "prefix", "short", "dip"), [
    (DIP + "Person", "Person", "dip", "dip:Person", "Person"),
    ("http://www.w3.org/2004/02/skos/core#prefLabel", "prefLabel", "skos", "skos:prefLabel", None),
    ("http://purl.org/dc/terms/date", "date", "dcterms", "dcterms:date", None),
    ("http://elsewhere.org/a/b", "b", "", "http://elsewhere.org/a/b", None),
    (DIP, DIP, "dip", "dip:", None),
])
def test_vocabulary_names(iri: str, local: str, prefix: str, short: str, dip: str | None) -> None:
    assert local_name(iri) == local
    assert split_iri(iri)[0] == prefix
    assert curie(iri) == short
    assert dip_local(iri) == dip
