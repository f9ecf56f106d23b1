"""Web Push plumbing: the server's VAPID identity (RFC 8292).

The key pair is made on first start in the data folder; the public key is what the
browser subscribes with, so it must stay stable across restarts.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from steady.keyfiles import read_or_create


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
