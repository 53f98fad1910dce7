"""`meeting-participants` says how each meeting was held, and `held` keeps only calls or only meetings."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.conftest import run_kg

TEXT = ("Talks in Oslo\n\nPrime Minister Mark Holm met President Peter Lind in Oslo on Monday.\n\n"
        "On Monday evening, Holm also spoke by phone with Lind about the pipeline.\n\n"
        "On Tuesday, Holm held a video call with Chancellor Anna Berg.\n")


def _meetings(store: Path, *params: str) -> tuple[list[str], dict[str, tuple[str, frozenset[str]]]]:
    out = run_kg("query", "meeting-participants", "--store", str(store), "--format", "csv", *params)
    assert out.returncode == 0, out.stderr
    reader = csv.DictReader(io.StringIO(out.stdout))
    rows = list(reader)
    found: dict[str, tuple[str, set[str]]] = {}
    for r in rows:
        found.setdefault(r["meeting"], (r["mode"], set()))[1].add(r["participant"])
    return list(reader.fieldnames or []), {k: (mode, frozenset(ps)) for k, (mode, ps) in found.items()}


def test_the_mode_column_keeps_a_call_apart_from_the_meeting_of_the_same_day(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "talks.txt").write_text(TEXT)
    store = tmp_path / "store"
    r = run_kg("build", str(docs), "--store", str(store))
    assert r.returncode == 0, r.stderr
    columns, found = _meetings(store)
    assert columns[:5] == ["meeting", "participant", "date", "place", "document"] and columns[-1] == "mode"
    assert sorted(found.values(), key=str) == sorted([
        ("in person", frozenset({"Mark Holm", "Peter Lind"})), ("phone", frozenset({"Mark Holm", "Peter Lind"})),
        ("video", frozenset({"Mark Holm", "Anna Berg"}))], key=str)
    assert [mode for mode, _ in _meetings(store, "--param", "held=phone")[1].values()] == ["phone"]
    assert [mode for mode, _ in _meetings(store, "--param", "held=in person")[1].values()] == ["in person"]
    assert run_kg("validate", "--store", str(store)).returncode == 0
