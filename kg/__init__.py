"""kg: a knowledge-graph builder for diplomacy news.

Documents flow one way: ingest -> nlp -> extract -> rdf -> store -> queries / server / export.
"""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """`kg.__version__`, read from the installed package's metadata (pyproject.toml is its one home).

    Looked up on first use: importlib.metadata costs ~40 ms of imports that most commands never need."""
    if name != "__version__":
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kg")
    except PackageNotFoundError:  # a checkout on sys.path that was never installed
        return "0+unknown"
