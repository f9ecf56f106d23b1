"""The PWA's sealing code (``frontend/src/lib/crypto``), run in Node, held to RFC 9180's
test vectors and to Python's ``cryptography``: what a phone seals, the server-side tests
can open with test keys (and nothing else can), signatures verify on both sides, and the
passphrase keys are the ones Argon2id and HKDF give in Python."""

from __future__ import annotations

import base64
import json
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, hpke, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

HERE = Path(__file__).resolve().parent
VECTOR = json.loads((HERE / "vectors" / "hpke-base-p256-sha256-aes256gcm.json").read_text())
SUITE = hpke.Suite(hpke.KEM.P256, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
Driver = Callable[[dict[str, Any]], dict[str, Any]]


@pytest.fixture
def phone(sealing_driver: Driver) -> Driver:
    """The sealing code bundled for Node, one command per call."""
    return sealing_driver


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def test_rfc_9180_vectors_pass_in_typescript(phone: Driver) -> None:
    vector = VECTOR["vector"]
    result = phone({"command": "vector", "vector": vector})
    assert result["enc"] == vector["enc"]
    assert result["pkRm"] == vector["pkRm"]
    assert result["sealed"] == [e["ct"] for e in vector["encryptions"]]
    assert result["opened"] == [e["pt"] for e in vector["encryptions"]]
    assert result["exports"] == [e["exported_value"] for e in vector["exports"]]


def test_python_opens_what_the_phone_sealed_and_nothing_else_does(phone: Driver) -> None:
    peer = ec.generate_private_key(ec.SECP256R1())
    public = peer.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    key = secrets.token_bytes(32)
    info = b'["steady","summary","s-1","l-1"]'
    sealed = bytes.fromhex(
        phone(
            {
                "command": "seal",
                "public_key": public.hex(),
                "plaintext": key.hex(),
                "info": info.hex(),
            }
        )["sealed"]
    )
    assert SUITE.decrypt(sealed, peer, info) == key
    assert key not in sealed
    with pytest.raises(InvalidTag):
        SUITE.decrypt(sealed, peer, b'["steady","summary","s-2","l-1"]')
    with pytest.raises(InvalidTag):
        SUITE.decrypt(sealed, ec.generate_private_key(ec.SECP256R1()), info)


def test_the_phone_opens_what_python_sealed(phone: Driver) -> None:
    me = ec.generate_private_key(ec.SECP256R1())
    info = b'["steady","circle","c-1","3"]'
    sealed = SUITE.encrypt(b"circle key", me.public_key(), info)
    private = me.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public = me.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    result = phone(
        {
            "command": "open",
            "private_key": private.hex(),
            "public_key": public.hex(),
            "sealed": sealed.hex(),
            "info": info.hex(),
        }
    )
    assert bytes.fromhex(result["plaintext"]) == b"circle key"
    assert result["wrong_info_fails"] is True


def test_signatures_from_the_phone_verify_in_python(phone: Driver) -> None:
    message = b"roster: 1, 2, 3 at epoch 4"
    result = phone({"command": "sign", "message": message.hex()})
    assert result["extractable"] is False
    public = ec.EllipticCurvePublicKey.from_encoded_point(
        ec.SECP256R1(), bytes.fromhex(result["public_key"])
    )
    raw = bytes.fromhex(result["signature"])
    der = encode_dss_signature(int.from_bytes(raw[:32]), int.from_bytes(raw[32:]))
    public.verify(der, message, ec.ECDSA(hashes.SHA256()))
    with pytest.raises(InvalidSignature):
        public.verify(der, message + b", 5", ec.ECDSA(hashes.SHA256()))


def test_passphrase_keys_match_argon2id_and_hkdf_in_python(phone: Driver) -> None:
    result = phone(
        {
            "command": "derive",
            "passphrase": "calm harbour lantern seven",
            "username": " Sam ",
            "seed": "s33d",
        }
    )
    salt = hashes.Hash(hashes.SHA256())
    salt.update(b"steady-salt-v1\0sam\0s33d")
    expected_salt = salt.finalize()[:16]
    assert result["salt"] == expected_salt.hex()
    stretched = hash_secret_raw(
        b"calm harbour lantern seven",
        expected_salt,
        time_cost=3,
        memory_cost=65536,
        parallelism=1,
        hash_len=32,
        type=Type.ID,
    )
    assert result["stretched"] == stretched.hex()
    login = HKDF(hashes.SHA256(), 32, salt=None, info=b"steady login key v1").derive(stretched)
    assert unb64(result["login_key"]) == login
    assert result["master_extractable"] is False
    assert bytes.fromhex(result["unwrapped"]) == b"account key"


def test_an_envelope_opens_for_its_people_in_its_place_only(phone: Driver) -> None:
    document = {"note": "CANARY-a quiet shift, finally", "mood": 3.5}
    result = phone(
        {"command": "envelope", "summary_id": "s-1", "link_id": "l-1", "document": document}
    )
    assert result["sam_opens"] == document and result["alex_opens"] == document
    assert result["moved_fails"] and result["forged_fails"]
    assert result["tampered_fails"] and result["outsider_fails"]
    # Padded: a short note and a longer one are the same size at rest.
    assert result["box_sizes"][0] == result["box_sizes"][1]
    # Server-side tests can check sealed content with the test keys, and only with them.
    envelope = result["envelope"]
    assert "CANARY" not in json.dumps(envelope)
    where = bytes.fromhex(result["context"])
    alex = serialization.load_der_private_key(bytes.fromhex(result["alex_sealing_private"]), None)
    assert isinstance(alex, ec.EllipticCurvePrivateKey)
    content_key = SUITE.decrypt(unb64(envelope["keys"]["alex"]), alex, where)
    box = unb64(envelope["box"])
    padded = AESGCM(content_key).decrypt(box[:12], box[12:], where)
    assert json.loads(padded.rstrip(b"\0")[:-1]) == document


def test_recovery_keys_survive_being_retyped(phone: Driver) -> None:
    result = phone({"command": "recovery"})
    assert len(result["text"]) == 39 and result["text"].count("-") == 7
    assert result["same_when_retyped"] and result["unwraps"]
    assert result["other_key_fails"] and result["garbage_refused"]


def test_safety_numbers_agree_and_show_a_swapped_key(phone: Driver) -> None:
    result = phone({"command": "safety"})
    assert result["on_alex"] == result["on_sam"]
    assert len(result["on_alex"]) == 12 and all(len(group) == 5 for group in result["on_alex"])
    assert result["with_swapped_key"] != result["on_alex"]
