"""The contested-claims saved query: opposite stances by different speakers on one subject."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.conftest import run_kg


def test_accusation_and_denial_about_the_same_subject(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Cyber attack\n\nThe United States accused North Korea of launching a cyber attack on "
                                "Sony Pictures. North Korea denied that it was behind the attack on Sony Pictures.\n")
    (docs / "b.txt").write_text("Trade\n\nCanada said the tariffs on Mexico were fair.\n")
    store = tmp_path / "store"
    assert run_kg("build", str(docs), "--store", str(store)).returncode == 0
    result = run_kg("query", "contested-claims", "--store", str(store), "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["subject"], r["speaker1"], r["stance1"], r["speaker2"], r["stance2"]) for r in rows] == [
        ("Sony Pictures", "United States", "accuses", "North Korea", "denies")]
    narrowed = run_kg("query", "contested-claims", "--store", str(store), "--format", "csv",
                      "--param", "entity=Canada")
    assert narrowed.returncode == 0, narrowed.stderr
    assert list(csv.DictReader(io.StringIO(narrowed.stdout))) == []
