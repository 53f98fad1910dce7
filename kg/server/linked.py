"""Linked Data: every IRI minted under the base (`{base}id/...`) resolves here by its path.

Browsers (Accept: text/html) get an entity page; RDF clients get Turtle, JSON-LD, N-Triples or
RDF/XML by content negotiation (or `?format=`).
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from kg.errors import InputError
from kg.rdf.namespaces import Minter, split_iri
from kg.server import describe, graphview, labels, negotiate
from kg.server.errors import HttpError
from kg.server.protocol import check_iri
from kg.server.state import state_of
from kg.server.templating import render

PAGE_TYPES = ["text/html", "text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"]


def iri_of(request: Request, minter: Minter) -> str:
    """The minted IRI a request path names (the raw, still percent-encoded path)."""
    raw = request.scope.get("raw_path", request.url.path.encode()).decode("latin-1").split("?", 1)[0]
    return minter.at_path(raw)


async def resource(request: Request) -> Response:
    state = state_of(request)
    iri = iri_of(request, state.store.minter)
    accept = request.headers.get("accept")
    media = negotiate.choose(PAGE_TYPES if _prefers_html(accept) else PAGE_TYPES[1:] + PAGE_TYPES[:1],
                             accept, request.query_params.get("format"), "graph")
    if not await state.executor.call(describe.exists, state.store, iri):
        raise HttpError(404, f"nothing is known about {iri}")
    if media != "text/html":
        data = await state.executor.call(describe.rdf_description, state.store, iri, media)
        return Response(data, media_type=media, headers={"Vary": "Accept"})
    info = await state.executor.call(describe.describe, state.store, iri)
    cap = request.query_params.get("cap", "")  # neighbours drawn one by one (the graph view's default otherwise)
    return HTMLResponse(render("entity.html", e=info, local=lambda i: local_link(i, state.store.minter), curie=curie,
                               cap=cap if cap.isdigit() else ""),
                        headers={"Vary": "Accept"})


async def graph_api(request: Request) -> Response:
    """One entity's neighbourhood for the graph view (`cap`: neighbours drawn one by one, the rest clustered)."""
    state = state_of(request)
    iri = check_iri(request.query_params.get("iri", ""), "iri")
    cap = request.query_params.get("cap", str(graphview.CAP))
    if not cap.isdigit() or not 1 <= int(cap) <= 500:
        raise HttpError(400, "cap must be a whole number from 1 to 500")
    return JSONResponse(await state.executor.call(graphview.neighbourhood, state.store, iri, int(cap)))


async def projection_api(request: Request) -> Response:
    """The whole graph as `kg viz` draws it: ?since=&until=&facts=&min_weight= shape it as `kg export` does."""
    from kg.export.options import Options

    state = state_of(request)
    q = request.query_params
    try:
        options = Options.parse(since=q.get("since"), until=q.get("until"), facts=q.get("facts"),
                                min_weight=q.get("min_weight"), keep_isolated=False)
    except InputError as e:
        raise HttpError(400, str(e).replace("--min-weight", "min_weight").replace("--", "")) from e
    key = ("projection", options)
    generation = state.store.generation
    if state.cache.enabled and (hit := state.cache.get(generation, key)) is not None:
        return Response(hit[1], media_type=hit[0], headers={"X-KG-Cache": "hit"})
    body = json.dumps(await state.executor.call(graphview.whole_graph, state.store, options),
                      ensure_ascii=False).encode()
    if state.cache.enabled:
        state.cache.put(generation, key, "application/json", body)
    return Response(body, media_type="application/json")


async def labels_api(request: Request) -> Response:
    """Readable labels for up to kg.server.labels.MAX_IRIS IRIs (`?iri=` repeated): names, facts in words."""
    state = state_of(request)
    iris = request.query_params.getlist("iri")
    if not iris or len(iris) > labels.MAX_IRIS:
        raise HttpError(400, f"give 1 to {labels.MAX_IRIS} ?iri= parameters")
    for iri in iris:
        check_iri(iri, "iri")
    return JSONResponse({"ok": True, "labels": await state.executor.call(labels.labels, state.store, iris)})


async def search_api(request: Request) -> Response:
    state = state_of(request)
    text = request.query_params.get("q", "").strip()
    if not text or len(text) > 200:
        raise HttpError(400, "give ?q= with 1 to 200 characters")
    return JSONResponse({"ok": True, "entities": await state.executor.call(describe.search, state.store, text)})


def _prefers_html(accept: str | None) -> bool:
    """HTML only for clients that name it (browsers); RDF for everyone else, Turtle first."""
    return any(m == "text/html" for m, _q in negotiate.parse_accept(accept)) if accept else False


def curie(iri: str) -> str:
    """`skos:altLabel` for an IRI under a known prefix (a local name without '/'), else the IRI."""
    prefix, local = split_iri(iri)
    return f"{prefix}:{local}" if prefix and local and "/" not in local else iri


def local_link(iri: str, minter: Minter) -> str:
    """The path on this server for a resource IRI minted under the base, else the IRI itself."""
    return minter.path_of(iri) or iri
