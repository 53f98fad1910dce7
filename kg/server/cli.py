"""`kg serve`: run the HTTP server on one store (loopback and read-only unless told otherwise)."""

from __future__ import annotations

import os

import click

from kg.config import Settings


@click.command()
@click.option("--store", "store", metavar="PATH", help="Store folder (env KG_STORE, default ./kg-store).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True)
@click.option("--update-token", metavar="TOKEN", default=lambda: os.environ.get("KG_UPDATE_TOKEN"),
              help="Allow /update, Graph Store writes and POST /api/documents with 'Authorization: Bearer TOKEN' "
                   "(env KG_UPDATE_TOKEN). Without it the server is read-only.")
@click.option("--timeout", type=click.FloatRange(0.1, 3600), default=30.0, show_default=True,
              help="Seconds a query may run before the answer is 503.")
@click.option("--max-body", type=click.IntRange(1024), default=10 * 1024 * 1024, show_default=True,
              help="Largest request body in bytes (413 above).")
@click.option("--cache-mb", type=click.IntRange(0, 65536), default=64, show_default=True,
              help="Memory for answers of saved queries, kept until the store changes (0: no cache).")
@click.option("--prepare/--no-prepare", default=True, show_default=True,
              help="Evaluate every saved query's default call in the background at start and after each write, "
                   "so the first call is answered from the cache too (needs the cache).")
@click.option("--model", metavar="NAME_OR_PATH", help="spaCy pipeline for POST /api/documents.")
def serve(store: str | None, host: str, port: int, update_token: str | None, timeout: float, max_body: int,
          cache_mb: int, prepare: bool, model: str | None) -> None:
    """Serve the store over HTTP: UI at /, SPARQL at /sparql, saved queries at /api/queries."""
    import uvicorn

    from kg.errors import InputError
    from kg.server import ServerState, create_app
    from kg.store import KgStore

    settings = Settings().with_(store=store, model=model)
    if update_token is not None and len(update_token) < 8:
        raise InputError("--update-token must have at least 8 characters")
    kg_store = KgStore(settings.store, base_iri=settings.base_iri, read_only=not update_token)
    state = ServerState(kg_store, settings, update_token=update_token or None, timeout=timeout, max_body=max_body,
                        cache_bytes=cache_mb * 1024 * 1024, prepare=prepare)
    mode = "updates allowed with the token" if update_token else "read-only"
    click.echo(f"serving {settings.store} on http://{host}:{port}/ ({mode}; Ctrl-C stops)", err=True)
    uvicorn.run(create_app(state), host=host, port=port, log_level="warning", access_log=False)
