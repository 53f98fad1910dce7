"""Writes on a server started with --update-token: /update, the Graph Store Protocol, POST /api/documents;
authentication (401/403), LOAD/SERVICE refused, the body limit (413)."""

from __future__ import annotations

import httpx
import pytest

G = "http://example.org/g1"
G2 = "http://example.org/g2"
TTL = "@prefix ex: <http://example.org/> . ex:a ex:p ex:b , ex:c ."


def ask(url: str, query: str) -> bool:
    return httpx.get(url + "/sparql", params={"query": query}).json()["boolean"]


def test_update_needs_the_token(writable_server: str, auth: dict) -> None:
    upd = {"update": f"INSERT DATA {{ GRAPH <{G}> {{ <http://example.org/x> <http://example.org/p> 1 }} }}"}
    r = httpx.post(writable_server + "/update", data=upd)
    assert r.status_code == 401 and "Bearer" in r.headers["www-authenticate"] and r.json()["status"] == 401
    r = httpx.post(writable_server + "/update", data=upd, headers={"Authorization": "Bearer wrong-token-xxxxx"})
    assert r.status_code == 403 and r.json()["ok"] is False
    assert not ask(writable_server, "ASK { <http://example.org/x> ?p ?o }")
    r = httpx.post(writable_server + "/update", data=upd, headers=auth)
    assert r.status_code == 204
    assert ask(writable_server, "ASK { <http://example.org/x> ?p ?o }")
    r = httpx.post(writable_server + "/update", content=f"DROP SILENT GRAPH <{G}>",
                   headers={**auth, "Content-Type": "application/sparql-update"})
    assert r.status_code == 204 and not ask(writable_server, "ASK { <http://example.org/x> ?p ?o }")


def test_read_only_server_refuses_writes(seeds_server: str, auth: dict) -> None:
    for method, path in [("POST", "/update"), ("PUT", "/store?graph=http://example.org/g"), ("POST", "/api/documents")]:
        r = httpx.request(method, seeds_server + path, content=b"x", headers={**auth, "Content-Type": "text/plain"})
        assert r.status_code == 403 and "read-only" in r.json()["error"], path
    assert httpx.get(seeds_server + "/update").status_code == 405


@pytest.mark.parametrize("update", [
    "LOAD <http://127.0.0.1:1/data.ttl>",
    "load <http://127.0.0.1:1/data.ttl> INTO GRAPH <http://example.org/g>",
    "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
])
def test_load_and_service_are_refused(writable_server: str, auth: dict, update: str) -> None:
    r = httpx.post(writable_server + "/update", data={"update": update}, headers=auth)
    assert r.status_code == 403 and "not allowed" in r.json()["error"]


def test_keywords_inside_strings_and_iris_are_fine(writable_server: str, auth: dict) -> None:
    upd = f'INSERT DATA {{ GRAPH <{G}> {{ <http://example.org/LOAD> <http://example.org/p> "SERVICE # LOAD" }} }}'
    assert httpx.post(writable_server + "/update", data={"update": upd}, headers=auth).status_code == 204
    assert ask(writable_server, 'ASK { <http://example.org/LOAD> ?p "SERVICE # LOAD" }')


