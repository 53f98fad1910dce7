"""HTML pages: the query UI at / and the API docs at /docs."""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from kg.server.api import describe as describe_query
from kg.server.state import state_of
from kg.server.templating import render


async def index(request: Request) -> Response:
    state = state_of(request)
    queries = [{**describe_query(q), "sparql": q.sparql} for q in state.catalogue.all()]
    return HTMLResponse(render("index.html", queries=queries, queries_json=json.dumps(queries),
                               base=state.base, writable=bool(state.update_token)))


async def docs(request: Request) -> Response:
    state = state_of(request)
    root = str(request.base_url).rstrip("/")
    return HTMLResponse(render("docs.html", queries=[describe_query(q) for q in state.catalogue.all()], root=root,
                               base=state.base, writable=bool(state.update_token), timeout=state.timeout,
                               max_body=state.max_body))
