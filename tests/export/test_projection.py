"""The property-graph projection: nodes, merged and weighted edges, attributes and options."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.errors import InputError
from kg.export.projection import STANCE_COUNTS, Options, project, project_facts
from kg.export.read import Entity, Fact, StoreFacts
from kg.store import KgStore
from tests.export.conftest import iri


def edges_of(g: nx.MultiDiGraph, etype: str) -> list[tuple[str, str, dict]]:
    return [(u, v, d) for u, v, d in g.edges(data=True) if d["type"] == etype]


def test_entities_become_typed_nodes_with_names_documents_and_dates(tiny_store: KgStore) -> None:
    g = project(tiny_store)
    dupont = g.nodes[iri(tiny_store, "person:jean dupont")]
    assert dupont["type"] == "Person" and dupont["label"] == "Jean Dupont"
    assert dupont["aliases"] == ["Dupont"]
    assert dupont["documents"] == ["a.txt", "b.txt"]
    # The earliest date is the meeting on 2015-09-07, before the article of 2015-09-10 was published.
    assert (dupont["first_date"], dupont["last_date"]) == ("2015-09-07", "2015-10-01")
    assert {d["type"] for _, d in g.nodes(data=True)} == {"Person", "Country", "Organization", "Place"}
    for n, d in g.nodes(data=True):
        assert d["degree"] == g.degree(n)


def test_held_meetings_merge_into_one_weighted_met_with_edge(tiny_store: KgStore) -> None:
    g = project(tiny_store)
    met = edges_of(g, "met_with")
    assert len(met) == 1  # two held meetings, one edge; the planned third meeting is not counted
    u, v, d = met[0]
    assert {u, v} == {iri(tiny_store, "person:jean dupont"), iri(tiny_store, "person:ravi kumar")}
    assert d["weight"] == 2
    assert (d["first_date"], d["last_date"]) == ("2015-09-07", "2015-09-30")
    assert d["documents"] == ["a.txt", "b.txt"]
    assert any("met Indian Foreign Minister Ravi Kumar in Geneva" in e for e in d["evidence"])


def test_role_and_part_of_edges(tiny_store: KgStore) -> None:
    g = project(tiny_store)
    roles = {(g.nodes[u]["label"], d["label"], g.nodes[v]["label"]) for u, v, d in edges_of(g, "role")}
    assert roles == {("Jean Dupont", "foreign minister", "France"), ("Ravi Kumar", "foreign minister", "India")}
    part = [(g.nodes[u]["label"], g.nodes[v]["label"]) for u, v, _ in edges_of(g, "part_of")]
    assert part == [("Foreign Ministry (France)", "France")]  # once, though both documents state it
    assert g.nodes[iri(tiny_store, "person:jean dupont")]["roles"] == ["Foreign Minister, France"]


def test_include_adds_fact_nodes_and_their_edges(tiny_store: KgStore) -> None:
    g = project(tiny_store, Options.parse(include="meetings,statements,agreements"))
    kinds = [d["type"] for _, d in g.nodes(data=True)]
    assert kinds.count("Meeting") == 3 and kinds.count("Statement") == 1 and kinds.count("Agreement") == 1
    planned = [d for _, d in g.nodes(data=True) if d["type"] == "Meeting" and d["planned"]]
    assert len(planned) == 1
    stated = edges_of(g, "stated")
    assert len(stated) == 1 and stated[0][2]["label"] == "agrees"
    statement = g.nodes[stated[0][1]]
    assert statement["claim"] == "the talks were useful" and statement["quote"] == "useful"
    assert statement["evidence"] == ['Dupont said the talks were "useful".']
    about = edges_of(g, "about")
    assert [(g.nodes[v]["label"]) for _, v, _ in about] == ["Ravi Kumar"]
    assert len(edges_of(g, "participant_of")) == 6 and len(edges_of(g, "party_to")) == 2
    assert [g.nodes[v]["label"] for _, v, _ in edges_of(g, "held_in")] == ["Geneva"]
    assert len(project(tiny_store, Options.parse(include="meetings"))) == len(g) - 2


def test_people_only_keeps_persons_and_the_edges_between_them(tiny_store: KgStore) -> None:
    g = project(tiny_store, Options.parse(people_only=True))
    assert {d["label"] for _, d in g.nodes(data=True)} == {"Jean Dupont", "Ravi Kumar"}
    assert sorted(d["type"] for *_, d in g.edges(data=True)) == ["met_with", "stated_about"]


def test_since_until_keep_facts_in_the_window(tiny_store: KgStore) -> None:
    g = project(tiny_store, Options.parse(since="2015-09-20"))
    (_, _, met), = edges_of(g, "met_with")
    assert met["weight"] == 1 and met["first_date"] == "2015-09-30"
    assert edges_of(g, "role") == []  # the roles were published on 2015-09-10
    assert "Geneva" not in {d["label"] for _, d in g.nodes(data=True)}
    g = project(tiny_store, Options.parse(until="2015-09-08"))
    (_, _, met), = edges_of(g, "met_with")
    assert met["weight"] == 1 and met["last_date"] == "2015-09-07"


def test_a_statement_is_an_edge_from_its_speaker_to_what_it_is_about(tiny_store: KgStore) -> None:
    g = project(tiny_store)  # by default: no Statement nodes, but the speaker -> subject edge
    assert "Statement" not in {d["type"] for _, d in g.nodes(data=True)}
    (u, v, d), = edges_of(g, "stated_about")
    assert (u, v) == (iri(tiny_store, "person:jean dupont"), iri(tiny_store, "person:ravi kumar"))
    assert d["weight"] == 1 and d["stance"] == "agrees" and d["label"] == "agrees"
    assert d["stance_agrees"] == 1 and sum(d[k] for k in STANCE_COUNTS) == 1
    assert d["documents"] == ["a.txt"] and d["evidence"] == ['Dupont said the talks were "useful".']
    g = project(tiny_store, Options.parse(include="statements"))  # the fact-node edges stay as they were
    assert len(edges_of(g, "stated")) == 1 and len(edges_of(g, "about")) == 1 and len(edges_of(g, "stated_about")) == 1


def _statement(n: int, doc: str, stance: str, about: set[str]) -> Fact:
    f = Fact(f"s{n}", "Statement", {doc}, {"2015-09-0" + str(n)}, {f"sentence {n}"}, 0.5 + n / 10)
    f.links["speaker"] = {"kerry"}
    f.links["about"] = about
    f.values |= {"claim": f"claim {n}"} | ({"stance": stance} if stance else {})
    return f


def test_statement_edges_count_reports_per_stance() -> None:
    entities = {k: Entity(k, t, k.title()) for k, t in (("kerry", "Person"), ("china", "Country"), ("iran", "Country"))}
    facts = [_statement(1, "a", "accuses", {"china", "kerry"}), _statement(2, "b", "accuses", {"china"}),
             _statement(3, "b", "warns", {"china", "iran"}), _statement(4, "c", "", {"china"})]
    g = project_facts(StoreFacts(entities, facts, set(), {}), Options())
    edges = {v: d for _, v, d in edges_of(g, "stated_about")}
    assert set(edges) == {"china", "iran"}  # a speaker speaking about themself is no edge
    china = edges["china"]
    assert china["weight"] == 4 and china["stance"] == "accuses" and china["label"] == "accuses"
    assert (china["stance_accuses"], china["stance_warns"], china["stance_none"], china["stance_agrees"]) == (2, 1, 1, 0)
    assert china["documents"] == ["a", "b", "c"] and len(china["evidence"]) == 4
    assert (china["first_date"], china["last_date"]) == ("2015-09-01", "2015-09-04")
    assert china["confidence"] == 0.9
    assert (edges["iran"]["weight"], edges["iran"]["stance"]) == (1, "warns")
    facts.append(_statement(5, "d", "warns", {"china"}))  # two accusations, two warnings: no one stance
    china = next(d for _, v, d in edges_of(project_facts(StoreFacts(entities, facts, set(), {}), Options()),
                                           "stated_about") if v == "china")
    assert china["stance"] == "mixed" and china["label"] == "stated about"
    facts = [_statement(4, "c", "", {"china"})]
    (_, _, d), = edges_of(project_facts(StoreFacts(entities, facts, set(), {}), Options()), "stated_about")
    assert d["stance"] == "" and d["label"] == "stated about"


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"include": "meetings,votes"}, "--include votes"),
    ({"since": "last week"}, "--since 'last week': not a date"),
    ({"until": "2015-13-01"}, "--until"),
    ({"facts": "roles,votes"}, "--facts votes: choose from roles,meetings"),
    ({"min_weight": "0"}, "--min-weight '0'"),
    ({"min_weight": "many"}, "--min-weight 'many'"),
    ({"since": "2015-10-01", "until": "2015-09-01"}, "--since 2015-10-01 is after --until 2015-09-01"),
])
def test_bad_options_are_input_errors(kwargs: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        Options.parse(**kwargs)


def test_seed_projection_has_no_duplicates_from_the_union_graph(seed_kgstore: KgStore, seed_graph: nx.MultiDiGraph) -> None:
    labels = [d["label"] for _, d in seed_graph.nodes(data=True) if d["type"] == "Person"]
    assert len(labels) == len(set(labels))
    n_people = next(iter(seed_kgstore.query(
        "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <https://w3id.org/kg-diplomacy/ontology#Person> "
        # a person linked to another by kg.link (owl:sameAs) is one node with it
        "FILTER NOT EXISTS { ?p <http://www.w3.org/2002/07/owl#sameAs> ?q . "
        "?q a <https://w3id.org/kg-diplomacy/ontology#Person> } }").rows()))
    assert len(labels) == int(n_people["n"].value)
    edges = [(u, v, k) for u, v, k in seed_graph.edges(keys=True)]
    assert len(edges) == len(set(edges))
    kerry = next(n for n, d in seed_graph.nodes(data=True) if d["label"] == "John Kerry")
    assert any(seed_graph.nodes[v]["label"] == "United States" and d["label"].lower() == "secretary of state"
               for _, v, d in seed_graph.out_edges(kerry, data=True) if d["type"] == "role")
    assert any({seed_graph.nodes[u]["label"], seed_graph.nodes[v]["label"]} == {"John Kerry", "Meng Jianzhu"}
               for u, v, _ in edges_of(seed_graph, "met_with"))
    said = edges_of(seed_graph, "stated_about")
    assert said and all(d["weight"] == sum(d[k] for k in STANCE_COUNTS) for *_, d in said)


def test_facts_choose_the_kinds_of_edges(tiny_store: KgStore) -> None:
    only_roles = project(tiny_store, Options.parse(facts="roles"))
    assert {d["type"] for *_, d in only_roles.edges(data=True)} == {"role"}
    everything = project(tiny_store, Options.parse(facts="all"))
    (u, v, agreed), = edges_of(everything, "agreed_with")
    assert {everything.nodes[u]["label"], everything.nodes[v]["label"]} == {"France", "India"}
    assert agreed["weight"] == 1 and agreed["topics"] == ["trade"] and agreed["documents"] == ["b.txt"]
    assert agreed["evidence"] == ["France and India agreed on trade."]
    # Edge types are accepted as kinds too; the default has no agreement edges.
    assert Options.parse(facts="met_with, stated_about").facts == {"meetings", "statements"}
    assert edges_of(project(tiny_store), "agreed_with") == []


def test_met_with_edges_count_meetings_places_and_cues(tiny_store: KgStore) -> None:
    (_, _, met), = edges_of(project(tiny_store), "met_with")
    assert met["weight"] == 2 and met["meetings"] == 2  # two reports of two different days
    assert met["places"] == ["Geneva"] and met["cues"] == ["meet"]


def test_reports_of_one_day_are_one_meeting() -> None:
    entities = {k: Entity(k, "Person", k.title()) for k in ("a", "b")}
    facts = []
    for n, (doc, day) in enumerate((("d1", "2015-09-07"), ("d2", "2015-09-07"), ("d3", "2015-09-20"))):
        f = Fact(f"m{n}", "Meeting", {doc}, {day}, {f"sentence {n}"}, 0.8)
        f.links["participant"] = {"a", "b"}
        f.values |= {"cue": "talks" if n else "meet", "planned": "false"}
        facts.append(f)
    (_, _, met), = edges_of(project_facts(StoreFacts(entities, facts, set(), {}), Options()), "met_with")
    assert (met["weight"], met["meetings"], met["cues"]) == (3, 2, ["meet", "talks"])
    assert met["documents"] == ["d1", "d2", "d3"] and len(met["evidence"]) == 3


def test_contested_claims_link_the_two_speakers() -> None:
    entities = {k: Entity(k, t, k.title()) for k, t in (("kerry", "Person"), ("hua", "Person"), ("china", "Country"))}
    accuse = _statement(1, "a", "accuses", {"china"})
    deny = _statement(2, "b", "denies", {"china"})
    deny.links["speaker"] = {"hua"}
    warn = _statement(3, "c", "warns", {"china"})
    data = StoreFacts(entities, [accuse, deny, warn], set(), {})
    g = project_facts(data, Options.parse(facts="contested"))
    (u, v, d), = edges_of(g, "contests")
    assert {u, v} == {"kerry", "hua"} and d["label"] == "contests"
    assert d["weight"] == 2 and d["pairs"] == 1 and d["subjects"] == ["China"]
    assert d["documents"] == ["a", "b"] and (d["first_date"], d["last_date"]) == ("2015-09-01", "2015-09-02")
    assert [t for *_, t in g.edges(data="type")] == ["contests"]  # warns opposes nothing; no other kind asked for
    assert edges_of(project_facts(data, Options()), "contests") == []  # not in the default


def test_min_weight_keeps_edges_reported_often_enough(tiny_store: KgStore) -> None:
    g = project(tiny_store, Options.parse(min_weight="2"))
    # Two meetings; the ministry is named in both documents; roles and the statement are reported once.
    assert sorted(d["type"] for *_, d in g.edges(data=True)) == ["met_with", "part_of"]
    assert len(g) == len(project(tiny_store))  # file exports keep the nodes left without edges
    g = project(tiny_store, Options.parse(min_weight=2, keep_isolated=False))
    assert sorted(d["label"] for _, d in g.nodes(data=True)) == ["Foreign Ministry (France)", "France", "Jean Dupont",
                                                                  "Ravi Kumar"]


def test_isolated_nodes_are_kept_or_dropped(tiny_store: KgStore) -> None:
    kept = project(tiny_store, Options.parse(facts="meetings"))
    assert "Geneva" in {d["label"] for _, d in kept.nodes(data=True)}
    dropped = project(tiny_store, Options.parse(facts="meetings", keep_isolated=False))
    assert {d["label"] for _, d in dropped.nodes(data=True)} == {"Jean Dupont", "Ravi Kumar"}
    assert all(d["degree"] > 0 for _, d in dropped.nodes(data=True))


def test_every_edge_carries_documents_weight_and_dates(tiny_store: KgStore) -> None:
    g = project(tiny_store, Options.parse(facts="all"))
    for _, _, d in g.edges(data=True):
        assert d["weight"] >= 1 and d["documents"] and d["first_date"], d
    (_, _, part), = edges_of(g, "part_of")
    assert part["documents"] == ["a.txt", "b.txt"] and part["weight"] == 2  # the documents naming the ministry


def test_a_fact_spanning_days_counts_when_its_span_overlaps_the_window() -> None:
    options = Options.parse(since="2015-09-10", until="2015-09-20")
    assert options.in_window({"2015-09-01", "2015-09-30"})
    assert not options.in_window({"2015-09-01", "2015-09-09"}) and not options.in_window(set())
    assert Options().in_window(set())


def test_graph_stats_count_nodes_edges_and_the_connected_share(tiny_store: KgStore) -> None:
    from kg.export.stats import graph_stats

    stats = graph_stats(project(tiny_store, Options.parse(facts="meetings")))
    assert (stats.nodes, stats.edges, stats.edge_types, stats.connected) == (6, 1, {"met_with": 1}, 2)
    assert stats.largest == 2 and stats.components == 5 and round(stats.connected_share, 2) == 0.33
    assert stats.line().startswith("6 nodes, 1 edges (1 met_with); 2 of 6 nodes (33%) have an edge")
