"""An httpx2 transport on geventhttpclient: the SDK's HTTP under gevent, parsed in C.

The openai SDK sends every request through an `httpx2.Client`; its default transport
(httpcore + h11) is pure Python, and under gunicorn's gevent workers it was the largest
share of a turn's CPU: h11's chunked reader per streamed token, and a pool that polls every
idle connection each time a request starts or ends (docs/benchmarks.md). geventhttpclient
parses responses with llhttp in C and hands out pooled sockets without polling the others.

The SDK stays in charge of everything above the wire (retries, timeouts, headers, error
mapping): this transport only sends one request and streams its response back, raising the
same httpx2 exceptions httpcore would, so that a fault maps to the same kind as before.
Used when the sockets are gevent's (`use_gevent_transport`); without gevent it is not.
"""

from __future__ import annotations

import os
import ssl
import threading
from collections.abc import Iterator
from typing import Any, cast

import httpx2
from geventhttpclient import HTTPClient
from geventhttpclient.header import Headers
from geventhttpclient.response import HTTPParseError, HTTPSocketPoolResponse

# Like the SDK's own pool: enough for every stream a worker holds open at once.
MAX_CONNECTIONS = 1000
_READ_SIZE = 65536
_PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                    "all_proxy")


def use_gevent_transport() -> bool:
    """True when this process runs on gevent's sockets (gunicorn's gevent worker patches
    them) and no proxy is configured (httpx2 honours proxy variables; this transport not)."""
    try:
        from gevent import monkey
    except ImportError:  # pragma: no cover - gevent is a runtime requirement
        return False
    return monkey.is_module_patched("socket") and not any(
        os.environ.get(name) for name in _PROXY_VARIABLES)


class GeventTransport(httpx2.BaseTransport):
    """Sends httpx2 requests through geventhttpclient's pooled, C-parsed connections."""

    def __init__(self, *, max_connections: int = MAX_CONNECTIONS,
                 ssl_context: ssl.SSLContext | None = None):
        self.max_connections = max_connections
        self.ssl_context = ssl_context
        self._clients: dict[tuple[str, str, int, float | None, float | None], HTTPClient] = {}
        self._lock = threading.Lock()

    def _client(self, url: httpx2.URL, timeout: dict[str, float | None]) -> HTTPClient:
        secure = url.scheme == "https"
        port = url.port or (443 if secure else 80)
        # geventhttpclient sets timeouts per pool, httpx2 per request: one pool per pair
        # (the SDK uses one pair per client, so there is one pool per model server).
        connect, read = timeout.get("connect"), timeout.get("read")
        key = (url.scheme, url.host, port, connect, read)
        client = self._clients.get(key)
        if client is None:
            with self._lock:
                client = self._clients.get(key)
                if client is None:
                    options: dict[str, Any] = {}
                    if secure and self.ssl_context is not None:
                        context = self.ssl_context
                        options["ssl_context_factory"] = lambda *a, **k: context
                    # None (no timeout) goes on to socket.settimeout, which takes it.
                    client = HTTPClient(
                        url.host, port=port, ssl=secure, concurrency=self.max_connections,
                        connection_timeout=cast(float, connect),
                        network_timeout=cast(float, read), **options)
                    client.default_headers.clear()  # httpx2 sends the SDK's own headers
                    self._clients[key] = client
        return client

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        if request.url.scheme not in ("http", "https"):
            raise httpx2.UnsupportedProtocol(f"unsupported URL scheme {request.url.scheme!r}",
                                             request=request)
        client = self._client(request.url, request.extensions.get("timeout", {}))
        headers = Headers((k.decode("latin-1"), v.decode("latin-1"))
                          for k, v in request.headers.raw)
        body = request.read()
        try:
            response = client.request(request.method, request.url.raw_path.decode("ascii"),
                                      body=body, headers=headers)
        except Exception as error:  # mapped, or raised as it is
            raise _mapped(error, request, connecting=True) from error
        return httpx2.Response(
            response.status_code, headers=list(response.items()),
            stream=_ResponseStream(response, request),
            extensions={"http_version": b"HTTP/1.1",
                        "reason_phrase": (response.status_message or "").encode("latin-1")},
            request=request)

    def close(self) -> None:
        with self._lock:
            for client in self._clients.values():
                client.close()
            self._clients.clear()


class _ResponseStream(httpx2.SyncByteStream):
    """The response body, chunk by chunk as it arrives (not in fixed-size blocks)."""

    def __init__(self, response: HTTPSocketPoolResponse, request: httpx2.Request):
        self.response = response
        self.request = request

    def __iter__(self) -> Iterator[bytes]:
        # geventhttpclient's own iterator waits for 4 KiB blocks, which would hold a
        # streamed token back; this yields what each read brought. The parser keeps the
        # body in `_body_buffer` and the socket in `_sock` (pinned version, 2.6.1).
        response = self.response
        buffer = response._body_buffer
        while True:
            if buffer:
                data = bytes(buffer)
                del buffer[:]
                yield data
            if response.message_complete:
                return
            sock = response._sock
            if sock is None:
                raise httpx2.RemoteProtocolError(
                    "peer closed connection without sending complete message body",
                    request=self.request)
            try:
                data = sock.recv(_READ_SIZE)
                if not data:
                    raise httpx2.RemoteProtocolError(
                        "peer closed connection without sending complete message body "
                        "(incomplete chunked read)", request=self.request)
                response.feed(data)
            except httpx2.HTTPError:
                response.release()
                raise
            except Exception as error:
                response.release()
                raise _mapped(error, self.request, connecting=False) from error

    def close(self) -> None:
        # Complete: the socket went back to the pool already. Otherwise it is closed,
        # which tells the server the client left (and stops a model generating).
        self.response.release()


def _mapped(error: Exception, request: httpx2.Request, *, connecting: bool) -> Exception:
    """The httpx2 exception httpcore would have raised for this failure."""
    if isinstance(error, httpx2.HTTPError):
        return error
    if isinstance(error, TimeoutError):  # socket.timeout is TimeoutError
        # Connecting and waiting for the head share one call: either way the SDK sees a
        # TimeoutException (its APITimeoutError, a `timeout` fault here).
        return httpx2.ReadTimeout(str(error) or "timed out", request=request)
    if isinstance(error, HTTPParseError):
        return httpx2.RemoteProtocolError(str(error) or "malformed response", request=request)
    if isinstance(error, ConnectionRefusedError) or (connecting and isinstance(error, OSError)
                                                     and not isinstance(error, ConnectionError)):
        return httpx2.ConnectError(str(error), request=request)
    if isinstance(error, OSError):
        return httpx2.ReadError(str(error), request=request)
    return error
