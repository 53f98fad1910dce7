"""A query process: evaluates ad-hoc SPARQL for `kg serve` on its own copy of the read-only store.

pyoxigraph cannot stop a query once it runs, and some queries abort the whole process (an ORDER BY
over mixed values can fail Rust's sort check: SIGABRT). So a read-only server evaluates ad-hoc
queries here, in a process it can kill when the query runs past its timeout or its answer grows past
the limit, and whose crash it survives (kg.server.processes is the other side).

Run as a script (`python query_process.py STORE`), not as `kg.server.query_process`: it imports
only pyoxigraph and the standard library, so a new process answers in about 0.2 s (importing the kg
package takes seconds), which is also why it talks to pyoxigraph itself rather than through kg.store.

Protocol: one JSON job per line on stdin; on stdout, frames of one type byte, a 4-byte big-endian
length and a payload: `T` media type, `D` data, `E` error (JSON: status, message), `Z` end of answer.
The process ends at the end of stdin, after `idle` seconds without a job, or within a second of its
parent.
"""

from __future__ import annotations

import json
import os
import select
import struct
import sys
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:
    import pyoxigraph as ox

_CHUNK = 64 * 1024


def _die_with_parent() -> None:
    """End this process within a second of the server's end, even in the middle of a query.

    (Not PR_SET_PDEATHSIG: Linux sends it when the *thread* that started the process ends, and the
    server starts these from worker threads that come and go.)"""
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()


class _Frames:
    """stdout as frames; data is gathered into chunks of 64 KiB."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.pending: list[bytes] = []
        self.size = 0

    def send(self, kind: bytes, payload: bytes = b"") -> None:
        self.out.write(kind + struct.pack(">I", len(payload)) + payload)
        if kind != b"D":
            self.out.flush()

    def write(self, data: bytes) -> int:
        self.pending.append(bytes(data))
        self.size += len(data)
        if self.size >= _CHUNK:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self.pending:
            self.send(b"D", b"".join(self.pending))
            self.pending, self.size = [], 0
        self.out.flush()

    def error(self, status: int, message: str) -> None:
        self.pending, self.size = [], 0
        self.send(b"E", json.dumps({"status": status, "message": message}).encode())


def _first_line(e: BaseException) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__


def run(store: ox.Store, job: dict, frames: _Frames) -> None:
    """Evaluate one job and write its answer (or its error) as frames."""
    import pyoxigraph as ox

    kwargs: dict[str, Any] = {}
    if job.get("default_graphs"):
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job["default_graphs"]]
    elif job.get("union"):
        kwargs["use_default_graph_as_union"] = True
    if job.get("named_graphs"):
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job["named_graphs"]]
    if job.get("base_iri"):
        kwargs["base_iri"] = job["base_iri"]
    try:
        result = store.query(job["query"], **kwargs)
    except SyntaxError as e:
        return frames.error(400, f"malformed SPARQL query: {_first_line(e)}")
    except (OSError, ValueError, RuntimeError) as e:
        return frames.error(400, f"query failed: {_first_line(e)}")
    kind = "graph" if isinstance(result, ox.QueryTriples) else "results"
    media = job["media"].get(kind)
    if not media:
        return frames.error(406, job["refused"].get(kind) or "cannot answer in the requested format")
    frames.send(b"T", media.encode())
    try:
        if kind == "graph":
            ox.serialize(result, frames, format=ox.RdfFormat.from_media_type(media))
        else:
            result.serialize(frames, format=ox.QueryResultsFormat.from_media_type(media))
        frames.flush()
    except (OSError, ValueError, RuntimeError) as e:
        return frames.error(500, f"the query failed while its results were written: {_first_line(e)}")
    frames.send(b"Z")


def main(argv: list[str]) -> int:
    _die_with_parent()
    import pyoxigraph as ox

    path, idle = argv[1], float(argv[2]) if len(argv) > 2 else 60.0
    store = ox.Store.read_only(path)
    frames = _Frames(sys.stdout.buffer)
    frames.send(b"R")  # ready
    stdin = sys.stdin.buffer
    while True:
        ready, _, _ = select.select([stdin], [], [], idle)
        if not ready:
            return 0
        line = stdin.readline()
        if not line:
            return 0
        run(store, json.loads(line), frames)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except (BrokenPipeError, KeyboardInterrupt):
        os._exit(0)
