"""Quads to export bytes, the same way for both stores: sorted, so equal data gives equal bytes."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kg.store.formats import GRAPHS

#: Short name -> Oxigraph format (kg.store.formats), for `kg export --format` and loading.
EXPORT_FORMATS: dict[str, ox.RdfFormat] = {f.name: f.oxigraph for f in GRAPHS}  # type: ignore[misc]


def serialize_quads(quads: Iterable[ox.Quad], fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
    """`quads` in the export format `fmt`; triple formats get the union of their graphs (each triple once)."""
    rdf_format = EXPORT_FORMATS[fmt]
    if rdf_format.supports_datasets:
        return ox.serialize(sorted(quads, key=_quad_key), format=rdf_format, prefixes=prefixes) or b""
    triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=_triple_key)
    return ox.serialize(triples, format=rdf_format, prefixes=prefixes) or b""


def _quad_key(q: ox.Quad) -> tuple[str, str, str, str]:
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))


def _triple_key(t: ox.Triple) -> tuple[str, str, str]:
    return (str(t.subject), str(t.predicate), str(t.object))
