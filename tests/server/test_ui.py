"""The UI's pages and the APIs behind them, in-process on a small hand-made store (no model needed):
the icon, the query page without developer notes, readable labels for facts, the neighbourhood graph
(typed edges, dates, a hub capped and clustered), the whole-graph projection, search that folds
owl:sameAs, entity pages that list each property once, and the timeline page."""

from __future__ import annotations

import json
import re
import struct
from collections.abc import Callable, Iterator

import httpx
import pytest

from kg.config import Settings
from kg.rdf import document_ntriples, entities_ntriples
from kg.server import ServerState, create_app
from kg.store import KgStore
from tests.export.conftest import tiny_facts
from tests.server.conftest import in_process_get

BASE = "http://kg.example.org/"
DUPONT, KUMAR = BASE + "id/person/jean-dupont", BASE + "id/person/ravi-kumar"
HASH_ID = re.compile(r"/id/(meeting|statement|membership|agreement)/[0-9a-f]{16}")


def _store() -> KgStore:
    """tiny_facts(), plus a bare "Dupont" person that kg.link would declare the same as Jean Dupont."""
    store = KgStore(None, base_iri=BASE)
    for facts in tiny_facts():
        store.replace_document(facts.document.id, document_ntriples(facts, store.minter),
                               entities_ntriples(facts, store.minter))
    skos, dip, owl = ("http://www.w3.org/2004/02/skos/core#", "https://w3id.org/kg-diplomacy/ontology#",
                      "http://www.w3.org/2002/07/owl#")
    store.update(f"INSERT DATA {{ GRAPH <{BASE}graph/entities> {{ <{BASE}id/person/dupont> a <{dip}Person> ; "
                 f'<{skos}prefLabel> "Jean Dupont" ; <{skos}altLabel> "Dupont" ; <{owl}sameAs> <{DUPONT}> . }} }}')
    return store


@pytest.fixture(scope="module")
def get() -> Iterator[Callable[..., httpx.Response]]:
    state = ServerState(_store(), Settings().with_(base_iri=BASE, prepare=False))
    with in_process_get(create_app(state)) as call:
        yield call


