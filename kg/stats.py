"""Store statistics: documents, entities by class, facts by kind, triples."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.rdf.namespaces import dip_local

if TYPE_CHECKING:
    from kg.store.protocol import GraphStore

_CLASSES = ("Person", "Organization", "Country", "Place", "Group", "RoleHolding", "Meeting", "Statement", "Agreement")


def store_stats(store: GraphStore) -> dict[str, int]:
    out: dict[str, int] = {"documents": len(store.document_ids())}
    q = ("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } "
         f"FILTER({store.minter.sparql_document_graph('g')}) }} GROUP BY ?c")
    counts = {local: int(r["n"].value) for r in store.query(q, union=False).rows()
              if r["c"] and r["n"] and (local := dip_local(r["c"].value))}
    for c in _CLASSES:
        out[f"{c.lower()}s" if not c.endswith("y") else c.lower()[:-1] + "ies"] = counts.get(c, 0)
    out["triples"] = store.count()
    return out
