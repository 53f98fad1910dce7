"""Answers of the saved queries' default calls, prepared before anyone asks, and again after each write.

A listing such as `statements` reads every fact of its kind: on a store of a million triples that is
0.1-0.5 s of evaluation, however often the same unchanged answer is asked for. The preparer
evaluates each saved query's default call (no parameters given, default media type) in one
background thread when the server starts, and again once the store has changed and then stayed
unchanged for `quiet` seconds (a load of many documents is prepared for once, at its end), and
when a saved query's file has changed. The answers go into the answer cache (kg.server.cache)
under the write generation read before evaluating, so an answer a write has overtaken is never
kept, and a call with other parameters or formats still evaluates (and is then cached as usual).
The thread runs at the lowest CPU priority so live requests keep the processor.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.queries import BoundQuery, SavedQuery, bind_query
from kg.server import negotiate
from kg.server.execute import lower_priority

if TYPE_CHECKING:
    from kg.server.state import ServerState

log = logging.getLogger(__name__)


def answer_key(bound: BoundQuery, media: str) -> Hashable:
    """The cache key of one call of a saved query: its text, its bound parameters and the media type."""
    return (*bound.key, media)


def query_media(query: SavedQuery, accept: str | None = None, fmt: str | None = None) -> str:
    """The media type a call of `query` gets (406 if none fits); with neither Accept nor `format=`,
    the default one the prepared answer is kept under."""
    return negotiate.for_result("results" if query.form in ("SELECT", "ASK") else "graph", accept, fmt)


class _TooLarge(Exception):
    """Raised inside the bounded writer once an answer outgrows what the cache would keep."""


class _Bounded:
    """A file-like sink that refuses to grow past `limit` bytes (serialization stops there)."""

    def __init__(self, limit: int) -> None:
        self.limit, self.parts, self.size = limit, [], 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise _TooLarge
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


@dataclass
class Progress:
    """What the preparer has done, for `/api/status` and the benchmark."""

    generation: int | None = None  # the write generation of the last finished round
    prepared: int = 0  # answers kept in that round
    skipped: list[str] = field(default_factory=list)  # queries that need a parameter, failed or were too large
    seconds: float = 0.0  # how long that round took
    busy: bool = False


class Preparer:
    """One daemon thread that keeps the default answers of the saved queries ready in the cache."""

    def __init__(self, state: ServerState, quiet: float = 1.0, poll: float = 0.2) -> None:
        self.state, self.quiet, self.poll = state, quiet, poll
        self.progress = Progress()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None and self.state.cache.enabled:
            self._thread = threading.Thread(target=self._run, name="kg-preparer", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def prepare(self, generation: int) -> None:
        """Evaluate every saved query's default call for the store as of `generation`."""
        self.progress.busy = True
        started, kept, skipped = time.perf_counter(), 0, []
        for query in self.state.catalogue.all():
            if self._stop.is_set() or self.state.store.generation != generation:
                break  # overtaken by a write: the next round starts once the store is quiet again
            if self._prepare_one(query, generation):
                kept += 1
            else:
                skipped.append(query.name)
        else:
            self.progress = Progress(generation, kept, skipped, time.perf_counter() - started)
        self.progress.busy = False

    def _prepare_one(self, query: SavedQuery, generation: int) -> bool:
        if any(p.required for p in query.parameters):
            return False
        cache = self.state.cache
        try:
            bound = bind_query(query, {})
            media = query_media(query)
            key = answer_key(bound, media)
            if cache.peek(generation, key):
                return True
            result = bound.run(self.state.store)
            sink = _Bounded(cache.max_entry)
            result.serialize_to(sink, media)
        except _TooLarge:
            log.info("prepared answer of %s is larger than a cache entry may be; not kept", query.name)
            return False
        except KgError as e:
            log.warning("cannot prepare %s: %s", query.name, e)
            return False
        return cache.put(generation, key, media, b"".join(sink.parts))

    def _catalogue(self) -> tuple:
        """What the saved queries are now: an edited `.rq` file is prepared for like a write."""
        try:
            return tuple((q.name, q.sparql) for q in self.state.catalogue.all())
        except KgError:
            return ()

    def _run(self) -> None:
        lower_priority(threading.get_native_id())
        store = self.state.store
        seen, changed_at, done = store.generation, time.monotonic() - self.quiet, None
        while not self._stop.is_set():
            now, generation = time.monotonic(), store.generation
            if generation != seen:
                seen, changed_at = generation, now
            elif (generation, catalogue := self._catalogue()) != done and now - changed_at >= self.quiet:
                try:
                    self.prepare(generation)
                except Exception:  # a background thread must not die silently
                    log.exception("preparing saved-query answers failed")
                    self.progress = Progress(generation)  # not retried until the next change
                if self.progress.generation == generation:
                    done = (generation, catalogue)
                continue
            self._stop.wait(self.poll)
