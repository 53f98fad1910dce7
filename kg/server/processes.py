"""Ad-hoc SPARQL in query processes (kg.server.query_process) that the server can kill.

A read-only server runs each ad-hoc `/sparql` query in a process of its own, one query at a time,
kept for the next query while it is idle. When the request gives up on the query (its timeout, the
client gone, the answer past --max-result-mb) the process is killed, so the query stops using the
processor at once instead of running on for minutes or hours in a thread that cannot be stopped;
when the query crashes its process (pyoxigraph aborts on some ORDER BY), the server answers 500 and
goes on. A writable server keeps queries in its own threads: its store is open for writing, and a
second process may not open it meanwhile.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from kg.server.errors import HttpError

log = logging.getLogger("kg.server")
SCRIPT = Path(__file__).with_name("query_process.py")


class Stopper:
    """Kills the query process running one request's query; called from the event loop."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._proc: subprocess.Popen | None = None
        self.stopped = False

    def attach(self, proc: subprocess.Popen) -> None:
        with self._lock:
            self._proc = proc
            if self.stopped:
                _kill(proc)

    def detach(self) -> None:
        with self._lock:
            self._proc = None

    def stop(self) -> None:
        with self._lock:
            self.stopped = True
            if self._proc is not None:
                _kill(self._proc)


class _Died(Exception):
    """The query process ended before it finished its answer."""


class _Process:
    def __init__(self, store: Path, idle_seconds: float) -> None:
        args = [sys.executable, *(["-P"] if sys.version_info >= (3, 11) else []), str(SCRIPT), str(store),
                str(idle_seconds)]
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     env={**os.environ, "RUST_BACKTRACE": "0"}, close_fds=True)
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin: IO[bytes] = self.proc.stdin
        self.stdout: IO[bytes] = self.proc.stdout
        self.idle_since = time.monotonic()

    def frame(self) -> tuple[bytes, bytes]:
        head = self.stdout.read(5)
        if len(head) < 5:
            raise _Died()
        (length,) = struct.unpack(">I", head[1:])
        payload = self.stdout.read(length) if length else b""
        if len(payload) < length:
            raise _Died()
        return head[:1], payload

    def send(self, job: dict) -> None:
        try:
            self.stdin.write(json.dumps(job).encode() + b"\n")
            self.stdin.flush()
        except (BrokenPipeError, ValueError, OSError) as e:
            raise _Died() from e

    def why_it_ended(self) -> str:
        """The exit status and the first line of what it wrote on stderr (a panic message)."""
        _kill(self.proc)
        code = self.proc.wait()
        err = b""
        if self.proc.stderr is not None:
            with contextlib.suppress(OSError, ValueError):
                err = self.proc.stderr.read(4096)
        lines = [ln.strip() for ln in err.decode("utf-8", "replace").splitlines() if ln.strip()]
        cause = next((ln for ln in lines if "panicked" not in ln), lines[0] if lines else "")
        status = f"signal {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"
        return f"{status}{': ' + cause[:200] if cause else ''}"

    def close(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.stdin.close()
        _kill(self.proc)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)
        for stream in (self.stdout, self.proc.stderr):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                stream.close()


class QueryProcesses:
    """Idle query processes on one read-only store, started on demand and ended after `idle_seconds`."""

    def __init__(self, store: Path, *, idle_seconds: float = 60.0) -> None:
        self.store = store
        self.idle_seconds = idle_seconds
        self._idle: list[_Process] = []
        self._lock = threading.Lock()
        self.started = 0  # processes started so far (for tests and /api/status)

    @property
    def idle(self) -> int:
        with self._lock:
            return len(self._idle)

    def _acquire(self) -> _Process:
        now = time.monotonic()
        with self._lock:
            while self._idle:
                p = self._idle.pop()
                # a process idle for nearly its limit may be ending right now: start a new one instead
                if p.proc.poll() is None and now - p.idle_since < self.idle_seconds - 5:
                    return p
                p.close()
        with self._lock:
            self.started += 1
        p = _Process(self.store, self.idle_seconds)
        try:
            kind, _ = p.frame()  # 'R': the store is open
        except _Died:
            why = p.why_it_ended()
            p.close()
            raise HttpError(500, f"could not start a query process ({why})") from None
        if kind != b"R":  # pragma: no cover (protocol error)
            p.close()
            raise HttpError(500, "a query process answered out of turn")
        return p

    def _release(self, p: _Process) -> None:
        p.idle_since = time.monotonic()
        with self._lock:
            self._idle.append(p)

    def run(self, job: dict, begin: Callable[[str], None], write: Callable[[bytes], object],
            stopper: Stopper) -> None:
        """Evaluate `job` in a query process (blocking: call from a worker thread).

        `begin(media)` is called once the answer starts, `write(chunk)` for each chunk; an exception
        from either stops the query (its process is killed). A refused or failed query raises HttpError."""
        p = self._acquire()
        stopper.attach(p.proc)
        reusable = False
        try:
            p.send(job)
            while True:
                kind, payload = p.frame()
                if kind == b"D":
                    write(payload)
                elif kind == b"T":
                    begin(payload.decode())
                elif kind == b"Z":
                    reusable = True
                    return
                elif kind == b"E":
                    reusable = True
                    err = json.loads(payload)
                    raise HttpError(int(err["status"]), str(err["message"]))
        except _Died:
            if stopper.stopped:
                raise Stopped() from None
            why = p.why_it_ended()
            log.warning("a query process ended during a query (%s); the server goes on", why)
            raise HttpError(500, f"the query ended its query process ({why}); this is a fault in the store engine, "
                                 "not in the query, and the server goes on") from None
        finally:
            stopper.detach()
            if reusable and not stopper.stopped:
                self._release(p)
            else:
                p.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for p in idle:
            p.close()


class Stopped(Exception):
    """The query was stopped on purpose (timeout, client gone, answer too large)."""


def _kill(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError, OSError):
        if proc.poll() is None:
            proc.kill()
