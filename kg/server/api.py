"""The saved-queries API (`/api/queries`), its OpenAPI description, and the docs page.

Parameters come from each query's `#+ param:` header, are validated by type (400 otherwise) and
bound as RDF terms by kg.queries.bind, never spliced into the query text.
"""

from __future__ import annotations

import contextlib
import re
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from kg import __version__
from kg.errors import QueryError
from kg.queries import SavedQuery, bind_query
from kg.server import negotiate
from kg.server.errors import HttpError
from kg.server.prepared import answer_key, query_media
from kg.server.state import ServerState, state_of

RESERVED = ("format",)
_SCHEMAS = {"string": {"type": "string"}, "entity": {"type": "string"}, "iri": {"type": "string", "format": "uri"},
            "date": {"type": "string", "format": "date"}, "integer": {"type": "integer"},
            "decimal": {"type": "number"}, "boolean": {"type": "boolean"}}
#: What each media type's body looks like, for the OpenAPI responses (text formats are strings).
_BODIES = {"application/sparql-results+json": {"type": "object", "properties": {
               "head": {"type": "object"}, "results": {"type": "object"}, "boolean": {"type": "boolean"}}},
           "application/ld+json": {"oneOf": [{"type": "object"}, {"type": "array"}]}}


def describe(q: SavedQuery) -> dict:
    return {"name": q.name, "summary": q.summary, "description": q.description, "form": q.form,
            "url": f"/api/queries/{q.name}",
            "parameters": [{"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                            "description": p.description} for p in q.parameters]}


async def list_queries(request: Request) -> Response:
    state = state_of(request)
    return JSONResponse({"ok": True, "queries": [describe(q) for q in state.catalogue.all()]})


def _saved(state: ServerState, name: str) -> SavedQuery:
    try:
        return state.catalogue.get(name)
    except QueryError as e:
        raise HttpError(404, f"no saved query named {name[:100]!r} (GET /api/queries lists them)") from e


async def run_query(request: Request) -> Response:
    state = state_of(request)
    query = _saved(state, request.path_params["name"])
    params = parse_qs(request.url.query, keep_blank_values=True)
    values = {}
    for k, v in params.items():
        if k in RESERVED:
            continue
        if len(v) > 1:
            raise HttpError(400, f"parameter {k[:100]!r} given {len(v)} times")
        values[k] = v[0]
    bound = bind_query(query, values)  # QueryError -> 400
    accept, fmt = request.headers.get("accept"), (params.get("format") or [None])[-1]
    media = query_media(query, accept, fmt)  # 406 first
    cache = state.cache
    generation = state.store.generation  # read before the query runs: see kg.server.cache
    key = answer_key(bound, media)
    if cache.enabled and (hit := cache.get(generation, key)) is not None:
        return Response(hit[1], media_type=hit[0], headers={"Vary": "Accept", "X-KG-Cache": "hit"})

    def produce():  # worker thread
        return bound.run(state.store), media

    def keep(media: str, body: bytes) -> None:
        cache.put(generation, key, media, body)

    headers = {"Vary": "Accept", "X-KG-Cache": "miss" if cache.enabled else "off"}
    return await state.executor.stream(produce, headers=headers, keep=keep if cache.enabled else None,
                                       keep_limit=cache.max_entry)


async def status(request: Request) -> Response:
    """The store's write generation, the answer cache and the preparer's last round, for operators."""
    state = state_of(request)
    cache, done = state.cache, state.preparer.progress
    return JSONResponse({"ok": True, "generation": state.store.generation,
                         "cache": {"entries": len(cache), "bytes": cache.size, "max_bytes": cache.max_bytes,
                                   "hits": cache.hits, "misses": cache.misses},
                         "prepared": {"enabled": state.prepare and cache.enabled, "generation": done.generation,
                                      "answers": done.prepared, "skipped": done.skipped,
                                      "seconds": round(done.seconds, 3), "busy": done.busy}})


def openapi(state: ServerState) -> dict:
    """OpenAPI 3.0 for the whole HTTP interface, one path per saved query (from its header)."""
    error = {"description": "error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    paths: dict[str, dict] = {
        "/api/queries": {"get": {"summary": "List the saved queries and their typed parameters",
                                 "responses": {"200": {"description": "the catalogue"}}}},
        "/sparql": {"get": {"summary": "SPARQL 1.1 query (or the service description without ?query)",
                            "parameters": [_param("query", "string", False, "SPARQL query"),
                                           _param("default-graph-uri", "iri", False, "default graph (repeatable)"),
                                           _param("named-graph-uri", "iri", False, "named graph (repeatable)"),
                                           _param("format", "string", False, "json, xml, csv, tsv, turtle, nt, jsonld...")],
                            "responses": {"200": {"description": "SELECT/ASK results, or RDF for CONSTRUCT/DESCRIBE",
                                                  "content": _content(negotiate.RESULTS + negotiate.GRAPHS)}, "400": error,
                                          "406": error, "503": error}},
                    "post": {"summary": "SPARQL 1.1 query in the body (form or application/sparql-query)",
                             "responses": {"200": {"description": "results"}, "400": error, "413": error, "415": error}}},
        "/update": {"post": {"summary": "SPARQL 1.1 update (Bearer token; LOAD and SERVICE refused)",
                             "security": [{"bearer": []}],
                             "responses": {"204": {"description": "done"}, "401": error, "403": error}}},
        "/store": {"get": {"summary": "Graph Store Protocol: read ?graph=IRI or ?default",
                           "responses": {"200": {"description": "the graph"}, "404": error}}},
        "/api/search": {"get": {"summary": "Entities whose name or alias contains q (one row per entity)",
                                "parameters": [_param("q", "string", True, "1 to 200 characters")],
                                "responses": {"200": {"description": "the entities"}, "400": error}}},
        "/api/graph": {"get": {"summary": "One entity's neighbourhood for the graph view (vis-network shape)",
                               "parameters": [_param("iri", "iri", True, "the entity"),
                                              _param("cap", "integer", False, "neighbours drawn one by one; the "
                                                     "rest in one cluster per type (1-500)", "25")],
                               "responses": {"200": {"description": "nodes and edges"}, "400": error}}},
        "/api/projection": {"get": {"summary": "The whole graph as kg viz draws it, shaped as kg export shapes it",
                                    "parameters": [_param("since", "date", False, "facts on or after"),
                                                   _param("until", "date", False, "facts on or before"),
                                                   _param("facts", "string", False, "roles, meetings, statements, "
                                                          "agreements, contested, part-of, or all"),
                                                   _param("min_weight", "integer", False, "reports per edge", "1")],
                                    "responses": {"200": {"description": "nodes, edges, details, counts"},
                                                  "400": error}}},
        "/api/labels": {"get": {"summary": "Readable labels for IRIs (facts in words); iri repeated up to 300 times",
                                "parameters": [_param("iri", "iri", True, "an IRI (repeatable)")],
                                "responses": {"200": {"description": "IRI -> label"}, "400": error}}},
        "/api/status": {"get": {"summary": "Write generation, answer cache and prepared answers",
                                "responses": {"200": {"description": "the server's state"}}}},
        "/api/documents": {"post": {"summary": "Add a document (text/plain or JSON {text,id,title,date,source,url})",
                                    "security": [{"bearer": []}],
                                    "responses": {"201": {"description": "extracted and stored"}, "401": error}}},
    }
    for q in state.catalogue.all():
        offered = offered_media(q)
        params = [_param(p.name, p.type, p.required, p.description, p.default) for p in q.parameters]
        names = negotiate.names_for(offered)
        params.append({"name": "format", "in": "query", "required": False,
                       "description": f"{', '.join(names)} or a media type (instead of Accept); default {offered[0]}",
                       "schema": {"type": "string", "enum": names + offered}})
        what = "SPARQL results" if q.form in ("SELECT", "ASK") else "RDF"
        paths[f"/api/queries/{q.name}"] = {"get": {
            "operationId": q.name.replace("-", "_"), "summary": q.summary, "description": q.description,
            "parameters": params,
            "responses": {"200": {"description": f"{q.form} query: {what}", "content": _content(offered)}, "400": error,
                          "404": error, "406": error, "503": error}}}
    return {"openapi": "3.0.3",
            "info": {"title": "kg diplomacy knowledge graph", "version": __version__,
                     "description": "Saved SPARQL queries, a SPARQL 1.1 endpoint and Linked Data for the graph."},
            "paths": paths,
            "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
                           "schemas": {"Error": {"type": "object", "required": ["ok", "error", "status"], "properties": {
                               "ok": {"type": "boolean"}, "error": {"type": "string"}, "status": {"type": "integer"}}}}}}


def offered_media(q: SavedQuery) -> list[str]:
    """The media types a saved query answers with, its default first: SELECT/ASK results, or RDF for
    CONSTRUCT/DESCRIBE (as kg.server.prepared.query_media negotiates them)."""
    return list(negotiate.RESULTS if q.form in ("SELECT", "ASK") else negotiate.GRAPHS)


def _content(media_types: list[str]) -> dict:
    return {m: {"schema": _BODIES.get(m, {"type": "string"})} for m in media_types}


def typed_default(value: str, type_: str) -> object:
    """A parameter's default (header text) as the JSON value its schema type says: 0 not "0", false not "false".

    >>> typed_default("0.5", "decimal"), typed_default("0", "decimal"), typed_default("false", "boolean")
    (0.5, 0, False)
    """
    v = value.strip()
    if type_ == "boolean":
        if v.lower() not in ("true", "false", "1", "0"):
            raise ValueError(v)
        return v.lower() in ("true", "1")
    if type_ == "integer" or (type_ == "decimal" and re.fullmatch(r"[+-]?\d+", v)):
        return int(v)
    if type_ == "decimal":
        return float(v)
    return value


def _param(name: str, type_: str, required: bool, description: str, default: str | None = None) -> dict:
    schema = dict(_SCHEMAS[type_])
    if default not in (None, ""):
        with contextlib.suppress(ValueError):  # a default the header got wrong is left out, not mistyped
            schema["default"] = typed_default(default, type_)
    return {"name": name, "in": "query", "required": required, "description": description, "schema": schema}


async def openapi_json(request: Request) -> Response:
    return JSONResponse(openapi(state_of(request)))
