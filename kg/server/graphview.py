"""The graph views of `kg serve`, in the shape `kg viz` draws (kg.export.viz.vis_data), so both look alike.

`neighbourhood`: the entities sharing a fact with one entity, read by hidden saved queries bound to its
IRI (queries/page-aliases, page-neighbour-facts, page-type, page-label; so it costs what that entity's
facts cost, whatever the store's size). Edges are typed as in the
projection (met_with, stated_about, role, agreed_with), with the number of facts behind them, their
dates (for the date slider), documents and evidence. A hub keeps its `cap` neighbours with the most
shared facts; the others are folded into one cluster node per type ("+ 12 more Person") that lists them.

`whole_graph`: the projection of the whole store (kg.export.projection, isolated nodes dropped), the
`max_nodes` best connected nodes of it, and the per-entity details `kg viz` shows in its panel.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from kg.export.model import merge_dates
from kg.export.options import Options
from kg.export.style import EDGE_COLORS, TYPE_COLORS, color_of, edge_color_of
from kg.rdf.namespaces import Minter, dip_local
from kg.server.page_queries import page_rows as _rows
from kg.store import GraphStore

CAP = 25
MAX_NODES = 300
_PLURAL = {"Person": "people", "Organization": "organizations", "Country": "countries", "Place": "places",
           "Group": "groups", "Resource": "others"}


@dataclass
class _Link:
    source: str
    target: str
    type: str
    label: str
    facts: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    evidence: set[str] = field(default_factory=set)


def _edge(cls: str, p1: str, p2: str, centre: str, other: str, role: str) -> tuple[str, str, str, str] | None:
    """(source, target, type, label) of the edge a fact gives between the centre and another entity,
    typed and directed as in kg.export.projection."""
    kind, a, b = dip_local(cls), dip_local(p1), dip_local(p2)
    if kind == "Meeting":
        return centre, other, "met_with", "met with"
    if kind == "Agreement":
        return centre, other, "agreed_with", "agreed with"
    if kind == "Statement":
        if a == "speaker" and b == "about":
            return centre, other, "stated_about", "stated about"
        if a == "about" and b == "speaker":
            return other, centre, "stated_about", "stated about"
        return None  # two subjects of one statement, or two speakers: no edge in the projection either
    if a == "person":
        return centre, other, "role", role or "role"
    if b == "person":
        return other, centre, "role", role or "role"
    return centre, other, "role", role or "role"


def neighbourhood(store: GraphStore, iri: str, cap: int = CAP) -> dict[str, Any]:
    """Nodes and edges of `iri`'s neighbourhood in vis-network's shape (see the module docstring)."""
    # The entity's facts, and those of each name kg.link declared the same as it ("Obama" for "Barack Obama").
    rows = [r for x in [iri, *(a["x"] for a in _rows(store, "page-aliases", iri))]
            for r in _rows(store, "page-neighbour-facts", x)]
    links: dict[tuple[str, str, str, str], _Link] = {}
    names: dict[str, str] = {}
    weight: Counter[str] = Counter()
    for r in rows:
        if r["cls"].endswith("Meeting") and r["planned"] == "true":
            continue  # announced, not held: no met_with (as in the projection)
        other, name = (r["canon"], r["canon_label"]) if r["canon_label"] else (r["other"], r["label"])
        if other == iri:
            continue
        key = _edge(r["cls"], r["p1"], r["p2"], iri, other, r["role"])
        if key is None:
            continue
        names[other] = name
        link = links.setdefault(key, _Link(*key))
        link.facts.add(r["fact"])
        link.dates |= {d for d in (r["on"][:10] or r["published"][:10],) if d}
        link.documents |= {r["doc"]} - {""}
        link.evidence |= {r["ev"]} - {""}
    for link in links.values():
        weight[link.target if link.source == iri else link.source] += len(link.facts)
    ranked = [n for n, _ in sorted(weight.items(), key=lambda kv: (-kv[1], names[kv[0]]))]
    shown, folded = ranked[:cap], ranked[cap:]
    types = {n: (_first(store, "page-type", n) or "Resource") for n in ranked}
    centre_type = _first(store, "page-type", iri) or "Resource"
    minter = store.minter
    nodes = [_node(iri, _first(store, "page-label", iri) or iri.rsplit("/", 1)[-1], centre_type, len(shown) + len(folded),
                   _local(minter, iri), center=True)]
    nodes += [_node(n, names[n], types[n], weight[n], _local(minter, n)) for n in shown]
    edges = [_vis_edge(i, link) for i, link in enumerate(sorted(links.values(), key=lambda x: (x.source, x.target, x.type)))
             if link.source in shown or link.target in shown]
    clusters: dict[str, list[str]] = defaultdict(list)
    for n in folded:
        clusters[types[n]].append(n)
    for t, members in sorted(clusters.items()):
        cid = f"cluster:{t}"
        nodes.append({**_node(cid, f"+ {len(members)} more {_PLURAL.get(t, t) if len(members) > 1 else t.lower()}", t,
                              sum(weight[m] for m in members), ""),
                      "cluster": True, "count": len(members), "href": "",
                      "members": [{"label": names[m], "href": _local(minter, m), "edges": f"{weight[m]} shared facts"}
                                  for m in members]})
        merged = [link for link in links.values() if (link.target if link.source == iri else link.source) in members]
        first, last = merge_dates("", "", [d for link in merged for d in link.dates])
        edges.append({"id": f"c{len(edges)}", "from": iri, "to": cid, "label": f"{len(members)} more",
                      "value": len(members), "arrows": "", "color": edge_color_of("cluster"),
                      "attrs": {"type": "cluster", "weight": sum(len(link.facts) for link in merged),
                                "first_date": first, "last_date": last, "documents": [], "evidence": []}})
    return {"ok": True, "nodes": nodes, "edges": edges, "colors": {**TYPE_COLORS}, "edge_colors": {**EDGE_COLORS},
            "neighbours": len(ranked), "shown": len(shown), "folded": len(folded)}


def _first(store: GraphStore, name: str, iri: str) -> str:
    rows = _rows(store, name, iri)
    return next(iter(rows[0].values()), "") if rows else ""


def _local(minter: Minter, iri: str) -> str:
    """The path on this server of an entity minted here, else the IRI itself."""
    return minter.path_of(iri) or iri


def _node(iri: str, label: str, type_: str, value: int, href: str, *, center: bool = False) -> dict[str, Any]:
    return {"id": iri, "label": label, "group": type_, "color": color_of(type_), "value": 1 + value,
            "title": f"{label} ({type_})", "href": href, "center": center,
            "attrs": {"type": type_, "degree": value}}


def _vis_edge(i: int, link: _Link) -> dict[str, Any]:
    first, last = merge_dates("", "", sorted(link.dates))
    n = len(link.facts)
    return {"id": f"e{i}", "from": link.source, "to": link.target, "label": link.label + (f" ×{n}" if n > 1 else ""),
            "value": n, "arrows": "" if link.type in ("met_with", "agreed_with") else "to", "color": edge_color_of(link.type),
            "attrs": {"type": link.type, "weight": n, "first_date": first, "last_date": last,
                      "documents": sorted(link.documents), "evidence": sorted(link.evidence)[:20]}}


def whole_graph(store: GraphStore, options: Options, max_nodes: int = MAX_NODES) -> dict[str, Any]:
    """The projection of the whole store for the graph page, cut to its `max_nodes` best connected nodes."""
    from kg.export.projection import project_facts
    from kg.export.read import read_store
    from kg.export.stats import graph_stats
    from kg.export.viz import entity_details, vis_data

    data = read_store(store)
    graph = project_facts(data, options)
    stats = graph_stats(graph)
    if len(graph) > max_nodes:
        keep = sorted(graph.nodes, key=lambda n: (-graph.nodes[n].get("degree", 0), n))[:max_nodes]
        graph = graph.subgraph(keep).copy()
    out = vis_data(graph)
    for n in out["nodes"]:
        n["href"] = _local(store.minter, n["id"])
    details = entity_details(data, options)
    out["details"] = {n: details[n] for n in graph.nodes if n in details}
    return {"ok": True, **out, "stats": stats.line(), "shown": len(graph), "total": stats.nodes}