def test_graph_store_protocol(writable_server: str, auth: dict) -> None:
    url = writable_server + "/store"
    assert httpx.put(url, params={"graph": G2}, content=TTL, headers={"Content-Type": "text/turtle"}).status_code == 401
    r = httpx.put(url, params={"graph": G2}, content=TTL, headers={**auth, "Content-Type": "text/turtle"})
    assert r.status_code == 201
    r = httpx.put(url, params={"graph": G2}, content=TTL, headers={**auth, "Content-Type": "text/turtle"})
    assert r.status_code == 204
    r = httpx.get(url, params={"graph": G2}, headers={"Accept": "application/n-triples"})
    assert r.status_code == 200 and r.text.count("\n") == 2 and "<http://example.org/c>" in r.text
    r = httpx.post(url, params={"graph": G2}, content="<http://example.org/a> <http://example.org/p> <http://example.org/d> .",
                   headers={**auth, "Content-Type": "application/n-triples"})
    assert r.status_code == 204
    assert httpx.get(url, params={"graph": G2}, headers={"Accept": "application/n-triples"}).text.count("\n") == 3
    bad = httpx.put(url, params={"graph": G2}, content="@prefix broken", headers={**auth, "Content-Type": "text/turtle"})
    assert bad.status_code == 400 and bad.json()["ok"] is False
    assert httpx.get(url, params={"graph": G2}, headers={"Accept": "application/n-triples"}).text.count("\n") == 3
    assert httpx.put(url, params={"graph": G2}, content=TTL, headers={**auth, "Content-Type": "image/png"}).status_code == 415
    assert httpx.delete(url, params={"graph": G2}, headers=auth).status_code == 204
    assert httpx.get(url, params={"graph": G2}).status_code == 404
    assert httpx.delete(url, params={"graph": G2}, headers=auth).status_code == 404
    assert httpx.get(url).status_code == 400
    assert httpx.get(url, params={"graph": "no iri"}).status_code == 400
    assert httpx.get(url, params={"default": ""}).status_code == 200


def test_body_limit_is_413(writable_server: str, auth: dict) -> None:
    big = "ASK {} #" + "x" * 300_000
    r = httpx.post(writable_server + "/sparql", content=big, headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413 and r.json()["status"] == 413
    r = httpx.post(writable_server + "/api/documents", content=big, headers={**auth, "Content-Type": "text/plain"})
    assert r.status_code == 413


ARTICLE = ("Talks in Berlin\n\nBERLIN, May 2 (Reuters) - German Chancellor Klaus Vogel met French President "
           "Anne Roux in Berlin on Tuesday. \"We stand together,\" Vogel said after the talks.\n")


@pytest.mark.slow
def test_add_document_while_serving(writable_server: str, auth: dict) -> None:
    r = httpx.post(writable_server + "/api/documents", json={"text": ARTICLE, "id": "berlin-talks", "date": "2024-05-02"},
                   headers=auth, timeout=120)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["ok"] is True and body["id"] == "berlin-talks" and body["facts"]["meetings"] >= 1
    people = httpx.get(writable_server + "/api/queries/who-met-whom").json()["results"]["bindings"]
    pairs = {(b["a"]["value"], b["b"]["value"]) for b in people}
    assert any("Anne Roux" in pair for pair in pairs)  # the new document's meeting is queryable at once
    page = httpx.get(writable_server + body["page"], headers={"Accept": "text/turtle"})
    assert page.status_code == 200 and "Talks in Berlin" in page.text
    assert httpx.post(writable_server + "/api/documents", json={"id": "x"}, headers=auth).status_code == 400
    assert httpx.post(writable_server + "/api/documents", json={"text": ARTICLE}).status_code == 401


@pytest.mark.slow
def test_posted_documents_are_linked_across_documents(writable_server: str, auth: dict) -> None:
    """A POSTed document goes through the same finish as `kg build`: a bare surname joins its full name."""
    full = "Border talks\n\nSwedish Foreign Minister Tomas Berg met German Chancellor Paul Weber in Oslo on Monday.\n"
    bare = "Trade row\n\nMr Berg said on Tuesday that the new tariffs were unacceptable.\n"
    first = httpx.post(writable_server + "/api/documents", json={"text": full, "id": "berg-full"}, headers=auth, timeout=120)
    assert first.status_code == 201, first.text
    second = httpx.post(writable_server + "/api/documents", json={"text": bare, "id": "berg-bare"}, headers=auth,
                        timeout=120)
    assert second.status_code == 201, second.text
    assert second.json()["linked"] == ["Berg"]
    skos, owl = "http://www.w3.org/2004/02/skos/core#", "http://www.w3.org/2002/07/owl#"
    assert ask(writable_server, f'ASK {{ GRAPH ?g {{ ?p <{owl}sameAs> ?full ; <{skos}prefLabel> "Tomas Berg" . '
                                f'?full <{skos}prefLabel> "Tomas Berg" FILTER(?p != ?full) }} }}')
