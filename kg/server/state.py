"""What one server process shares between requests: the store (opened once), settings, limits, token."""

from __future__ import annotations

import base64
import binascii
import hmac
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from starlette.requests import Request

from kg.config import Settings
from kg.queries import Catalogue
from kg.server.cache import ResultCache
from kg.server.errors import HttpError
from kg.server.execute import Executor
from kg.server.prepared import Preparer
from kg.server.processes import QueryProcesses
from kg.store import KgStore

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
MIB = 1024 * 1024


@dataclass
class ServerState:
    store: KgStore
    settings: Settings  # with the server's token and limits (kg.config)
    executor: Executor = field(init=False)
    writer: ThreadPoolExecutor = field(init=False)
    catalogue: Catalogue = field(init=False)
    cache: ResultCache = field(init=False)
    preparer: Preparer = field(init=False)
    #: Where ad-hoc SPARQL runs on a read-only store on disk (None: in this process's threads).
    processes: QueryProcesses | None = field(init=False)

    def __post_init__(self) -> None:
        self.executor = Executor(self.timeout, max_result_bytes=self.settings.max_result_mb * MIB)
        path = self.store.path
        self.processes = QueryProcesses(Path(path)) if path is not None and self.store.read_only else None
        self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-writer")
        self.catalogue = Catalogue(self.settings.queries_dir)
        self.cache = ResultCache(self.settings.cache_mb * MIB)
        self.preparer = Preparer(self)

    @property
    def update_token(self) -> str | None:
        return self.settings.update_token

    @property
    def timeout(self) -> float:
        return self.settings.timeout

    @property
    def max_body(self) -> int:
        return self.settings.max_body

    @property
    def prepare(self) -> bool:
        """Keep the saved queries' default answers ready (kg.server.prepared)."""
        return self.settings.prepare

    @property
    def base(self) -> str:
        """The IRI the server's root names (every IRI minted here starts so), for the pages' links."""
        return self.store.minter.at_path("/")

    def require_token(self, request: Request) -> None:
        """401 without credentials, 403 with wrong ones or when updates are switched off.

        The token is sent as `Authorization: Bearer TOKEN`, or as the password of HTTP Basic auth
        (any user name), which is what standard tools send (curl -u, SPARQLWrapper, rdflib, Jena)."""
        if not self.update_token:
            raise HttpError(403, "this server is read-only (start `kg serve` with --update-token to allow changes)")
        given = _credential(request.headers.get("authorization", ""))
        if given is None:
            raise HttpError(401, "this operation needs the update token: 'Authorization: Bearer TOKEN', or HTTP "
                                 "Basic auth with the token as password", {"WWW-Authenticate": CHALLENGE})
        if not hmac.compare_digest(given.encode(), self.update_token.encode()):
            raise HttpError(403, "the update token is not valid")


#: The 401 answer's challenge: both accepted schemes, in one header and Basic first (Apache Jena 4
#: fails on a second WWW-Authenticate header and on a first challenge it does not know).
CHALLENGE = 'Basic realm="kg", Bearer realm="kg"'


def _credential(header: str) -> str | None:
    """The token in a Bearer header, or the password in a Basic one; None when there is neither."""
    scheme, _, value = header.strip().partition(" ")
    value = value.strip()
    if not value:
        return None
    if scheme.lower() == "bearer":
        return value
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        _user, sep, password = decoded.partition(":")
        return password if sep and password else None
    return None


def state_of(request: Request) -> ServerState:
    return request.app.state.kg


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, or 413 once it exceeds `limit` bytes (checked before and while reading)."""
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        raise HttpError(413, f"request body larger than {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HttpError(413, f"request body larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def media_type(request: Request) -> tuple[str, str | None]:
    """The Content-Type's media type (lower case) and charset, if any."""
    raw = request.headers.get("content-type", "")
    parts = [p.strip() for p in raw.split(";")]
    charset = next((p.split("=", 1)[1].strip().strip('"').lower() for p in parts[1:] if p.lower().startswith("charset=")), None)
    return parts[0].lower(), charset


def decode_utf8(data: bytes, charset: str | None, what: str) -> str:
    if charset not in (None, "utf-8", "utf8"):
        raise HttpError(415, f"{what} must be UTF-8 (got charset={charset})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise HttpError(400, f"{what} is not valid UTF-8") from e
