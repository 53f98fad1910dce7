"""Serialized answers of saved queries, kept until the store changes.

A saved query asked again with the same parameters and media type is answered from memory, so a
dashboard or the UI re-running a listing costs no evaluation. Entries are keyed by the store's
write generation (kg.store.KgStore.generation, bumped after every write): a query that started
before a write is never served after it. Memory is bounded: least recently used entries go first,
and an answer larger than `max_entry` is streamed and not kept.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

#: Default total size of the cache (bytes); `kg serve --cache-mb` changes it, 0 switches it off.
DEFAULT_BYTES = 64 * 1024 * 1024


class ResultCache:
    """A thread-safe LRU map from (generation, key) to (media type, body), bounded in bytes."""

    def __init__(self, max_bytes: int = DEFAULT_BYTES, max_entry: int | None = None) -> None:
        self.max_bytes = max_bytes
        self.max_entry = max_bytes // 8 if max_entry is None else max_entry
        self._entries: OrderedDict[Hashable, tuple[str, bytes]] = OrderedDict()
        self._generation = 0
        self._size = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    @property
    def enabled(self) -> bool:
        return self.max_bytes > 0

    def get(self, generation: int, key: Hashable) -> tuple[str, bytes] | None:
        with self._lock:
            self._forget_older(generation)
            found = self._entries.get(key)
            if found is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found

    def peek(self, generation: int, key: Hashable) -> bool:
        """Whether an answer for `key` is kept for `generation` (not counted as a hit or miss)."""
        with self._lock:
            return generation == self._generation and key in self._entries

    def put(self, generation: int, key: Hashable, media: str, body: bytes) -> bool:
        """Keep `body` unless it is too large or the store has changed since `generation` was read."""
        if len(body) > self.max_entry:
            return False
        with self._lock:
            self._forget_older(generation)
            if generation != self._generation:
                return False
            old = self._entries.pop(key, None)
            if old is not None:
                self._size -= len(old[1])
            self._entries[key] = (media, body)
            self._size += len(body)
            while self._size > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._size -= len(dropped)
            return True

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def size(self) -> int:
        return self._size

    def _forget_older(self, generation: int) -> None:
        """Drop every entry when the store has moved on (lock held)."""
        if generation > self._generation:
            self._entries.clear()
            self._size = 0
            self._generation = generation
