"""Neo4j import CSVs: typed headers, and every relationship end is a node id."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import networkx as nx

from kg.export import render, write_neo4j


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8")))


def test_neo4j_csvs_have_consistent_ids_and_headers(seed_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    write_neo4j(seed_graph, tmp_path / "neo")
    folder = tmp_path / "neo"
    node_files = sorted(folder.glob("nodes_*.csv"))
    rel_files = sorted(folder.glob("rels_*.csv"))
    assert {p.stem for p in node_files} >= {"nodes_Person", "nodes_Organization", "nodes_Meeting", "nodes_Statement"}
    ids: list[str] = []
    for p in node_files:
        rows = read_csv(p)
        assert list(rows[0])[:2] == ["id:ID", ":LABEL"]
        assert "aliases:string[]" in rows[0] and "degree:long" in rows[0]
        kind = p.stem.removeprefix("nodes_")
        assert all(kind in r[":LABEL"].split(";") for r in rows)
        ids += [r["id:ID"] for r in rows]
    assert len(ids) == len(set(ids)) == seed_graph.number_of_nodes()
    n_rels = 0
    for p in rel_files:
        rows = read_csv(p)
        assert list(rows[0])[:3] == [":START_ID", ":END_ID", ":TYPE"]
        assert "weight:long" in rows[0]
        for r in rows:
            assert r[":START_ID"] in ids and r[":END_ID"] in ids
            assert r[":TYPE"] == p.stem.removeprefix("rels_")
        n_rels += len(rows)
    assert n_rels == seed_graph.number_of_edges()
    script = (folder / "import.sh").read_text()
    assert all(f"--nodes={p.name}" in script for p in node_files)
    assert all(f"--relationships={p.name}" in script for p in rel_files)


def test_neo4j_render_is_a_zip_of_the_same_files(seed_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    written = {p.name: p.read_text(encoding="utf-8") for p in write_neo4j(seed_graph, tmp_path)}
    with zipfile.ZipFile(io.BytesIO(render(seed_graph, "neo4j"))) as z:
        assert {n: z.read(n).decode() for n in z.namelist()} == written
