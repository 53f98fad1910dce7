"""Compacted JSON-LD: the RDF export with an @context that gives every property a short, readable key.

oxigraph writes expanded JSON-LD (full IRIs everywhere); here rdflib re-serializes the same quads
against a context built from the data: `label`, `prefLabel`, `participant`, `date`, … with IRI-valued
properties typed `@id` and dated ones `xsd:date`, so parsing the result gives back the same triples.
"""

from __future__ import annotations

import json
import warnings
from typing import Any

import rdflib
from rdflib.namespace import XSD

from kg.rdf.namespaces import PREFIXES, curie, split_iri

#: When two namespaces share a local name, the first one listed here gets the short key.
_PREFERRED = ["dip", "skos", "rdfs", "prov", "nif", "dcterms", "itsrdf", "schema", "owl"]


def build_context(graph: rdflib.Graph) -> dict[str, Any]:
    """Prefixes plus one term per predicate of `graph`, coerced where all its values agree."""
    ctx: dict[str, Any] = {p: iri for p, iri in PREFIXES.items()}
    ctx |= {"id": "@id", "type": "@type"}
    objects: dict[rdflib.URIRef, set[str]] = {}
    for _, p, o in graph.triples((None, None, None)):
        if p == rdflib.RDF.type:
            continue
        if isinstance(o, rdflib.URIRef):
            kind = "@id"
        elif isinstance(o, rdflib.Literal) and o.language is None and o.datatype not in (None, XSD.string):
            kind = str(o.datatype)
        else:
            kind = "string"
        objects.setdefault(p, set()).add(kind)
    candidates: dict[str, list[tuple[int, rdflib.URIRef]]] = {}
    for p in objects:
        prefix, local = split_iri(str(p))
        if prefix and local.isidentifier():
            rank = _PREFERRED.index(prefix) if prefix in _PREFERRED else len(_PREFERRED)
            candidates.setdefault(local, []).append((rank, p))
    for local, options in sorted(candidates.items()):
        if local in ctx:
            continue
        _, p = min(options, key=lambda x: (x[0], str(x[1])))
        kinds = objects[p]
        term: dict[str, str] = {"@id": curie(str(p))}
        if len(kinds) == 1 and (kind := next(iter(kinds))) != "string":
            term["@type"] = kind if kind == "@id" else curie(kind)
        ctx[local] = term
    return ctx


def compact_jsonld(nquads: bytes) -> bytes:
    """N-Quads (the store's export) -> compacted JSON-LD with one @graph entry per named graph."""
    ds = rdflib.Dataset()
    with warnings.catch_warnings():  # rdflib's own parser and serializer use its deprecated Dataset API
        warnings.simplefilter("ignore", DeprecationWarning)
        ds.parse(data=nquads, format="nquads")
    union = rdflib.Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    ctx = build_context(union)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        text = ds.serialize(format="json-ld", context=ctx, auto_compact=True, sort_keys=True, indent=1,
                            ensure_ascii=False)
    doc = _ordered(json.loads(text))
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8") + b"\n"


def _ordered(value: Any) -> Any:
    """Arrays sorted (graphs and nodes by id), so the same store always gives the same bytes."""
    if isinstance(value, dict):
        return {k: _ordered(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_ordered(v) for v in value]
        return sorted(items, key=lambda v: (str(v.get("id", v.get("@id", ""))) if isinstance(v, dict) else "",
                                            json.dumps(v, sort_keys=True, ensure_ascii=False)))
    return value
