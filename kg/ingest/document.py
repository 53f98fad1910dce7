"""The Document: cleaned text plus metadata, the unit every later stage works on."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One news article after ingest; character offsets of every fact point into `text`."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 publication date (yyyy-mm-dd)
    source: str | None = None  # publisher or agency, when stated
    url: str | None = None
    dateline: str | None = None  # the place of the story's dateline ("BEIJING -"), which the text no longer has
    path: str | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def content_hash(self) -> str:
        """SHA-256 of everything that influences extraction: text and metadata."""
        h = hashlib.sha256()
        for part in (self.id, self.title or "", self.date or "", self.source or "", self.url or "", self.text):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        if self.dateline:  # only where there is one, so that the hash of a story without one is as it was
            h.update(b"dateline\x00" + self.dateline.encode("utf-8", "surrogatepass"))
        return h.hexdigest()


@dataclass(frozen=True)
class Skipped:
    """An input that produced no document, and why (shown in the build summary)."""

    path: str
    reason: str
