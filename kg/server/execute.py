"""Running store work off the event loop: bounded worker threads, a per-query deadline, streamed output.

A query runs in a worker thread and writes its serialization through a queue; the response starts
with the first chunk, so the deadline covers time-to-first-byte and a timed-out query answers 503
while the server keeps serving. A query that is given up on (timeout, client gone) is stopped at
its next write. Large results stream in 8 KiB chunks with back-pressure, never held whole in memory,
and an answer past `max_result_bytes` is cut there (its query stopped).

pyoxigraph cannot interrupt a query: an aggregate or ORDER BY over a huge join writes nothing until
it has read everything. A read-only server therefore runs ad-hoc SPARQL in query processes that are
killed when their query is given up (kg.server.processes). Work that runs in a thread here (saved
queries, and every query on a writable server) runs on after the 503 instead: its thread is
*abandoned*: it gives its slot back at once, drops to the lowest CPU priority (nice 19, Linux) so
live requests keep the processor, and is counted; while `max_abandoned` are still running, new
ad-hoc SPARQL is refused with 503 instead of piling up more.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import os
import sys
import threading
from collections.abc import AsyncIterator, Callable
from queue import Empty, SimpleQueue
from typing import Any, TypeVar

from starlette.responses import Response, StreamingResponse

from kg.errors import KgError
from kg.server.errors import HttpError
from kg.server.processes import Stopped, Stopper
from kg.store import QueryResult

log = logging.getLogger("kg.server")

T = TypeVar("T")
_END = object()


class Cancelled(Exception):
    """Raised inside a writer to stop a serialization nobody is waiting for."""


class TooLarge(Exception):
    """Raised inside a writer once the answer passes --max-result-mb."""


class Executor:
    """The worker threads store calls run in, the per-query timeout, and the abandoned-query count."""

    def __init__(self, timeout: float, workers: int = 8, max_abandoned: int = 4, max_result_bytes: int = 0) -> None:
        self.timeout = timeout
        self.max_result_bytes = max_result_bytes
        self.workers = workers
        self.max_abandoned = max_abandoned
        self.abandoned = 0  # threads still running work whose request was already answered (503)
        self.lock = threading.Lock()
        self._slots: asyncio.Semaphore | None = None
        self._workers = _Workers()

    @property
    def idle_workers(self) -> int:
        """Worker threads waiting for a job (a worker turns idle just after handing over its result)."""
        return self._workers.idle

    async def _start(self, fn: Callable[[], None], deadline: float, untrusted: bool = False) -> _Job:
        """Start fn on a worker thread once one of `workers` slots is free (503 at the deadline)."""
        if untrusted and self.abandoned >= self.max_abandoned:
            raise HttpError(503, f"{self.abandoned} earlier queries that ran past the {self.timeout:g} s limit are still "
                                 "finishing; try again later", {"Retry-After": "60"})
        loop = asyncio.get_running_loop()
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.workers)
        try:
            await asyncio.wait_for(self._slots.acquire(), max(deadline - loop.time(), 0.001))
        except asyncio.TimeoutError as e:
            raise _timeout(self.timeout) from e
        job = _Job(self, self._slots, loop, fn)
        self._workers.submit(job)
        return job

    async def call(self, fn: Callable[..., T], *args: Any, timeout: float | None = None) -> T:
        """Run fn(*args) in a worker; 503 if it takes longer than the timeout."""
        loop = asyncio.get_running_loop()
        seconds = timeout or self.timeout
        deadline = loop.time() + seconds
        done: concurrent.futures.Future[T] = concurrent.futures.Future()

        def work() -> None:
            if not done.set_running_or_notify_cancel():
                return
            try:
                done.set_result(fn(*args))
            except BaseException as e:  # re-raised in the awaiting request
                done.set_exception(e)

        job = await self._start(work, deadline)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(done), max(deadline - loop.time(), 0.001))
        except asyncio.TimeoutError as e:
            job.abandon()
            raise _timeout(seconds) from e

    async def stream(self, produce: Callable[[], tuple[QueryResult, str]] | None = None,
                     headers: dict[str, str] | None = None, *, untrusted: bool = False,
                     keep: Callable[[str, bytes], None] | None = None, keep_limit: int = 0,
                     run: Callable[[Callable[[str], None], Any], None] | None = None,
                     stopper: Stopper | None = None) -> Response:
        """Stream a query result: `produce` runs the query and picks the media type, in a worker thread.

        Instead of `produce`, `run(begin, writer)` may produce the answer itself (a query process):
        it calls `begin(media)` once, then writes the answer's bytes into `writer`; `stopper` then
        stops it when the request gives up (timeout, client gone, answer too large).
        `untrusted` (ad-hoc SPARQL) is refused while too many abandoned queries are still running.
        `keep(media, body)` is called with the whole answer once written, if it is at most `keep_limit`
        bytes (a cache filling itself as the answer streams out). An answer longer than
        `max_result_bytes` is cut there (see _CutStream)."""
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[Any] = asyncio.Queue()
        room = threading.Semaphore(32)  # chunks in flight: back-pressure on the worker
        cancelled = threading.Event()

        def put(item: Any) -> None:
            with contextlib.suppress(RuntimeError):  # the event loop is closed: nobody is waiting any more
                loop.call_soon_threadsafe(queue.put_nowait, item)

        def work() -> None:
            writer = _Writer(put, room, cancelled, keep_limit if keep else 0, self.max_result_bytes)
            media: list[str] = []

            def begin(m: str) -> None:
                media.append(m)
                put(("type", m))

            try:
                if run is not None:
                    run(begin, writer)
                else:
                    assert produce is not None
                    _serialize(produce, begin, writer)
                put(_END)
                if keep and writer.kept is not None:
                    keep(media[0], b"".join(writer.kept))
            except (Cancelled, Stopped):
                put(_END)
            except TooLarge:
                put(("cut", self.max_result_bytes))
            except BaseException as e:  # handed to the event loop, which answers
                # Without its traceback: the frames it holds may hold pyoxigraph objects, which must be
                # dropped in this thread (they are unsendable; dropped elsewhere they log a traceback).
                put(("error", e.with_traceback(None)))

        def stop() -> None:
            cancelled.set()
            if stopper is not None:
                stopper.stop()

        deadline = loop.time() + self.timeout
        job = await self._start(work, deadline, untrusted)
        try:
            head = await asyncio.wait_for(queue.get(), max(deadline - loop.time(), 0.001))
            first = await asyncio.wait_for(queue.get(), max(deadline - loop.time(), 0.001)) if head[0] == "type" else head
        except asyncio.TimeoutError as e:
            stop()
            job.abandon()
            raise _timeout(self.timeout) from e
        if isinstance(first, tuple) and first[0] == "error":
            raise _as_http(first[1])
        if isinstance(first, tuple) and first[0] == "cut":
            raise HttpError(503, _cut_message(self.max_result_bytes).strip())
        media = head[1]

        async def body() -> AsyncIterator[bytes]:
            item = first
            try:
                while item is not _END:
                    if isinstance(item, tuple):  # the answer was cut, or failed after its first bytes
                        response.cut = True
                        if item[0] == "cut":
                            log.warning("an answer was cut at %s (--max-result-mb) and its query stopped",
                                        _mib(item[1]))
                            yield _cut_message(item[1]).encode()
                        else:
                            log.warning("a query failed after its first bytes were sent: %s",
                                        str(item[1]).splitlines()[0] if str(item[1]) else type(item[1]).__name__)
                        return
                    room.release()
                    yield item
                    item = await queue.get()
            finally:
                stop()

        response = _CutStream(body(), media_type=media, headers=headers)
        return response  # body() marks it cut


def _serialize(produce: Callable[[], tuple[QueryResult, str]], begin: Callable[[str], None], writer: _Writer) -> None:
    result, media = produce()
    begin(media)
    result.serialize_to(writer, media)


class _CutStream(StreamingResponse):
    """A streamed answer that can end without its last chunk: a client then sees an incomplete
    response (curl: 'transfer closed with outstanding read data') rather than a short answer that
    looks whole. uvicorn closes the connection; its one-line note about it is filtered out below."""

    cut = False

    async def stream_response(self, send: Any) -> None:
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
        async for chunk in self.body_iterator:
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        if not self.cut:
            await send({"type": "http.response.body", "body": b"", "more_body": False})


class _NoCutNote(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("ASGI callable returned without completing response")


logging.getLogger("uvicorn.error").addFilter(_NoCutNote())


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):g} MiB"


def _cut_message(limit: int) -> str:
    return (f"\n\n# kg: answer cut at {_mib(limit)} (kg serve --max-result-mb, env KG_MAX_RESULT_MB); "
            "narrow the query (LIMIT, filters)\n")


class _Job:
    """One piece of work run by a worker thread; its slot is freed when it ends or is abandoned."""

    def __init__(self, owner: Executor, slots: asyncio.Semaphore, loop: asyncio.AbstractEventLoop,
                 fn: Callable[[], None]) -> None:
        self.owner, self.slots, self.loop, self.fn = owner, slots, loop, fn
        self.state = "running"  # -> "done", or "abandoned" -> "done"
        self.thread_id: int | None = None  # the native id of the worker running it

    def run(self) -> bool:
        """Run the work; True if it was abandoned meanwhile (its thread's priority was lowered)."""
        try:
            self.fn()
        finally:
            with self.owner.lock:
                was, self.state = self.state, "done"
                if was == "abandoned":
                    self.owner.abandoned -= 1
            if was == "running":
                with contextlib.suppress(RuntimeError):  # a closed event loop: the server is stopping
                    self.loop.call_soon_threadsafe(self.slots.release)
        return was == "abandoned"

    def abandon(self) -> None:
        """Called on the event loop when the request gave up on this work (it keeps running)."""
        with self.owner.lock:
            if self.state != "running":
                return
            self.state = "abandoned"
            self.owner.abandoned += 1
            lower_priority(self.thread_id)
        self.slots.release()


class _Workers:
    """Worker threads kept for reuse: starting a thread per request blocks the event loop in
    Thread.start while other workers hold the GIL. A worker whose job was abandoned ends with it
    (its lowered priority cannot be raised again without privileges); an idle one ends after
    `idle_seconds`. A worker is named kg-query while it runs a job and kg-idle while it waits."""

    def __init__(self, idle_seconds: float = 30.0) -> None:
        self.idle_seconds = idle_seconds
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()

    @property
    def idle(self) -> int:
        with self._lock:
            return len(self._idle)

    def submit(self, job: _Job) -> None:
        with self._lock:
            worker = self._idle.pop() if self._idle else None
        if worker is None:
            worker = _Worker(self)
        job.thread_id = worker.thread.native_id
        worker.thread.name = "kg-query"
        worker.jobs.put(job)

    def next_job(self, worker: _Worker) -> _Job | None:
        """Wait idle for the next job; None once idle too long (the worker then ends)."""
        worker.thread.name = "kg-idle"
        with self._lock:
            self._idle.append(worker)
        try:
            return worker.jobs.get(timeout=self.idle_seconds)
        except Empty:
            with self._lock:
                if worker in self._idle:
                    self._idle.remove(worker)
                    return None
            return worker.jobs.get()  # taken off the idle list just now: its job is on the way


class _Worker:
    def __init__(self, pool: _Workers) -> None:
        self.pool = pool
        self.jobs: SimpleQueue[_Job] = SimpleQueue()
        self.thread = threading.Thread(target=self._loop, name="kg-query", daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        job: _Job | None = self.jobs.get()
        while job is not None:
            if job.run():
                return
            job = self.pool.next_job(self)


def lower_priority(thread_id: int | None) -> bool:
    """Give one thread the lowest CPU priority (nice 19); Linux only, where nice is per thread."""
    if thread_id is None or not sys.platform.startswith("linux"):
        return False
    try:
        os.setpriority(os.PRIO_PROCESS, thread_id, 19)
    except OSError:
        return False
    return True


class _Writer:
    """A file-like object pyoxigraph serializes into; each write becomes one queued chunk.

    Past `max_bytes` (0: no limit) a write raises TooLarge, which stops the serialization."""

    def __init__(self, put: Callable[[Any], None], room: threading.Semaphore, cancelled: threading.Event,
                 keep_limit: int = 0, max_bytes: int = 0) -> None:
        self.put, self.room, self.cancelled = put, room, cancelled
        self.max_bytes, self.written = max_bytes, 0
        #: A copy of the chunks written, while they add up to at most keep_limit bytes (else None).
        self.kept: list[bytes] | None = [] if keep_limit > 0 else None
        self._room_to_keep = keep_limit

    def write(self, data: bytes) -> int:
        while not self.room.acquire(timeout=0.5):
            if self.cancelled.is_set():
                raise Cancelled()
        if self.cancelled.is_set():
            raise Cancelled()
        chunk = bytes(data)
        self.written += len(chunk)
        if self.max_bytes and self.written > self.max_bytes:
            over = self.written - self.max_bytes
            if over < len(chunk):
                self.put(chunk[:len(chunk) - over])  # the answer's first max_bytes, to the byte
            else:
                self.room.release()
            raise TooLarge()
        self.put(chunk)
        if self.kept is not None:
            self._room_to_keep -= len(chunk)
            if self._room_to_keep >= 0:
                self.kept.append(chunk)
            else:
                self.kept = None
        return len(data)

    def flush(self) -> None:
        pass


def _timeout(seconds: float) -> HttpError:
    return HttpError(503, f"the query did not finish within {seconds:g} s; narrow it (LIMIT, filters) and try again")


def _as_http(e: BaseException) -> Exception:
    if isinstance(e, (HttpError, KgError)):
        return e
    return HttpError(500, "the query failed while its results were written")
