"""`open_store`: a store location (folder, or http(s) URL of a SPARQL endpoint) -> a store object.

The CLI and the builder call this, so `--store` takes either and the code paths stay the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the stores are imported when one is opened, not with this module
    from kg.store.protocol import GraphStore


def is_remote(location: str | Path | None) -> bool:
    return isinstance(location, str) and location.lower().startswith(("http://", "https://"))


def open_store(location: str | Path | None, *, base_iri: str, read_only: bool = False,
               token: str | None = None) -> GraphStore:
    """A KgStore for a folder (None: in memory), a RemoteStore for an http(s):// endpoint URL (sending
    `token`, Settings.store_token, as a bearer token when given)."""
    if is_remote(location):
        from kg.store.remote import RemoteStore

        return RemoteStore.from_url(str(location), base_iri=base_iri, token=token)
    from kg.store import KgStore

    return KgStore(location, base_iri=base_iri, read_only=read_only)
