"""CSV files for `neo4j-admin database import full`: one node file and one relationship file per type.

Headers use the import tool's typed columns: `id:ID`, `:LABEL`, `name:string[]` for lists
(`;`-separated), `:START_ID`, `:END_ID`, `:TYPE`. Import with
`neo4j-admin database import full --nodes=nodes_Person.csv ... --relationships=rels_ROLE.csv ...`
(the exact command is written to import.sh beside the files).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import InputError

ARRAY_DELIMITER = ";"
_NEO4J_TYPES = {bool: "boolean", int: "long", float: "double"}


def _column(name: str, values: list[Any]) -> str:
    """The typed header cell for a property: lists become string arrays, numbers keep their type."""
    kinds = {type(v) for v in values if v is not None}
    if any(k in (list, tuple) for k in kinds):
        return f"{name}:string[]"
    if len(kinds) == 1 and (t := kinds.pop()) in _NEO4J_TYPES:
        return f"{name}:{_NEO4J_TYPES[t]}"
    return name


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, ",") for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _rel_type(edge_type: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", edge_type).upper() or "RELATED_TO"


def _table(header: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def neo4j_files(graph: nx.MultiDiGraph) -> dict[str, str]:
    """File name -> CSV text (plus import.sh): nodes grouped by type, relationships by type."""
    files: dict[str, str] = {}
    by_type: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for n, d in graph.nodes(data=True):
        by_type.setdefault(str(d.get("type") or "Resource"), []).append((n, d))
    for label, items in sorted(by_type.items()):
        keys = sorted({k for _, d in items for k in d if k != "type"})
        header = ["id:ID", ":LABEL"] + [_column(k, [d.get(k) for _, d in items]) for k in keys]
        rows = [[n, f"Entity;{label}" if label in _ENTITY else label] + [_cell(d.get(k)) for k in keys] for n, d in items]
        files[f"nodes_{label}.csv"] = _table(header, rows)
    rels: dict[str, list[tuple[str, str, dict[str, Any]]]] = {}
    for u, v, d in graph.edges(data=True):
        rels.setdefault(_rel_type(str(d.get("type", ""))), []).append((u, v, d))
    for rtype, items in sorted(rels.items()):
        keys = sorted({k for *_, d in items for k in d if k != "type"})
        header = [":START_ID", ":END_ID", ":TYPE"] + [_column(k, [d.get(k) for *_, d in items]) for k in keys]
        rows = [[u, v, rtype] + [_cell(d.get(k)) for k in keys] for u, v, d in items]
        files[f"rels_{rtype}.csv"] = _table(header, rows)
    args = " ".join([f"--nodes={f}" for f in files if f.startswith("nodes_")]
                    + [f"--relationships={f}" for f in files if f.startswith("rels_")])
    files["import.sh"] = ("#!/bin/sh\n# Run from this folder; DATABASE defaults to neo4j.\n"
                          f"neo4j-admin database import full --array-delimiter='{ARRAY_DELIMITER}' "
                          f"--multiline-fields=true --overwrite-destination {args} \"${{DATABASE:-neo4j}}\"\n")
    return files


_ENTITY = {"Person", "Organization", "Country", "Place", "Group"}


def write_neo4j(graph: nx.MultiDiGraph, folder: str | Path) -> list[Path]:
    """Write the CSV files into `folder` (created if missing); returns the paths written."""
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise InputError(f"-o {folder}: the neo4j format writes a folder of CSV files, and this is a file")
    try:
        target.mkdir(parents=True, exist_ok=True)
        out = []
        for name, text in neo4j_files(graph).items():
            (target / name).write_text(text, encoding="utf-8")
            out.append(target / name)
        return out
    except OSError as e:
        raise InputError(f"cannot write {folder}: {e.strerror}") from e


def neo4j_zip(graph: nx.MultiDiGraph) -> bytes:
    """The same files as one zip archive (for HTTP downloads)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in neo4j_files(graph).items():
            z.writestr(name, text)
    return buf.getvalue()
