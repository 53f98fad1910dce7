"""SPARQL 1.1 Graph Store HTTP Protocol at /store: `?graph=IRI` or `?default` (indirect), or
/store/PATH naming the graph by its own URL (direct). GET/HEAD read; PUT, POST, DELETE need the token.

`?default` is the store's real default graph, which `kg build` leaves empty (facts live in named graphs).
"""

from __future__ import annotations

import uuid
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import Response

from kg.server import negotiate
from kg.server.errors import HttpError
from kg.server.protocol import check_iri
from kg.server.state import media_type, read_body, state_of
from kg.store.graphstore import UPLOAD_FORMATS

TRIPLE_TYPES = ["text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"]


async def graph_store(request: Request) -> Response:
    state = state_of(request)
    graph, created_iri = _target(request)
    if request.method in ("GET", "HEAD"):
        media = negotiate.choose(TRIPLE_TYPES, request.headers.get("accept"), request.query_params.get("format"), "graph")
        if created_iri or not await state.executor.call(state.store.graph_exists, graph):
            raise HttpError(404, f"no graph {graph!r} in the store")
        data = await state.executor.call(state.store.read_graph, graph, media)
        return Response(data, media_type=media, headers={"Vary": "Accept"})
    state.require_token(request)
    if request.method == "DELETE":
        if created_iri or not await state.executor.call(state.store.drop_graph, graph):
            raise HttpError(404, f"no graph {graph!r} in the store")
        return Response(status_code=204)
    media, _charset = media_type(request)
    if media not in UPLOAD_FORMATS:
        raise HttpError(415, f"send the graph as one of: {', '.join(sorted(UPLOAD_FORMATS))}")
    body = await read_body(request, state.max_body)
    created = await state.executor.call(
        lambda: state.store.write_graph(graph, body, media, replace=request.method == "PUT"))
    if created_iri:
        return Response(status_code=201, headers={"Location": created_iri})
    return Response(status_code=201 if created else 204)


def _target(request: Request) -> tuple[str | None, str | None]:
    """(graph IRI or None for the default graph, the IRI of a graph a POST creates)."""
    if request.path_params.get("path"):
        if request.url.query:
            raise HttpError(400, "a graph named by its URL takes no ?graph= or ?default")
        return str(request.url.replace(query="", fragment="")), None
    params = parse_qs(request.url.query, keep_blank_values=True)
    graphs, default = params.get("graph", []), "default" in params
    if len(graphs) > 1 or (graphs and default):
        raise HttpError(400, "give exactly one of ?graph=IRI or ?default")
    if graphs:
        return check_iri(graphs[0], "graph"), None
    if default:
        return None, None
    if request.method == "POST":
        iri = f"{str(request.url.replace(query='', fragment='')).rstrip('/')}/{uuid.uuid4().hex}"
        return iri, iri
    raise HttpError(400, "name the graph with ?graph=IRI or ?default")
