"""`kg export` with graph formats and `kg viz`, run as a user would; errors are one line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest

from tests.conftest import run_kg


@pytest.mark.slow
def test_export_graph_formats_and_options(seeds_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.graphml"
    r = run_kg("export", "--format", "graphml", "--include", "meetings", "-o", str(out), "--store", str(seeds_store))
    assert r.returncode == 0, r.stderr
    with_meetings = nx.read_graphml(out)
    assert any(d["type"] == "Meeting" for _, d in with_meetings.nodes(data=True))
    r = run_kg("export", "--format", "cytoscape", "--people-only", "--store", str(seeds_store))
    assert r.returncode == 0, r.stderr
    people = json.loads(r.stdout)["elements"]["nodes"]
    assert people and {n["data"]["type"] for n in people} == {"Person"}
    r = run_kg("export", "--format", "neo4j", "-o", str(tmp_path / "neo"), "--query", "meeting-network",
               "--param", "include_planned=true", "--store", str(seeds_store))
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO((tmp_path / "neo" / "rels_PARTICIPANT.csv").read_text())))
    assert rows and list(rows[0])[:3] == [":START_ID", ":END_ID", ":TYPE"]


@pytest.mark.slow
def test_export_shaping_options_and_the_figures_they_print(seeds_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.graphml"
    r = run_kg("export", "--format", "graphml", "--facts", "all", "-o", str(out), "--store", str(seeds_store))
    assert r.returncode == 0, r.stderr
    g = nx.read_graphml(out)
    types = {d["type"] for *_, d in g.edges(data=True)}
    assert {"role", "met_with", "stated_about", "part_of"} <= types <= {"role", "met_with", "stated_about",
                                                                      "part_of", "agreed_with", "contests"}
    connected = sum(1 for _, d in g.degree() if d > 0)
    assert f"{out}: {len(g)} nodes, {g.number_of_edges()} edges (" in r.stderr
    assert f"; {connected} of {len(g)} nodes ({connected / len(g):.0%}) have an edge" in r.stderr
    r = run_kg("export", "--format", "graphml", "--min-weight", "2", "--no-isolated", "-o", str(out),
               "--store", str(seeds_store))
    assert r.returncode == 0, r.stderr
    g = nx.read_graphml(out)
    assert all(d["weight"] >= 2 for *_, d in g.edges(data=True)) and all(n > 0 for _, n in g.degree())
    r = run_kg("export", "--format", "gexf", "--facts", "meetings", "--since", "2015-09-10", "--until",
               "2015-09-12", "--store", str(seeds_store))
    assert r.returncode == 0, r.stderr
    back = nx.read_gexf(io.BytesIO(r.stdout.encode()), version="1.3")
    assert {d["relation"] for *_, d in back.edges(data=True)} == {"met_with"}


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "graphml", "--facts", "votes"], "--facts votes: choose from"),
    (["--format", "graphml", "--min-weight", "0"], "--min-weight '0'"),
    (["--format", "turtle", "--no-isolated"], "--isolated shapes the property-graph formats"),
    (["--format", "neo4j"], "give it with -o FOLDER"),
    (["--format", "turtle", "--since", "2015-01-01"], "--since shapes the property-graph formats"),
    (["--format", "dot", "--query", "nope"], "no saved query named 'nope'"),
])
def test_export_errors_are_one_line(seeds_store: Path, args: list[str], message: str) -> None:
    r = run_kg("export", *args, "--store", str(seeds_store))
    assert r.returncode != 0
    assert message in r.stderr and r.stderr.strip().count("\n") == 0 and "Traceback" not in r.stderr


def test_viz_writes_an_offline_page(seeds_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "people.html"
    r = run_kg("viz", "-o", str(out), "--people-only", "--store", str(seeds_store))
    assert r.returncode == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "vis.Network" in page and "John Kerry" in page
    assert '"group": "Organization"' not in page
    assert r.stderr.startswith(f"{out}: ") and "nodes (100%) have an edge" in r.stderr  # isolated nodes dropped
