"""Parameters bound as a VALUES block in every WHERE group (kg.store.binding), on a real store."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.store.binding import bind_as_values

EX = "http://example.org/"


@pytest.fixture
def store() -> ox.Store:
    s = ox.Store()
    for name, label in (("china", "China"), ("france", "France")):
        s.add(ox.Quad(ox.NamedNode(EX + name), ox.NamedNode(EX + "label"), ox.Literal(label)))
    return s


def test_block_reaches_every_where_group_and_sub_select(store: ox.Store) -> None:
    q = (f"SELECT ?e ?n WHERE {{ ?e <{EX}label> ?l . "
         f"{{ SELECT ?e (COUNT(*) AS ?n) WHERE {{ ?e <{EX}label> ?name }} GROUP BY ?e }} }}")
    bound = bind_as_values(q, {"e": f"<{EX}china>"})
    assert bound.count("VALUES (?e)") == 2
    rows = [(r["e"].value, int(r["n"].value)) for r in store.query(bound)]
    assert rows == [(EX + "china", 1)]


def test_strings_comments_and_iris_are_not_taken_for_groups(store: ox.Store) -> None:
    q = (f'SELECT ?e WHERE {{ # a comment with WHERE {{ in it\n'
         f'  ?e <{EX}label> ?l FILTER(?l != "WHERE {{" && ?l != \'\'\'where {{\'\'\') }}')
    bound = bind_as_values(q, {"l": '"France"'})
    assert bound.count("VALUES") == 1
    assert '"WHERE {"' in bound and "with WHERE { in it\n" in bound
    assert [r["e"].value for r in store.query(bound)] == [EX + "france"]


def test_hostile_value_stays_one_literal(store: ox.Store) -> None:
    value = 'x" } ; DROP ALL ; INSERT DATA { <a> <b> <c> } # \\ \n'
    bound = bind_as_values(f"SELECT ?e WHERE {{ ?e <{EX}label> ?l }}", {"l": str(ox.Literal(value))})
    assert list(store.query(bound)) == []
    rows = list(store.query(bind_as_values("SELECT ?l WHERE { }", {"l": str(ox.Literal(value))})))
    assert [r["l"].value for r in rows] == [value]
    assert len(store) == 2


def test_query_without_where_keyword_binds_its_first_group(store: ox.Store) -> None:
    bound = bind_as_values(f"ASK {{ ?e <{EX}label> ?l }}", {"l": '"China"'})
    assert store.query(bound)
    assert not store.query(bind_as_values(f"ASK {{ ?e <{EX}label> ?l }}", {"l": '"Peru"'}))


def test_no_group_is_a_clear_error() -> None:
    with pytest.raises(QueryError, match="no WHERE group"):
        bind_as_values("DESCRIBE <http://example.org/china>", {"e": '"x"'})


def test_no_terms_leaves_the_query_as_it_is() -> None:
    assert bind_as_values("SELECT * WHERE { ?s ?p ?o }", {}) == "SELECT * WHERE { ?s ?p ?o }"
