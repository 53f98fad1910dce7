"""Bad input: a clear message naming the file, the rest of the batch processed, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SEEDS, run_kg

GOOD = "Talks in Geneva\n\nFrench Foreign Minister Jean Dupont met with Indian Foreign Minister Ravi Kumar in Geneva on Monday, the ministry said.\n"


def test_bad_files_are_skipped_with_reasons(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(GOOD)
    (docs / "empty.txt").write_text("")
    (docs / "blank.md").write_text("   \n\n  ")
    (docs / "binary.txt").write_bytes(b"%PDF-1.4\n\x00\x01\x02binary")
    (docs / "latin1.txt").write_bytes("Caf\xe9 talks\n\nThe minister met reporters.".encode("latin-1"))
    (docs / "lines.jsonl").write_text('{"id": "j1", "text": "' + GOOD.replace("\n", " ") + '"}\nnot json\n{"title": "no text"}\n')
    store = tmp_path / "store"
    r = run_kg("build", str(docs), "--store", str(store))
    assert r.returncode == 0, r.stderr
    assert "empty.txt: file is empty" in r.stderr
    assert "binary.txt: binary content" in r.stderr
    assert "lines.jsonl:2: not valid JSON" in r.stderr
    assert "lines.jsonl:3: JSON line has no" in r.stderr
    assert "invalid UTF-8" in r.stderr
    stats = json.loads(run_kg("stats", "--store", str(store), "--format", "json").stdout)
    assert stats["documents"] == 3  # good.txt, latin1.txt, j1


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    r = run_kg("build", str(tmp_path / "nowhere"), "--store", str(tmp_path / "s"))
    assert r.returncode != 0
    assert "no such file or folder" in r.stderr and "Traceback" not in r.stderr
    (tmp_path / "empty").mkdir()
    r = run_kg("build", str(tmp_path / "empty"), "--store", str(tmp_path / "s"))
    assert r.returncode != 0 and "no supported files" in r.stderr


def test_bad_input_does_not_lose_stored_documents(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run_kg("build", str(SEEDS / "002_187ddd71573548b3.txt"), "--store", str(store)).returncode == 0
    before = json.loads(run_kg("stats", "--store", str(store), "--format", "json").stdout)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    r = run_kg("build", str(bad), "--store", str(store))
    assert r.returncode != 0 and "bad.txt" in r.stderr
    assert json.loads(run_kg("stats", "--store", str(store), "--format", "json").stdout) == before


def test_stdin_and_metadata_override(tmp_path: Path) -> None:
    r = run_kg("extract", "-", "--meta", "date=2020-03-04", "--meta", "id=wire-1", input=GOOD.encode())
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["document"] == "wire-1" and doc["date"] == "2020-03-04"
    assert any(m["date"] == "2020-03-02" for m in doc["meetings"])  # "on Monday" before Wednesday 4 March 2020
    r = run_kg("extract", "-", "--meta", "colour=red", input=GOOD.encode())
    assert r.returncode != 0 and "--meta" in r.stderr


def test_bad_model_is_one_clear_line(tmp_path: Path) -> None:
    r = run_kg("extract", str(SEEDS / "002_187ddd71573548b3.txt"), "--model", "en_core_web_nonexistent")
    assert r.returncode != 0
    assert "en_core_web_nonexistent" in r.stderr and "Traceback" not in r.stderr
