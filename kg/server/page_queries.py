"""The queries behind the server's own pages: hidden saved queries (queries/page-*.rq) shipped with kg.

The entity page (kg.server.describe), the graph view (kg.server.graphview) and the labels in words
(kg.server.labels) run them by name, each IRI or text bound as an RDF term (never spliced into the text).
"""

from __future__ import annotations

from kg import resources
from kg.queries import BoundQuery, Catalogue, with_prefixes
from kg.rdf.terms import IRI, Literal
from kg.store import GraphStore, QueryResult

#: Shipped with kg, so a server whose own saved queries are elsewhere (KG_QUERIES) still draws its pages.
PAGES = Catalogue(resources.queries_dir())


def run_page_query(store: GraphStore, name: str, **terms: IRI | Literal) -> QueryResult:
    """The page query `name` with `terms` bound: trusted terms (an IRI of a request path, a search
    text), so they are bound as given rather than validated as a caller's parameters would be."""
    query = PAGES.get(name)
    return BoundQuery(query, with_prefixes(query.sparql), terms).run(store)


def page_rows(store: GraphStore, name: str, iri: str) -> list[dict[str, str]]:
    """The rows of the page query `name` for the IRI `iri` (bound as `?e`), each value as a plain string."""
    result = run_page_query(store, name, e=IRI(iri))
    return [{k: (v.value if v is not None else "") for k, v in row.items()} for row in result.rows()]
