"""The property graph of the store: entities as nodes; roles, meetings, statements, agreements as edges.

Entity-to-entity edges, one per kind of fact chosen with `Options.facts`: `role` (person ->
organization, or -> the person a role is held for, labelled with the role), `met_with` (between
participants of held meetings: `meetings` counts the occasions, with `places` and `cues`),
`stated_about` (speaker -> each entity a statement is about, with the stance most reported and one
count per stance), `agreed_with` (between the parties of an agreement, with its `topics`),
`contests` (between two speakers whose statements about the same subject take stances the ontology
declares opposed, with the `subjects`), and `part_of` (organization -> organization or country).
Every one carries `weight` (the number of reports behind it), `documents`, `evidence` and
`first_date`/`last_date`. With `Options.include`: Meeting nodes and `participant_of` / `held_in`
edges, Statement nodes and `stated` / `about` edges, Agreement nodes and `party_to` edges.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

import networkx as nx

from kg.export.model import Edge, Node, merge_dates, to_networkx
from kg.export.options import DEFAULT_FACTS, FACT_EDGES, INCLUDES, Options
from kg.export.read import STANCE_WORDS, Fact, StoreFacts, read_store
from kg.store import GraphStore

__all__ = ["DEFAULT_FACTS", "FACT_EDGES", "INCLUDES", "STANCE_COUNTS", "Options", "project", "project_facts"]

#: The per-stance counts of a `stated_about` edge: `stance_agrees`, ..., and `stance_none` (no stance found).
STANCE_COUNTS = tuple("stance_" + w.replace(" ", "_") for w in (*sorted(STANCE_WORDS.values()), "none"))
#: Edges that link two entities (filtered by `min_weight`); the others link an entity to a fact node.
ENTITY_EDGES = frozenset(FACT_EDGES.values())
_EdgeKey = tuple[str, str, str]


def project(store: GraphStore, options: Options | None = None) -> nx.MultiDiGraph:
    """The store as a networkx MultiDiGraph (node ids are IRIs; see kg.export.model for attributes)."""
    return project_facts(read_store(store), options or Options())


def project_facts(data: StoreFacts, options: Options) -> nx.MultiDiGraph:
    """The projection of facts already read (kg.export.read), shaped by `options`."""
    facts = [f for f in data.facts if options.in_window(f.dates)]
    edges: dict[_EdgeKey, Edge] = {}
    behind: dict[_EdgeKey, list[Fact]] = defaultdict(list)  # the facts of each edge, for its summary attributes
    for f in facts:
        for s, t, etype, label in _fact_edges(f, options):
            behind[_add_edge(edges, s, t, etype, label, f)].append(f)
    if "contested" in options.facts:
        _add_contests(edges, behind, facts, data)
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
    if "part-of" in options.facts:
        for o, p in sorted(data.part_of):
            _add_part_of(edges, o, p, nodes)
    names = {iri: e.label for iri, e in data.entities.items()}
    for key, e in edges.items():
        _summarise(e, behind.get(key, []), names)
    kept = [e for e in edges.values() if e.type not in ENTITY_EDGES or e.weight >= options.min_weight]
    _widen_entity_dates(nodes, kept)
    graph = to_networkx(list(nodes.values()), kept)
    if not options.keep_isolated:
        graph.remove_nodes_from([n for n, d in graph.degree() if d == 0])
    return graph


def _fact_included(f: Fact, options: Options) -> bool:
    return {"Meeting": "meetings", "Statement": "statements", "Agreement": "agreements"}.get(f.kind) in options.include


def _fact_edges(f: Fact, options: Options) -> list[tuple[str, str, str, str]]:
    """(source, target, type, label) for each edge one fact contributes."""
    out: list[tuple[str, str, str, str]] = []
    kinds = options.facts
    if f.kind == "RoleHolding" and "roles" in kinds:
        label = f.values.get("role") or f.values.get("role_label", "role")
        for person in f.links["person"]:
            out += [(person, t, "role", label) for t in sorted(f.links["organization"] | f.links["relative_to"])]
    elif f.kind == "Meeting":
        people = sorted(f.links["participant"])
        if f.values.get("planned") != "true" and "meetings" in kinds:
            out += [(a, b, "met_with", "met with") for a, b in combinations(people, 2)]
        if _fact_included(f, options):
            out += [(p, f.iri, "participant_of", "participant of") for p in people]
            out += [(f.iri, p, "held_in", "held in") for p in sorted(f.links["place"])]
    elif f.kind == "Statement":
        if "statements" in kinds:
            out += [(s, a, "stated_about", "stated about") for s in sorted(f.links["speaker"])
                    for a in sorted(f.links["about"]) if a != s]
        if _fact_included(f, options):
            out += [(s, f.iri, "stated", f.values.get("stance") or "stated") for s in sorted(f.links["speaker"])]
            out += [(f.iri, a, "about", "about") for a in sorted(f.links["about"])]
    elif f.kind == "Agreement":
        if "agreements" in kinds:
            out += [(a, b, "agreed_with", "agreed with") for a, b in combinations(sorted(f.links["party"]), 2)]
        if _fact_included(f, options):
            out += [(p, f.iri, "party_to", "party to") for p in sorted(f.links["party"])]
    return out


def _add_edge(edges: dict[_EdgeKey, Edge], s: str, t: str, etype: str, label: str, f: Fact) -> _EdgeKey:
    """Count one report `f` on the edge (s, t, etype), creating it on the first; returns its key."""
    key = (s, t, f"{etype}:{label}" if etype == "role" else etype)
    e = edges.get(key)
    if e is None:
        e = edges[key] = Edge(s, t, etype, label, weight=0)
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
        stance = "stance_" + (f.values.get("stance") or "none").replace(" ", "_")
        e.attrs[stance] = e.attrs.get(stance, 0) + 1  # a stance the ontology adds later gets its own count
    return key


def _add_contests(edges: dict[_EdgeKey, Edge], behind: dict[_EdgeKey, list[Fact]], facts: list[Fact],
                  data: StoreFacts) -> None:
    """A `contests` edge between two speakers whose statements about one subject take opposed stances."""
    about: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.kind == "Statement" and f.values.get("stance"):
            for x in f.links["about"]:
                about[x].append(f)
    for x, said in sorted(about.items()):
        for f1, f2 in combinations(said, 2):
            if (f1.values["stance"], f2.values["stance"]) not in data.opposed:
                continue
            for a in f1.links["speaker"] - {x}:
                for b in f2.links["speaker"] - {x, a}:
                    s, t = sorted((a, b))
                    key = (s, t, "contests")
                    for f in (f1, f2):
                        if not any(g is f for g in behind[key]):
                            _add_edge(edges, s, t, "contests", "contests", f)
                            behind[key].append(f)
                    pairs = edges[key].attrs.setdefault("_subjects", [])
                    pairs.append(x)


def _add_part_of(edges: dict[_EdgeKey, Edge], part: str, whole: str, nodes: dict[str, Node]) -> None:
    """`part_of` comes from the entity's name, not a sentence: its reports are the documents naming the part."""
    docs = nodes[part].documents if part in nodes else []
    e = edges[(part, whole, "part_of")] = Edge(part, whole, "part_of", "part of", weight=max(1, len(docs)))
    e.documents = list(docs)
    if part in nodes:
        e.first_date, e.last_date = nodes[part].first_date, nodes[part].last_date


def _summarise(e: Edge, facts: list[Fact], names: dict[str, str]) -> None:
    """The attributes an edge's facts give it as a whole: stance, meeting count, places, topics, subjects."""
    if e.type == "stated_about":
        _name_stance(e)
    elif e.type == "met_with":
        spans = {(min(f.dates), max(f.dates)) for f in facts if f.dates}
        e.attrs["meetings"] = len(spans) or 1  # reports of the same day(s) are one meeting; undated ones, one
        e.attrs["places"] = sorted({names.get(p, p) for f in facts for p in f.links["place"]})
        e.attrs["cues"] = sorted({f.values["cue"] for f in facts if f.values.get("cue")})
    elif e.type == "agreed_with":
        e.attrs["topics"] = sorted({f.values["topic"] for f in facts if f.values.get("topic")})
    elif e.type == "contests":
        subjects = e.attrs.pop("_subjects", [])
        e.attrs["pairs"] = len(subjects)
        e.attrs["subjects"] = sorted({names.get(x, x) for x in subjects})


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
