"""The property-graph projection of the store: entities as nodes, roles, meetings and statements as edges.

Edges: `role` (person -> organization, or -> the person a role is held for, labelled with the role),
`met_with` (between participants of held meetings, weighted by the number of meetings),
`stated_about` (speaker -> each entity a statement is about, weighted by the number of statements,
with their stance: the most reported one, and one count per stance), `part_of` (organization ->
organization or country); with `include`: Meeting nodes and `participant_of` / `held_in` edges,
Statement nodes and `stated` / `about` edges, Agreement nodes and `party_to` edges.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx

from kg.errors import InputError
from kg.export.model import Edge, Node, merge_dates, to_networkx
from kg.export.read import STANCE_WORDS, Fact, StoreFacts, read_store
from kg.store import KgStore

INCLUDES = ("meetings", "statements", "agreements")
#: The per-stance counts of a `stated_about` edge: `stance_agrees`, ..., and `stance_none` (no stance found).
STANCE_COUNTS = tuple("stance_" + w.replace(" ", "_") for w in (*sorted(STANCE_WORDS.values()), "none"))


@dataclass(frozen=True)
class Options:
    """What to project: `since`/`until` keep facts dated (or published) within the window."""

    people_only: bool = False
    include: frozenset[str] = field(default_factory=frozenset)
    since: str = ""
    until: str = ""

    @classmethod
    def parse(cls, *, people_only: bool = False, include: str = "", since: str | None = None,
              until: str | None = None) -> Options:
        """Options from CLI/HTTP strings, with one-line errors for bad values."""
        wanted = frozenset(w.strip() for w in include.split(",") if w.strip())
        if bad := wanted - set(INCLUDES):
            raise InputError(f"--include {','.join(sorted(bad))}: choose from {','.join(INCLUDES)}")
        return cls(people_only, wanted, _date(since, "--since"), _date(until, "--until"))

    def in_window(self, dates: set[str]) -> bool:
        if not (self.since or self.until):
            return True
        return any((not self.since or d >= self.since) and (not self.until or d <= self.until) for d in dates)


def _date(value: str | None, option: str) -> str:
    from datetime import date

    if not value:
        return ""
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError as e:
        raise InputError(f"{option} {value!r}: not a date (YYYY-MM-DD)") from e


def project(store: KgStore, options: Options | None = None) -> nx.MultiDiGraph:
    """The store as a networkx MultiDiGraph (node ids are IRIs; see kg.export.model for attributes)."""
    return project_facts(read_store(store), options or Options())


def project_facts(data: StoreFacts, options: Options) -> nx.MultiDiGraph:
    facts = [f for f in data.facts if options.in_window(f.dates)]
    edges: dict[tuple[str, str, str], Edge] = {}
    for f in facts:
        for s, t, etype, label in _fact_edges(f, options):
            _add_edge(edges, s, t, etype, label, f)
    linked = {end for s, t, _ in edges for end in (s, t)}
    nodes: dict[str, Node] = {}
    for e in data.entities.values():
        if options.people_only and e.type != "Person":
            continue
        dates = {data.doc_dates.get(d, "") for d in e.documents} - {""}
        if not (options.in_window(dates) or e.iri in linked):
            continue
        docs = sorted(d for d in e.documents if options.in_window({data.doc_dates.get(d, "")}))
        first, last = merge_dates("", "", [data.doc_dates.get(d, "") for d in docs])
        nodes[e.iri] = Node(e.iri, e.type, e.label, sorted(e.aliases), docs, first, last)
    for f in facts:
        if f.kind == "RoleHolding":
            _note_role(nodes, f, data)
        if _fact_included(f, options):
            nodes[f.iri] = _fact_node(f, data)
    for o, p in sorted(data.part_of):
        _add_edge(edges, o, p, "part_of", "part of", None)
    for e in edges.values():
        if e.type == "stated_about":
            _name_stance(e)
    _widen_entity_dates(nodes, edges.values())
    return to_networkx(list(nodes.values()), list(edges.values()))


def _fact_included(f: Fact, options: Options) -> bool:
    return {"Meeting": "meetings", "Statement": "statements", "Agreement": "agreements"}.get(f.kind) in options.include


def _fact_edges(f: Fact, options: Options) -> list[tuple[str, str, str, str]]:
    """(source, target, type, label) for each edge one fact contributes."""
    out: list[tuple[str, str, str, str]] = []
    if f.kind == "RoleHolding":
        label = f.values.get("role") or f.values.get("role_label", "role")
        for person in f.links["person"]:
            out += [(person, t, "role", label) for t in sorted(f.links["organization"] | f.links["relative_to"])]
    elif f.kind == "Meeting":
        people = sorted(f.links["participant"])
        if f.values.get("planned") != "true":
            out += [(a, b, "met_with", "met with") for a, b in combinations(people, 2)]
        if _fact_included(f, options):
            out += [(p, f.iri, "participant_of", "participant of") for p in people]
            out += [(f.iri, p, "held_in", "held in") for p in sorted(f.links["place"])]
    elif f.kind == "Statement":
        out += [(s, a, "stated_about", "stated about") for s in sorted(f.links["speaker"])
                for a in sorted(f.links["about"]) if a != s]
        if _fact_included(f, options):
            out += [(s, f.iri, "stated", f.values.get("stance") or "stated") for s in sorted(f.links["speaker"])]
            out += [(f.iri, a, "about", "about") for a in sorted(f.links["about"])]
    elif f.kind == "Agreement" and _fact_included(f, options):
        out += [(p, f.iri, "party_to", "party to") for p in sorted(f.links["party"])]
    return out


def _add_edge(edges: dict[tuple[str, str, str], Edge], s: str, t: str, etype: str, label: str, f: Fact | None) -> None:
    key = (s, t, f"{etype}:{label}" if etype == "role" else etype)
    e = edges.get(key)
    if e is None:
        e = edges[key] = Edge(s, t, etype, label, weight=0)
    if f is None:
        e.weight = 1
        return
    e.weight += 1
    e.documents += sorted(f.documents)
    e.evidence += sorted(f.evidence)
    e.first_date, e.last_date = merge_dates(e.first_date, e.last_date, sorted(f.dates))
    e.attrs["confidence"] = max(float(e.attrs.get("confidence", 0.0)), f.confidence)
    if etype == "role" and f.values.get("former") == "true":
        e.attrs["former"] = True
    if etype == "stated_about":
        for k in STANCE_COUNTS:
            e.attrs.setdefault(k, 0)
        key = "stance_" + (f.values.get("stance") or "none").replace(" ", "_")
        e.attrs[key] = e.attrs.get(key, 0) + 1  # a stance the ontology adds later gets its own count


def _name_stance(e: Edge) -> None:
    """A statement edge's `stance`: the one most reported ("mixed" on a tie, "" when none was found)."""
    counts = {k.removeprefix("stance_").replace("_", " "): n for k, n in e.attrs.items()
              if k.startswith("stance_") and k != "stance_none"}
    top = max(counts.values())
    best = [s for s, n in counts.items() if n == top]
    e.attrs["stance"] = "" if top == 0 else best[0] if len(best) == 1 else "mixed"
    e.label = e.attrs["stance"] if e.attrs["stance"] not in ("", "mixed") else "stated about"


