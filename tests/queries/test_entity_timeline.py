"""`entity-timeline`: one entity's facts in date order, in words (names, claims, roles), never fact ids."""

from __future__ import annotations

import re

from kg.config import Settings
from kg.queries import Catalogue, run_saved
from kg.rdf import document_ntriples, entities_ntriples
from kg.store import KgStore
from tests.export.conftest import tiny_facts


def _store() -> KgStore:
    store = KgStore(None, base_iri="http://kg.example.org/")
    for facts in tiny_facts():
        store.replace_document(facts.document.id, document_ntriples(facts, store.minter),
                               entities_ntriples(facts, store.minter))
    return store


def _timeline(store: KgStore, entity: str) -> list[dict[str, str]]:
    result = run_saved(store, Catalogue(Settings().queries_dir).get("entity-timeline"), {"entity": entity})
    assert result.shown == ["date", "kind", "what", "with", "place", "document"]
    return [{v: "" if r[v] is None else str(r[v].value) for v in result.shown} for r in result.rows()]


def test_a_persons_meetings_roles_and_statements_by_date_in_words() -> None:
    rows = _timeline(_store(), "Jean Dupont")
    assert [(r["date"], r["kind"], r["what"], r["with"], r["place"], r["document"]) for r in rows] == [
        ("2015-09-07", "meeting", "meet", "Ravi Kumar", "Geneva", "a.txt"),
        ("2015-09-10", "role", "Foreign Minister", "France", "", "a.txt"),
        ("2015-09-10", "said", "the talks were useful", "Ravi Kumar", "", "a.txt"),
        ("2015-09-30", "meeting", "meet", "Ravi Kumar", "", "b.txt"),
        # announced for "next month": no day of its own, so the article's publication date
        ("2015-10-01", "planned meeting", "meet", "Ravi Kumar", "", "b.txt"),
    ]
    for r in rows:  # nothing opaque: no IRIs, no hashed fact ids
        assert not any(re.search(r"/id/|\b[0-9a-f]{12,}\b", v) for v in r.values()), r


def test_an_alias_finds_the_same_timeline_and_a_country_lists_members_and_agreements() -> None:
    store = _store()
    assert _timeline(store, "dupont") == _timeline(store, "Jean Dupont")
    france = [(r["kind"], r["what"], r["with"]) for r in _timeline(store, "France")]
    assert ("member", "Foreign Minister", "Jean Dupont") in france
    assert ("agreement", "trade", "India") in france
    kumar = [(r["kind"], r["what"], r["with"]) for r in _timeline(store, "Ravi Kumar")]
    assert ("spoken about", "the talks were useful", "Jean Dupont") in kumar
    assert _timeline(store, "nobody of that name") == []
