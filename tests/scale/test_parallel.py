"""Parallel builds give the same graph as a serial one: local worker processes and a Dask cluster."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.config import Settings
from kg.store import KgStore
from tests.conftest import SEEDS, run_kg


def _export(store: Path) -> bytes:
    return KgStore(store, base_iri=Settings().base_iri, read_only=True).export("nq")


def test_two_workers_give_the_same_triples_as_one(seeds_store: Path, tmp_path: Path) -> None:
    settings = Settings().with_(store=str(tmp_path / "store"), workers=2, batch_size=2)
    summary = build([str(SEEDS)], settings)
    assert summary.built == 5
    serial = _export(seeds_store)
    assert serial.count(b"\n") > 1000
    assert _export(tmp_path / "store") == serial


@pytest.mark.slow
def test_dask_local_cluster_build_equals_local_build(seeds_store: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        result = run_kg("build", str(SEEDS), "--store", str(tmp_path / "store"), "--dask", cluster.scheduler_address)
        assert result.returncode == 0, result.stderr
        assert len(cluster.scheduler_info["workers"]) == 2
    assert "documents: 5 built" in result.stdout
    assert _export(tmp_path / "store") == _export(seeds_store)
