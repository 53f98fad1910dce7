"""Requests that ask to upgrade to HTTP/2 (`Upgrade: h2c`), as Java's HttpClient (Apache Jena) and
`curl --http2` send them: the upgrade is refused and the request, body included, answered in HTTP/1.1.

Before: uvicorn's httptools parser ended such a request at its headers, so a POSTed query had no
body and the answer was 400 "missing the 'query' parameter".
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import urllib.parse
from pathlib import Path

import pytest

from tests.server.conftest import live_server, no_traceback

QUERY = "ASK { ?s ?p ?o }"
#: The headers Apache Jena 4.5 (rsparql --post, Java 17 HttpClient) sent, captured on a socket.
JENA_HEADERS = ("Connection: Upgrade, HTTP2-Settings\r\n"
                "HTTP2-Settings: AAEAAEAAAAIAAAAAAAMAAAAAAAQBAAAAAAUAAEAAAAYABgAA\r\n"
                "Upgrade: h2c\r\n"
                "User-Agent: Java-http-client/17.0.15\r\n"
                "Accept: application/sparql-results+json, application/sparql-results+xml;q=0.9, "
                "text/tab-separated-values;q=0.7, text/csv;q=0.5,application/json;q=0.2,application/xml;q=0.2,*/*;q=0.1\r\n")


def _request(method: str, target: str, body: bytes = b"", content_type: str = "") -> bytes:
    head = f"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n{JENA_HEADERS}"
    if content_type:
        head += f"Content-Type: {content_type}\r\n"
    if body or method == "POST":
        head += f"Content-Length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + body


def _answer(sock: socket.socket) -> tuple[str, bytes]:
    """Read one HTTP/1.1 answer (Content-Length or chunked): (status line, body)."""
    buf = sock.makefile("rb")
    status = buf.readline().decode("latin-1").strip()
    headers = {}
    while (line := buf.readline().decode("latin-1").strip()):
        name, _, value = line.partition(":")
        headers[name.lower()] = value.strip()
    if headers.get("transfer-encoding") == "chunked":
        body = b""
        while (size := int(buf.readline().strip(), 16)):
            body += buf.read(size)
            buf.readline()
        buf.readline()
        return status, body
    return status, buf.read(int(headers.get("content-length", "0")))


@pytest.fixture(scope="module")
def server(seeds_store: Path, tmp_path_factory: pytest.TempPathFactory):
    log = tmp_path_factory.mktemp("h2c") / "server.log"
    with live_server(seeds_store, log=log) as url:
        yield url, log
    no_traceback(log)


def test_post_with_h2c_upgrade_keeps_its_body(server: tuple[str, Path]) -> None:
    url, log = server
    port = int(url.rsplit(":", 1)[1])
    form = urllib.parse.urlencode({"query": QUERY}).encode()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(_request("POST", "/sparql", QUERY.encode(), "application/sparql-query;charset=utf-8"))
        status, body = _answer(sock)
        assert status == "HTTP/1.1 200 OK" and b'"boolean":true' in body, body
        # the same connection goes on: a form POST, then a GET, both asking to upgrade again
        sock.sendall(_request("POST", "/sparql", form, "application/x-www-form-urlencoded"))
        status, body = _answer(sock)
        assert status == "HTTP/1.1 200 OK" and b'"boolean":true' in body, body
        sock.sendall(_request("GET", "/sparql?" + form.decode()))
        status, body = _answer(sock)
        assert status == "HTTP/1.1 200 OK" and b'"boolean":true' in body, body
    # the upgrade was refused quietly: no warning about it in the log
    assert "Unsupported upgrade" not in no_traceback(log)


def test_a_request_without_upgrade_still_works_after_one_with(server: tuple[str, Path]) -> None:
    url, _log = server
    port = int(url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(f"GET /sparql?query={urllib.parse.quote(QUERY)} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        assert _answer(sock)[0] == "HTTP/1.1 200 OK"


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_curl_http2_posts_a_query(server: tuple[str, Path]) -> None:
    url, _log = server
    out = subprocess.run(["curl", "-s", "--http2", "--data-urlencode", f"query={QUERY}", url + "/sparql"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and '"boolean":true' in out.stdout, out
