"""Query processes (kg.server.processes): reused one query at a time, stopped on demand, ended with
the server, and independent of the worker thread that started them."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kg.server.errors import HttpError
from kg.server.processes import QueryProcesses, Stopped, Stopper
from tests.conftest import ROOT

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
JSON = "application/sparql-results+json"


def _job(query: str) -> dict:
    return {"query": query, "union": True, "media": {"results": JSON, "graph": "text/turtle"}, "refused": {}}


def _ask(processes: QueryProcesses, query: str = "ASK { ?s ?p ?o }") -> tuple[str, bytes]:
    media: list[str] = []
    chunks: list[bytes] = []
    processes.run(_job(query), media.append, chunks.append, Stopper())
    return media[0], b"".join(chunks)


def _in_thread(fn):
    out: list = []
    t = threading.Thread(target=lambda: out.append(fn()))
    t.start()
    t.join(timeout=60)
    return out[0]


def test_a_process_outlives_the_thread_that_started_it(seeds_store: Path) -> None:
    processes = QueryProcesses(seeds_store)
    try:
        assert _in_thread(lambda: _ask(processes)) == (JSON, b'{"head":{},"boolean":true}')
        time.sleep(0.5)  # the starting thread is gone
        assert _in_thread(lambda: _ask(processes))[1] == b'{"head":{},"boolean":true}'
        assert processes.started == 1 and processes.idle == 1
        with pytest.raises(HttpError) as err:  # a refused query leaves its process reusable
            _ask(processes, "SELECT nonsense")
        assert err.value.status == 400 and err.value.message.startswith("malformed SPARQL query:")
        assert _ask(processes)[1] == b'{"head":{},"boolean":true}' and processes.started == 1
    finally:
        processes.close()


def test_a_stopped_query_ends_its_process_at_once(seeds_store: Path) -> None:
    processes = QueryProcesses(seeds_store)
    stopper = Stopper()
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            processes.run(_job(RUNAWAY), lambda m: None, lambda b: None, stopper)
        except BaseException as e:
            outcome.append(e)

    try:
        t = threading.Thread(target=run)
        t.start()
        time.sleep(1.5)
        t0 = time.monotonic()
        stopper.stop()
        t.join(timeout=5)
        assert not t.is_alive() and time.monotonic() - t0 < 1.0
        assert isinstance(outcome[0], Stopped) and processes.idle == 0
        assert _ask(processes)[1] == b'{"head":{},"boolean":true}' and processes.started == 2
    finally:
        processes.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads process states from /proc")
def test_query_processes_end_with_the_server(seeds_store: Path) -> None:
    """A server that dies mid-query (kill -9) leaves no query process running on."""
    script = f"""
import json, os, sys, threading, time
from kg.server.processes import QueryProcesses, Stopper
p = QueryProcesses({str(seeds_store)!r})
threading.Thread(target=p.run, args=({_job(RUNAWAY)!r}, print, print, Stopper()), daemon=True).start()
time.sleep(1.5)
def parent_of(pid):
    try:
        return open(f'/proc/{{pid}}/stat').read().rsplit(')', 1)[1].split()[1]
    except OSError:
        return None
print(json.dumps([int(c) for c in os.listdir('/proc') if c.isdigit() and parent_of(c) == str(os.getpid())]), flush=True)
os._exit(0)
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    (child,) = json.loads(done.stdout.strip().splitlines()[-1])
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _running(child):
        time.sleep(0.1)
    assert not _running(child), "the query process outlived its server"


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")
