"""POST /api/documents: add a news document while serving (Bearer token).

The text runs through the same pipeline as `kg build` (kg.pipeline: spaCy -> extract -> RDF) and
replaces the document's named graph atomically, so queries keep answering (from the old or the new
graph); then, as after a build, people are linked across documents and orphaned entities pruned.
Extraction runs in one dedicated writer thread: documents are added one at a time.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from kg.server.errors import HttpError
from kg.server.state import ServerState, decode_utf8, media_type, read_body, state_of

META = ("id", "title", "date", "source", "url")
_ID = re.compile(r"^[\w][\w.:-]{0,199}$")


async def add_document(request: Request) -> Response:
    state = state_of(request)
    state.require_token(request)
    media, charset = media_type(request)
    body = decode_utf8(await read_body(request, state.max_body), charset, "the document")
    if media == "application/json":
        try:
            obj = json.loads(body)
        except ValueError as e:
            raise HttpError(400, "the body is not valid JSON") from e
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise HttpError(400, 'send a JSON object with a "text" string (and optional id, title, date, source, url)')
        text, meta = obj["text"], {k: str(obj[k]) for k in META if obj.get(k) not in (None, "")}
    elif media in ("text/plain", "text/markdown"):
        text, meta = body, {k: v for k, v in request.query_params.items() if k in META and v}
    else:
        raise HttpError(415, "send the document as text/plain (metadata in ?id=&title=&date=) or application/json")
    if not text.strip():
        raise HttpError(400, "the document has no text")
    doc_id = meta.pop("id", None) or "api-" + hashlib.sha1(text.encode()).hexdigest()[:16]
    if not _ID.match(doc_id):
        raise HttpError(400, "id may hold letters, digits and . _ : - (at most 200 characters)")
    loop = asyncio.get_running_loop()
    summary = await loop.run_in_executor(state.writer, _extract_and_store, state, text, doc_id, meta)
    return JSONResponse({"ok": True, **summary}, status_code=201)


def _extract_and_store(state: ServerState, text: str, doc_id: str, meta: dict[str, str]) -> dict:
    from kg.build import load_ontology
    from kg.ingest import Skipped, read_text_document
    from kg.pipeline import finish, process
    from kg.rdf import Minter

    doc = read_text_document(text, doc_id, meta)
    if isinstance(doc, Skipped):
        raise HttpError(400, f"document not added: {doc.reason}")
    minter = Minter(state.settings.base_iri)
    if not state.store.graph_exists(minter.special_graph("ontology").value):
        load_ontology(state.store, state.settings)
    graph = next(process([doc], state.settings))
    state.store.replace_document(doc.id, graph.document_nt, graph.entities_nt)
    links = finish(state.store)  # people named differently across documents are linked, as by kg build
    iri = minter.document(doc.id).value
    return {"id": doc.id, "iri": iri, "page": minter.path_of(iri), "facts": graph.counts,
            "linked": [link.name for link in links]}
