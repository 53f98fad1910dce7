"""The ASGI application: routes, CORS for queries, the JSON error shape for every error."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kg.rdf.namespaces import RESOURCE_PATH
from kg.server import api, documents, gsp, linked, pages, protocol
from kg.server.errors import HANDLERS
from kg.server.state import STATIC, ServerState

GSP_METHODS = ["GET", "HEAD", "PUT", "POST", "DELETE"]


def create_app(state: ServerState) -> Starlette:
    """The app serving `state.store`; the store is opened once, by the caller."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if state.prepare:
            state.preparer.start()
        yield
        state.preparer.stop()
        if state.processes is not None:
            state.processes.close()

    routes = [
        Route("/", pages.index, methods=["GET"]),
        Route("/graph", pages.graph, methods=["GET"]),
        Route("/timeline", pages.timeline, methods=["GET"]),
        Route("/docs", pages.docs, methods=["GET"]),
        Route("/favicon.ico", pages.favicon, methods=["GET"]),
        Route("/assets/{name}", pages.asset, methods=["GET"]),
        Route("/sparql", protocol.sparql_endpoint, methods=["GET", "POST"]),
        Route("/update", protocol.update_endpoint, methods=["POST"]),
        Route("/store", gsp.graph_store, methods=GSP_METHODS),
        Route("/store/{path:path}", gsp.graph_store, methods=GSP_METHODS),
        Route("/api/queries", api.list_queries, methods=["GET"]),
        Route("/api/queries/{name}", api.run_query, methods=["GET"]),
        Route("/api/documents", documents.add_document, methods=["POST"]),
        Route("/api/graph", linked.graph_api, methods=["GET"]),
        Route("/api/projection", linked.projection_api, methods=["GET"]),
        Route("/api/labels", linked.labels_api, methods=["GET"]),
        Route("/api/search", linked.search_api, methods=["GET"]),
        Route("/api/status", api.status, methods=["GET"]),
        Route("/openapi.json", api.openapi_json, methods=["GET"]),
        Route(RESOURCE_PATH + "{path:path}", linked.resource, methods=["GET"]),
        Mount("/static", app=StaticFiles(directory=str(STATIC)), name="static"),
    ]
    middleware = [Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                             allow_headers=["Accept", "Content-Type"], max_age=3600)]
    app = Starlette(routes=routes, middleware=middleware, exception_handlers=HANDLERS, lifespan=lifespan)
    app.state.kg = state
    return app
