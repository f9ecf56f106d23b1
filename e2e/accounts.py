"""Accounts for browser tests that need one but are not about signing up.

Signing up in the browser runs Argon2id over 64 MiB in WebAssembly, a few seconds a person
on this machine. A test about circles or sharing needs people, not that: here the
account is made through the API, with keys made in the test process exactly as a phone
makes them (``frontend/src/lib/keyring.ts``: the login and master keys from Argon2id and
HKDF, the account key wrapped by the master key and by a recovery key, the identity
sealed under the account key), and the phone is handed what signing up would have left
it: the session cookies, and the identity imported non-extractable into IndexedDB. The
phone's own derivation and key making stay covered by the tests about accounts and keys
(test_accounts.py, test_keys.py, test_sealed_devices.py), and a person made here can sign
in on another phone with the passphrase like anyone else.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import unicodedata
from dataclasses import dataclass
from typing import Any

import httpx
from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from playwright.sync_api import Page

# Crockford's base32, as the phone writes recovery keys.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _hkdf(key: bytes, info: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info.encode()).derive(key)


def _wrap(key: bytes, secret: bytes, purpose: str) -> bytes:
    """``nonce ‖ ciphertext`` as ``wrapUnder`` writes it (AES-256-GCM, purpose as AAD)."""
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, secret, purpose.encode())


def _recovery_key(raw: bytes) -> str:
    bits = "".join(f"{byte:08b}" for byte in raw)
    text = "".join(ALPHABET[int(bits[i : i + 5], 2)] for i in range(0, len(bits), 5))
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def _point(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )


def _pkcs8(key: ec.EllipticCurvePrivateKey) -> str:
    return b64(
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


@dataclass(frozen=True)
class MadeAccount:
    """What signing up left behind: the session, the device's keys, the recovery key."""

    username: str
    cookies: list[dict[str, Any]]
    device_keys: dict[str, str]
    recovery_key: str


def make_account(base_url: str, username: str, passphrase: str, time_zone: str) -> MadeAccount:
    """Sign ``username`` up through the API with keys made here, as the phone would."""
    with httpx.Client(base_url=base_url, timeout=30) as client:
        client.get("/api/session")
        csrf = {"x-csrf-token": client.cookies["steady_csrf"]}
        params = client.get("/api/keys/params", params={"username": username}).json()
        cost = params["argon2"]
        stretched = hash_secret_raw(
            unicodedata.normalize("NFC", passphrase).encode(),
            unb64(params["salt"]),
            time_cost=cost["iterations"],
            memory_cost=cost["memory_kib"],
            parallelism=cost["parallelism"],
            hash_len=32,
            type=Type.ID,
        )
        login_key = b64(_hkdf(stretched, "steady login key v1"))
        master_key = _hkdf(stretched, "steady master key v1")
        body = {
            "username": username,
            "passphrase": login_key,
            "key_salt": params["salt"],
            "time_zone": time_zone,
        }
        signed_up = client.post("/api/accounts", json=body, headers=csrf)
        signed_up.raise_for_status()
        csrf = {"x-csrf-token": signed_up.json()["csrf_token"]}

        account_key = os.urandom(32)
        signing, sealing = (
            ec.generate_private_key(ec.SECP256R1()),
            ec.generate_private_key(ec.SECP256R1()),
        )
        secrets = {"signing": _pkcs8(signing), "sealing": _pkcs8(sealing)}
        recovery = os.urandom(20)
        proof = _hkdf(recovery, "steady recovery proof v1")
        by_recovery = _hkdf(recovery, "steady recovery key v1")
        bundle = {
            "signing_public": b64(_point(signing)),
            "sealing_public": b64(_point(sealing)),
            "wrapped_by_master": b64(_wrap(master_key, account_key, "steady account key v1")),
            "wrapped_by_recovery": b64(_wrap(by_recovery, account_key, "steady account key v1")),
            "sealed_identity": b64(
                _wrap(
                    account_key,
                    json.dumps(secrets, separators=(",", ":")).encode(),
                    "steady identity v1",
                )
            ),
            "recovery_check": hashlib.sha256(proof).hexdigest(),
        }
        client.put("/api/keys/me", json=bundle, headers=csrf).raise_for_status()
        fingerprint = hashlib.sha256(
            b"steady-identity-v1" + _point(signing) + _point(sealing)
        ).digest()
        cookies = [
            {
                "name": cookie.name,
                "value": cookie.value or "",
                "url": base_url,
                "httpOnly": cookie.has_nonstandard_attr("HttpOnly"),
                "sameSite": (cookie.get_nonstandard_attr("SameSite") or "Lax").capitalize(),
            }
            for cookie in client.cookies.jar
        ]
    return MadeAccount(
        username=username,
        cookies=cookies,
        device_keys={
            **secrets,
            "username": username.lower(),
            "signingPublic": bundle["signing_public"],
            "sealingPublic": bundle["sealing_public"],
            "fingerprint": b64(fingerprint),
        },
        recovery_key=_recovery_key(recovery),
    )


# The identity kept as keyring.ts keepOnDevice keeps it: private keys non-extractable.
KEEP_ON_DEVICE = """async (made) => {
  const fromB64 = (text) => Uint8Array.from(
    atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const pair = async (privateKey, publicKey, params, uses, publicUses) => ({
    privateKey: await crypto.subtle.importKey('pkcs8', fromB64(privateKey), params, false, uses),
    publicKey: await crypto.subtle.importKey('raw', fromB64(publicKey), params, true, publicUses),
  });
  const signingParams = { name: 'ECDSA', namedCurve: 'P-256' };
  const sealingParams = { name: 'ECDH', namedCurve: 'P-256' };
  const keys = {
    key: 'mine',
    username: made.username,
    signing: await pair(made.signing, made.signingPublic, signingParams, ['sign'], ['verify']),
    sealing: await pair(made.sealing, made.sealingPublic, sealingParams, ['deriveBits'], []),
    signingPublic: made.signingPublic,
    sealingPublic: made.sealingPublic,
    fingerprint: made.fingerprint,
  };
  await new Promise((done, failed) => {
    const open = indexedDB.open('steady');
    open.onerror = () => failed(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('keys', 'readwrite');
      tx.objectStore('keys').put(keys);
      tx.oncomplete = () => { open.result.close(); done(); };
      tx.onerror = () => failed(tx.error);
    };
  });
}"""


def hand_to_phone(made: MadeAccount, page: Page) -> None:
    """Give the phone (its app open, its database made) the session and keep the keys on
    it, as signing up there would have."""
    page.context.add_cookies(made.cookies)  # type: ignore[arg-type]
    page.evaluate(KEEP_ON_DEVICE, made.device_keys)
