"""`--store PATH`: missing parent folders are created, and a store that cannot be opened is reported
with what actually went wrong (one line, exit code 3, no traceback); only a held lock is blamed on
another kg process."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from tests.conftest import SEEDS, run_kg

SEED = SEEDS / "000_ba119f2ff2f22f1c.txt"
LOCK_HINT = "is another kg process using it?"


def _one_line_error(result, expected: str) -> None:
    assert result.returncode == 3, result.stderr
    assert result.stderr.strip() == expected
    assert "Traceback" not in result.stderr


def test_build_creates_the_missing_parent_folders(tmp_path: Path) -> None:
    store = tmp_path / "a" / "b" / "c"
    result = run_kg("build", str(SEED), "--store", str(store))
    assert result.returncode == 0, result.stderr
    stats = run_kg("stats", "--store", str(store), "--format", "json")
    assert '"documents": 1' in stats.stdout


def test_a_store_below_a_file_says_the_folder_cannot_be_created(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a folder")
    store = tmp_path / "notes.txt" / "store"
    _one_line_error(run_kg("remove", "some-doc", "--store", str(store)),
                    f"error: cannot create store folder {store}: Not a directory")


def test_a_store_that_is_a_file_is_named_as_such(tmp_path: Path) -> None:
    store = tmp_path / "store"
    store.write_text("not a folder")
    expected = f"error: cannot open store {store}: it is a file, not a folder (give --store a folder; a missing one is created)"
    _one_line_error(run_kg("remove", "some-doc", "--store", str(store)), expected)
    _one_line_error(run_kg("stats", "--store", str(store)), expected)


def test_a_damaged_store_names_the_damage_not_another_process(tmp_path: Path) -> None:
    store = tmp_path / "store"
    store.mkdir()
    (store / "CURRENT").write_text("garbage\n")
    for args in (("remove", "some-doc"), ("stats",)):
        _one_line_error(run_kg(*args, "--store", str(store)),
                        f"error: cannot open store {store}: Corruption: CURRENT file corrupted")


def test_a_folder_without_a_store_is_not_opened_for_reading(tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(b"\xff\xd8")
    _one_line_error(run_kg("query", "people-roles", "--store", str(folder)),
                    f"error: {folder} is not a kg store (no Oxigraph database in it): "
                    f"build one with `kg build PATH --store {folder}`")


def test_a_store_held_by_another_process_is_reported_as_locked(tmp_path: Path) -> None:
    store = tmp_path / "store"
    held = ox.Store(str(store))  # this test process holds the store's lock
    try:
        _one_line_error(run_kg("remove", "some-doc", "--store", str(store)),
                        f"error: cannot open store {store}: its lock is held by another process ({LOCK_HINT})")
    finally:
        del held
