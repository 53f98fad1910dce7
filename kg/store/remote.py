"""A store behind HTTP: SPARQL 1.1 Query/Update endpoints and the Graph Store HTTP Protocol.

`RemoteStore` is a `GraphStore` (kg.store.protocol), as KgStore is, so `--store URL` works with
`kg build`, `kg query`, `kg export` and `kg stats`; the SPARQL both send is in kg.store.sparql.
Each document graph is written with one idempotent `PUT ?graph=IRI` (or, for endpoints without a
Graph Store, one SPARQL Update request `DROP SILENT GRAPH …; INSERT DATA …`, which servers run as
one transaction).

URL: `http(s)://[user:password@]host[:port][/path][?profile=NAME&query=…&update=…&gsp=…]`; the
profile (default oxigraph) gives the endpoint layout relative to the URL's path, and `query`,
`update`, `gsp` override it (`gsp=` with no value: write through SPARQL Update). `token`, when given
(Settings.store_token, from KG_STORE_TOKEN), is sent as a bearer token (QLever's access token, for example).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit, urlunsplit

import httpx
import pyoxigraph as ox

from kg.errors import QueryError, StoreError, first_line
from kg.rdf.namespaces import Minter
from kg.store.binding import bind_terms
from kg.store.maintenance import prune_entities_update
from kg.store.results import QueryResult
from kg.store.serialize import EXPORT_FORMATS, serialize_quads
from kg.store.sparql import (
    count_select,
    document_hashes_select,
    export_select,
    graph_exists_ask,
    join_updates,
    named_graphs_select,
    replace_document_updates,
    replace_graph_updates,
)

#: Endpoint layout per server: (query, update, graph store) relative to the URL, plus query options.
PROFILES: dict[str, tuple[str, str, str | None, dict[str, str]]] = {
    "oxigraph": ("query", "update", "store", {"union-default-graph": ""}),
    "fuseki": ("query", "update", "data", {}),
    "graphdb": ("", "statements", "rdf-graphs/service", {}),
    "virtuoso": ("sparql", "sparql-auth", "sparql-graph-crud-auth", {}),
    "qlever": ("", "", None, {}),
}
_JSON = "application/sparql-results+json"


class RemoteStore:
    """The knowledge graph in a SPARQL server; one named graph per document, as in KgStore."""

    def __init__(self, query_url: str, update_url: str, gsp_url: str | None, *, base_iri: str,
                 query_params: dict[str, str] | None = None, auth: tuple[str, str] | None = None,
                 token: str | None = None, timeout: float = 60.0) -> None:
        self.path = query_url
        self.query_url, self.update_url, self.gsp_url = query_url, update_url, gsp_url
        self.query_params = query_params or {}
        self.minter = Minter(base_iri)
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._http = httpx.Client(auth=auth, headers=headers, timeout=timeout)

    @classmethod
    def from_url(cls, url: str, *, base_iri: str, token: str | None = None) -> RemoteStore:
        parts = urlsplit(url)
        options = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        profile = options.pop("profile", "oxigraph")
        if profile not in PROFILES:
            raise StoreError(f"--store {url}: unknown profile {profile!r} (one of {', '.join(PROFILES)})")
        query, update, gsp, params = PROFILES[profile]
        auth = (parts.username or "", parts.password or "") if parts.username else None
        netloc = parts.hostname + (f":{parts.port}" if parts.port else "") if parts.hostname else parts.netloc
        base = urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", ""))

        def at(rel: str | None) -> str | None:
            if rel is None or rel.startswith(("http://", "https://")):
                return rel
            return f"{base}/{rel.lstrip('/')}" if rel else base

        gsp_url = at(options["gsp"] or None) if "gsp" in options else at(gsp)
        return cls(at(options.get("query", query)) or base, at(options.get("update", update)) or base, gsp_url,
                   base_iri=base_iri, query_params=params, auth=auth, token=token)

    # -- HTTP ------------------------------------------------------------------------------------
    def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._http.request(method, url, **kwargs)
        except httpx.HTTPError as e:
            raise StoreError(f"cannot reach SPARQL endpoint {url}: {first_line(e)}") from e
        if response.status_code >= 500 or response.status_code in (401, 403):
            raise StoreError(f"SPARQL endpoint {url} answered {response.status_code}: {_first_line_of(response.text)}")
        return response

    def _update(self, sparql: str) -> None:
        r = self._send("POST", self.update_url, data={"update": sparql})
        if r.status_code >= 400:
            raise QueryError(f"update failed ({r.status_code}): {_first_line_of(r.text)}")

    # -- documents -------------------------------------------------------------------------------
    def replace_document(self, doc_id: str, document_nt: str, entities_nt: str = "") -> None:
        """Replace the graph of `doc_id`: one idempotent PUT (or one atomic update request)."""
        graph = self.minter.graph(doc_id).value
        entities = self.minter.special_graph("entities").value
        if self.gsp_url is None:
            self._update(join_updates(replace_document_updates(graph, document_nt, entities, entities_nt)))
            return
        self._put(graph, document_nt, "PUT")
        if entities_nt:
            self._put(entities, entities_nt, "POST")

    def _put(self, graph: str, data: str, method: str, media_type: str = "application/n-triples") -> None:
        assert self.gsp_url is not None
        r = self._send(method, self.gsp_url, params={"graph": graph}, content=data.encode("utf-8"),
                       headers={"Content-Type": media_type})
        if r.status_code >= 400:
            raise StoreError(f"cannot write graph <{graph}> ({r.status_code}): {_first_line_of(r.text)}")

    def remove_document(self, doc_id: str) -> bool:
        graph = self.minter.graph(doc_id).value
        if not self.query(graph_exists_ask(graph), union=False).boolean:
            return False
        self._update(f"DROP GRAPH <{graph}>")
        self.prune_entities()
        return True

    def document_hashes(self) -> dict[str, str]:
        rows = self.query(document_hashes_select(), union=False).rows()
        return {r["id"].value: r["h"].value for r in rows if r["id"] and r["h"]}

    def document_ids(self) -> list[str]:
        rows = self.query(named_graphs_select(), union=False).rows()
        ids = (self.minter.doc_id_of_graph(r["g"].value) for r in rows if r["g"])
        return sorted(i for i in ids if i is not None)

    def prune_pending(self) -> bool:
        """Remote writes are one request per document, so no prune is left half done."""
        return False

    def prune_entities(self) -> None:
        ent = self.minter.special_graph("entities").value
        self._update(prune_entities_update(ent))

    def set_graph(self, name: str, data: str, fmt: str = "turtle") -> None:
        graph = self.minter.special_graph(name).value
        if self.gsp_url is not None:
            self._put(graph, data, "PUT", "text/turtle" if fmt == "turtle" else "application/n-triples")
            return
        nt = ox.serialize(ox.parse(data, format=EXPORT_FORMATS[fmt]), format=ox.RdfFormat.N_TRIPLES) or b""
        self._update(join_updates(replace_graph_updates(graph, nt.decode())))

    # -- SPARQL ----------------------------------------------------------------------------------
    def query(self, sparql: str, *, bindings: dict[str, Any] | None = None, union: bool = True,
              default_graphs: list[str] | None = None, named_graphs: list[str] | None = None) -> QueryResult:
        """Run a query at the endpoint, `bindings` bound as in KgStore.query (kg.store.binding)."""
        sparql = bind_terms(sparql, bindings)
        params: list[tuple[str, str]] = list(self.query_params.items()) if union and not default_graphs else []
        params += [("default-graph-uri", g) for g in default_graphs or []]
        params += [("named-graph-uri", g) for g in named_graphs or []]
        accept = f"{_JSON}, application/n-triples;q=0.9"
        r = self._send("POST", self.query_url, params=params, data={"query": sparql}, headers={"Accept": accept})
        if r.status_code >= 400:
            raise QueryError(f"query failed ({r.status_code}): {_first_line_of(r.text)}")
        media = r.headers.get("content-type", "").split(";")[0].strip()
        try:
            if media in ("application/sparql-results+json", "application/json"):
                return QueryResult(ox.parse_query_results(r.content, format=ox.QueryResultsFormat.JSON))
            fmt = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE}.get(media)
            if fmt is None:
                raise QueryError(f"the endpoint answered with {media or 'no media type'}, which kg cannot read")
            return QueryResult([ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(r.content, format=fmt)])
        except SyntaxError as e:
            raise QueryError(f"cannot read the endpoint's answer: {first_line(e)}") from e

    def update(self, sparql: str) -> None:
        self._update(sparql)

    # -- whole-store operations --------------------------------------------------------------------
    def export(self, fmt: str, *, graph: str | None = None, prefixes: dict[str, str] | None = None) -> bytes:
        """Same bytes as KgStore.export on the same data: quads fetched with SELECT, sorted, serialized."""
        target = None
        if graph is not None:
            target = self.minter.graph(graph).value
            if not self.query(graph_exists_ask(target), union=False).boolean:
                raise StoreError(f"no document {graph!r} in the store")
        rows = self.query(export_select(target), union=False)._raw
        return serialize_quads([ox.Quad(s["s"], s["p"], s["o"], s["g"]) for s in rows], fmt, prefixes)

    def count(self) -> int:
        rows = list(self.query(count_select(), union=False).rows())
        return int(rows[0]["n"].value) if rows and rows[0]["n"] else 0

    def flush(self) -> None:
        """Nothing to flush: every request is committed by the server when it answers."""

    def close(self) -> None:
        self._http.close()


def _first_line_of(text: str) -> str:
    return (text.strip().splitlines() or ["(empty answer)"])[0][:300]
