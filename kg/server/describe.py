"""What the server shows about one IRI: labels, aliases, roles, meetings, statements (with the
evidence sentence and source document), raw properties (each once, facts named in words), and the
documents that mention it. The neighbourhood graph is kg.server.graphview.

Every query is a hidden saved query (queries/page-*.rq, run by kg.server.page_queries) that binds
the IRI as an RDF term (never spliced into the text).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from kg.rdf.namespaces import PREFIXES, term, without_fragment
from kg.rdf.terms import IRI, Literal
from kg.server.labels import labels as readable_labels
from kg.server.page_queries import page_rows as _rows
from kg.server.page_queries import run_page_query
from kg.store import GraphStore

_TA_IDENT_REF = term("itsrdf", "taIdentRef").value


def exists(store: GraphStore, iri: str) -> bool:
    return run_page_query(store, "page-exists", e=IRI(iri)).boolean


def describe(store: GraphStore, iri: str) -> dict[str, Any]:
    """Everything the entity page shows, as plain strings; facts (hash IRIs) get labels in words."""
    labels = {r["x"]: r["label"] for r in _rows(store, "page-labels", iri)}
    names = _rows(store, "page-names", iri)
    outgoing, incoming = _rows(store, "page-outgoing", iri), _rows(store, "page-incoming", iri)
    # Mentions (nif:Phrase anchors pointing here with itsrdf:taIdentRef) are counted per document, not listed.
    mentions = Counter(without_fragment(r["s"]) for r in incoming if r["p"] == _TA_IDENT_REF)
    incoming = [r for r in incoming if r["p"] != _TA_IDENT_REF]
    unnamed = [v for v in [r["o"] for r in outgoing] + [r["s"] for r in incoming] + list(mentions)
               if store.minter.parse(v) is not None and v not in labels]
    labels |= readable_labels(store, unnamed)
    return {
        "iri": iri,
        "label": next((n["name"] for n in names if n["kind"] == "label"), labels.get(iri, iri.rsplit("/", 1)[-1])),
        "aliases": sorted({n["name"] for n in names if n["kind"] == "alias"}),
        "types": sorted({n["name"] for n in names if n["kind"] == "type"}),
        "roles": _rows(store, "page-roles", iri),
        "meetings": _rows(store, "page-meetings", iri),
        "statements": _rows(store, "page-statements", iri),
        "outgoing": outgoing,
        "incoming": incoming,
        "mentions": sorted(mentions.items(), key=lambda kv: (-kv[1], kv[0])),
        "labels": labels,
    }


def rdf_description(store: GraphStore, iri: str, media: str) -> bytes:
    """The IRI's triples both ways plus its neighbours' labels, as RDF in `media`."""
    return run_page_query(store, "page-rdf", e=IRI(iri)).serialize(media, prefixes=PREFIXES)


def search(store: GraphStore, text: str) -> list[dict[str, str]]:
    """Entities whose name or alias contains `text` (case-insensitive), one row per entity: a name
    linked by owl:sameAs to another entity of the store (kg.link: "Obama") is found as that entity."""
    result = run_page_query(store, "page-search", q=Literal(text))
    return [{k: (v.value if v else "") for k, v in row.items()} for row in result.rows()]
