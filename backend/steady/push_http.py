"""POSTing pushes to push services, over pyreqwest (Rust's reqwest and hyper).

Why this client: ``make bench-push`` runs ``bench/push_senders``, which sends the same
10,000 pushes through each candidate in the same run, each on one core with the stand-in
push service on the other (200 in flight, answers after 50 ms). On 2026-11-28: the
hand-written keep-alive HTTP/1.1 client Steady used before (now only the benchmark's
baseline, bench/_handwritten_push_http.py) 3,213 pushes/s at 0.074 ms of CPU a push;
pyreqwest 3,247/s (+1 %) at 0.098 ms; aiohttp with one shared, tuned session 3,412/s
(+6 %) at 0.160 ms; niquests 1,281/s (-60 %) at 0.773 ms. Both pyreqwest and aiohttp are
within 15 % of the hand-written client; pyreqwest also speaks HTTP/2 where a push service
offers it (negotiated over TLS), costs less CPU than aiohttp, and returns error bodies,
so it replaced the hand-written client (this module, as the dispatcher uses it, measured
3,302/s at 0.115 ms in the same run).

Connect-time address checks stay ours: each push-service origin gets its own client,
pinned (``resolve``) to an address the guard allowed when the name was looked up, and
looked up again every few minutes; a name that resolves only to addresses Steady avoids
is never connected to.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from urllib.parse import SplitResult, urlsplit

from pyreqwest.client import Client, ClientBuilder
from pyreqwest.exceptions import PyreqwestError

# What of a push service's refusal is kept for the log: enough to say why, never more.
ERROR_BODY_LIMIT = 300
# Idle connections are closed after this: services close theirs after a while, and a
# request written as they do so would have to be sent again.
IDLE_SECONDS = 30.0
# How long a push may take unless the caller says otherwise.
SECONDS_ALLOWED = 10.0
# How long a checked address is used before the push service's name is looked up again.
LOOKUP_SECONDS = 300.0
# A client replaced after a new lookup is closed once its pushes in flight are done.
RETIRE_SECONDS = 60.0

# (scheme, host, port, resolved address) -> whether connecting there is allowed.
AddressGuard = Callable[[str, str, int, str], bool]


class PushConnectionError(OSError):
    """The push service could not be reached, or its answer could not be read."""


@dataclass(frozen=True)
class HttpAnswer:
    """A push service's status and the one header the sender acts on."""

    status: int
    retry_after: str | None
    # The start of the answer's body when the push was refused (for the log), else empty.
    body: bytes = b""


@dataclass(frozen=True)
class _Origin:
    scheme: str
    host: str
    port: int


def _origin(parts: SplitResult) -> _Origin:
    try:
        port = parts.port
    except ValueError as error:
        raise PushConnectionError("the endpoint is not a plain web address") from error
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise PushConnectionError(f"not an http(s) endpoint: {parts.scheme}://{parts.netloc}")
    return _Origin(parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80))


@lru_cache(maxsize=16)
def _allowed(seconds: float) -> timedelta:
    return timedelta(seconds=seconds)


def _causes(error: PyreqwestError) -> list[str]:
    details = getattr(error, "details", None) or {}
    return [str(cause.get("message", "")) for cause in details.get("causes") or []]


def _closed_before_answering(error: PyreqwestError) -> bool:
    return "connection closed before message completed" in _causes(error)


def _reason(error: PyreqwestError) -> str:
    """The error in one short line for the log (its innermost cause says most)."""
    causes = _causes(error)
    return f"{error.message}: {causes[-1]}"[:200] if causes else error.message[:200]


async def checked_addresses(
    guard: AddressGuard, scheme: str, host: str, port: int
) -> list[tuple[int, str]]:
    """(family, address) for each address ``host`` resolves to that the guard allows;
    PushConnectionError when it cannot be looked up or none is allowed."""
    loop = asyncio.get_running_loop()
    try:
        found = await loop.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
        )
    except OSError as error:
        raise PushConnectionError(f"could not look up the push service: {error}") from error
    allowed = [
        (int(family), str(address[0]))
        for family, _, _, _, address in found
        if guard(scheme, host, port, str(address[0]))
    ]
    if not allowed:
        raise PushConnectionError("the push service resolves to an address Steady avoids")
    return allowed