def _note_role(nodes: dict[str, Node], f: Fact, data: StoreFacts) -> None:
    """Give the person node a readable list of its roles ("Secretary of State, United States")."""
    where = [data.entities[t].label for t in sorted(f.links["organization"] | f.links["relative_to"]) if t in data.entities]
    text = ", ".join([f.values.get("role_label", "")] + where)
    for p in f.links["person"]:
        if p in nodes and text.lower() not in {r.lower() for r in nodes[p].attrs.setdefault("roles", [])}:
            nodes[p].attrs["roles"].append(text)


def _fact_node(f: Fact, data: StoreFacts) -> Node:
    def names(key: str) -> str:
        return ", ".join(sorted(data.entities[i].label for i in f.links[key] if i in data.entities))

    first, last = merge_dates("", "", sorted(f.dates))
    attrs: dict[str, object] = {"confidence": f.confidence}
    if f.kind == "Meeting":
        label = f"{f.values.get('cue', 'meeting')}: {names('participant')}" + (f" ({first})" if first else "")
        attrs["planned"] = f.values.get("planned") == "true"
        if f.links["place"]:
            attrs["place"] = names("place")
    elif f.kind == "Statement":
        claim = f.values.get("claim", "")
        label = f"{names('speaker')}: {claim[:60]}{'…' if len(claim) > 60 else ''}"
        attrs |= {k: f.values[k] for k in ("claim", "quote", "stance") if k in f.values}
    else:
        label = f"{names('party')}: {f.values.get('topic', 'agreement')}"
        attrs["topic"] = f.values.get("topic", "")
    return Node(f.iri, f.kind, label, [], sorted(f.documents), first, last, sorted(f.evidence), attrs)


def _widen_entity_dates(nodes: dict[str, Node], edges: Iterable[Edge]) -> None:
    """An entity's first/last date also covers the dated facts it takes part in."""
    for e in edges:
        for end in (e.source, e.target):
            n = nodes.get(end)
            if n is not None and n.type not in ("Meeting", "Statement", "Agreement"):
                n.first_date, n.last_date = merge_dates(n.first_date, n.last_date, [e.first_date, e.last_date])
