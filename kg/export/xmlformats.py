"""GraphML and GEXF through networkx, after flattening attributes to typed scalars.

Both formats declare one type per attribute key, and networkx writes one key per Python type it
meets, so every key gets a single type here (a key with mixed types becomes a string); list
values (aliases, documents, evidence) are joined with " | ".
"""

from __future__ import annotations

import io
import math
from typing import Any

import networkx as nx

from kg.export.style import color_of, rgb

LIST_SEPARATOR = " | "


def _scalar(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        return LIST_SEPARATOR.join(map(str, value))
    return value


def _key_types(items: list[dict[str, Any]]) -> dict[str, type]:
    seen: dict[str, set[type]] = {}
    for data in items:
        for k, v in data.items():
            seen.setdefault(k, set()).add(type(_scalar(v)))
    out: dict[str, type] = {}
    for k, types in seen.items():
        if len(types) == 1:
            out[k] = types.pop()
        elif types <= {int, float}:
            out[k] = float
        else:
            out[k] = str
    return out


def flatten(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are str, int, float or bool, one type per key."""
    node_types = _key_types([d for _, d in graph.nodes(data=True)])
    edge_types = _key_types([d for *_, d in graph.edges(data=True)])
    flat = nx.MultiDiGraph(**{k: v for k, v in graph.graph.items() if isinstance(v, (str, int, float, bool))})
    for n, d in graph.nodes(data=True):
        flat.add_node(n, **{k: _cast(_scalar(v), node_types[k]) for k, v in d.items()})
    for u, v, key, d in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **{k: _cast(_scalar(x), edge_types[k]) for k, x in d.items()})
    return flat


def _cast(value: Any, to: type) -> Any:
    if to is str:
        return "" if value is None else ("true" if value is True else "false" if value is False else str(value))
    return to(value)


def to_graphml(graph: nx.MultiDiGraph) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml_xml(flatten(graph), buf, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return buf.getvalue()


def to_gexf(graph: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2 with node colours by type (viz:color), sizes by degree, and a timeline from the dates."""
    flat = flatten(graph)
    for _, d in flat.nodes(data=True):
        r, g, b = rgb(color_of(str(d.get("type", ""))))
        d["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}, "size": 5.0 + 3.0 * math.sqrt(float(d.get("degree", 0)))}
        _spell(d)
    for *_, d in flat.edges(data=True):
        d["relation"] = d.pop("type", "")  # GEXF's own edge `type` means directed/undirected
        _spell(d)
    buf = io.BytesIO()
    nx.write_gexf(flat, buf, encoding="utf-8", prettyprint=True, version="1.2draft")
    return buf.getvalue()


def _spell(data: dict[str, Any]) -> None:
    """Dated elements get GEXF start/end (which makes the graph dynamic); undated ones stay always present."""
    if data.get("first_date"):
        data["start"] = data["first_date"]
        data["end"] = data.get("last_date") or data["first_date"]
