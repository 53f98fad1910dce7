"""Readable labels for IRIs: an entity's name, and for a fact what it says in words.

A fact's IRI is a hash (`/id/meeting/796041d7535c5866`); pages and result tables show instead
"meeting: Susan Rice, Meng Jianzhu (2015-09-11)", "John Kerry: Secretary of State, United States",
"Hong Lei: “China firmly opposes …”", worded from the hidden saved query queries/page-properties.rq,
which binds each IRI as an RDF term (never spliced into the text).
"""

from __future__ import annotations

from collections import defaultdict

from kg.rdf.namespaces import dip_local, local_name
from kg.server.page_queries import page_rows
from kg.store import GraphStore

#: At most this many IRIs are labelled per call (a results table asks for its visible cells).
MAX_IRIS = 300
CLAIM_CHARS = 90


def _short(text: str, n: int = CLAIM_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def label_of(store: GraphStore, iri: str) -> str:
    """What `iri` is, in words: its name, title or label, or for a fact its participants and content."""
    rows = page_rows(store, "page-properties", iri)
    props: dict[str, list[str]] = defaultdict(list)
    names: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        local = local_name(r["p"])
        if r["o"] not in props[local]:
            props[local].append(r["o"])
        if r["ol"] and r["ol"] not in names[local]:
            names[local].append(r["ol"])
    for key in ("prefLabel", "title"):
        if props.get(key):
            return props[key][0]
    kinds = {dip_local(t) for t in props.get("type", [])} - {None}
    when = (props.get("date") or props.get("startDate") or [""])[0][:10]
    if "Meeting" in kinds:
        people = ", ".join(sorted(names["participant"])) or "?"
        details = ", ".join([when] * bool(when) + sorted(names.get("place", [])))
        planned = "planned " if props.get("planned") == ["true"] else ""
        return f"{planned}{(props.get('cue') or ['meeting'])[0]}: {people}" + (f" ({details})" if details else "")
    if "Statement" in kinds:
        return f"{', '.join(sorted(names['speaker'])) or '?'}: “{_short((props.get('claim') or [''])[0])}”"
    if "RoleHolding" in kinds:
        where = sorted(names["organization"] + names["relativeTo"])
        return f"{', '.join(names['person']) or '?'}: " + ", ".join([(props.get("roleLabel") or ["role"])[0], *where])
    if "Agreement" in kinds:
        return f"{' and '.join(sorted(names['party'])) or '?'}: {(props.get('topic') or ['agreement'])[0]}"
    if props.get("label"):
        return props["label"][0]
    if props.get("anchorOf"):
        return f"“{_short(props['anchorOf'][0])}”"
    if props.get("documentId"):
        return props["documentId"][0]
    return iri.rstrip("/").rsplit("/", 1)[-1]


def labels(store: GraphStore, iris: list[str]) -> dict[str, str]:
    """`label_of` for each of the first MAX_IRIS distinct IRIs."""
    out: dict[str, str] = {}
    for iri in dict.fromkeys(iris):
        if len(out) >= MAX_IRIS:
            break
        out[iri] = label_of(store, iri)
    return out
