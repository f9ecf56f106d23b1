"""The keep-alive client pushes go out through: answers, reuse, and every way a push
service can misbehave (slow, closing, garbled, unreachable, a certificate we don't trust)."""

from __future__ import annotations

import asyncio
import datetime
import ipaddress
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
from aiohttp import web
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from steady.push_http import PushConnectionError, PushConnections


def anywhere(scheme: str, host: str, port: int, address: str) -> bool:
    """The tests' own servers are on loopback: let the client connect there."""
    return True


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Server:
    """An aiohttp server on loopback that remembers what reached it and over how many
    connections."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.bodies: list[bytes] = []
        self.headers: list[dict[str, str]] = []
        self.peers: set[object] = set()
        self.runner: web.AppRunner | None = None

    async def start(self, ssl_context: ssl.SSLContext | None = None, **runner: float) -> int:
        async def remember(request: web.Request) -> web.StreamResponse:
            self.bodies.append(await request.read())
            # Header names are case-insensitive (HTTP/2 sends them in lower case).
            self.headers.append({name.lower(): value for name, value in request.headers.items()})
            assert request.transport is not None
            self.peers.add(request.transport.get_extra_info("peername"))
            return await self.handler(request)

        app = web.Application()
        app.router.add_post("/push/{sid}", remember)
        self.runner = web.AppRunner(app, **runner)  # type: ignore[arg-type]
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0, ssl_context=ssl_context)
        await site.start()
        return int(site._server.sockets[0].getsockname()[1])  # type: ignore[union-attr]

    async def stop(self) -> None:
        assert self.runner is not None
        await self.runner.cleanup()


async def created(_: web.Request) -> web.StreamResponse:
    return web.Response(status=201)


@pytest.fixture
async def connections() -> AsyncIterator[PushConnections]:
    pool = PushConnections(anywhere)
    yield pool
    await pool.close()


async def serve(handler: Handler, **runner: float) -> tuple[Server, int]:
    server = Server(handler)
    return server, await server.start(**runner)


async def test_pushes_to_one_origin_share_one_connection(connections: PushConnections) -> None:
    server, port = await serve(created)
    try:
        for n in range(5):
            answer = await connections.post(
                f"http://127.0.0.1:{port}/push/abc?n={n}",
                {"TTL": "60", "Content-Encoding": "aes128gcm"},
                b"\x00secret-bytes-%d" % n,
                5.0,
            )
            assert (answer.status, answer.retry_after) == (201, None)
    finally:
        await server.stop()
    assert server.bodies == [b"\x00secret-bytes-%d" % n for n in range(5)]
    assert server.headers[0]["ttl"] == "60"
    assert server.headers[0]["host"] == f"127.0.0.1:{port}"
    assert len(server.peers) == 1


async def test_retry_after_and_streamed_answers_are_read(connections: PushConnections) -> None:
    async def busy(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(status=429, headers={"Retry-After": "120"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        await response.write(b"slow down")
        await response.write_eof()
        return response

    server, port = await serve(busy)
    try:
        first = await connections.post(f"http://127.0.0.1:{port}/push/a", {}, b"x", 5.0)
        second = await connections.post(f"http://127.0.0.1:{port}/push/a", {}, b"y", 5.0)
    finally:
        await server.stop()
    assert (first.status, first.retry_after) == (429, "120")
    assert second.status == 429
    assert len(server.peers) == 1  # the chunked body was read to its end; the link reused


async def test_a_connection_the_service_closes_is_not_reused(
    connections: PushConnections,
) -> None:
    async def closing(_: web.Request) -> web.StreamResponse:
        return web.Response(status=201, headers={"Connection": "close"})

    server, port = await serve(closing)
    try:
        for _ in range(3):
            answer = await connections.post(f"http://127.0.0.1:{port}/push/a", {}, b"x", 5.0)
            assert answer.status == 201
    finally:
        await server.stop()
    assert len(server.peers) == 3


async def test_an_idle_connection_dropped_by_the_service_is_replaced(
    connections: PushConnections,
) -> None:
    server, port = await serve(created, keepalive_timeout=0.1)
    try:
        await connections.post(f"http://127.0.0.1:{port}/push/a", {}, b"x", 5.0)
        await asyncio.sleep(0.4)  # the service closes the idle connection
        answer = await connections.post(f"http://127.0.0.1:{port}/push/a", {}, b"y", 5.0)
    finally:
        await server.stop()
    assert answer.status == 201
    assert len(server.peers) == 2


async def test_many_pushes_at_once_each_get_their_own_answer(
    connections: PushConnections,
) -> None:
    async def echo_status(request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(0.05)
        return web.Response(status=int(request.match_info["sid"]))

    server, port = await serve(echo_status)
    try:
        statuses = [201, 404, 410, 500] * 10
        answers = await asyncio.gather(
            *(
                connections.post(f"http://127.0.0.1:{port}/push/{s}", {}, b"x", 5.0)
                for s in statuses
            )
        )
        again = await connections.post(f"http://127.0.0.1:{port}/push/201", {}, b"x", 5.0)
    finally:
        await server.stop()
    assert [a.status for a in answers] == statuses
    assert again.status == 201
    assert len(server.peers) == 40  # the one after reused one of them


async def test_a_slow_service_times_out_and_the_next_push_still_goes(
    connections: PushConnections,
) -> None:
    async def slow_once(request: web.Request) -> web.StreamResponse:
        if request.query.get("slow"):
            await asyncio.sleep(2)
        return web.Response(status=201)

    server, port = await serve(slow_once)
    try:
        with pytest.raises(TimeoutError):
            await connections.post(f"http://127.0.0.1:{port}/push/a?slow=1", {}, b"x", 0.2)
        answer = await connections.post(f"http://127.0.0.1:{port}/push/a", {}, b"x", 5.0)
    finally:
        await server.stop()
    assert answer.status == 201


async def test_garbled_answers_and_closed_ports_are_connection_errors(
    connections: PushConnections,
) -> None:
    async def garble(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"this is not http\r\n\r\n")
        await writer.drain()
        writer.close()

    nonsense = await asyncio.start_server(garble, "127.0.0.1", 0)
    port = nonsense.sockets[0].getsockname()[1]
    try:
        with pytest.raises(PushConnectionError):
            await connections.post(f"http://127.0.0.1:{port}/push/a", {}, b"", 5.0)
    finally:
        nonsense.close()
        await nonsense.wait_closed()
    with pytest.raises(PushConnectionError):  # nothing listens there any more
        await connections.post(f"http://127.0.0.1:{port}/push/a", {}, b"", 5.0)
    with pytest.raises(PushConnectionError):
        await connections.post("ftp://127.0.0.1/push/a", {}, b"", 5.0)


def _self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "push.test")])
    # Checked by the push client's TLS stack against the machine's own clock, which no test
    # moves: valid on any date a test may start from.
    since, until = datetime.datetime(2000, 1, 1), datetime.datetime(2100, 1, 1)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(since)
        .not_valid_after(until)
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


async def test_https_push_services_are_verified(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(cert, key)
    server = Server(created)
    port = await server.start(ssl_context=server_context)
    trusting = PushConnections(anywhere, cert.read_bytes())
    default = PushConnections(anywhere)
    try:
        answer = await trusting.post(f"https://127.0.0.1:{port}/push/a", {}, b"x", 5.0)
        with pytest.raises(PushConnectionError):  # a certificate nobody vouches for
            await default.post(f"https://127.0.0.1:{port}/push/a", {}, b"x", 5.0)
    finally:
        await trusting.close()
        await default.close()
        await server.stop()
    assert answer.status == 201
    assert server.bodies == [b"x"]


async def test_a_connection_closed_as_a_push_is_written_is_retried_on_a_fresh_one(
    connections: PushConnections,
) -> None:
    """The service closes a kept-alive connection just as the next push is written: that
    push never reached it, so it goes again on a new connection instead of being lost."""
    requests_seen: list[int] = []

    async def serve_one_then_hang_up(
        reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        connection_number = len(requests_seen)
        requests_seen.append(0)
        while await reader.readuntil(b"\r\n\r\n"):
            await reader.readexactly(1)  # the one-byte body
            requests_seen[connection_number] += 1
            if connection_number == 0 and requests_seen[0] == 2:
                writer.close()  # the second request on the first connection: hang up
                return
            writer.write(b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")
            await writer.drain()

    server = await asyncio.start_server(serve_one_then_hang_up, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        first = await connections.post(f"http://127.0.0.1:{port}/push/a", {}, b"x", 5.0)
        second = await connections.post(f"http://127.0.0.1:{port}/push/a", {}, b"y", 5.0)
    finally:
        server.close()
    assert (first.status, second.status) == (201, 201)
    assert requests_seen == [2, 1]
