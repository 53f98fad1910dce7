"""SPARQL 1.1 Protocol: queries at /sparql (GET, POST form, POST sparql-query), updates at /update.

The default graph of a query is the union of all graphs (documents keep their facts in named
graphs); `default-graph-uri` / `named-graph-uri`, or FROM in the query, name another dataset.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import Response

from kg.server import negotiate, sparql_text
from kg.server.errors import HttpError
from kg.server.processes import Stopper
from kg.server.service import service_description
from kg.server.state import decode_utf8, media_type, read_body, state_of

_ABSOLUTE_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*$")
FORM = "application/x-www-form-urlencoded"


async def sparql_endpoint(request: Request) -> Response:
    state = state_of(request)
    params = _multi(request.url.query)
    if request.method == "GET":
        if "update" in params:
            raise HttpError(405, "updates are sent with POST to /update", {"Allow": "POST"})
        if "query" not in params:
            return service_description(request, state)
    else:
        media, charset = media_type(request)
        body = await read_body(request, state.max_body)
        if media == FORM:
            form = _multi(decode_utf8(body, charset, "the form"))
            if "update" in form:
                raise HttpError(400, "updates are sent to /update, not /sparql")
            for k, v in form.items():
                params.setdefault(k, []).extend(v)
        elif media == "application/sparql-query":
            params["query"] = params.get("query", []) + [decode_utf8(body, charset, "the query")]
        elif media == "":
            raise HttpError(415, "a POSTed query needs Content-Type application/sparql-query or " + FORM)
        else:
            raise HttpError(415, f"cannot read a query sent as {media!r} (use application/sparql-query or {FORM})")
    query = _one(params, "query")
    default_graphs = _iris(params.get("default-graph-uri", []), "default-graph-uri")
    named_graphs = _iris(params.get("named-graph-uri", []), "named-graph-uri")
    if (word := sparql_text.forbidden(query)) is not None:
        raise HttpError(400, f"{word} is not allowed on this server (it never fetches remote data)")
    union = not default_graphs and not named_graphs and not sparql_text.has_dataset_clause(query)
    media, refused = _media_for(query, request.headers.get("accept"), params.get("format", []))  # 406 first
    base = _endpoint(request)
    headers = {"Vary": "Accept"}
    if state.processes is not None:
        job = {"query": query, "union": union, "default_graphs": default_graphs, "named_graphs": named_graphs,
               "base_iri": base, "media": media, "refused": refused}
        stopper = Stopper()
        processes = state.processes
        return await state.executor.stream(run=lambda begin, writer: processes.run(job, begin, writer.write, stopper),
                                           stopper=stopper, headers=headers, untrusted=True)

    def produce():  # runs in a worker thread
        result = state.store.query(query, default_graphs=default_graphs or None, named_graphs=named_graphs or None,
                                   union=union, base_iri=base)
        kind = "graph" if result.kind == "graph" else "results"
        if media[kind] is None:
            del result  # dropped here, in the thread that made it (pyoxigraph's results are unsendable)
            raise HttpError(406, refused[kind])
        return result, media[kind]

    return await state.executor.stream(produce, headers=headers, untrusted=True)


def _media_for(query: str, accept: str | None, formats: list[str]) -> tuple[dict[str, str | None], dict[str, str]]:
    """The media type for each kind of answer (None where none fits) and why not; 406 at once when the
    query's form is known and its answer cannot be given in any acceptable type."""
    media: dict[str, str | None] = {}
    refused: dict[str, str] = {}
    for kind in ("results", "graph"):
        try:
            media[kind] = negotiate.for_result(kind, accept, formats)
        except HttpError as e:
            media[kind], refused[kind] = None, e.message
    form = sparql_text.query_form(query)
    if form is not None and media[form] is None:
        raise HttpError(406, refused[form])
    return media, refused


async def update_endpoint(request: Request) -> Response:
    state = state_of(request)
    state.require_token(request)
    params = _multi(request.url.query)
    media, charset = media_type(request)
    body = await read_body(request, state.max_body)
    if media == FORM:
        form = _multi(decode_utf8(body, charset, "the form"))
        if "query" in form:
            raise HttpError(400, "queries are sent to /sparql, not /update")
        for k, v in form.items():
            params.setdefault(k, []).extend(v)
    elif media == "application/sparql-update":
        params["update"] = params.get("update", []) + [decode_utf8(body, charset, "the update")]
    else:
        raise HttpError(415, f"cannot read an update sent as {media or 'no content type'!r} "
                             f"(use application/sparql-update or {FORM})")
    update = _one(params, "update")
    using = _iris(params.get("using-graph-uri", []), "using-graph-uri")
    using_named = _iris(params.get("using-named-graph-uri", []), "using-named-graph-uri")
    if (word := sparql_text.forbidden(update)) is not None:
        raise HttpError(403, f"{word} is not allowed on this server (it never fetches remote data)")
    if using or using_named:
        if sparql_text.has_using_or_with(update):
            raise HttpError(400, "give the dataset either as using-graph-uri/using-named-graph-uri or in the "
                                 "update (USING/WITH), not both")
        update = sparql_text.add_using(update, using, using_named)
    await state.executor.call(lambda: state.store.update(update, base_iri=_endpoint(request)))
    return Response(status_code=204)


def _multi(qs: str) -> dict[str, list[str]]:
    return parse_qs(qs, keep_blank_values=True)


def _one(params: dict[str, list[str]], name: str) -> str:
    values = params.get(name, [])
    if not values or not values[0].strip():
        raise HttpError(400, f"missing the '{name}' parameter")
    if len(values) > 1:
        raise HttpError(400, f"give exactly one '{name}' parameter (got {len(values)})")
    return values[0]


def _iris(values: list[str], name: str) -> list[str]:
    for v in values:
        if not _ABSOLUTE_IRI.match(v):
            raise HttpError(400, f"{name} must be an absolute IRI (got {v[:200]!r})")
    return values


def _endpoint(request: Request) -> str:
    return str(request.url.replace(query="", fragment="")).rstrip("?")


def check_iri(value: str, name: str) -> str:
    return _iris([value], name)[0]
