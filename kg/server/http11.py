"""uvicorn's HTTP/1.1 protocol for kg: httptools, with h11 for a request that asks to upgrade.

Java's HttpClient (Apache Jena's `rsparql`, `rupdate`) sends every request with `Upgrade: h2c` and
`Connection: Upgrade, HTTP2-Settings`; `curl --http2` does the same. llhttp (under httptools) ends
such a request at its headers and treats the body as the new protocol's data, so uvicorn answered a
POSTed query as if it had no body (400). Here the upgrade is refused (HTTP/2 is not offered: the
request is answered in HTTP/1.1, as RFC 9110 allows) and the connection is handed, with the bytes
already read, to uvicorn's h11 protocol, which reads the body. Other requests keep httptools, which is
faster than h11 on this server (light saved query, cache off: 305-420 req/s with h11, 400-540 with
httptools, interleaved runs).
"""

from __future__ import annotations

import httptools
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

#: Request headers that only concern the refused upgrade; dropped before h11 reads the request.
_UPGRADE_HEADERS = {b"upgrade", b"http2-settings"}


class _H11Protocol(H11Protocol):
    """h11 for a connection handed over; a later request on it that asks to upgrade is answered in
    HTTP/1.1 too, without uvicorn's warning (kg offers no other protocol)."""

    def _unsupported_upgrade_warning(self) -> None:
        pass


class KgHttpProtocol(HttpToolsProtocol):
    """httptools for every request but one asking to upgrade to something other than a WebSocket."""

    _handing_over = False

    def _asks_other_upgrade(self) -> bool:
        return bool(self.parser.should_upgrade()) and self._get_upgrade() != b"websocket"

    def on_headers_complete(self) -> None:
        # A pipelined request still being answered keeps the old behaviour: the h11 protocol would
        # write its answer into the middle of the earlier one.
        busy = self.cycle is not None and not self.cycle.response_complete
        if self._asks_other_upgrade() and not busy and not self.pipeline:
            self._handing_over = True
            return
        super().on_headers_complete()

    def on_body(self, body: bytes) -> None:
        if not self._handing_over:
            super().on_body(body)

    def on_message_complete(self) -> None:
        if not self._handing_over:
            super().on_message_complete()

    def data_received(self, data: bytes) -> None:
        if self._handing_over:  # pragma: no cover (the transport has a new protocol by now)
            return
        self._unset_keepalive_if_required()
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError:
            super().data_received(data)  # answers 400 the usual way
        except httptools.HttpParserUpgrade as e:
            if self._handing_over:
                self._hand_to_h11(data[e.args[0]:] if e.args else b"")
            elif self._should_upgrade():
                self.handle_websocket_upgrade()
            else:
                self._unsupported_upgrade_warning()

    def _hand_to_h11(self, rest: bytes) -> None:
        """Give the connection to h11: the request's head (without the upgrade) and the bytes after it."""
        head = [self.parser.get_method(), b" ", self.url, b" HTTP/", self.parser.get_http_version().encode(),
                b"\r\n"]
        for name, value in self.headers:
            if name in _UPGRADE_HEADERS:
                continue
            if name == b"connection":
                tokens = [t.strip() for t in value.split(b",")]
                value = b", ".join(t for t in tokens if t and t.lower() not in (b"upgrade", b"http2-settings"))
                if not value:
                    continue
            head += [name, b": ", value, b"\r\n"]
        head.append(b"\r\n")
        self.connections.discard(self)
        protocol = _H11Protocol(config=self.config, server_state=self.server_state, app_state=self.app_state,
                               _loop=self.loop)
        protocol.connection_made(self.transport)
        self.transport.set_protocol(protocol)
        protocol.data_received(b"".join(head) + rest)
