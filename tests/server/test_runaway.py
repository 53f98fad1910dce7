"""Queries past the timeout: pyoxigraph cannot stop them. A read-only server runs ad-hoc SPARQL in query
processes and kills the one past its timeout; work in the server's threads is abandoned (503, slot
freed, lowest CPU priority, counted) and more ad-hoc SPARQL is refused while too many still run."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from kg.server.errors import HttpError
from kg.server.execute import Executor
from kg.store import KgStore
from tests.server.conftest import TOKEN, live_server, no_traceback

# A two-way cartesian product counted: nothing is written until every pair is read (about 2 s here).
PAIRS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
LINUX = sys.platform.startswith("linux")


@pytest.fixture(scope="module")
def store() -> KgStore:
    s = KgStore(None)
    lines = "".join(f"<http://example.org/s{i}> <http://example.org/p> \"{i}\" .\n" for i in range(3500))
    s.update(f"INSERT DATA {{ GRAPH <http://example.org/g> {{\n{lines}}} }}")
    return s


def _stream(executor: Executor, store: KgStore, sparql: str, untrusted: bool = False):
    return executor.stream(lambda: (store.query(sparql), "application/sparql-results+json"), untrusted=untrusted)


def _query_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "kg-query"]


def test_abandoned_query_frees_its_slot_and_yields_the_cpu(store: KgStore) -> None:
    executor = Executor(timeout=0.3, workers=1, max_abandoned=1)

    async def scenario() -> None:
        t0 = time.monotonic()
        with pytest.raises(HttpError) as err:
            await _stream(executor, store, PAIRS, untrusted=True)
        assert err.value.status == 503 and time.monotonic() - t0 < 1.5
        assert executor.abandoned == 1
        (zombie,) = _query_threads()
        if LINUX:
            assert os.getpriority(os.PRIO_PROCESS, zombie.native_id) == 19
        # its single slot was given back: other work still runs, and saved (trusted) queries too
        assert await executor.call(store.count) == 3500
        response = await _stream(executor, store, "ASK { ?s ?p ?o }")
        assert response.status_code == 200
        # more ad-hoc SPARQL is refused at once while the abandoned query still runs
        t0 = time.monotonic()
        with pytest.raises(HttpError) as err:
            await _stream(executor, store, "ASK { ?s ?p ?o }", untrusted=True)
        assert err.value.status == 503 and "still finishing" in err.value.message and time.monotonic() - t0 < 0.2
        assert err.value.headers["Retry-After"]
        zombie.join(timeout=60)
        assert not zombie.is_alive() and executor.abandoned == 0
        assert (await _stream(executor, store, "ASK { ?s ?p ?o }", untrusted=True)).status_code == 200

    asyncio.run(scenario())


def test_call_past_its_timeout_is_503_and_abandoned(store: KgStore) -> None:
    executor = Executor(timeout=5, workers=2)

    async def scenario() -> None:
        with pytest.raises(HttpError) as err:
            await executor.call(lambda: len(list(store.query(PAIRS).rows())), timeout=0.2)
        assert err.value.status == 503 and executor.abandoned == 1
        (zombie,) = _query_threads()
        assert await executor.call(lambda: 6 * 7) == 42
        with pytest.raises(ZeroDivisionError):  # errors in the work reach the caller
            await executor.call(lambda: 1 / 0)
        zombie.join(timeout=60)
        assert not zombie.is_alive() and executor.abandoned == 0

    asyncio.run(scenario())


def test_runaway_queries_cannot_lock_a_writable_server_up(seeds_store: Path, tmp_path: Path) -> None:
    """A writable server runs queries in its threads: before, each runaway query kept one of 8 workers
    for hours, so 8 of them made every query 503; now they are abandoned and counted."""
    shutil.copytree(seeds_store, tmp_path / "store")
    with live_server(tmp_path / "store", "--timeout", "1", "--update-token", TOKEN) as url, \
            httpx.Client(base_url=url, timeout=30) as client:
        for _ in range(6):
            t0 = time.monotonic()
            r = client.get("/sparql", params={"query": RUNAWAY})
            assert r.status_code == 503 and r.json()["status"] == 503 and time.monotonic() - t0 < 4
        refused = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
        assert refused.status_code == 503 and "4 earlier queries" in refused.json()["error"]
        assert refused.headers["retry-after"] == "60"
        t0 = time.monotonic()
        saved = client.get("/api/queries/organization-members", params={"org": "China"})
        assert saved.status_code == 200 and saved.json()["results"]["bindings"] and time.monotonic() - t0 < 2


@pytest.mark.skipif(not LINUX, reason="reads CPU times from /proc")
def test_a_query_past_its_timeout_stops_using_the_processor(seeds_store: Path, tmp_path: Path) -> None:
    """A read-only server runs ad-hoc queries in query processes and kills the one past its timeout.

    Before: the query went on in a thread at 1.0 CPU-s per second after its 503, for hours here."""
    log = tmp_path / "server.log"
    with live_server(seeds_store, "--timeout", "1", log=log) as url, httpx.Client(base_url=url, timeout=30) as client:
        pid = _server_pid(url)
        for _ in range(6):
            t0 = time.monotonic()
            r = client.get("/sparql", params={"query": RUNAWAY})
            assert r.status_code == 503 and r.json()["status"] == 503 and time.monotonic() - t0 < 4
            time.sleep(1.0)  # "within about one second"
            before = _cpu_seconds(pid)
            time.sleep(1.0)
            assert _cpu_seconds(pid) - before < 0.3, "the query still runs after its 503"
        # nothing is left running, so nothing is refused
        r = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
        assert r.status_code == 200 and r.json()["boolean"] is True
    no_traceback(log)


def _server_pid(url: str) -> int:
    """The pid of the `kg serve` listening on url's port (the test started it)."""
    port = url.rsplit(":", 1)[1]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmd = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"serve" in cmd and port.encode() in cmd:
                return int(entry.name)
    raise AssertionError(f"no kg serve on port {port}")


