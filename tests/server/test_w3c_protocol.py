"""The W3C SPARQL 1.1 Protocol, Graph Store Protocol and Service Description tests, replayed against a
live `kg serve` on loopback (manifests in /work/shared/w3c-sparql11; skipped when absent).

Protocol requests to `/sparql/` go to /sparql, or to /update (with the token) when they carry an update.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import httpx
import pytest
import rdflib
from rdflib.compare import isomorphic

from tests.server import w3c
from tests.server.conftest import TOKEN, live_server

pytestmark = pytest.mark.skipif(not (w3c.W3C / "protocol" / "manifest.ttl").is_file(),
                                reason="W3C SPARQL 1.1 manifests not available")
AUTH = {"Authorization": f"Bearer {TOKEN}"}
RESULT_TYPES = {"tabular": ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                            "text/tab-separated-values"),
                "boolean": ("application/sparql-results+json", "application/sparql-results+xml"),
                "RDF": ("text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json")}
PROTOCOL = w3c.protocol_tests() if (w3c.W3C / "protocol").is_dir() else []
GSP = w3c.graph_store_tests() if (w3c.W3C / "http-rdf-update").is_dir() else []
#: Graph-store tests this server does not pass, and why (xfail strict: a fix shows up as XPASS).
GSP_KNOWN = {
    "delete__existing_graph": "the deprecated manifest deletes person/2.ttl, which no earlier test created",
    "post__existing_graph": "the manifest's Turtle body lacks its final '.', so it is refused (400)",
    "post__multipart_formdata": "multipart/form-data uploads are not supported (415)",
    "get_of_post__multipart_formdata": "follows from the multipart upload",
    "get_of_post__existing_graph": "the manifest expects the graph without the triple its own POST added",
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with live_server(tmp_path_factory.mktemp("w3c") / "store", "--update-token", TOKEN) as url:
        yield url


def _is_update(req: w3c.Request) -> bool:
    query = parse_qs(urlsplit(req.path).query)
    ctype = req.headers.get("content-type", "")
    return ("update" in query or "using-graph-uri" in query or "using-named-graph-uri" in query
            or ctype.startswith("application/sparql-update") or (req.body or "").startswith("update="))


def _boolean(resp: httpx.Response) -> bool:
    if "json" in resp.headers["content-type"]:
        return json.loads(resp.content)["boolean"]
    node = ElementTree.fromstring(resp.content).find("{http://www.w3.org/2005/sparql-results#}boolean")
    return node is not None and node.text == "true"


@pytest.mark.parametrize("test", PROTOCOL, ids=[t.name for t in PROTOCOL])
def test_protocol(server: str, test: w3c.ProtocolTest) -> None:
    assert httpx.post(server + "/update", data={"update": "DROP ALL"}, headers=AUTH).status_code == 204
    for path, graph in test.graph_data:
        r = httpx.put(server + "/store", params={"graph": graph}, content=path.read_bytes(),
                      headers={**AUTH, "Content-Type": "application/n-triples"})
        assert r.status_code in (201, 204)
    for req in test.requests:
        update = _is_update(req)
        url = server + req.path.replace("/sparql/", "/update" if update else "/sparql", 1)
        headers = {**req.headers, **(AUTH if update else {})}
        content = req.body.encode("utf-16" if "UTF-16" in req.headers.get("content-type", "") else "utf-8") \
            if req.body is not None else None
        resp = httpx.request(req.method, url, headers=headers, content=content)
        assert resp.status_code // 100 in req.statuses, f"{req.method} {url}: {resp.status_code} {resp.text[:300]}"
        if resp.status_code >= 400:
            assert resp.json()["ok"] is False
        if req.fmt:
            assert resp.headers["content-type"].split(";")[0] in RESULT_TYPES[req.fmt]
        if req.boolean is not None:
            assert _boolean(resp) is req.boolean


@pytest.fixture(scope="module")
def gsp_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bool, str]]:
    """Run the graph-store steps in order on a fresh server: name -> (passed, detail)."""
    out: dict[str, tuple[bool, str]] = {}
    with live_server(tmp_path_factory.mktemp("gsp") / "store", "--update-token", TOKEN) as url:
        host = url.removeprefix("http://")
        new_path = ""

        def fill(text: str) -> str:
            return text.replace("$HOST$", host).replace("$GRAPHSTORE$", "store").replace("$NEWPATH$", new_path)

        for step in GSP:
            target = fill(step.target)
            target = target if target.startswith(("/", "http")) else "/" + target
            headers = {k: fill(v) for k, v in step.headers.items() if k.lower() != "host"}
            resp = httpx.request(step.method, target if target.startswith("http") else url + target,
                                 headers={**headers, **AUTH}, content=fill(step.body).encode() or None)
            if step.status == 201 and "location" in resp.headers:
                new_path = resp.headers["location"]
            ok = resp.status_code // 100 == step.status // 100
            detail = f"{resp.status_code} (expected {step.status})"
            if ok and step.response_body and step.method == "GET":
                expected = rdflib.Graph().parse(data=fill(step.response_body), format="turtle")
                got = rdflib.Graph().parse(data=resp.text, format="turtle")
                ok = isomorphic(expected, got)
                detail += "" if ok else f": graph differs ({len(got)} triples, expected {len(expected)})"
            out[step.name] = (ok, detail)
    return out


@pytest.mark.parametrize("name", [s.name for s in GSP])
def test_graph_store(gsp_results: dict[str, tuple[bool, str]], name: str) -> None:
    if name in GSP_KNOWN:
        pytest.xfail(GSP_KNOWN[name]) if not gsp_results[name][0] else pytest.fail(f"now passes: {name}")
    ok, detail = gsp_results[name]
    assert ok, detail


SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")


def test_service_description(server: str) -> None:
    """returns-rdf, has-endpoint-triple, conforms-to-schema (the three W3C service description tests)."""
    for accept, fmt in [("text/turtle", "turtle"), ("application/rdf+xml", "xml"), ("application/n-triples", "nt")]:
        r = httpx.get(server + "/sparql", headers={"Accept": accept})
        assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
        g = rdflib.Graph().parse(data=r.text, format=fmt)
        services = list(g.subjects(rdflib.RDF.type, SD.Service))
        assert services and (None, SD.endpoint, rdflib.URIRef(server + "/sparql")) in g
        main = next(s for s in services if (s, SD.endpoint, rdflib.URIRef(server + "/sparql")) in g)
        assert {SD.SPARQL11Query, SD.SPARQL11Update} <= set(g.objects(main, SD.supportedLanguage))
        assert all(isinstance(f, rdflib.URIRef) for f in g.objects(main, SD.resultFormat))
        dataset = g.value(main, SD.defaultDataset)
        assert dataset is not None and (dataset, rdflib.RDF.type, SD.Dataset) in g