def test_favicon_is_a_small_ico_with_16_and_32_pixel_images(get: Callable[..., httpx.Response]) -> None:
    r = get("/favicon.ico")
    assert r.status_code == 200 and r.headers["content-type"] == "image/vnd.microsoft.icon"
    data = r.content
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, 2) and len(data) < 4000
    sizes = []
    for i in range(count):
        w, h, _, _, _, bits, size, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i: 22 + 16 * i])
        assert data[offset: offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + size <= len(data) and bits == 32
        sizes.append((w, h))
    assert sizes == [(16, 16), (32, 32)]
    assert 'rel="icon" href="/favicon.ico"' in get("/").text


def test_query_page_shows_summaries_and_parameters_not_developer_notes(get: Callable[..., httpx.Response]) -> None:
    page = get("/").text
    queries = json.loads(re.search(r'<script id="queries-data" type="application/json">(.*?)</script>', page, re.S)
                         .group(1).replace("<\\/", "</"))
    by_name = {q["name"]: q for q in queries}
    profile = by_name["entity-profile"]
    assert set(profile) == {"name", "summary", "form", "url", "parameters", "sparql"}  # no description
    assert [p["name"] for p in profile["parameters"]] == ["entity"]
    for q in queries:
        assert not re.search(r"^\s*#", q["sparql"], re.M), q["name"]  # no header, no comment lines
        assert "#+" not in q["sparql"] and "Oxigraph" not in q["sparql"], q["name"]
    assert "lower-case key" not in page and "One sub-SELECT per property" not in page


def test_labels_name_facts_in_words(get: Callable[..., httpx.Response]) -> None:
    facts = [r for r in json.loads(get("/api/queries/meeting-participants", params={"format": "json"}).text)
             ["results"]["bindings"]]
    meeting = BASE + "id/" + facts[0]["meeting"]["value"]
    r = get("/api/labels", params={"iri": [meeting, DUPONT, BASE + "id/country/france"]})
    assert r.status_code == 200
    labels = r.json()["labels"]
    assert labels[DUPONT] == "Jean Dupont" and labels[BASE + "id/country/france"] == "France"
    assert re.fullmatch(r"(planned )?meet: Jean Dupont, Ravi Kumar( \(.+\))?", labels[meeting]), labels[meeting]
    assert any("(2015-09-07, Geneva)" in get("/api/labels", params={"iri": BASE + "id/" + f["meeting"]["value"]})
               .json()["labels"].popitem()[1] for f in facts)
    for bad in ({"iri": "not an iri"}, {}, {"iri": [DUPONT] * 301}):
        r = get("/api/labels", params=bad)
        assert r.status_code == 400 and r.json()["ok"] is False


def test_neighbourhood_edges_are_typed_dated_and_coloured_like_kg_viz(get: Callable[..., httpx.Response]) -> None:
    from kg.export.style import EDGE_COLORS, TYPE_COLORS

    g = get("/api/graph", params={"iri": DUPONT}).json()
    centre = g["nodes"][0]
    assert centre["id"] == DUPONT and centre["center"] and centre["href"] == "/id/person/jean-dupont"
    others = {n["label"]: n for n in g["nodes"][1:]}
    assert set(others) == {"Ravi Kumar", "France"}  # Geneva is only a meeting's place; the plan is not held
    assert others["France"]["color"] == TYPE_COLORS["Country"] and others["France"]["group"] == "Country"
    edges = {(e["attrs"]["type"], e["from"], e["to"]): e for e in g["edges"]}
    met = edges[("met_with", DUPONT, KUMAR)]
    assert met["value"] == 2 and met["label"] == "met with ×2" and met["color"] == EDGE_COLORS["met_with"]
    assert (met["attrs"]["first_date"], met["attrs"]["last_date"]) == ("2015-09-07", "2015-09-30")
    assert met["attrs"]["documents"] == ["a.txt", "b.txt"] and len(met["attrs"]["evidence"]) == 2
    said = edges[("stated_about", DUPONT, KUMAR)]
    assert said["arrows"] == "to" and said["attrs"]["first_date"] == "2015-09-10"
    assert ("role", DUPONT, BASE + "id/country/france") in edges
    # From the other side, the statement points back at its speaker, as in the projection.
    back = get("/api/graph", params={"iri": KUMAR}).json()
    assert any(e["from"] == DUPONT and e["to"] == KUMAR and e["attrs"]["type"] == "stated_about" for e in back["edges"])


def test_a_hub_keeps_its_cap_and_folds_the_rest_into_clusters(get: Callable[..., httpx.Response]) -> None:
    full = get("/api/graph", params={"iri": BASE + "id/country/france"}).json()
    assert full["neighbours"] == 2 and full["folded"] == 0
    capped = get("/api/graph", params={"iri": BASE + "id/country/france", "cap": "1"}).json()
    assert (capped["shown"], capped["folded"]) == (1, 1)
    (cluster,) = [n for n in capped["nodes"] if n.get("cluster")]
    drawn = {n["label"] for n in capped["nodes"][1:] if not n.get("cluster")}
    assert len(drawn) == 1 and [m["label"] for m in cluster["members"]] == list({"Jean Dupont", "India"} - drawn)
    assert cluster["label"].startswith("+ 1 more ") and cluster["count"] == 1
    assert any(e["to"] == cluster["id"] for e in capped["edges"])
    for bad in ("0", "x", "501"):
        assert get("/api/graph", params={"iri": DUPONT, "cap": bad}).status_code == 400


def test_whole_graph_projection_drops_isolated_nodes_and_takes_the_export_options(
        get: Callable[..., httpx.Response]) -> None:
    g = get("/api/projection").json()
    assert g["ok"] and g["stats"].startswith(f"{len(g['nodes'])} nodes, {len(g['edges'])} edges")
    assert "Geneva" not in {n["label"] for n in g["nodes"]}  # no edge reaches it by default
    assert all(n["href"].startswith("/id/") for n in g["nodes"])
    assert g["details"][DUPONT]["roles"][0]["text"] == "Foreign Minister, France"
    late = get("/api/projection", params={"since": "2015-09-20", "facts": "meetings"}).json()
    assert [e["attrs"]["type"] for e in late["edges"]] == ["met_with"] and len(late["nodes"]) == 2
    again = get("/api/projection", params={"since": "2015-09-20", "facts": "meetings"})
    assert again.headers.get("x-kg-cache") == "hit"
    for bad, message in (({"since": "soon"}, "since 'soon'"), ({"facts": "votes"}, "facts votes"),
                         ({"min_weight": "0"}, "min_weight")):
        r = get("/api/projection", params=bad)
        assert r.status_code == 400 and message in r.json()["error"], r.text


def test_search_returns_one_row_per_entity_across_same_as(get: Callable[..., httpx.Response]) -> None:
    hits = get("/api/search", params={"q": "dupont"}).json()["entities"]
    assert [(h["e"], h["label"]) for h in hits] == [(DUPONT, "Jean Dupont")]


def test_entity_page_lists_each_property_once_and_names_facts_in_words(get: Callable[..., httpx.Response]) -> None:
    page = get("/id/person/jean-dupont", headers={"Accept": "text/html"}).text
    props = re.search(r"<h2>Properties</h2>(.*?)</table>", page, re.S).group(1)
    rows = re.findall(r"<tr>(.*?)</tr>", props, re.S)
    assert len(rows) == len(set(rows)) and sum("skos:altLabel" in r for r in rows) == 2  # Dupont, Jean Dupont
    assert sum(bool(re.search(r">(dip:)?Person<", r)) for r in rows) == 1  # typed by both documents, listed once
    referenced = re.search(r"<h2>Referenced by</h2>(.*?)</table>", page, re.S).group(1)
    texts = re.findall(r"<a [^>]*>(.*?)</a>", referenced)
    assert texts and not any(HASH_ID.search(t) or t.startswith("http") for t in texts)
    assert "meet: Jean Dupont, Ravi Kumar (2015-09-07, Geneva)" in texts
    assert "Jean Dupont: Foreign Minister, France" in texts
    assert 'data-iri="http://kg.example.org/id/person/jean-dupont"' in page and "/assets/explorer.js" in page
    assert '/timeline?entity=http%3A//kg.example.org/id/person/jean-dupont' in page


def test_timeline_page_lists_facts_by_date_in_words(get: Callable[..., httpx.Response]) -> None:
    page = get("/timeline", params={"entity": "dupont"}).text
    assert "<h1>Timeline: Jean Dupont</h1>" in page
    days = re.findall(r'<li class="day"><h2>(.*?)</h2>', page)
    assert days == ["2015-09-07", "2015-09-10", "2015-09-30", "2015-10-01"]
    assert "meet with Ravi Kumar in Geneva" in page and "<q>the talks were useful</q>" in page
    assert "<strong>Foreign Minister</strong>, France" in page and "planned meeting" in page
    assert not HASH_ID.search(page)
    assert "Nothing found" in get("/timeline", params={"entity": "nobody of that name"}).text
    assert get("/timeline").status_code == 200


def test_graph_page_and_its_assets(get: Callable[..., httpx.Response]) -> None:
    page = get("/graph", params={"since": "2015-09-01"}).text
    assert 'data-query="since=2015-09-01"' in page and 'class="kg-from" type="range"' in page
    for name, kind in (("explorer.js", "javascript"), ("explorer.css", "css"), ("vis-network.min.js", "javascript")):
        r = get(f"/assets/{name}")
        assert r.status_code == 200 and kind in r.headers["content-type"]
    r = get("/assets/nothing.js")
    assert r.status_code == 404 and r.json() == {"ok": False, "error": r.json()["error"], "status": 404}
