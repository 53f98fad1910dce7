"""Live servers for the server tests: `kg serve` in a subprocess on a free loopback port."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT

TOKEN = "test-token-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def live_server(store: Path, *args: str, log: Path | None = None) -> Iterator[str]:
    """Start `python -m kg serve` on `store`; yield its base URL once it answers; stop it afterwards.

    The server's output (stdout and stderr) goes to `log` when given, so a test can read it."""
    port = free_port()
    out = open(log, "wb") if log is not None else subprocess.DEVNULL  # noqa: SIM115 (closed below)
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port), *args],
                            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env={**os.environ})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"kg serve exited: {log.read_text() if log else proc.returncode}")
            try:
                if httpx.get(url + "/api/queries", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("kg serve did not answer within 30 s")
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        if log is not None:
            out.close()


@contextlib.contextmanager
def in_process_get(app: object) -> Iterator[Callable[..., httpx.Response]]:
    """GET from an ASGI app in-process; one event loop for all calls, as a server has."""
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    loop = asyncio.new_event_loop()

    def call(path: str, **kwargs: object) -> httpx.Response:
        async def request() -> httpx.Response:
            async with httpx.AsyncClient(transport=transport, base_url="http://kg.test") as client:
                return await client.get(path, **kwargs)  # type: ignore[arg-type]

        return loop.run_until_complete(request())

    try:
        yield call
    finally:
        loop.close()


def no_traceback(log: Path) -> str:
    """The server's log, after checking that no Python traceback reached it."""
    text = log.read_text(errors="replace")
    assert "Traceback" not in text, text[-3000:]
    return text


@pytest.fixture(scope="session")
def seeds_server(seeds_store: Path) -> Iterator[str]:
    """A read-only server on the seed store."""
    with live_server(seeds_store) as url:
        yield url


@pytest.fixture(scope="module")
def writable_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server on a fresh, empty store with updates enabled and a small body limit."""
    store = tmp_path_factory.mktemp("writable") / "store"
    with live_server(store, "--update-token", TOKEN, "--max-body", "200000") as url:
        yield url


@pytest.fixture()
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}
