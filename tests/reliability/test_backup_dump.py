"""`kg backup` (restore = open the backup with --store) and `kg dump` / `kg load` give the same dataset."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import export_nq, run_kg


def test_backup_opens_as_a_store_with_the_same_dataset(seeds_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "backup"
    r = run_kg("backup", str(target), "--store", str(seeds_store))
    assert r.returncode == 0 and "backup written" in r.stdout, r.stderr
    original = export_nq(seeds_store)
    assert original.count("\n") > 1000 and export_nq(target) == original
    q = run_kg("query", "people-roles", "--store", str(target), "--format", "csv")
    assert q.returncode == 0 and "Obama" in q.stdout
    again = run_kg("backup", str(target), "--store", str(seeds_store))
    assert again.returncode == 3 and "exists and is not empty" in again.stderr
    bad = run_kg("backup", "/proc/kg-backup", "--store", str(seeds_store))
    assert bad.returncode == 3 and "cannot back up" in bad.stderr and "Traceback" not in bad.stderr


def test_restored_backup_can_be_built_into(seeds_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "backup"
    assert run_kg("backup", str(target), "--store", str(seeds_store)).returncode == 0
    r = run_kg("build", str(Path(__file__).resolve().parents[2] / "seeds"), "--store", str(target))
    assert r.returncode == 0 and "5 unchanged" in r.stdout


def test_dump_and_load_round_trip(seeds_store: Path, tmp_path: Path) -> None:
    dump = tmp_path / "kg.nq"
    r = run_kg("dump", str(dump), "--store", str(seeds_store))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"dumped to {dump}"
    loaded = tmp_path / "loaded"
    r = run_kg("load", str(dump), "--store", str(loaded))
    assert r.returncode == 0, r.stderr
    assert export_nq(loaded) == export_nq(seeds_store)
    assert sorted(dump.read_text().splitlines()) == sorted(export_nq(seeds_store).splitlines())


def test_load_of_a_broken_dump_loads_nothing(seeds_store: Path, tmp_path: Path) -> None:
    good = export_nq(seeds_store).splitlines()
    broken = tmp_path / "broken.nq"
    broken.write_text("\n".join(good[:3000] + ["<http://x> garbage ."] + good[3000:]) + "\n")
    store = tmp_path / "s"
    r = run_kg("load", str(broken), "--store", str(store))
    assert r.returncode == 3 and "cannot load" in r.stderr and "line 3001" in r.stderr
    assert export_nq(store) == ""
    r = run_kg("dump", "/nonexistent-dir/x.nq", "--store", str(seeds_store))
    assert r.returncode == 3 and "cannot write" in r.stderr and "Traceback" not in r.stderr