def _cpu_seconds(pid: int) -> float:
    """CPU time of a process, its waited-for children and its live children (the query processes)."""
    def fields(p: int | str) -> list[str]:
        return Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()

    ticks = sum(int(x) for x in fields(pid)[11:15])
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                f = fields(entry.name)
            except OSError:
                continue
            if int(f[1]) == pid:
                ticks += int(f[11]) + int(f[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def test_workers_are_reused_but_never_one_that_was_abandoned(store: KgStore) -> None:
    executor = Executor(timeout=5, workers=2)

    async def scenario() -> None:
        first = await executor.call(threading.get_ident)
        for _ in range(4):
            await _until_idle(executor)  # a worker turns idle just after handing over its result
            assert await executor.call(threading.get_ident) == first  # the idle worker took the job
        await _until_idle(executor)
        with pytest.raises(HttpError):
            await executor.call(lambda: len(list(store.query(PAIRS).rows())), timeout=0.2)
        (zombie,) = _query_threads()
        assert zombie.ident == first  # the idle worker took the job, and was then abandoned
        after = await executor.call(lambda: (threading.get_ident(), os.getpriority(os.PRIO_PROCESS, 0)))
        assert after[0] != zombie.ident
        if LINUX:
            assert after[1] == os.getpriority(os.PRIO_PROCESS, 0)  # the new worker runs at normal priority
        zombie.join(timeout=60)
        assert not zombie.is_alive() and executor.abandoned == 0

    asyncio.run(scenario())


async def _until_idle(executor: Executor) -> None:
    deadline = time.monotonic() + 5
    while executor.idle_workers == 0:
        assert time.monotonic() < deadline, "no worker became idle"
        await asyncio.sleep(0.001)
