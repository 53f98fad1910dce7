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
from tests.conftest import ROOT, SEEDS, run_kg

KILLS = int(os.environ.get("KG_CRASH_KILLS", "5"))  # kills per phase (two phases)


def _corpus(folder: Path, version: int) -> None:
    """Ten documents (the seeds and edited copies); version 2 changes every text, so graphs are replaced."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        paras = text.rstrip("\n").split("\n\n")
        if version == 2:
            paras = paras[:-1] if len(paras) > 3 else paras + ["The talks will resume next month, officials said."]
        (folder / seed.name).write_text("\n\n".join(paras) + "\n", encoding="utf-8")
        (folder / f"copy-{seed.name}").write_text("\n\n".join(paras[:1] + paras[2:]) + "\n", encoding="utf-8")


def _export(store: Path) -> str:
    r = run_kg("export", "--format", "nq", "--store", str(store))
    assert r.returncode == 0, r.stderr
    return r.stdout


def _graphs(store: Path) -> dict[str, bytes]:
    s = KgStore(store, base_iri=Settings().base_iri, read_only=True)
    return {d: s.export("nq", graph=d) for d in s.document_ids()}


def _build(docs: Path, store: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "kg", "build", str(docs), "--store", str(store)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _kill_and_check(docs: Path, store: Path, allowed: list[dict[str, bytes]], duration: float, rng: random.Random,
                    log: list[str], mid: list[bool]) -> None:
    for _ in range(KILLS):
        proc = _build(docs, store)
        delay = rng.uniform(0.3, 0.7 * duration)  # startup (model load) is about half a clean build
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
        log[-1] += f", {done}/10 graphs of v{len(allowed)}"
        mid.append(0 < done < 10)


@pytest.mark.slow
def test_killed_builds_end_as_a_clean_build(tmp_path: Path) -> None:
    rng = random.Random(int(os.environ.get("KG_CRASH_SEED", "7")))
    docs, log, mid = tmp_path / "docs", [], []
    results, durations = {}, {}
    for version in (1, 2):
        _corpus(docs, version)
        clean_store = tmp_path / f"clean{version}"
        t0 = time.monotonic()
        assert run_kg("build", str(docs), "--store", str(clean_store)).returncode == 0
        durations[version] = time.monotonic() - t0
        results[version] = (_export(clean_store), _graphs(clean_store))
        assert len(results[version][1]) == 10
    store = tmp_path / "crashed"
    for version in (1, 2):  # version 2 replaces every document graph of version 1
        _corpus(docs, version)
        clean_export = results[version][0]
        _kill_and_check(docs, store, [results[v][1] for v in range(1, version + 1)], durations[version], rng, log, mid)
        r = run_kg("build", str(docs), "--store", str(store))
        assert r.returncode == 0, r.stderr
        assert _export(store) == clean_export, f"store differs from a clean build after kills: {log}"
    assert any(mid), f"no kill landed in the middle of a build: {log}"
    print("crash log:", "; ".join(log), f"(clean builds {durations[1]:.1f}s, {durations[2]:.1f}s)")
