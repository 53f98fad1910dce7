"""Running store work off the event loop: a bounded thread pool, a per-query deadline, streamed output.

A query runs in a worker thread and writes its serialization through a queue; the response starts
with the first chunk, so the deadline covers time-to-first-byte and a timed-out query answers 503
while the server keeps serving. A query that is given up on (timeout, client gone) is stopped at
its next write. Large results stream in 8 KiB chunks with back-pressure, never held whole in memory.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from starlette.responses import Response, StreamingResponse

from kg.errors import KgError
from kg.server.errors import HttpError
from kg.store import QueryResult

T = TypeVar("T")
_END = object()


class Cancelled(Exception):
    """Raised inside a writer to stop a serialization nobody is waiting for."""


class Executor:
    """The worker threads store calls run in, and the per-query timeout."""

    def __init__(self, timeout: float, workers: int = 8) -> None:
        self.timeout = timeout
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kg-query")

    async def call(self, fn: Callable[..., T], *args: Any, timeout: float | None = None) -> T:
        """Run fn(*args) in a worker; 503 if it takes longer than the timeout."""
        loop = asyncio.get_running_loop()
        fut = loop.run_in_executor(self.pool, fn, *args)
        try:
            return await asyncio.wait_for(fut, timeout or self.timeout)
        except asyncio.TimeoutError as e:
            raise _timeout(timeout or self.timeout) from e

    async def stream(self, produce: Callable[[], tuple[QueryResult, str]], headers: dict[str, str] | None = None) -> Response:
        """Stream a query result: `produce` runs the query and picks the media type, in a worker thread."""
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[Any] = asyncio.Queue()
        room = threading.Semaphore(32)  # chunks in flight: back-pressure on the worker
        cancelled = threading.Event()
        put = lambda item: loop.call_soon_threadsafe(queue.put_nowait, item)  # noqa: E731

        def work() -> None:
            try:
                result, media = produce()
                put(("type", media))
                result.serialize_to(_Writer(put, room, cancelled), media)
                put(_END)
            except Cancelled:
                put(_END)
            except BaseException as e:  # noqa: BLE001 (handed to the event loop, which answers)
                put(("error", e))

        self.pool.submit(work)
        deadline = loop.time() + self.timeout
        try:
            head = await asyncio.wait_for(queue.get(), self.timeout)
            first = await asyncio.wait_for(queue.get(), max(deadline - loop.time(), 0.001)) if head[0] == "type" else head
        except asyncio.TimeoutError as e:
            cancelled.set()
            raise _timeout(self.timeout) from e
        if isinstance(first, tuple) and first[0] == "error":
            raise _as_http(first[1])
        media = head[1]

        async def body() -> AsyncIterator[bytes]:
            item = first
            try:
                while item is not _END:
                    if isinstance(item, tuple):  # an error after the first bytes: end the stream early
                        return
                    room.release()
                    yield item
                    item = await queue.get()
            finally:
                cancelled.set()

        return StreamingResponse(body(), media_type=media, headers=headers)


class _Writer:
    """A file-like object pyoxigraph serializes into; each write becomes one queued chunk."""

    def __init__(self, put: Callable[[Any], None], room: threading.Semaphore, cancelled: threading.Event) -> None:
        self.put, self.room, self.cancelled = put, room, cancelled

    def write(self, data: bytes) -> int:
        while not self.room.acquire(timeout=0.5):
            if self.cancelled.is_set():
                raise Cancelled()
        if self.cancelled.is_set():
            raise Cancelled()
        self.put(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def _timeout(seconds: float) -> HttpError:
    return HttpError(503, f"the query did not finish within {seconds:g} s; narrow it (LIMIT, filters) and try again")


def _as_http(e: BaseException) -> Exception:
    if isinstance(e, (HttpError, KgError)):
        return e
    return HttpError(500, "the query failed while its results were written")
