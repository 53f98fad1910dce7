"""GraphML 1.0 and GEXF 1.3, written here (not by networkx) so that both validate against their schemas.

Both formats declare one type per attribute key, so every key gets a single type (a key with mixed
types becomes a string) and list values (aliases, documents, evidence) are joined with " | ".
GraphML ids must be XML name tokens: nodes are `n0, n1, ...` (in IRI order) with the IRI kept as the
`iri` attribute, edges `e0, e1, ...`, and key ids are unique across nodes, edges and the graph.
GEXF ids may be any string, so its nodes keep their IRIs as ids. Neither file carries networkx's
internals (edge keys such as `networkx_key`).
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from typing import Any

import networkx as nx

from kg.export.style import color_of, rgb

LIST_SEPARATOR = " | "
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GRAPHML_XSD = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
GEXF_NS = "http://gexf.net/1.3"
GEXF_VIZ_NS = "http://gexf.net/1.3/viz"
GEXF_XSD = "http://gexf.net/1.3/gexf.xsd"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
#: Characters XML 1.0 cannot hold (C0 controls other than tab, newline, carriage return; lone surrogates).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NOT_TOKEN = re.compile(r"[^\w.-]")


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


def _text(value: Any) -> str:
    """A typed scalar as XML text: booleans as true/false, floats in full (repr), no illegal characters."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", repr(value) if isinstance(value, float) else str(value))


def _declared(items: list[dict[str, Any]]) -> dict[str, type]:
    """Attribute name -> its one type (flatten() made it one), in order of first appearance."""
    out: dict[str, type] = {}
    for data in items:
        for k, v in data.items():
            out.setdefault(k, type(v))
    return out


def _xml(root: ET.Element) -> bytes:
    """The document; tags are written as given (namespaces are declared on the root as plain attributes)."""
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def to_graphml(graph: nx.MultiDiGraph) -> bytes:
    """GraphML 1.0, valid against graphml.xsd: token ids, the IRI as a node attribute, one typed key per attribute."""
    flat = flatten(graph)
    ids = {n: f"n{i}" for i, n in enumerate(flat.nodes)}
    nodes = [(ids[n], {**d, "iri": n}) for n, d in flat.nodes(data=True)]
    edges = [(f"e{i}", ids[u], ids[v], d) for i, (u, v, d) in enumerate(flat.edges(data=True))]
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS, "xmlns:xsi": XSI_NS,
                                  "xsi:schemaLocation": f"{GRAPHML_NS} {GRAPHML_XSD}"})
    keys: dict[str, dict[str, str]] = {}
    taken: set[str] = set()
    for domain, items in (("graph", [flat.graph]), ("node", [d for _, d in nodes]), ("edge", [e[3] for e in edges])):
        keys[domain] = {}
        for name, typ in _declared(items).items():
            key_id = base = f"{domain}_{_NOT_TOKEN.sub('_', name)}"
            while key_id in taken:
                key_id = f"{base}_{len(taken)}"
            taken.add(key_id)
            keys[domain][name] = key_id
            ET.SubElement(root, "key", {"id": key_id, "for": domain, "attr.name": name, "attr.type": _TYPES[typ]})
    element = ET.SubElement(root, "graph", {"id": "G", "edgedefault": "directed"})

    def data(parent: ET.Element, domain: str, values: dict[str, Any]) -> None:
        for name, value in values.items():
            ET.SubElement(parent, "data", {"key": keys[domain][name]}).text = _text(value)

    data(element, "graph", flat.graph)
    for node_id, d in nodes:
        data(ET.SubElement(element, "node", {"id": node_id}), "node", d)
    for edge_id, source, target, d in edges:
        data(ET.SubElement(element, "edge", {"id": edge_id, "source": source, "target": target}), "edge", d)
    return _xml(root)


def to_gexf(graph: nx.MultiDiGraph) -> bytes:
    """GEXF 1.3 with node colours by type (viz:color), sizes by degree, and a timeline from the dates."""
    flat = flatten(graph)
    nodes = [(n, {k: v for k, v in d.items() if k != "label"}, d) for n, d in flat.nodes(data=True)]
    edges = []
    for i, (u, v, d) in enumerate(flat.edges(data=True)):
        # GEXF's own edge `type` means directed/undirected; the projection's edge type becomes `relation`.
        values = {("relation" if k == "type" else k): x for k, x in d.items() if k not in ("label", "weight")}
        edges.append((f"e{i}", u, v, values, d))
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "xmlns:viz": GEXF_VIZ_NS, "xmlns:xsi": XSI_NS,
                               "xsi:schemaLocation": f"{GEXF_NS} {GEXF_XSD}", "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "kg"
    ET.SubElement(meta, "description").text = _text(flat.graph.get("name", "kg"))
    dated = any(d.get("first_date") for *_, d in nodes + edges)
    element = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "dynamic" if dated else "static"}
                            | ({"timeformat": "date", "timerepresentation": "interval"} if dated else {}))
    attr_ids: dict[str, dict[str, str]] = {}
    for cls, items in (("node", [n[1] for n in nodes]), ("edge", [e[3] for e in edges])):
        declared = _declared(items)
        attr_ids[cls] = {}
        if declared:
            block = ET.SubElement(element, "attributes", {"class": cls, "mode": "static"})
            for name, typ in declared.items():
                attr_ids[cls][name] = str(sum(map(len, attr_ids.values())))
                ET.SubElement(block, "attribute", {"id": attr_ids[cls][name], "title": name, "type": _TYPES[typ]})

    def attvalues(parent: ET.Element, cls: str, values: dict[str, Any]) -> None:
        if values:
            block = ET.SubElement(parent, "attvalues")
            for name, value in values.items():
                ET.SubElement(block, "attvalue", {"for": attr_ids[cls][name], "value": _text(value)})

    block = ET.SubElement(element, "nodes")
    for n, values, d in nodes:
        node = ET.SubElement(block, "node", {"id": _text(n), "label": _text(d.get("label", n)), **_spell(d)})
        attvalues(node, "node", values)
        r, g, b = rgb(color_of(str(d.get("type", ""))))
        ET.SubElement(node, "viz:color", {"r": str(r), "g": str(g), "b": str(b), "a": "1.0"})
        size = 5.0 + 3.0 * math.sqrt(float(d.get("degree", 0)))
        ET.SubElement(node, "viz:size", {"value": _text(round(size, 3))})
    block = ET.SubElement(element, "edges")
    for edge_id, u, v, values, d in edges:
        attrs = {"id": edge_id, "source": _text(u), "target": _text(v), "label": _text(d.get("label", "")),
                 "weight": _text(float(d.get("weight", 1))), **_spell(d)}
        attvalues(ET.SubElement(block, "edge", attrs), "edge", values)
    return _xml(root)


def _spell(data: dict[str, Any]) -> dict[str, str]:
    """Dated elements get GEXF start/end (which makes the graph dynamic); undated ones stay always present."""
    if not data.get("first_date"):
        return {}
    return {"start": str(data["first_date"]), "end": str(data.get("last_date") or data["first_date"])}
