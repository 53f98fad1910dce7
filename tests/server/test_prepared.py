"""The saved queries' default answers are prepared before anyone asks, and again after each write."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import httpx

from kg.config import Settings
from kg.queries import bind, bind_query, with_prefixes
from kg.server.cache import ResultCache
from kg.server.prepared import Preparer, answer_key, query_media
from kg.server.state import ServerState
from kg.store import KgStore
from tests.server.conftest import live_server
from tests.server.test_cache import MEETING


def _state(store: Path, queries: Path | None = None) -> ServerState:
    settings = Settings().with_(store=str(store), queries_dir=queries)
    return ServerState(KgStore(settings.store, base_iri=settings.base_iri, read_only=True), settings)


def _default_key(state: ServerState, name: str):
    query = state.catalogue.get(name)
    return answer_key(bind_query(query, {}), query_media(query))


def test_a_round_keeps_each_default_answer_and_skips_queries_that_need_a_parameter(seeds_store: Path) -> None:
    state = _state(seeds_store)
    preparer = Preparer(state)
    preparer.prepare(state.store.generation)
    done = preparer.progress
    assert done.generation == 0 and not done.busy
    assert "entity-profile" in done.skipped, "entity-profile needs an entity: nothing to prepare"
    assert done.prepared == len(state.catalogue.all()) - len(done.skipped) >= 8
    media, body = state.cache.get(0, _default_key(state, "people-roles"))
    query = state.catalogue.get("people-roles")
    evaluated = state.store.query(with_prefixes(query.sparql), bindings=bind(query, {}))
    assert media == "application/sparql-results+json"
    assert body == evaluated.serialize(media), "the prepared answer is the evaluated one"


def test_a_round_overtaken_by_a_write_keeps_nothing_more(seeds_store: Path) -> None:
    state = _state(seeds_store)
    preparer = Preparer(state)
    state.store.generation = 5  # as if a write had happened while the round was starting
    preparer.prepare(4)
    assert len(state.cache) == 0 and preparer.progress.generation is None


def test_answers_larger_than_a_cache_entry_are_not_kept(seeds_store: Path) -> None:
    state = _state(seeds_store)
    state.cache = ResultCache(max_bytes=64 * 1024, max_entry=2048)
    preparer = Preparer(state)
    preparer.prepare(0)
    assert "statements" in preparer.progress.skipped, "the statements listing is far over 2 KiB"
    assert state.cache.size <= 64 * 1024 and all(len(body) <= 2048 for _, body in state.cache._entries.values())


def test_an_edited_saved_query_is_prepared_again(seeds_store: Path, tmp_path: Path) -> None:
    queries = tmp_path / "queries"
    shutil.copytree(Settings().queries_dir, queries)
    state = _state(seeds_store, queries=queries)
    preparer = Preparer(state, quiet=0.0, poll=0.05)
    preparer.start()
    try:
        _until(lambda: preparer.progress.generation == 0, "the first round")
        before = _default_key(state, "timeline")
        assert state.cache.peek(0, before)
        rq = queries / "timeline.rq"
        rq.write_text(rq.read_text().replace("ORDER BY ?date ?kind ?document", "ORDER BY DESC(?date) ?kind ?document"))
        _until(lambda: state.cache.peek(0, _default_key(state, "timeline")), "the edited query's answer")
        media, body = state.cache.get(0, _default_key(state, "timeline"))
        dates = [row["date"]["value"] for row in json.loads(body)["results"]["bindings"]]
        assert len(dates) > 1 and dates == sorted(dates, reverse=True), "the answer of the query as edited"
    finally:
        preparer.stop()


def _until(condition, what: str, limit: float = 30.0) -> None:
    stop = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < stop, f"{what} did not come within {limit:g} s"
        time.sleep(0.05)


def _wait_prepared(url: str, generation: int) -> dict:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = httpx.get(url + "/api/status").json()
        if status["generation"] == generation and status["prepared"]["generation"] == generation \
                and not status["prepared"]["busy"]:
            return status
        time.sleep(0.1)
    raise AssertionError(f"answers for generation {generation} not prepared within 60 s: {status}")


def test_the_first_call_is_answered_from_a_prepared_answer_and_writes_refresh_it(tmp_path: Path) -> None:
    token = "prepared-test-token-1"
    with live_server(tmp_path / "store", "--update-token", token) as url:
        _wait_prepared(url, 0)
        first = httpx.get(url + "/api/queries/who-met-whom")
        assert first.headers["x-kg-cache"] == "hit" and first.json()["results"]["bindings"] == []
        r = httpx.post(url + "/update", content=MEETING, headers={"Authorization": f"Bearer {token}",
                                                                 "Content-Type": "application/sparql-update"})
        assert r.status_code == 204, r.text
        status = _wait_prepared(url, httpx.get(url + "/api/status").json()["generation"])
        assert status["generation"] >= 1 and status["prepared"]["answers"] >= 8
        after = httpx.get(url + "/api/queries/who-met-whom")
        assert after.headers["x-kg-cache"] == "hit", "prepared again after the write"
        pairs = [(b["a"]["value"], b["b"]["value"]) for b in after.json()["results"]["bindings"]]
        assert pairs == [("Ana Example", "Ben Example")], "and the prepared answer has the write in it"


def test_preparing_can_be_switched_off(seeds_store: Path) -> None:
    with live_server(seeds_store, "--no-prepare") as url:
        time.sleep(1.5)
        status = httpx.get(url + "/api/status").json()
        assert status["prepared"]["enabled"] is False and status["cache"]["entries"] == 0
        assert httpx.get(url + "/api/queries/timeline").headers["x-kg-cache"] == "miss"
