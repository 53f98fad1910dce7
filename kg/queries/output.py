"""Formatting SELECT rows for people: aligned table, CSV, TSV, JSON (plain values, labels not IRIs)."""

from __future__ import annotations

import csv
import io
import json
import shutil

from kg.store import QueryResult, Value

FORMATS = ("table", "csv", "tsv", "json")


def cell(v: Value | None) -> str:
    return "" if v is None else v.value


def format_result(result: QueryResult, fmt: str) -> str:
    if result.kind == "ask":
        return json.dumps({"boolean": result.boolean}) if fmt == "json" else ("true" if result.boolean else "false")
    rows = [[cell(r[v]) for v in result.variables] for r in result.rows()]
    cols = result.variables
    if fmt == "json":
        return json.dumps([dict(zip(cols, r, strict=True)) for r in rows], ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(cols)
        w.writerows(rows)
        return buf.getvalue().rstrip("\n")
    return _table(cols, rows)


def _table(cols: list[str], rows: list[list[str]]) -> str:
    width = max(shutil.get_terminal_size((160, 20)).columns, 80)
    limit = max(12, (width - 3 * len(cols)) // max(len(cols), 1))
    clip = lambda s: (s.replace("\n", " ")[: limit - 1] + "…") if len(s) > limit else s.replace("\n", " ")  # noqa: E731
    shown = [[clip(c) for c in r] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in shown]) for i, c in enumerate(cols)]
    line = lambda cells: " | ".join(c.ljust(widths[i]) for i, c in enumerate(cells)).rstrip()  # noqa: E731
    out = [line(cols), "-+-".join("-" * w for w in widths)] + [line(r) for r in shown]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
