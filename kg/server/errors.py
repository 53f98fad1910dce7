"""One error shape for every HTTP error: `{"ok": false, "error": MESSAGE, "status": CODE}`.

Messages are written for the client; stack traces and file paths never reach it.
"""

from __future__ import annotations

import logging
import re

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from kg.errors import KgError, QueryError, StoreError

log = logging.getLogger("kg.server")
#: A file-system path (two or more segments), not the path part of an IRI (`http://host/a/b` stays whole).
_PATH = re.compile(r"(?<![\w:/.@-])(?:/[\w.@-]+){2,}/?")


class HttpError(Exception):
    """An error answered with `status` and a one-line `message`."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status, headers=headers)


def clean(message: str) -> str:
    """The message without file-system paths (a store location must not leak to clients)."""
    text = _PATH.sub("<path>", message.splitlines()[0] if message else "error")
    return text if len(text) <= 400 else text[:400] + "…"


async def on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HttpError)
    return error_response(exc.status, clean(exc.message), exc.headers)


async def on_starlette_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    messages = {404: f"nothing at {request.url.path}", 405: f"method {request.method} is not allowed here"}
    return error_response(exc.status_code, messages.get(exc.status_code, str(exc.detail)), dict(exc.headers or {}))


async def on_kg_error(request: Request, exc: Exception) -> Response:
    status = 400 if isinstance(exc, QueryError) else 500 if isinstance(exc, StoreError) else 400
    return error_response(status, clean(str(exc)))


async def on_unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(500, "internal server error (see the server log)")


HANDLERS = {HttpError: on_http_error, HTTPException: on_starlette_error, KgError: on_kg_error,
            Exception: on_unexpected}
