"""HTML pages: the query UI at /, the whole-graph view at /graph, an entity's timeline at /timeline,
the API docs at /docs; and the icon and the graph scripts they load."""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from kg.errors import QueryError
from kg.queries import run_saved
from kg.server.api import describe as describe_query
from kg.server.errors import HttpError
from kg.server.favicon import favicon_ico
from kg.server.linked import local_link
from kg.server.page_queries import PAGES
from kg.server.state import ServerState, state_of
from kg.server.templating import render

TIMELINE_QUERY = "entity-timeline"
_ASSET_TYPES = {"js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8"}


async def index(request: Request) -> Response:
    """The query page. People see each saved query's summary, its parameters and its SPARQL without the
    file's header and comments (notes for whoever edits the file, shown on /docs)."""
    state = state_of(request)
    queries = [{"name": q.name, "summary": q.summary, "form": q.form, "url": f"/api/queries/{q.name}",
                "parameters": describe_query(q)["parameters"], "sparql": q.text} for q in state.catalogue.all()]
    return HTMLResponse(render("index.html", queries=queries, queries_json=json.dumps(queries).replace("</", "<\\/"),
                               base=state.base, writable=bool(state.update_token)))


async def graph(request: Request) -> Response:
    """The whole graph, drawn by the explorer `kg viz` uses; the data comes from /api/projection."""
    return HTMLResponse(render("graph.html", query=str(request.url.query)))


async def timeline(request: Request) -> Response:
    """One entity's meetings, statements and roles by date (the saved query entity-timeline), in words."""
    state = state_of(request)
    entity = request.query_params.get("entity", "").strip()
    rows: list[dict[str, str]] = []
    name = ""
    if entity:
        if len(entity) > 500:
            raise HttpError(400, "entity: at most 500 characters")
        try:
            query = state.catalogue.get(TIMELINE_QUERY)
        except QueryError as e:
            raise HttpError(404, f"the saved query {TIMELINE_QUERY} is missing from the queries folder") from e

        def run() -> list[dict[str, str]]:
            result = run_saved(state.store, query, {"entity": entity})
            return [{v: "" if r[v] is None else r[v].value for v in result.shown} for r in result.rows()]

        try:
            rows = await state.executor.call(run)
        except QueryError as e:
            raise HttpError(400, str(e)) from e
        name = await state.executor.call(_name_of, state, entity)
    days: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        days.setdefault(r.get("date", ""), []).append(r)
    return HTMLResponse(render("timeline.html", entity=entity, entity_name=name, days=days, count=len(rows),
                               local=lambda i: local_link(i, state.store.minter)))


def _name_of(state: ServerState, entity: str) -> str:
    """The entity's preferred name, found as entity-timeline finds it (name, alias or IRI)."""
    rows = list(run_saved(state.store, PAGES.get("page-name-of"), {"entity": entity}).rows())
    return rows[0]["l"].value if rows and rows[0]["l"] is not None else ""


async def docs(request: Request) -> Response:
    state = state_of(request)
    root = str(request.base_url).rstrip("/")
    return HTMLResponse(render("docs.html", queries=[describe_query(q) for q in state.catalogue.all()], root=root,
                               base=state.base, writable=bool(state.update_token), timeout=state.timeout,
                               max_body=state.max_body))


async def favicon(request: Request) -> Response:
    """The site icon (ICO, 16 and 32 px), drawn by kg.server.favicon."""
    return Response(favicon_ico(), media_type="image/vnd.microsoft.icon",
                    headers={"Cache-Control": "public, max-age=86400"})


async def asset(request: Request) -> Response:
    """The graph explorer's script and style (shared with `kg viz`) and the vis-network bundle from pyvis."""
    from kg.export.viz import explorer_css, explorer_js, vis_network_js

    files = {"explorer.js": explorer_js, "explorer.css": explorer_css, "vis-network.min.js": vis_network_js}
    name = request.path_params["name"]
    if name not in files:
        raise HttpError(404, f"no asset named {name[:100]!r}")
    return Response(files[name](), media_type=_ASSET_TYPES[name.rsplit(".", 1)[-1]],
                    headers={"Cache-Control": "public, max-age=3600"})
