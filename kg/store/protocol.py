"""`GraphStore`: what every store offers, so callers can take a folder store or a SPARQL server alike.

`KgStore` (embedded Oxigraph) and `RemoteStore` (HTTP endpoints) both satisfy it; code that builds,
queries or exports the graph should ask for a `GraphStore`, and only code that needs what a local
store alone can do (bulk loading, compaction, backups, the Graph Store Protocol) for a `KgStore`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from kg.rdf.namespaces import Minter
    from kg.store.results import QueryResult


@runtime_checkable
class GraphStore(Protocol):
    """The knowledge graph, one named graph per document, whichever kind of store holds it."""

    @property
    def path(self) -> str | None:
        """Where the store is (folder, or query endpoint URL); None for an in-memory store."""

    @property
    def minter(self) -> Minter:
        """Mints the IRIs of this store's graphs and entities (its base IRI)."""

    # -- documents ---------------------------------------------------------------------------------
    def replace_document(self, doc_id: str, document_nt: str, entities_nt: str = "") -> None:
        """Replace the graph of `doc_id` with `document_nt` (N-Triples) and add its entities."""

    def remove_document(self, doc_id: str) -> bool:
        """Drop the graph of `doc_id`; False when there was none."""

    def document_hashes(self) -> dict[str, str]:
        """Document id -> content hash, for skipping unchanged documents."""

    def document_ids(self) -> list[str]:
        """The ids of the documents in the store, sorted."""

    def prune_pending(self) -> bool:
        """True when documents were written since the last prune of orphaned entities."""

    def prune_entities(self) -> None:
        """Drop canonical entities that no document mentions any more."""

    def set_graph(self, name: str, data: str, fmt: str = "turtle") -> None:
        """Replace a special graph (ontology, entity links) with the given RDF text."""

    # -- SPARQL ------------------------------------------------------------------------------------
    def query(self, sparql: str, *, bindings: dict[str, Any] | None = None, union: bool = True,
              default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None) -> QueryResult:
        """Run a SPARQL query; the default graph is the union of all graphs unless `union` is False."""

    def update(self, sparql: str) -> None:
        """Run a SPARQL update."""

    # -- whole-store operations --------------------------------------------------------------------
    def export(self, fmt: str, *, graph: str | None = None, prefixes: dict[str, str] | None = None) -> bytes:
        """The store (or one document's graph) serialized, the same bytes from either kind of store."""

    def count(self) -> int:
        """The number of quads in the store."""

    def flush(self) -> None:
        """Make what was written durable."""
