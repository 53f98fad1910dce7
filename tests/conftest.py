"""Shared fixtures: the seed store is built once per session; everything else is built per test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def run_kg(*args: str, cwd: Path = ROOT, input: bytes | None = None, env: dict[str, str] | None = None,
           timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the `kg` CLI as a user would (python -m kg), returning its exit code and output."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd, capture_output=True, text=True,
                          input=input.decode() if input is not None else None, env=full_env, timeout=timeout)


def export_nq(store: Path) -> str:
    """The store's whole dataset as N-Quads, through `kg export` (what a user would compare)."""
    result = run_kg("export", "--format", "nq", "--store", str(store))
    assert result.returncode == 0, result.stderr
    return result.stdout


def declared_dip_terms() -> set[str]:
    """The local names of every `dip:` term ontology/diplomacy.ttl describes."""
    import pyoxigraph as ox

    from kg.rdf.namespaces import dip_local

    quads = ox.parse(path=str(ROOT / "ontology" / "diplomacy.ttl"), format=ox.RdfFormat.TURTLE)
    return {local for q in quads if isinstance(q.subject, ox.NamedNode) and (local := dip_local(q.subject.value))}


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from seeds/ with the default model, through the CLI."""
    store = tmp_path_factory.mktemp("seeds") / "store"
    result = run_kg("build", str(SEEDS), "--store", str(store))
    assert result.returncode == 0, result.stderr
    return store


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load_pipeline

    return load_pipeline()
