"""The hand-written keep-alive HTTP/1.1 push client Steady used until 2026-11-28, kept
here only as ``bench/push_senders``' baseline (Steady now sends with pyreqwest: see
``backend/steady/push_http.py`` for the figures that decided it).

A push is one small POST whose answer is a status line and a few headers. A general client
(aiohttp) spent ~0.45 ms of event-loop time on each, more than everything else a push
costs together; this one writes the request in one call, parses the answer with
``httptools`` (the C parser uvicorn uses) and keeps connections open per origin, so the
dispatcher spends its time waiting on the network rather than on bookkeeping.
"""

from __future__ import annotations

import asyncio
import ssl
from dataclasses import dataclass
from functools import cache
from typing import cast
from urllib.parse import urlsplit

import httptools

from steady.push_http import (
    ERROR_BODY_LIMIT,
    IDLE_SECONDS,
    AddressGuard,
    HttpAnswer,
    PushConnectionError,
    checked_addresses,
)


class _ClosedBeforeAnswering(PushConnectionError):
    """A kept-alive connection was closed by the service before any answer began: the
    request never reached it, so it is safe to send again on a fresh connection."""


@dataclass(frozen=True)
class _Origin:
    scheme: str
    host: str
    port: int


def _split(endpoint: str) -> tuple[_Origin, bytes]:
    parts = urlsplit(endpoint)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise PushConnectionError(f"not an http(s) endpoint: {parts.scheme}://{parts.netloc}")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        host = parts.netloc.rsplit("@", 1)[-1]
        head = f"POST {path} HTTP/1.1\r\nHost: {host}\r\n".encode("ascii")
    except (ValueError, UnicodeEncodeError) as error:
        raise PushConnectionError("the endpoint is not a plain web address") from error
    return _Origin(parts.scheme, parts.hostname, port), head


class _Connection(asyncio.Protocol):
    """One keep-alive connection: at most one request in flight."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.open = False
        self._parser = httptools.HttpResponseParser(self)
        self._answer: asyncio.Future[HttpAnswer] | None = None
        self._retry_after: str | None = None
        self._body = bytearray()
        self._reusable = False
        self._answering = False
        self.idle_since = 0.0

    # asyncio.Protocol
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop calls this a turn after create_connection returns, and its transports are
        # not asyncio.Transport subclasses, so the transport is also set by the caller.
        self.attach(cast(asyncio.Transport, transport))

    def attach(self, transport: asyncio.Transport) -> None:
        """Use ``transport`` for this connection's requests."""
        self.transport = transport
        self.open = not transport.is_closing()

    def data_received(self, data: bytes) -> None:
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserError as error:
            self._fail(PushConnectionError(f"unreadable answer: {error}"))
            self.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self.open = False
        if self._answering:
            self._fail(PushConnectionError("the push service closed the connection"))
        else:
            self._fail(_ClosedBeforeAnswering("the push service closed an idle connection"))

    # httptools callbacks
    def on_message_begin(self) -> None:
        self._answering = True

    def on_header(self, name: bytes, value: bytes) -> None:
        if name.lower() == b"retry-after":
            self._retry_after = value.decode("latin-1").strip()

    def on_body(self, body: bytes) -> None:
        if len(self._body) < ERROR_BODY_LIMIT:
            self._body += body[: ERROR_BODY_LIMIT - len(self._body)]

    def on_message_complete(self) -> None:
        self._reusable = self._parser.should_keep_alive()
        answer, self._answer = self._answer, None
        status = self._parser.get_status_code()
        body = bytes(self._body) if status >= 300 else b""
        if answer is not None and not answer.done():
            answer.set_result(HttpAnswer(status, self._retry_after, body))

    def send(self, request: bytes) -> asyncio.Future[HttpAnswer]:
        """Write one request; the future resolves when its whole answer has arrived."""
        assert self.transport is not None
        self._answer = asyncio.get_running_loop().create_future()
        self._retry_after = None
        self._body.clear()
        self._reusable = False
        self._answering = False
        self.transport.write(request)
        return self._answer

    @property
    def reusable(self) -> bool:
        return self.open and self._reusable and self._answer is None

    def close(self) -> None:
        self.open = False
        if self.transport is not None:
            self.transport.close()

    def _fail(self, error: Exception) -> None:
        answer, self._answer = self._answer, None
        if answer is not None and not answer.done():
            answer.set_exception(error)


