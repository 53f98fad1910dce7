"""The store: the only code that talks to pyoxigraph.

One named graph per document, the ontology and the canonical entities in graphs of their own.
A document is replaced atomically: its triples are loaded into a staging graph (one transaction),
then moved over the old graph by one SPARQL MOVE (another), so a crash leaves either the old or the
new graph, never half of one; staging graphs left by a crash are dropped when the store opens.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph as ox

from kg import errors
from kg.config import DEFAULT_BASE_IRI
from kg.errors import QueryError, StoreError, first_line
from kg.rdf.namespaces import Minter
from kg.store import graphstore
from kg.store.binding import bind_terms
from kg.store.maintenance import prune_entities_update
from kg.store.protocol import GraphStore
from kg.store.results import GRAPH_FORMATS, RESULT_FORMATS, QueryResult, Value
from kg.store.serialize import EXPORT_FORMATS, serialize_quads
from kg.store.sparql import document_hashes_select, join_updates, replace_document_updates

__all__ = ["GRAPH_FORMATS", "RESULT_FORMATS", "GraphStore", "KgStore", "QueryResult", "Value"]

_STAGING = "graph/staging/"
F = TypeVar("F", bound=Callable[..., Any])


def _writes(method: F) -> F:
    """Marks a method that changes the store: `generation` moves on once it returns (or fails), so
    anything cached from an earlier generation (kg.server.cache) is known to be stale."""
    @functools.wraps(method)
    def wrapper(self: KgStore, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        finally:
            with self._generation_lock:
                self.generation += 1
    return wrapper  # type: ignore[return-value]


class KgStore:
    """An Oxigraph store holding the knowledge graph (on disk, or in memory when path is None)."""

    def __init__(self, path: str | Path | None = None, *, base_iri: str = DEFAULT_BASE_IRI,
                 read_only: bool = False) -> None:
        self.path = str(path) if path else None
        self.read_only = read_only
        self.minter = Minter(base_iri)
        #: Number of writes made through this object; read it before a query to key a cache on its answer.
        self.generation = 0
        self._generation_lock = threading.Lock()
        self._store = ox.Store() if self.path is None else _open_folder(Path(self.path), read_only=read_only)
        if not read_only:
            self._drop_staging()

    # -- documents --------------------------------------------------------------------------
    @_writes
    def replace_document(self, doc_id: str, document_nt: str, entities_nt: str = "") -> None:
        """Atomically replace the graph of `doc_id` with `document_nt` (N-Triples) and add its entities.

        One SPARQL update (one Oxigraph transaction) drops the old graph, inserts the new one, adds the
        entities and marks the store as needing a prune: a crash at any point leaves the old state or
        the new one, never half a document or a document without its entities. (Loading into a staging
        graph and MOVEing it is also atomic, but MOVE copies quad by quad: five times slower on disk.)"""
        graph = self.minter.graph(doc_id).value
        entities = self.minter.special_graph("entities").value
        parts = replace_document_updates(graph, document_nt, entities, entities_nt)
        try:
            self._store.update(join_updates([*parts, self._mark_prune_pending]))
        except (OSError, SyntaxError, ValueError) as e:
            raise StoreError(f"cannot write document {doc_id!r}: {first_line(e)}") from e

    @property
    def _state_graph(self) -> str:
        return self.minter.special_graph("state").value

    @property
    def _mark_prune_pending(self) -> str:
        """The update that marks the store as needing a prune: one triple in the state graph. It is store
        bookkeeping, so its predicate is minted under the state graph, not taken from the ontology (stores
        written before used dip:prunePending: only the graph's presence is read, and the prune drops it)."""
        g = self._state_graph
        return f"INSERT DATA {{ GRAPH <{g}> {{ <{g}> <{g}#prunePending> true }} }}"

    def is_internal_graph(self, iri: str) -> bool:
        """A graph of the store's own bookkeeping (the prune mark, staging), not of the knowledge graph."""
        return iri == self._state_graph or iri.startswith(self.minter.base + _STAGING)

    def prune_pending(self) -> bool:
        """True when documents were written since the last prune (e.g. a build killed before its end)."""
        return self._store.contains_named_graph(ox.NamedNode(self._state_graph))

    @_writes
    def remove_document(self, doc_id: str) -> bool:
        graph = ox.NamedNode(self.minter.graph(doc_id).value)
        if not self._store.contains_named_graph(graph):
            return False
        self._store.update(f"DROP SILENT GRAPH <{graph.value}> ; {self._mark_prune_pending}")
        self.prune_entities()
        return True

    def document_hashes(self) -> dict[str, str]:
        """Document id -> content hash, for skipping unchanged documents."""
        return {s["id"].value: s["h"].value for s in self._store.query(document_hashes_select())}

    def document_ids(self) -> list[str]:
        ids = []
        for g in self._store.named_graphs():
            if isinstance(g, ox.NamedNode) and (doc := self.minter.doc_id_of_graph(g.value)) is not None:
                ids.append(doc)
        return sorted(ids)

    @_writes
    def prune_entities(self) -> None:
        """Drop canonical entities that no document mentions any more (and clear the prune mark)."""
        ent = self.minter.special_graph("entities").value
        self._store.update(f"{prune_entities_update(ent)} ; DROP SILENT GRAPH <{self._state_graph}>")

    @_writes
    def set_graph(self, name: str, data: str, fmt: str = "turtle") -> None:
        """Replace a special graph (ontology, entities links) with the given RDF text."""
        graph = ox.NamedNode(self.minter.special_graph(name).value)
        staging = ox.NamedNode(f"{self.minter.base}{_STAGING}{name}")
        try:
            self._store.load(data, format=EXPORT_FORMATS[fmt], to_graph=staging)
        except SyntaxError as e:
            raise StoreError(f"cannot load graph {name}: {first_line(e)}") from e
        self._store.update(f"MOVE SILENT GRAPH <{staging.value}> TO GRAPH <{graph.value}>")

    def _drop_staging(self) -> None:
        for g in list(self._store.named_graphs()):
            if isinstance(g, ox.NamedNode) and g.value.startswith(self.minter.base + _STAGING):
                self._store.remove_graph(g)

    # -- SPARQL -----------------------------------------------------------------------------
    def query(self, sparql: str, *, bindings: dict[str, Any] | None = None, union: bool = True,
              default_graphs: list[str] | None = None, named_graphs: list[str] | None = None,
              base_iri: str | None = None) -> QueryResult:
        """Run a SPARQL query; `bindings` maps variable names to kg.rdf.terms IRI/Literal values,
        bound as RDF terms by a VALUES block in every WHERE group (kg.store.binding), as on a remote
        store. The default graph is the union of all graphs."""
        kwargs: dict[str, Any] = {}
        sparql = bind_terms(sparql, bindings)
        if default_graphs:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        elif union:
            kwargs["use_default_graph_as_union"] = True
        if named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        if base_iri:
            kwargs["base_iri"] = base_iri
        try:
            return QueryResult(self._store.query(sparql, **kwargs))
        except SyntaxError as e:
            raise QueryError(f"malformed SPARQL query: {first_line(e)}") from e
        except (OSError, ValueError, RuntimeError) as e:
            raise QueryError(f"query failed: {first_line(e)}") from e

    @_writes
    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        try:
            self._store.update(sparql, base_iri=base_iri)
        except SyntaxError as e:
            raise QueryError(f"malformed SPARQL update: {first_line(e)}") from e
        except (OSError, ValueError) as e:
            raise QueryError(f"update failed: {first_line(e)}") from e

    # -- whole-store operations ------------------------------------------------------------------
    def export(self, fmt: str, *, graph: str | None = None, prefixes: dict[str, str] | None = None) -> bytes:
        """The store (or one document's graph) serialized; triple formats get the union of graphs.

        The store's own bookkeeping (the prune mark, staging graphs left by a crash) is not exported;
        `dump` keeps it, as a backup must."""
        if graph is not None:
            g = ox.NamedNode(self.minter.graph(graph).value)
            if not self._store.contains_named_graph(g):
                raise StoreError(f"no document {graph!r} in the store")
            quads = self._store.quads_for_pattern(None, None, None, g)
        else:
            quads = (q for q in self._store.quads_for_pattern(None, None, None, None)
                     if not (isinstance(q.graph_name, ox.NamedNode) and self.is_internal_graph(q.graph_name.value)))
        return serialize_quads(quads, fmt, prefixes)

    def dump(self, path: str) -> None:
        """The whole dataset (every graph) as N-Quads in `path`; `load_dump` reads it back."""
        try:
            self._store.dump(output=path, format=ox.RdfFormat.N_QUADS)
        except OSError as e:
            raise StoreError(f"cannot write {path}: {first_line(e)}") from e

    @_writes
    def load_dump(self, path: str) -> None:
        """Load an N-Quads dump. The file is parsed once first, so a syntax error anywhere loads nothing
        (the bulk loader itself writes as it reads)."""
        try:
            for _ in ox.parse(path=path, format=ox.RdfFormat.N_QUADS):
                pass
            self._store.bulk_load(path=path, format=ox.RdfFormat.N_QUADS)
            self.compact()
        except (OSError, SyntaxError) as e:
            raise StoreError(f"cannot load {path}: {first_line(e)}") from e

    @_writes
    def bulk_load_nquads(self, data: bytes | str) -> None:
        self._store.bulk_load(data, format=ox.RdfFormat.N_QUADS)

    def compact(self) -> None:
        """Merge the store's files. The bulk loader writes many small overlapping files that every
        lookup must visit; compacting them once (seconds) makes queries on the store about 2x faster."""
        if self.path is not None and not self.read_only:
            self._store.optimize()

    def backup(self, target: str) -> None:
        if self.path is None:
            raise StoreError("an in-memory store cannot be backed up")
        if Path(target).exists() and any(Path(target).iterdir()):
            raise StoreError(f"backup target {target} exists and is not empty")
        try:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
            self._store.backup(target)
        except OSError as e:
            raise StoreError(f"cannot back up to {target}: {first_line(e)}") from e

    # -- Graph Store Protocol (graph=None is the real default graph) ------------------------------
    def graph_exists(self, graph: str | None) -> bool:
        return graphstore.graph_exists(self._store, graph)

    def read_graph(self, graph: str | None, media_type: str) -> bytes:
        return graphstore.read_graph(self._store, graph, media_type)

    @_writes
    def write_graph(self, graph: str | None, data: bytes, media_type: str, *, replace: bool) -> bool:
        """PUT (replace=True) or POST RDF into a graph; True when it created the graph."""
        return graphstore.write_graph(self._store, graph, data, media_type, replace=replace)

    @_writes
    def drop_graph(self, graph: str | None) -> bool:
        return graphstore.drop_graph(self._store, graph)

    @staticmethod
    def convert_rdf(data: str | bytes, from_media: str, to_media: str) -> bytes:
        return graphstore.convert(data, from_media, to_media)

    def count(self) -> int:
        return len(self._store)

    def flush(self) -> None:
        self._store.flush()

    def rdflib_dataset(self) -> Any:
        """An rdflib Dataset over this same store (through oxrdflib), for rdflib tools."""
        import rdflib
        from oxrdflib import OxigraphStore

        return rdflib.Dataset(store=OxigraphStore(store=self._store))


def _open_folder(folder: Path, *, read_only: bool) -> ox.Store:
    """Open the store in `folder`, creating it (and its missing parents) unless read-only; an error
    says what went wrong: the path is a file, no store is there, another process holds the lock..."""
    if folder.exists() and not folder.is_dir():
        raise errors.store_is_a_file(str(folder))
    if read_only and not folder.exists():
        raise errors.store_missing(str(folder))
    if read_only and not (folder / "CURRENT").is_file():  # every RocksDB database (Oxigraph's storage) has one
        raise errors.store_not_a_store(str(folder))
    if not read_only:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise errors.store_not_created(str(folder), e.strerror or first_line(e)) from e
    try:
        return ox.Store.read_only(str(folder)) if read_only else ox.Store(str(folder))
    except (OSError, RuntimeError) as e:  # RocksDB reports a damaged database as a RuntimeError
        detail = first_line(e)
        if any(sign in detail.lower() for sign in ("lock file", "lock hold", "no locks available")):
            raise errors.store_locked(str(folder)) from e
        raise errors.store_not_opened(str(folder), detail) from e


def iter_graph_names(store: KgStore) -> Iterable[str]:
    return [g.value for g in store._store.named_graphs() if isinstance(g, ox.NamedNode)]
