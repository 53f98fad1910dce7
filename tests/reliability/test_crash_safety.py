"""Crash safety: `kg build` killed with SIGKILL at random points, then rerun, ends exactly as a clean build.

After every kill the store must open, and every document graph in it must be complete: equal to that
document's graph in a clean build (its dip:contentHash and all its facts), never half written.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.config import Settings
from kg.store import KgStore
from tests.conftest import ROOT, SEEDS, export_nq, run_kg

KILLS = int(os.environ.get("KG_CRASH_KILLS", "4"))  # kills per phase (two phases)
DOCS = 30
BATCH = {"KG_BATCH_SIZE": "2"}


def _corpus(folder: Path, version: int) -> None:
    """30 documents (the seeds and retitled copies), so that writing lasts longer than starting up;
    version 2 gives every document a new first line, so every graph is replaced."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        for k in range(DOCS // 5):
            first, _, rest = text.partition("\n")
            prefix = ("Second edition " if version == 2 else "") + (f"Copy {k}: " if k else "")
            (folder / f"{k}-{seed.name}").write_text(prefix + first + "\n" + rest, encoding="utf-8")


def _graphs(store: Path) -> dict[str, bytes]:
    s = KgStore(store, base_iri=Settings().base_iri, read_only=True)
    return {d: s.export("nq", graph=d) for d in s.document_ids()}


def _build(docs: Path, store: Path) -> subprocess.Popen[bytes]:
    # Batches of 2, so that documents are written all along the run, not all at its end.
    return subprocess.Popen([sys.executable, "-m", "kg", "build", str(docs), "--store", str(store)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, **BATCH})


def _kill_and_check(docs: Path, store: Path, allowed: list[dict[str, bytes]], duration: float, rng: random.Random,
                    log: list[str], mid: list[bool]) -> None:
    for _ in range(KILLS):
        proc = _build(docs, store)
        delay = rng.uniform(0.2, 0.9) * duration
        try:
            proc.wait(timeout=delay)
            log.append(f"finished before {delay:.1f}s")
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            log.append(f"killed at {delay:.1f}s")
        if not store.exists():
            log[-1] += ", no store yet"
            continue
        graphs = _graphs(store)  # the store opens after a kill
        for doc_id, data in graphs.items():  # the old version's graph or the new one, never half of one
            assert any(data == a[doc_id] for a in allowed), f"document graph {doc_id} is partial after a kill"
        done = sum(graphs[d] == allowed[-1][d] for d in graphs)
        log[-1] += f", {done}/{DOCS} graphs of v{len(allowed)}"
        mid.append(0 < done < DOCS)


@pytest.mark.slow
def test_killed_builds_end_as_a_clean_build(tmp_path: Path) -> None:
    rng = random.Random(int(os.environ.get("KG_CRASH_SEED", "7")))
    docs, log, mid = tmp_path / "docs", [], []
    results, durations = {}, {}
    for version in (1, 2):
        _corpus(docs, version)
        clean_store = tmp_path / f"clean{version}"
        t0 = time.monotonic()
        assert run_kg("build", str(docs), "--store", str(clean_store), env=BATCH).returncode == 0
        durations[version] = time.monotonic() - t0
        results[version] = (export_nq(clean_store), _graphs(clean_store))
        assert len(results[version][1]) == DOCS
    assert all(results[1][1][d] != results[2][1][d] for d in results[1][1])  # v2 replaces every graph
    store = tmp_path / "crashed"
    for version in (1, 2):  # version 2 replaces every document graph of version 1
        _corpus(docs, version)
        clean_export = results[version][0]
        _kill_and_check(docs, store, [results[v][1] for v in range(1, version + 1)], durations[version], rng, log, mid)
        r = run_kg("build", str(docs), "--store", str(store), env=BATCH)
        assert r.returncode == 0, r.stderr
        assert export_nq(store) == clean_export, f"store differs from a clean build after kills: {log}"
    assert any(mid), f"no kill landed in the middle of a build: {log}"
    print("crash log:", "; ".join(log), f"(clean builds {durations[1]:.1f}s, {durations[2]:.1f}s)")
