"""Bodies for keys: everything secret in them is wrapped or encrypted on the phone.

Sizes are exact where the cryptography fixes them (a P-256 public key is 65 bytes, a
wrapped 32-byte key 60), so nothing else fits in those fields.
"""

from typing import Annotated

import msgspec

from steady.structs import Input, Output


def _base64url(size: int, description: str) -> object:
    """A base64url field (no padding) of exactly ``size`` bytes."""
    return msgspec.Meta(
        pattern=rf"^[A-Za-z0-9_-]{{{(size * 4 + 2) // 3}}}$", description=description
    )


LoginKey = Annotated[str, _base64url(32, "The 32-byte login key the phone derives, base64url.")]
KeySalt = Annotated[str, _base64url(16, "The 16-byte Argon2id salt the phone used, base64url.")]
PublicKey = Annotated[str, _base64url(65, "An uncompressed P-256 public key, base64url.")]
WrappedKey = Annotated[str, _base64url(60, "A 32-byte key under AES-256-GCM (nonce, key, tag).")]
RecoveryProof = Annotated[str, _base64url(32, "Derived from the recovery key on the phone.")]
SealedIdentity = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^[A-Za-z0-9_-]{80,2048}$",
        description="The identity private keys, encrypted under the account key, base64url.",
    ),
]
RecoveryCheck = Annotated[
    str, msgspec.Meta(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the recovery proof, hex.")
]
Username = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]


class Argon2Params(Output):
    iterations: int
    memory_kib: int
    parallelism: int


class KeyParams(Output):
    """What a phone needs before signing in or up: the salt and the cost of Argon2id."""

    salt: str
    argon2: Argon2Params


class KeyBundleIn(Input):
    signing_public: PublicKey
    sealing_public: PublicKey
    wrapped_by_master: WrappedKey
    wrapped_by_recovery: WrappedKey
    sealed_identity: SealedIdentity
    recovery_check: RecoveryCheck


class KeyBundleView(Output):
    """One's own keys as stored: usable only with the passphrase or the recovery key."""

    signing_public: str
    sealing_public: str
    fingerprint: str
    wrapped_by_master: str
    sealed_identity: str


class RecoveredBundle(Output):
    """What the recovery key opens: the account key wrapped by it, and the identity."""

    signing_public: str
    sealing_public: str
    fingerprint: str
    wrapped_by_recovery: str
    sealed_identity: str


class LoginKeyChange(Input):
    current_login_key: LoginKey
    new_login_key: LoginKey
    wrapped_by_master: WrappedKey


class RecoveryRequest(Input):
    username: Username
    recovery_proof: RecoveryProof


class RecoveryReset(Input):
    username: Username
    recovery_proof: RecoveryProof
    new_login_key: LoginKey
    wrapped_by_master: WrappedKey
