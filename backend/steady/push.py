"""Web Push plumbing: the server's VAPID identity (RFC 8292) and sending one push (RFC 8030/8291).

The key pair is made on first start in the data folder; the public key is what the
browser subscribes with, so it must stay stable across restarts.
"""

from __future__ import annotations

import asyncio
import base64
import json
import multiprocessing
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from pywebpush import WebPusher

from steady.keyfiles import read_or_create
from steady.push_http import PushConnections


@dataclass(frozen=True)
class VapidKeys:
    """The server's push identity."""

    private_key: ec.EllipticCurvePrivateKey
    # The uncompressed P-256 point, base64url without padding, as PushManager wants it.
    public_key: str


def _new_private_pem() -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def load_or_create_vapid_keys(data_dir: Path) -> VapidKeys:
    """The VAPID key pair from ``data_dir/vapid_private.pem``, made if absent."""
    pem = read_or_create(data_dir / "vapid_private.pem", _new_private_pem)
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise SystemExit("vapid_private.pem does not hold a P-256 private key")
    point = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return VapidKeys(
        private_key=key, public_key=base64.urlsafe_b64encode(point).rstrip(b"=").decode()
    )


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


class VapidAuthorizations:
    """VAPID ``Authorization`` headers, one signed JWT per push-service origin, reused for
    most of its lifetime: signing is the costly part, and push services accept a token
    until it expires (RFC 8292 allows up to 24 hours)."""

    def __init__(
        self,
        keys: VapidKeys,
        subject: str,
        lifetime: timedelta = timedelta(hours=12),
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._keys = keys
        self._subject = subject
        self._lifetime = lifetime.total_seconds()
        self._clock = clock
        self._by_origin: dict[str, tuple[str, float]] = {}
        self.signed = 0  # how many tokens were signed (reuse is the point)

    def header_for(self, endpoint: str) -> str:
        """The header for a push to ``endpoint``; re-signed only in the last hour of a token."""
        parts = urlsplit(endpoint)
        origin = f"{parts.scheme}://{parts.netloc}"
        now = self._clock()
        cached = self._by_origin.get(origin)
        if cached is not None and cached[1] - now > 3600:
            return cached[0]
        expires = int(now + self._lifetime)
        header = f"vapid t={self._sign(origin, expires)}, k={self._keys.public_key}"
        self._by_origin[origin] = (header, expires)
        self.signed += 1
        return header

    def _sign(self, audience: str, expires: int) -> str:
        head = _b64url(json.dumps({"typ": "JWT", "alg": "ES256"}).encode())
        claims = _b64url(
            json.dumps({"aud": audience, "exp": expires, "sub": self._subject}).encode()
        )
        signing_input = f"{head}.{claims}".encode()
        der = self._keys.private_key.sign(signing_input, ec.ECDSA(hashes.SHA256()))
        r, s = decode_dss_signature(der)
        return f"{head}.{claims}.{_b64url(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}"


@dataclass(frozen=True)
class PushTarget:
    """Where a push goes: a browser subscription's endpoint and its encryption keys."""

    endpoint: str
    p256dh: str
    auth: str


@dataclass(frozen=True)
class PushAnswer:
    """What the push service said: its status and, for 429/503, how long to wait."""

    status: int
    retry_after: float | None = None
    # The start of the service's answer when it refused the push (its reason, for the log).
    body: bytes = b""


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date)."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def encrypt_payload(target: PushTarget, payload: bytes) -> bytes:
    """The payload encrypted for one subscription (RFC 8291, aes128gcm, pywebpush)."""
    keys = {"p256dh": target.p256dh, "auth": target.auth}
    body: bytes = WebPusher({"endpoint": target.endpoint, "keys": keys}).encode(
        payload, "aes128gcm"
    )["body"]
    return body


def encrypt_many(items: list[tuple[PushTarget, bytes]]) -> list[bytes]:
    """Several payloads encrypted in one call (what a worker process is handed)."""
    return [encrypt_payload(target, payload) for target, payload in items]


class Encryptor:
    """Encrypts pushes, in worker processes when given any: encryption is the CPU-heavy part
    of sending (a fresh ECDH key per message), so the event loop hands it off in chunks and
    keeps sending while the next chunk is encrypted."""

    def __init__(self, workers: int, chunk: int = 64) -> None:
        self._pool = (
            ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
            if workers > 0
            else None
        )
        self._chunk = chunk
        self._workers = workers
        self._waiting: list[tuple[PushTarget, bytes, asyncio.Future[bytes]]] = []
        self._chunks: set[asyncio.Future[None]] = set()

    async def warm_up(self) -> None:
        """Start the worker processes now (a second of imports), not on the first push."""
        if self._pool is not None:
            loop = asyncio.get_running_loop()
            await asyncio.gather(
                *(loop.run_in_executor(self._pool, encrypt_many, []) for _ in range(self._workers))
            )

    def worker_pids(self) -> list[int]:
        """The encrypting processes' ids, so a benchmark can count their CPU."""
        return list(self._pool._processes or {}) if self._pool is not None else []

    async def encrypt(self, target: PushTarget, payload: bytes) -> bytes:
        """The encrypted body for one push."""
        if self._pool is None:
            return encrypt_payload(target, payload)
        loop = asyncio.get_running_loop()
        result: asyncio.Future[bytes] = loop.create_future()
        if not self._waiting:
            loop.call_soon(self._hand_off)  # once every push queued this turn has joined
        self._waiting.append((target, payload, result))
        return await result

    def _hand_off(self) -> None:
        waiting, self._waiting = self._waiting, []
        for start in range(0, len(waiting), self._chunk):
            chunk = waiting[start : start + self._chunk]
            task = asyncio.ensure_future(self._encrypt_chunk(chunk))
            self._chunks.add(task)
            task.add_done_callback(self._chunks.discard)

    async def _encrypt_chunk(
        self, chunk: list[tuple[PushTarget, bytes, asyncio.Future[bytes]]]
    ) -> None:
        loop = asyncio.get_running_loop()
        try:
            bodies = await loop.run_in_executor(
                self._pool, encrypt_many, [(target, payload) for target, payload, _ in chunk]
            )
        except Exception as error:  # a broken worker fails these pushes, not the dispatcher
            for _, _, result in chunk:
                if not result.done():
                    result.set_exception(error)
            return
        for (_, _, result), body in zip(chunk, bodies, strict=True):
            if not result.done():
                result.set_result(body)

    def close(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


async def post_push(
    connections: PushConnections,
    endpoint: str,
    body: bytes,
    authorization: str,
    *,
    ttl: int,
    urgency: str,
    seconds_allowed: float = 10.0,
) -> PushAnswer:
    """POST one encrypted push to its push service (RFC 8030) with its VAPID header."""
    headers = {
        "Authorization": authorization,
        "Content-Encoding": "aes128gcm",
        "Content-Type": "application/octet-stream",
        "TTL": str(ttl),
        "Urgency": urgency,
    }
    answer = await connections.post(endpoint, headers, body, seconds_allowed)
    return PushAnswer(answer.status, parse_retry_after(answer.retry_after), answer.body)
