"""Ingest: paths (files, folders, '-') -> Documents with metadata and boilerplate removed.

`iter_documents` is lazy, so a corpus of any size is read one file at a time.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.ingest.document import Document, Skipped
from kg.ingest.readers import MAX_BYTES, SUPPORTED, decode, from_html, from_jsonl_file, from_plain_text

__all__ = ["Document", "Skipped", "iter_documents", "read_text_document"]


def read_text_document(text: str, doc_id: str = "stdin", meta: dict[str, str] | None = None) -> Document | Skipped:
    """A Document from a string of article text (title on the first line)."""
    return from_plain_text(text, doc_id=doc_id, meta=meta)


def iter_documents(paths: Iterable[str], meta: dict[str, str] | None = None) -> Iterator[Document | Skipped]:
    """Every Document (or Skipped, with its reason) found under `paths`, in a stable order."""
    for p in paths:
        if p == "-":
            yield from _read_bytes(sys.stdin.buffer.read(), Path("stdin.txt"), meta, doc_id="stdin")
            continue
        path = Path(p)
        if not path.exists():
            yield Skipped(p, "no such file or folder")
        elif path.is_dir():
            files = _files_under(path)
            if not files:
                yield Skipped(p, f"folder has no supported files ({', '.join(sorted(SUPPORTED))})")
            for f in files:
                yield from _read_file(f, meta)
        else:
            yield from _read_file(path, meta)


def _files_under(folder: Path) -> list[Path]:
    """The supported files below `folder`, sorted; hidden files and folders are left out. Linked
    folders are followed (a corpus is often a folder of links to parts), each real folder once, so
    a link back up the tree cannot loop."""
    seen: set[str] = set()
    files = []
    for root, dirs, names in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            f = Path(root, name)
            if (not name.startswith(".") and f.suffix.lower() in SUPPORTED and not name.endswith(".meta.json")
                    and f.is_file()):
                files.append(f)
    return sorted(files)


def _read_file(path: Path, meta: dict[str, str] | None) -> Iterator[Document | Skipped]:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield Skipped(str(path), f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
            return
        data = path.read_bytes()
    except OSError as e:
        yield Skipped(str(path), f"cannot read file ({e.strerror or e})")
        return
    yield from _read_bytes(data, path, {**_sidecar(path), **(meta or {})}, doc_id=path.name)


def _sidecar(path: Path) -> dict[str, str]:
    """Metadata from `<file>.meta.json` beside the file, if present."""
    side = path.with_name(path.name + ".meta.json")
    if not side.is_file():
        return {}
    try:
        obj = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: str(v) for k, v in obj.items() if isinstance(obj, dict) and v not in (None, "")}


def _read_bytes(data: bytes, path: Path, meta: dict[str, str] | None, *, doc_id: str) -> Iterator[Document | Skipped]:
    where = str(path)
    if not data.strip():
        yield Skipped(where, "file is empty")
        return
    text, warns = decode(data, where)
    if text is None:
        yield Skipped(where, "binary content, not text")
        return
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        yield from from_jsonl_file(path, text, meta)
    elif suffix in {".html", ".htm"}:
        yield from_html(text, doc_id=doc_id, path=where, meta=meta, warnings_=tuple(warns))
    else:
        yield from_plain_text(text, doc_id=doc_id, path=where, meta=meta, warnings_=tuple(warns))
