"""Saved-queries API, OpenAPI/docs, Linked Data pages and the UI shell, against the seed store;
hostile parameter values change nothing and leak nothing; one error shape everywhere."""

from __future__ import annotations

import httpx
import pytest

HOSTILE = ['" } ; DROP ALL ; SELECT * { "', "x' } UNION { ?s ?p ?o } #", "} ; DROP ALL", "<http://evil/> } DROP ALL {",
           "http://kg.example.org/id/person/xi-jinping> } ; DROP ALL ; <x", "{{ }}", "\\u0022 ) } #", "%00\x00"]


def test_catalogue_lists_names_summaries_and_typed_parameters(seeds_server: str) -> None:
    body = httpx.get(seeds_server + "/api/queries").json()
    by_name = {q["name"]: q for q in body["queries"]}
    assert body["ok"] is True and {"entity-profile", "who-met-whom", "timeline"} <= set(by_name)
    ep = by_name["entity-profile"]
    assert ep["summary"].startswith("Everything the graph holds")
    assert ep["parameters"] == [{"name": "entity", "type": "entity", "required": True, "default": None,
                                 "description": "Name, alias or IRI of the entity"}]
    assert [p["type"] for p in by_name["timeline"]["parameters"]] == ["date", "date"]


def test_run_saved_query_with_parameter(seeds_server: str) -> None:
    r = httpx.get(seeds_server + "/api/queries/entity-profile", params={"entity": "xi jinping"})
    assert r.status_code == 200
    rows = r.json()["results"]["bindings"]
    assert rows and {b["entity"]["value"] for b in rows} == {"xi jinping"}
    assert {"role", "met", "said"} <= {b["fact"]["value"] for b in rows}
    csv = httpx.get(seeds_server + "/api/queries/entity-profile", params={"entity": "Xi Jinping", "format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv") and csv.text.startswith("name,kind,fact")
    tsv = httpx.get(seeds_server + "/api/queries/timeline", params={"since": "2015-09-10"},
                    headers={"Accept": "text/tab-separated-values"})
    dates = [line.split("\t")[0] for line in tsv.text.splitlines()[1:]]
    assert dates and all(d.strip('"') >= "2015-09-10" for d in dates)


@pytest.mark.parametrize(("name", "params", "status"), [
    ("timeline", {"since": "yesterday"}, 400),
    ("timeline", {"since": "2015-13-45"}, 400),
    ("who-met-whom", {"include_planned": "maybe"}, 400),
    ("people-roles", {"min_confidence": "high"}, 400),
    ("entity-profile", {}, 400),
    ("entity-profile", {"entity": "x", "nope": "1"}, 400),
    ("no-such-query", {}, 404),
    ("..%2F..%2Fetc%2Fpasswd", {}, 404),
    ("entity-profile", {"entity": "x", "format": "turtle"}, 406),
])
def test_saved_query_errors(seeds_server: str, name: str, params: dict, status: int) -> None:
    r = httpx.get(f"{seeds_server}/api/queries/{name}", params=params)
    assert r.status_code == status
    assert r.json() == {"ok": False, "error": r.json()["error"], "status": status}


def test_paths_outside_queries_are_rejected(seeds_server: str) -> None:
    for path in ["/api/queries/../../pyproject", "/api/queries/%2e%2e%2fpyproject", "/api/queries/entity-profile.rq",
                 "/api/queries/.hidden"]:
        r = httpx.get(seeds_server + path)
        assert r.status_code == 404 and "build-system" not in r.text and r.json()["ok"] is False


def _count(url: str) -> int:
    q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    return int(httpx.get(url + "/sparql", params={"query": q}).json()["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_change_nothing_and_leak_nothing(seeds_server: str, value: str) -> None:
    before = _count(seeds_server)
    for name, param in [("entity-profile", "entity"), ("statements-about", "keyword"), ("organization-members", "org")]:
        r = httpx.get(f"{seeds_server}/api/queries/{name}", params={param: value})
        assert r.status_code == 200, r.text
        rows = r.json()["results"]["bindings"]
        assert rows == [] or all(b.get(param, {}).get("value") == value for b in rows)
    for name, param in [("timeline", "since"), ("who-met-whom", "include_planned"), ("people-roles", "min_confidence")]:
        r = httpx.get(f"{seeds_server}/api/queries/{name}", params={param: value})
        assert r.status_code == 400 and "Traceback" not in r.text and "/work" not in r.text and "/tmp" not in r.text
    assert _count(seeds_server) == before


def test_openapi_and_docs(seeds_server: str) -> None:
    spec = httpx.get(seeds_server + "/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    op = spec["paths"]["/api/queries/timeline"]["get"]
    params = {p["name"]: p for p in op["parameters"]}
    assert params["since"]["schema"] == {"type": "string", "format": "date", "default": "0001-01-01"}
    assert spec["paths"]["/api/queries/entity-profile"]["get"]["parameters"][0]["required"] is True
    assert "/sparql" in spec["paths"] and "/update" in spec["paths"]
    docs = httpx.get(seeds_server + "/docs")
    assert docs.status_code == 200 and "entity-profile" in docs.text and "union of all graphs" in docs.text


def test_linked_data_pages(seeds_server: str) -> None:
    iri = "http://kg.example.org/id/person/xi-jinping"
    html = httpx.get(seeds_server + "/id/person/xi-jinping", headers={"Accept": "text/html"})
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    for expected in ["<h1>Xi Jinping</h1>", "Also known as: Xi", "Roles", "Meetings", "Statements", "evidence",
                     "/id/document/", 'id="graph"']:
        assert expected in html.text, expected
    ttl = httpx.get(seeds_server + "/id/person/xi-jinping", headers={"Accept": "text/turtle"})
    assert ttl.headers["content-type"].startswith("text/turtle") and "skos:prefLabel" in ttl.text
    ld = httpx.get(seeds_server + "/id/person/xi-jinping", headers={"Accept": "application/ld+json"}).json()
    assert any(node.get("@id") == iri for node in ld)
    assert httpx.get(seeds_server + "/id/person/xi-jinping").headers["content-type"].startswith("text/turtle")
    doc = httpx.get(seeds_server + "/id/document/001_5f22dece1b88bfad.txt", headers={"Accept": "text/html"})
    assert doc.status_code == 200 and "China, US reach" in doc.text
    missing = httpx.get(seeds_server + "/id/person/nobody-at-all")
    assert missing.status_code == 404 and missing.json()["status"] == 404
    graph = httpx.get(seeds_server + "/api/graph", params={"iri": iri}).json()
    labels = {n["label"] for n in graph["nodes"]}
    assert graph["nodes"][0]["center"] and {"China", "Meng Jianzhu"} <= labels
    assert all(iri in (e["from"], e["to"]) for e in graph["edges"])  # a star around the entity


def test_ui_shell_is_offline(seeds_server: str) -> None:
    page = httpx.get(seeds_server + "/")
    assert page.status_code == 200 and 'data-name="entity-profile"' in page.text
    assert "http://" not in page.text.split("<body>")[0].replace("http-equiv", "")  # no remote CSS/JS
    for asset in ["/static/app.js", "/static/app.css", "/static/graph.js", "/static/search.js", "/favicon.ico",
                  "/assets/explorer.js", "/assets/vis-network.min.js"]:
        assert httpx.get(seeds_server + asset).status_code == 200


@pytest.mark.parametrize(("method", "path"), [
    ("GET", "/nowhere"), ("POST", "/api/queries"), ("GET", "/api/graph"), ("GET", "/api/search"),
    ("GET", "/api/labels"), ("GET", "/api/projection?until=tomorrow"), ("GET", "/assets/x.js"), ("POST", "/favicon.ico"),
    ("GET", "/static/nothing.js"), ("PATCH", "/store?graph=http://x/"), ("GET", "/store?graph=http://x/"),
])
def test_error_shape_everywhere(seeds_server: str, method: str, path: str) -> None:
    r = httpx.request(method, seeds_server + path)
    assert r.status_code >= 400
    assert r.headers["content-type"] == "application/json"
    assert r.json() == {"ok": False, "error": r.json()["error"], "status": r.status_code}
