"""Both stores satisfy GraphStore, so callers typed with it may be handed either one."""

from __future__ import annotations

import inspect

import pytest

from kg.store import GraphStore, KgStore
from kg.store.remote import RemoteStore

_METHODS = [name for name, member in vars(GraphStore).items()
            if callable(member) and not name.startswith("_")]


def _remote() -> RemoteStore:
    return RemoteStore("http://localhost:1/query", "http://localhost:1/update", None, base_iri="http://example.org/")


def test_both_stores_are_graph_stores() -> None:
    assert isinstance(KgStore(), GraphStore)
    assert isinstance(_remote(), GraphStore)


def test_protocol_declares_what_callers_use() -> None:
    assert {"replace_document", "document_hashes", "query", "update", "export", "flush"} <= set(_METHODS)


@pytest.mark.parametrize("cls", [KgStore, RemoteStore])
@pytest.mark.parametrize("name", _METHODS)
def test_signatures_accept_every_protocol_call(cls: type, name: str) -> None:
    """Each parameter of the protocol is taken the same way (kind and default) by the store; a store
    may take more, optional ones (KgStore.query's base_iri)."""
    wanted = inspect.signature(getattr(GraphStore, name)).parameters
    offered = inspect.signature(getattr(cls, name)).parameters
    for param in wanted.values():
        assert param.name in offered, f"{cls.__name__}.{name} lacks {param.name}"
        got = offered[param.name]
        assert (got.kind, got.default) == (param.kind, param.default), f"{cls.__name__}.{name}({param.name})"
    extra = [p for p in offered.values() if p.name not in wanted]
    assert all(p.default is not inspect.Parameter.empty for p in extra), f"{cls.__name__}.{name}: {extra}"
