"""What Steady encrypts (with pywebpush's encoder), the reference implementation (http_ece,
RFC 8188/8291) decrypts, whatever the payload's size up to one record, and no two messages
share a key."""

from __future__ import annotations

import base64

import http_ece
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from steady.push_encryption import encrypt_many, encrypt_payload


def _browser() -> tuple[ec.EllipticCurvePrivateKey, str, bytes, str]:
    key = ec.generate_private_key(ec.SECP256R1())
    public = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    auth = b"0123456789abcdef"
    as_text = base64.urlsafe_b64encode(public).rstrip(b"=").decode()
    return key, as_text, auth, base64.urlsafe_b64encode(auth).rstrip(b"=").decode()


@pytest.mark.parametrize(
    "payload", [b"{}", b'{"title": "Time to land"}', "é🌙".encode() * 500, b"x" * 4079]
)
def test_the_browser_can_read_what_is_sent(payload: bytes) -> None:
    key, p256dh, auth, auth_text = _browser()
    sealed = encrypt_payload(p256dh, auth_text, payload)
    assert payload not in sealed
    assert len(sealed) == 86 + len(payload) + 17  # the header, then one record
    plain = http_ece.decrypt(sealed, private_key=key, auth_secret=auth, version="aes128gcm")
    assert plain == payload


def test_every_message_has_its_own_key_and_salt() -> None:
    key, p256dh, auth, auth_text = _browser()
    first, second = encrypt_many([(p256dh, auth_text, b"same"), (p256dh, auth_text, b"same")])
    assert first[:16] != second[:16]  # salt
    assert first[21:86] != second[21:86]  # the sender's public key
    for sealed in (first, second):
        assert (
            http_ece.decrypt(sealed, private_key=key, auth_secret=auth, version="aes128gcm")
            == b"same"
        )


def test_a_payload_too_big_for_one_record_an_empty_one_and_bad_keys_are_refused() -> None:
    _, p256dh, _, auth_text = _browser()
    with pytest.raises(ValueError, match="4 KiB"):
        encrypt_payload(p256dh, auth_text, b"x" * 4080)
    with pytest.raises(ValueError, match="empty"):  # pywebpush sends those without a body
        encrypt_payload(p256dh, auth_text, b"")
    with pytest.raises(ValueError):
        encrypt_payload("AAAA", auth_text, b"hello")
    with pytest.raises(ValueError):  # 65 bytes, but no point on the curve
        encrypt_payload("BA" + "A" * 85, auth_text, b"hello")
