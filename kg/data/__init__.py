"""Gazetteer tables shipped with kg (TSV, '#' comments): countries, organizations, outlets, titles."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV table in this package, padded to the header's width."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    width = len(lines[0].lstrip("# ").split("\t")) if lines and lines[0].startswith("#") else 1
    rows = []
    for line in lines:
        if line.startswith("#"):
            continue
        cells = line.split("\t")
        rows.append(tuple(cells + [""] * (width - len(cells))))
    return tuple(rows)
