"""`kg serve`: run the HTTP server on one store (loopback and read-only unless told otherwise)."""

from __future__ import annotations

import errno
import socket

import click

from kg.config import DEFAULT_MAX_RESULT_MB, Settings


@click.command()
@click.option("--store", "store", metavar="PATH", help="Store folder (env KG_STORE, default ./kg-store).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True)
@click.option("--update-token", metavar="TOKEN",
              help="Allow /update, Graph Store writes and POST /api/documents with 'Authorization: Bearer TOKEN' "
                   "or HTTP Basic auth with TOKEN as password (env KG_UPDATE_TOKEN). Without it the server "
                   "is read-only.")
@click.option("--timeout", type=click.FloatRange(0.1, 3600), default=Settings.timeout, show_default=True,
              help="Seconds a query may run before the answer is 503.")
@click.option("--max-body", type=click.IntRange(1024), default=Settings.max_body, show_default=True,
              help="Largest request body in bytes (413 above).")
@click.option("--max-result-mb", type=click.IntRange(0, 1 << 20),
              help="Largest answer of one query in MiB; a longer one is cut there, its query stopped, and the "
                   "client sees an incomplete response ending in a one-line note (0: no limit).  [env var: "
                   f"KG_MAX_RESULT_MB; default: {DEFAULT_MAX_RESULT_MB}]")
@click.option("--cache-mb", type=click.IntRange(0, 65536), default=Settings.cache_mb, show_default=True,
              help="Memory for answers of saved queries, kept until the store changes (0: no cache).")
@click.option("--prepare/--no-prepare", default=True, show_default=True,
              help="Evaluate every saved query's default call in the background at start and after each write, "
                   "so the first call is answered from the cache too (needs the cache).")
@click.option("--model", metavar="NAME_OR_PATH", help="spaCy pipeline for POST /api/documents.")
def serve(store: str | None, host: str, port: int, update_token: str | None, timeout: float, max_body: int,
          max_result_mb: int | None, cache_mb: int, prepare: bool, model: str | None) -> None:
    """Serve the store over HTTP: UI at /, SPARQL at /sparql, saved queries at /api/queries."""
    import uvicorn

    from kg.errors import InputError
    from kg.server import ServerState, create_app
    from kg.store import KgStore

    settings = Settings().with_(store=store, model=model, update_token=update_token, timeout=timeout,
                                max_body=max_body, max_result_mb=max_result_mb, cache_mb=cache_mb, prepare=prepare)
    update_token = settings.update_token
    from kg.server.http11 import KgHttpProtocol

    if update_token is not None and len(update_token) < 8:
        raise InputError("--update-token must have at least 8 characters")
    sock = listen(host, port)  # a busy port is said before anything else happens
    kg_store = KgStore(settings.store, base_iri=settings.base_iri, read_only=not update_token)
    state = ServerState(kg_store, settings)
    mode = "updates allowed with the token" if update_token else "read-only"
    port = sock.getsockname()[1]
    click.echo(f"serving {settings.store} on http://{host}:{port}/ ({mode}; Ctrl-C stops)", err=True)
    config = uvicorn.Config(create_app(state), http=KgHttpProtocol, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to host:port (InputError, one line, when the port is taken or the host unknown)."""
    from kg.errors import InputError

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise InputError(f"--host {host}: cannot resolve it ({e.strerror})") from e
    family, _type, proto, _name, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as e:
        sock.close()
        if e.errno == errno.EADDRINUSE:
            raise InputError(f"port {port} on {host} is already in use (another server?); stop it or choose "
                             "another --port") from e
        raise InputError(f"cannot listen on {host}:{port}: {e.strerror}") from e
    return sock
