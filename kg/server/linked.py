"""Linked Data: every IRI minted under the base (`{base}id/...`) resolves here by its path.

Browsers (Accept: text/html) get an entity page; RDF clients get Turtle, JSON-LD, N-Triples or
RDF/XML by content negotiation (or `?format=`).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from kg.server import describe, negotiate
from kg.server.errors import HttpError
from kg.server.protocol import check_iri
from kg.server.state import state_of
from kg.server.templating import render

PAGE_TYPES = ["text/html", "text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"]


def iri_of(request: Request, base: str) -> str:
    """The minted IRI a request path names (the raw, still percent-encoded path)."""
    raw = request.scope.get("raw_path", request.url.path.encode()).decode("latin-1").split("?", 1)[0]
    return base + raw.lstrip("/")


async def resource(request: Request) -> Response:
    state = state_of(request)
    iri = iri_of(request, state.base)
    accept = request.headers.get("accept")
    media = negotiate.choose(PAGE_TYPES if _prefers_html(accept) else PAGE_TYPES[1:] + PAGE_TYPES[:1],
                             accept, request.query_params.get("format"), "graph")
    if not await state.executor.call(describe.exists, state.store, iri):
        raise HttpError(404, f"nothing is known about {iri}")
    if media != "text/html":
        data = await state.executor.call(describe.rdf_description, state.store, iri, media)
        return Response(data, media_type=media, headers={"Vary": "Accept"})
    info = await state.executor.call(describe.describe, state.store, iri)
    return HTMLResponse(render("entity.html", e=info, local=lambda i: local_link(i, state.base)), headers={"Vary": "Accept"})


async def graph_api(request: Request) -> Response:
    state = state_of(request)
    iri = check_iri(request.query_params.get("iri", ""), "iri")
    return JSONResponse(await state.executor.call(describe.neighbourhood, state.store, iri))


async def search_api(request: Request) -> Response:
    state = state_of(request)
    text = request.query_params.get("q", "").strip()
    if not text or len(text) > 200:
        raise HttpError(400, "give ?q= with 1 to 200 characters")
    return JSONResponse({"ok": True, "entities": await state.executor.call(describe.search, state.store, text)})


def _prefers_html(accept: str | None) -> bool:
    """HTML only for clients that name it (browsers); RDF for everyone else, Turtle first."""
    return any(m == "text/html" for m, _q in negotiate.parse_accept(accept)) if accept else False


def local_link(iri: str, base: str) -> str:
    """The path on this server for an IRI minted under the base, else the IRI itself."""
    if iri.startswith(base + "id/"):
        return "/" + iri[len(base):].split("#", 1)[0]
    return iri
