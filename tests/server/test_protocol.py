"""SPARQL 1.1 Protocol at /sparql against a live server on the seed store: methods, conneg, datasets,
every error status, CORS, streaming and the per-query timeout."""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree

import httpx
import pytest

from tests.server.conftest import live_server

PERSONS = "PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> " \
          "SELECT ?name WHERE { ?p a dip:Person ; skos:prefLabel ?name } ORDER BY ?name"
XI = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ASK { ?p skos:prefLabel \"Xi Jinping\" }"
GRAPH = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> CONSTRUCT { ?p skos:prefLabel ?n } " \
        "WHERE { ?p skos:prefLabel ?n FILTER(?n = \"Xi Jinping\") }"


def names(body: dict) -> list[str]:
    return [b["name"]["value"] for b in body["results"]["bindings"]]


def test_get_post_form_and_direct_post_agree(seeds_server: str) -> None:
    a = httpx.get(seeds_server + "/sparql", params={"query": PERSONS})
    b = httpx.post(seeds_server + "/sparql", data={"query": PERSONS})
    c = httpx.post(seeds_server + "/sparql", content=PERSONS, headers={"Content-Type": "application/sparql-query"})
    assert a.status_code == b.status_code == c.status_code == 200
    assert a.headers["content-type"].startswith("application/sparql-results+json")
    assert names(a.json()) == names(b.json()) == names(c.json())
    assert "Xi Jinping" in names(a.json()) and "Barack Obama" in names(a.json())


@pytest.mark.parametrize(("accept", "fmt", "media"), [
    ("application/sparql-results+xml", None, "application/sparql-results+xml"),
    ("text/csv", None, "text/csv"),
    ("text/tab-separated-values", None, "text/tab-separated-values"),
    ("text/html,application/xhtml+xml,*/*;q=0.8", None, "application/sparql-results+json"),
    (None, "csv", "text/csv"),
    ("application/json", None, "application/sparql-results+json"),
])
def test_select_content_negotiation(seeds_server: str, accept: str | None, fmt: str | None, media: str) -> None:
    params = {"query": PERSONS, **({"format": fmt} if fmt else {})}
    r = httpx.get(seeds_server + "/sparql", params=params, headers={"Accept": accept} if accept else {})
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    if media == "text/csv":
        rows = list(csv.reader(io.StringIO(r.text)))
        assert rows[0] == ["name"] and ["Xi Jinping"] in rows
    if media.endswith("+xml"):
        ns = {"s": "http://www.w3.org/2005/sparql-results#"}
        found = [e.text for e in ElementTree.fromstring(r.content).findall(".//s:literal", ns)]
        assert "Xi Jinping" in found


def test_ask_and_construct_negotiation(seeds_server: str) -> None:
    r = httpx.get(seeds_server + "/sparql", params={"query": XI})
    assert r.status_code == 200 and r.json()["boolean"] is True
    r = httpx.get(seeds_server + "/sparql", params={"query": XI}, headers={"Accept": "application/sparql-results+xml"})
    assert b"<boolean>true</boolean>" in r.content
    for accept, marker in [("text/turtle", b"Xi Jinping"), ("application/n-triples", b"<http://kg.example.org/id/person/xi-jinping>"),
                           ("application/ld+json", b'"@id"'), ("application/rdf+xml", b"rdf:RDF"),
                           ("application/trig", b"Xi Jinping"), ("application/n-quads", b"Xi Jinping")]:
        r = httpx.get(seeds_server + "/sparql", params={"query": GRAPH}, headers={"Accept": accept})
        assert r.status_code == 200 and r.headers["content-type"].startswith(accept) and marker in r.content, accept
    r = httpx.get(seeds_server + "/sparql", params={"query": GRAPH, "format": "jsonld"})
    assert json.loads(r.content)[0]["@id"] == "http://kg.example.org/id/person/xi-jinping"


def test_406_for_unsupported_accept(seeds_server: str) -> None:
    for query, accept in [(PERSONS, "text/turtle"), (GRAPH, "application/sparql-results+json"), (PERSONS, "image/png")]:
        r = httpx.get(seeds_server + "/sparql", params={"query": query}, headers={"Accept": accept})
        assert r.status_code == 406 and r.json()["ok"] is False and r.json()["status"] == 406
    assert httpx.get(seeds_server + "/sparql", params={"query": PERSONS, "format": "png"}).status_code == 406


def test_malformed_query_is_400_with_parser_message(seeds_server: str) -> None:
    r = httpx.get(seeds_server + "/sparql", params={"query": "SELECT ?x WHERE { ?x"})
    assert r.status_code == 400
    body = r.json()
    assert body == {"ok": False, "error": body["error"], "status": 400}
    assert "error at 1:" in body["error"] and "Traceback" not in body["error"]


@pytest.mark.parametrize(("method", "kwargs", "status"), [
    ("GET", {"params": {"query": ["ASK {}", "ASK {}"]}}, 400),
    ("POST", {"content": b"ASK {}", "headers": {"Content-Type": "text/plain"}}, 415),
    ("POST", {"content": b"ASK {}"}, 415),
    ("POST", {"content": "ASK {}".encode("utf-16"), "headers": {"Content-Type": "application/sparql-query; charset=UTF-16"}}, 415),
    ("POST", {"content": b"ASK { \xff }", "headers": {"Content-Type": "application/sparql-query"}}, 400),
    ("PUT", {"params": {"query": "ASK {}"}}, 405),
    ("DELETE", {}, 405),
    ("GET", {"params": {"update": "CLEAR ALL"}}, 405),
    ("POST", {"data": {"update": "CLEAR ALL"}}, 400),
    ("GET", {"params": {"query": "ASK {}", "default-graph-uri": "not an iri"}}, 400),
    ("GET", {"params": {"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"}}, 400),
])
def test_protocol_errors(seeds_server: str, method: str, kwargs: dict, status: int) -> None:
    r = httpx.request(method, seeds_server + "/sparql", **kwargs)
    assert r.status_code == status, r.text
    assert r.json() == {"ok": False, "error": r.json()["error"], "status": status}


def test_dataset_parameters(seeds_server: str) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    union = int(httpx.get(seeds_server + "/sparql", params={"query": count}).json()["results"]["bindings"][0]["n"]["value"])
    onto = "http://kg.example.org/graph/ontology"
    only = httpx.get(seeds_server + "/sparql", params={"query": count, "default-graph-uri": onto}).json()
    n_onto = int(only["results"]["bindings"][0]["n"]["value"])
    assert 0 < n_onto < union
    named = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    r = httpx.get(seeds_server + "/sparql", params={"query": named, "named-graph-uri": onto}).json()
    assert [b["g"]["value"] for b in r["results"]["bindings"]] == [onto]
    from_clause = f"SELECT (COUNT(*) AS ?n) FROM <{onto}> WHERE {{ ?s ?p ?o }}"
    r = httpx.get(seeds_server + "/sparql", params={"query": from_clause}).json()
    assert int(r["results"]["bindings"][0]["n"]["value"]) == n_onto


def test_service_description_and_cors(seeds_server: str) -> None:
    r = httpx.get(seeds_server + "/sparql")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    assert f"sd:endpoint <{seeds_server}/sparql>" in r.text and "sd:UnionDefaultGraph" in r.text
    assert "SPARQL11Update" not in r.text  # read-only server
    r = httpx.get(seeds_server + "/sparql", params={"query": "ASK {}"}, headers={"Origin": "http://example.com"})
    assert r.headers["access-control-allow-origin"] == "*"
    pre = httpx.options(seeds_server + "/sparql", headers={"Origin": "http://example.com", "Access-Control-Request-Method": "POST",
                                                           "Access-Control-Request-Headers": "content-type"})
    assert pre.status_code == 200 and "POST" in pre.headers["access-control-allow-methods"]


def test_large_select_streams(seeds_server: str) -> None:
    q = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    with httpx.stream("GET", seeds_server + "/sparql", params={"query": q, "format": "tsv"}) as r:
        assert r.status_code == 200 and r.headers.get("transfer-encoding") == "chunked"
        chunks = [c for c in r.iter_raw()]
    assert len(chunks) > 3 and sum(len(c) for c in chunks) > 100_000


@pytest.mark.slow
def test_timeout_answers_503_and_keeps_serving(seeds_store) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
    with live_server(seeds_store, "--timeout", "0.3") as url:
        r = httpx.get(url + "/sparql", params={"query": slow}, timeout=30)
        assert r.status_code == 503 and "did not finish within 0.3 s" in r.json()["error"]
        ok = httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=30)
        assert ok.status_code == 200 and ok.json()["boolean"] is True
