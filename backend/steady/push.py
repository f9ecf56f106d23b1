"""Web Push plumbing: the server's VAPID identity (RFC 8292) and sending one push (RFC 8030/8291).

The key pair is made on first start in the data folder; the public key is what the
browser subscribes with, so it must stay stable across restarts.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import SplitResult

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid02

from steady import clock
from steady.keyfiles import read_or_create
from steady.push_http import AddressGuard, PushConnections


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


class VapidAuthorizations:
    """VAPID ``Authorization`` headers (signed by py_vapid), one JWT per push-service
    origin, reused for most of its lifetime: signing is the costly part, and push services
    accept a token until it expires (RFC 8292 allows up to 24 hours)."""

    def __init__(
        self,
        keys: VapidKeys,
        subject: str,
        lifetime: timedelta = timedelta(hours=12),
    ) -> None:
        self._signer = Vapid02(private_key=keys.private_key)
        self._subject = subject
        self._lifetime = lifetime.total_seconds()
        self._by_origin: dict[str, tuple[str, float]] = {}
        self.signed = 0  # how many tokens were signed (reuse is the point)

    def header_for(self, origin: str) -> str:
        """The header for a push to the service at ``origin`` (``https://host``, the token's
        audience); re-signed only in the last hour of a token."""
        now = clock.epoch_seconds()
        cached = self._by_origin.get(origin)
        if cached is not None and cached[1] - now > 3600:
            return cached[0]
        expires = int(now + self._lifetime)
        header = self._sign(origin, expires)
        self._by_origin[origin] = (header, expires)
        self.signed += 1
        return header

    def _sign(self, audience: str, expires: int) -> str:
        claims = {"aud": audience, "exp": expires, "sub": self._subject}
        header: str = self._signer.sign(claims)["Authorization"]
        return header


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


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date)."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - clock.epoch_seconds())


# What every push carries (set once on each connection pool, not on each push).
PUSH_HEADERS = {"Content-Encoding": "aes128gcm", "Content-Type": "application/octet-stream"}


def push_connections(guard: AddressGuard) -> PushConnections:
    """Connections for sending pushes, guarded by ``guard`` at connect time."""
    return PushConnections(guard, default_headers=PUSH_HEADERS)


async def post_push(
    connections: PushConnections,
    endpoint: str,
    parts: SplitResult,
    body: bytes,
    authorization: str,
    *,
    ttl: int,
    urgency: str,
    seconds_allowed: float = 10.0,
) -> PushAnswer:
    """POST one encrypted push to its push service (RFC 8030) with its VAPID header
    (``connections`` from ``push_connections``, which adds the encoding headers);
    ``parts``: the endpoint as the allowlist read it."""
    headers = {"Authorization": authorization, "TTL": str(ttl), "Urgency": urgency}
    answer = await connections.post(endpoint, headers, body, seconds_allowed, parts)
    return PushAnswer(answer.status, parse_retry_after(answer.retry_after), answer.body)