class PushConnections:
    """Keep-alive connections to push services, reused across pushes to the same origin."""

    def __init__(
        self,
        guard: AddressGuard,
        ssl_context: ssl.SSLContext | None = None,
        idle_per_origin: int = 256,
    ):
        self._guard = guard
        self._ssl = ssl_context
        self._idle: dict[_Origin, list[_Connection]] = {}
        self._idle_per_origin = idle_per_origin

    async def post(
        self, endpoint: str, headers: dict[str, str], body: bytes, seconds_allowed: float
    ) -> HttpAnswer:
        """POST ``body`` to ``endpoint`` and wait for the answer (PushConnectionError or
        TimeoutError when it does not come)."""
        origin, head = _split(endpoint)
        lines = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
        request = b"%s%sContent-Length: %d\r\n\r\n%s" % (
            head,
            lines.encode("latin-1"),
            len(body),
            body,
        )
        loop = asyncio.get_running_loop()
        connection = self._idle_connection(origin, loop.time())
        if connection is not None:
            try:
                return await self._exchange(origin, connection, request, seconds_allowed)
            except _ClosedBeforeAnswering:
                pass  # it never reached the service: send it on a fresh connection
        connection = await asyncio.wait_for(self._connect(origin), seconds_allowed)
        return await self._exchange(origin, connection, request, seconds_allowed)

    async def _exchange(
        self, origin: _Origin, connection: _Connection, request: bytes, seconds_allowed: float
    ) -> HttpAnswer:
        answer = connection.send(request)
        expiry = asyncio.get_running_loop().call_later(seconds_allowed, _expire, answer)
        try:
            result = await answer
        except BaseException:
            connection.close()
            raise
        finally:
            expiry.cancel()
        self._put_back(origin, connection)
        return result

    def _idle_connection(self, origin: _Origin, now: float) -> _Connection | None:
        idle = self._idle.get(origin)
        while idle:
            connection = idle.pop()
            if connection.open and now - connection.idle_since < IDLE_SECONDS:
                return connection
            connection.close()
        return None

    async def _connect(self, origin: _Origin) -> _Connection:
        secure = origin.scheme == "https"
        context = (self._ssl or _default_context()) if secure else None
        loop = asyncio.get_running_loop()
        # Connect to an address that was checked, never to a name resolved again later.
        checked = await checked_addresses(self._guard, origin.scheme, origin.host, origin.port)
        family, address = checked[0]
        try:
            transport, connection = await loop.create_connection(
                _Connection,
                address,
                origin.port,
                family=family,
                ssl=context,
                server_hostname=origin.host if secure else None,
            )
        except OSError as error:
            raise PushConnectionError(f"could not connect: {error}") from error
        connection.attach(transport)
        return connection

    def _put_back(self, origin: _Origin, connection: _Connection) -> None:
        idle = self._idle.setdefault(origin, [])
        if connection.reusable and len(idle) < self._idle_per_origin:
            connection.idle_since = asyncio.get_running_loop().time()
            idle.append(connection)
        else:
            connection.close()

    def close(self) -> None:
        """Close every idle connection."""
        for idle in self._idle.values():
            for connection in idle:
                connection.close()
        self._idle.clear()


@cache
def _default_context() -> ssl.SSLContext:
    return ssl.create_default_context()


def _expire(answer: asyncio.Future[HttpAnswer]) -> None:
    if not answer.done():
        answer.set_exception(TimeoutError("the push service did not answer in time"))