@dataclass
class _Pinned:
    client: Client
    looked_up_at: float


class PushConnections:
    """Pooled connections to push services (HTTP/2 where offered, keep-alive HTTP/1.1
    otherwise), one client per origin."""

    def __init__(
        self,
        guard: AddressGuard,
        extra_root_pem: bytes | None = None,
        default_headers: dict[str, str] | None = None,
    ) -> None:
        self._guard = guard
        self._extra_root = extra_root_pem
        self._default_headers = default_headers or {}
        self._clients: dict[_Origin, _Pinned] = {}
        self._looking_up: dict[_Origin, asyncio.Future[_Pinned]] = {}
        self._retiring: set[asyncio.Task[None]] = set()

    async def post(
        self,
        endpoint: str,
        headers: dict[str, str],
        body: bytes,
        seconds_allowed: float,
        parts: SplitResult | None = None,
    ) -> HttpAnswer:
        """POST ``body`` to ``endpoint`` (``parts``: the URL as already read, if it was) and
        wait for the answer (PushConnectionError or TimeoutError when it does not come)."""
        origin = _origin(parts or urlsplit(endpoint))
        client = (await self._client_for(origin)).client
        for last_try in (False, True):
            request = client.post(endpoint).headers(headers).body_bytes(body)
            if seconds_allowed != SECONDS_ALLOWED:
                request = request.timeout(_allowed(seconds_allowed))
            try:
                # build(): the whole answer (at most a short refusal) is read on send.
                answer = await request.build().send()
                break
            except TimeoutError:
                raise
            except PyreqwestError as error:
                # A kept-alive connection the service closed just as this push was written:
                # nothing came back, so send it again at once on a fresh connection.
                if not last_try and _closed_before_answering(error):
                    continue
                raise PushConnectionError(_reason(error)) from error
        status = int(answer.status)
        if status < 300:
            return HttpAnswer(status, None)
        content = bytes(await answer.bytes())
        return HttpAnswer(status, answer.get_header("retry-after"), content[:ERROR_BODY_LIMIT])

    async def _client_for(self, origin: _Origin) -> _Pinned:
        loop = asyncio.get_running_loop()
        pinned = self._clients.get(origin)
        if pinned is not None and loop.time() - pinned.looked_up_at < LOOKUP_SECONDS:
            return pinned
        waiting = self._looking_up.get(origin)
        if waiting is None:  # one lookup per origin, however many pushes wait for it
            waiting = loop.create_future()
            self._looking_up[origin] = waiting
            try:
                fresh = _Pinned(await self._pinned_client(origin), loop.time())
            except BaseException as error:
                waiting.set_exception(error)
                waiting.exception()  # seen here: the pushes waiting on it raise it too
                raise
            finally:
                self._looking_up.pop(origin, None)
            self._clients[origin] = fresh
            if pinned is not None:
                self._retire(pinned.client)
            waiting.set_result(fresh)
            return fresh
        return await asyncio.shield(waiting)

    async def _pinned_client(self, origin: _Origin) -> Client:
        allowed = [
            address
            for _, address in await checked_addresses(
                self._guard, origin.scheme, origin.host, origin.port
            )
        ]
        builder = (
            ClientBuilder()
            .http2(True)
            .pool_idle_timeout(timedelta(seconds=IDLE_SECONDS))
            .connect_timeout(timedelta(seconds=10))
            .timeout(_allowed(SECONDS_ALLOWED))
            .user_agent("Steady")
            .default_headers(self._default_headers)
            # Connect to the address that was checked, never to the name resolved again.
            .resolve(origin.host, allowed[0], origin.port)
        )
        if self._extra_root is not None:
            builder = builder.add_root_certificate_pem(self._extra_root)
        return builder.build()

    def _retire(self, client: Client) -> None:
        async def later() -> None:
            await asyncio.sleep(RETIRE_SECONDS)
            await client.close()

        task = asyncio.ensure_future(later())
        self._retiring.add(task)
        task.add_done_callback(self._retiring.discard)

    async def close(self) -> None:
        """Close every client (and the connections they keep)."""
        for task in list(self._retiring):
            task.cancel()
        clients, self._clients = list(self._clients.values()), {}
        for pinned in clients:
            with contextlib.suppress(PyreqwestError):
                await pinned.client.close()
