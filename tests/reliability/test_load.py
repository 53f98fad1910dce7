"""Load: 50 concurrent clients on `kg serve` (saved queries with parameters and ad-hoc SPARQL) while
documents are added over HTTP, and a runaway query stopped by the server's timeout meanwhile.

Bounded: KG_LOAD_SECONDS of load (default 10; `python benchmarks/load_test.py` runs 30 and prints
the figures). Every answer but the runaway query's must be 2xx.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import httpx
import pytest

from benchmarks.load_test import run_load, seed_texts
from tests.server.conftest import TOKEN, live_server

TIMEOUT = 5.0
SECONDS = float(os.environ.get("KG_LOAD_SECONDS", "10"))


@pytest.mark.slow
def test_fifty_clients_while_documents_are_added_and_a_runaway_query_runs(seeds_store: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(seeds_store, store)
    with live_server(store, "--update-token", TOKEN, "--timeout", str(TIMEOUT)) as url:
        report = run_load(url, TOKEN, clients=50, seconds=SECONDS, texts=seed_texts(), runaway_after=SECONDS / 4)
        print("\n".join(report.lines()))
        assert report.errors == []
        assert report.requests >= 50 and report.kinds["saved"] > 0 and report.kinds["sparql"] > 0
        # the runaway query is answered 503 at the timeout (plus a margin for the queue and the loaded machine)
        assert report.runaway_status == 503 and report.runaway_seconds < TIMEOUT + 3
        # the other clients keep being answered meanwhile and afterwards, with bounded latency
        assert report.percentile(95) < 3000
        assert report.runaway_sent_at is not None and report.runaway_sent_at < SECONDS / 2
        assert report.percentile(95, after=report.runaway_sent_at) < 3000
        # every document added during the load is in the store and queryable
        assert report.documents_added >= 2
        found = httpx.get(url + "/sparql", params={"query": "SELECT (COUNT(DISTINCT ?id) AS ?n) WHERE { "
                                                            "?d <https://w3id.org/kg-diplomacy/ontology#documentId> ?id "
                                                            "FILTER(STRSTARTS(?id, 'load-')) }"},
                          headers={"Accept": "application/sparql-results+json"}, timeout=30).json()
        assert int(found["results"]["bindings"][0]["n"]["value"]) == report.documents_added
