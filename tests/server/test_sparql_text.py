"""The small SPARQL lexer that guards the server: LOAD/SERVICE detection, FROM, USING insertion."""

from __future__ import annotations

import pytest

from kg.server import sparql_text


@pytest.mark.parametrize(("text", "word"), [
    ("LOAD <http://x/>", "LOAD"),
    ("select * { service <http://x/> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * {\n  SeRvIcE SILENT <http://x/> {} }", "SERVICE"),
    ("SELECT * { FILTER(?a<?b) SERVICE<http://x/>{} }", "SERVICE"),
    ('SELECT * { ?s ?p "SERVICE" } # LOAD', None),
    ("SELECT * { ?s <http://x/SERVICE#LOAD> ?o }", None),
    ("SELECT * { ?s ex:SERVICE ?o . ?load ?p ?o }", None),
    ("SELECT * { ?s ?p '''multi\nLOAD\nline''' }", None),
])
def test_forbidden(text: str, word: str | None) -> None:
    assert sparql_text.forbidden(text) == word


def test_dataset_clause_only_at_top_level() -> None:
    assert sparql_text.has_dataset_clause("SELECT * FROM <http://g/> { ?s ?p ?o }")
    assert not sparql_text.has_dataset_clause('SELECT * { ?s ?p "FROM" }')


def test_add_using_before_each_top_level_where() -> None:
    update = ("INSERT { GRAPH <http://o/> { ?s a ?t } } WHERE { ?s a ?t { SELECT ?x WHERE { ?x ?y ?z } } } ;\n"
              "DELETE WHERE { ?a ?b ?c }")
    out = sparql_text.add_using(update, ["http://g/"], ["http://n/"])
    assert out.count("USING <http://g/> USING NAMED <http://n/> WHERE") == 1
    assert "SELECT ?x WHERE" in out and "DELETE WHERE" in out
    assert sparql_text.has_using_or_with("WITH <http://g/> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")


@pytest.mark.parametrize(("query", "form"), [
    ("SELECT * { ?s ?p ?o }", "results"),
    ("PREFIX ex: <http://example.org/select#> BASE <http://x/> ask { ?s ?p ?o }", "results"),
    ("# CONSTRUCT in a comment\nDESCRIBE <http://example.org/a>", "graph"),
    ("PREFIX construct: <http://example.org/> CONSTRUCT WHERE { ?s construct:p ?o }", "graph"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }", "graph"),
    ("INSERT DATA { <a> <b> <c> }", None),
    ("", None),
])
def test_query_form_is_read_before_the_query_runs(query: str, form: str | None) -> None:
    assert sparql_text.query_form(query) == form


def test_binding_the_guard_and_the_catalogue_read_the_same_tokens() -> None:
    """A `WHERE {`, SERVICE or `#` inside a string is text for all three readers of kg.store.lexer."""
    from kg.queries import SavedQuery
    from kg.store.binding import bind_as_values

    query = 'SELECT ?x WHERE { ?x ?p "SERVICE WHERE { #" } # LOAD WHERE {\n'
    assert sparql_text.forbidden(query) is None
    assert bind_as_values(query, {"x": "<http://x/>"}).count("VALUES") == 1
    assert SavedQuery("q", query, "s").text == 'SELECT ?x WHERE { ?x ?p "SERVICE WHERE { #" }\n'
    ask = "PREFIX ex: <http://x/> # SELECT\nASK { ?s ex:p ?o }"
    assert SavedQuery("q", ask, "s").form == "ASK" and sparql_text.query_form(ask) == "results"
