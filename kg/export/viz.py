"""`kg viz`: one self-contained, offline HTML file to explore the graph in a browser.

The page inlines vis-network from the installed `pyvis` package (found at run time, never copied
into this repository), the explorer script and style shared with `kg serve` (templates/explorer.js,
explorer.css) and the graph as JSON: nodes coloured by type and sized by degree, labelled edges, a
legend, a search box, a date-range slider, and a side panel that shows an entity's roles, meetings
and statements with their evidence.
"""

from __future__ import annotations

import html
import importlib.util
import json
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import KgError
from kg.export.projection import Options, project_facts
from kg.export.read import Fact, StoreFacts, read_store
from kg.export.style import EDGE_COLORS, TYPE_COLORS, color_of, edge_color_of
from kg.store import GraphStore


def vis_network_js() -> str:
    """The vis-network bundle shipped inside the pyvis package (newest version found)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise KgError("kg viz needs the vis-network script shipped with pyvis: `pip install pyvis`")
    root = Path(next(iter(spec.submodule_search_locations)))
    found = sorted(root.glob("lib/vis-*/vis-network.min.js"), key=lambda p: _version(p.parent.name))
    if not found:
        raise KgError(f"no vis-network.min.js under {root}/lib: reinstall pyvis (`pip install --force-reinstall pyvis`)")
    return found[-1].read_text(encoding="utf-8")


def explorer_js() -> str:
    """The graph explorer script shared by `kg viz` and the server's graph views."""
    return resources.files("kg.export").joinpath("templates/explorer.js").read_text(encoding="utf-8")


def explorer_css() -> str:
    return resources.files("kg.export").joinpath("templates/explorer.css").read_text(encoding="utf-8")


def _version(folder: str) -> tuple[int, ...]:
    return tuple(int(x) for x in folder.removeprefix("vis-").split(".") if x.isdigit())


def entity_details(data: StoreFacts, options: Options) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Per entity IRI: its roles, members, meetings, statements (made and about it) and agreements."""
    name = {iri: e.label for iri, e in data.entities.items()}
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}

    def add(iri: str, section: str, item: dict[str, Any]) -> None:
        out.setdefault(iri, {}).setdefault(section, []).append(item)

    for f in data.facts:
        if not options.in_window(f.dates):
            continue
        base = {"documents": sorted(f.documents), "evidence": sorted(f.evidence), "dates": _when(f)}
        if f.kind == "RoleHolding":
            where = [name.get(t, t) for t in sorted(f.links["organization"] | f.links["relative_to"])]
            for p in f.links["person"]:
                add(p, "roles", {**base, "text": ", ".join([f.values.get("role_label", "")] + where)})
                for t in f.links["organization"] | f.links["relative_to"]:
                    add(t, "members", {**base, "text": f"{name.get(p, p)}: {f.values.get('role_label', '')}"})
        elif f.kind == "Meeting":
            for p in f.links["participant"]:
                others = sorted(name.get(o, o) for o in f.links["participant"] - {p})
                place = ", ".join(name.get(x, x) for x in sorted(f.links["place"]))
                text = f"{f.values.get('cue', 'met')} with {', '.join(others) or '—'}" + (f" in {place}" if place else "")
                add(p, "meetings", {**base, "text": text + (" (planned)" if f.values.get("planned") == "true" else "")})
        elif f.kind == "Statement":
            claim = f.values.get("quote") or f.values.get("claim", "")
            stance = f.values.get("stance", "")
            for s in f.links["speaker"]:
                add(s, "statements", {**base, "text": (f"[{stance}] " if stance else "") + claim})
            for a in f.links["about"]:
                speakers = ", ".join(sorted(name.get(s, s) for s in f.links["speaker"]))
                add(a, "spoken about", {**base, "text": f"{speakers}: {claim}"})
        elif f.kind == "Agreement":
            for p in f.links["party"]:
                others = sorted(name.get(o, o) for o in f.links["party"] - {p})
                add(p, "agreements", {**base, "text": f"{f.values.get('topic', '')} (with {', '.join(others) or '—'})"})
    return out


def _when(f: Fact) -> str:
    dates = sorted(f.dates)
    return "" if not dates else dates[0] if dates[0] == dates[-1] else f"{dates[0]} – {dates[-1]}"


UNDIRECTED = ("met_with", "agreed_with", "contests")


def vis_data(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Nodes and edges in vis-network's shape, with the attributes the side panel shows."""
    nodes = []
    for n, d in graph.nodes(data=True):
        t = str(d.get("type", ""))
        nodes.append({"id": n, "label": d.get("label", n), "group": t, "color": color_of(t),
                      "value": 1 + int(d.get("degree", 0)), "title": f"{d.get('label', n)} ({t})",
                      "attrs": {k: v for k, v in d.items() if k not in ("label",)}})
    edges = []
    for i, (u, v, d) in enumerate(graph.edges(data=True)):
        edges.append({"id": f"e{i}", "from": u, "to": v, "label": d.get("label", ""), "value": int(d.get("weight", 1)),
                      "color": edge_color_of(str(d.get("type", ""))),
                      "arrows": "" if d.get("type") in UNDIRECTED else "to", "attrs": dict(d)})
    return {"nodes": nodes, "edges": edges, "colors": {**TYPE_COLORS}, "edge_colors": {**EDGE_COLORS}}


def viz_html(graph: nx.MultiDiGraph, details: dict[str, Any], *, title: str = "kg graph") -> str:
    """The explorer page for `graph`; `details` maps node ids to panel sections (see entity_details)."""
    template = resources.files("kg.export").joinpath("templates/viz.html").read_text(encoding="utf-8")
    payload = json.dumps({**vis_data(graph), "details": details}, ensure_ascii=False)
    payload = payload.replace("</", "<\\/")  # keep the JSON inside its <script> element
    return (template.replace("{{TITLE}}", html.escape(title))
            .replace("/*{{EXPLORER_CSS}}*/", explorer_css())
            .replace("/*{{EXPLORER_JS}}*/", explorer_js())
            .replace("/*{{VIS_NETWORK_JS}}*/", vis_network_js().replace("</script", "<\\/script"))
            .replace("{{GRAPH_JSON}}", payload))


def build_viz(store: GraphStore, options: Options | None = None) -> str:
    """The explorer page for the store's projection (isolated nodes dropped unless `options` keep them)."""
    return viz_page(store, options)[0]


def viz_page(store: GraphStore, options: Options | None = None) -> tuple[str, nx.MultiDiGraph]:
    """The explorer page and the graph it shows."""
    options = options or Options(keep_isolated=False)
    data = read_store(store)
    graph = project_facts(data, options)
    page = viz_html(graph, entity_details(data, options),
                    title=f"kg graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    return page, graph
