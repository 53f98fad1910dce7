"""Answers of saved queries are kept until the store changes: a repeated call is served from memory,
a write (here SPARQL Update) makes the next call evaluate again, and memory stays bounded."""

from __future__ import annotations

from pathlib import Path

import httpx

from kg.server.cache import ResultCache
from tests.server.conftest import live_server

DIP = "https://w3id.org/kg-diplomacy/ontology#"
MEETING = f"""PREFIX dip: <{DIP}> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX ex: <http://example.org/>
INSERT DATA {{ GRAPH ex:doc {{
  ex:m a dip:Meeting ; dip:participant ex:ana, ex:ben ; dip:planned false ; prov:wasDerivedFrom ex:d .
  ex:ana skos:prefLabel "Ana Example" . ex:ben skos:prefLabel "Ben Example" . ex:d dip:documentId "d1" }} }}"""


def test_lru_is_bounded_in_bytes_and_forgets_older_generations() -> None:
    cache = ResultCache(max_bytes=10, max_entry=6)
    assert cache.put(0, "a", "text/csv", b"12345")
    assert cache.put(0, "b", "text/csv", b"12345")
    assert not cache.put(0, "big", "text/csv", b"1234567"), "larger than one entry may be"
    assert cache.get(0, "a") == ("text/csv", b"12345")  # a is now the most recently used
    assert cache.put(0, "c", "text/csv", b"123")
    assert cache.get(0, "b") is None and cache.get(0, "a") is not None and cache.size == 8
    assert cache.get(1, "a") is None and len(cache) == 0, "a write empties the cache"
    assert not cache.put(0, "a", "text/csv", b"1"), "an answer computed before the write is not kept"


def test_repeated_saved_query_is_answered_from_the_cache(seeds_server: str) -> None:
    url = seeds_server + "/api/queries/people-roles"
    first = httpx.get(url, params={"format": "csv"})
    again = httpx.get(url, params={"format": "csv"})
    assert first.status_code == again.status_code == 200
    assert again.headers["x-kg-cache"] == "hit" and again.content == first.content
    assert again.headers["content-type"].startswith("text/csv")
    other = httpx.get(url, params={"format": "json", "min_confidence": "0.8"})
    assert other.headers["x-kg-cache"] == "miss", "other parameters or another format are another entry"
    rows = other.json()["results"]["bindings"]
    assert rows and all(float(r["confidence"]["value"]) >= 0.8 for r in rows)


def test_a_write_makes_the_next_call_evaluate_again(tmp_path: Path) -> None:
    token = "cache-test-token-123"
    # --no-prepare: the preparer (tests/server/test_prepared.py) would refill the cache after the write
    with live_server(tmp_path / "store", "--update-token", token, "--no-prepare") as url:
        before = httpx.get(url + "/api/queries/who-met-whom").json()["results"]["bindings"]
        assert before == [] and httpx.get(url + "/api/queries/who-met-whom").headers["x-kg-cache"] == "hit"
        r = httpx.post(url + "/update", content=MEETING, headers={"Authorization": f"Bearer {token}",
                                                                 "Content-Type": "application/sparql-update"})
        assert r.status_code == 204, r.text
        after = httpx.get(url + "/api/queries/who-met-whom")
        assert after.headers["x-kg-cache"] == "miss"
        pairs = [(b["a"]["value"], b["b"]["value"]) for b in after.json()["results"]["bindings"]]
        assert pairs == [("Ana Example", "Ben Example")]


def test_cache_can_be_switched_off(seeds_store: Path) -> None:
    with live_server(seeds_store, "--cache-mb", "0") as url:
        for _ in range(2):
            r = httpx.get(url + "/api/queries/timeline")
            assert r.status_code == 200 and r.headers["x-kg-cache"] == "off"
