"""Key bundles: what the server keeps of a person's keys, and the ways back into them.

The phone makes every key. The server stores public keys in the clear and the rest only
wrapped — the account key under the master key (from the passphrase, via Argon2id on the
phone) and under the recovery key (written down by the person) — so a database dump
opens nothing. There is deliberately no way in for an administrator: that would be a
master key for the employer. The recovery key proves itself with a derived proof whose
SHA-256 alone is stored; it has 160 random bits, so the hash cannot be reversed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from cryptography.hazmat.primitives.asymmetric import ec

from steady import db
from steady.accounts.credentials import normalise_username
from steady.accounts.events import AccountKeysReset
from steady.accounts.passphrases import Passphrases
from steady.accounts.tables import Account, AccountSession, KeyBundle
from steady.domain import Conflict, InvalidField, NotFound
from steady.events import announce

# The phone's Argon2id cost (frontend/src/lib/crypto/derive.ts says the same).
ARGON2_ITERATIONS = 3
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_PARALLELISM = 1
LOGIN_KEY = "login_key"


def _bytes(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _text(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def fingerprint_of(signing_public: str, sealing_public: str) -> str:
    """What invite links and safety numbers are made from (the phone computes it too)."""
    digest = hashlib.sha256(b"steady-identity-v1" + _bytes(signing_public) + _bytes(sealing_public))
    return _text(digest.digest())


async def key_salt(secret: str, username: str) -> str:
    """The Argon2id salt for a username: the one its phone stored, else one derived from
    the server's secret — the same answer an account made under that name would get, so
    the answer never tells whether the username exists."""
    name = normalise_username(username)
    row = await Account.select(Account.key_salt).where(Account.username == name).first()
    if row and row["key_salt"]:
        return str(row["key_salt"])
    derived = hmac.new(secret.encode(), b"key-salt:" + name.encode(), hashlib.sha256)
    return _text(derived.digest()[:16])


def _checked_point(field: str, value: str) -> None:
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), _bytes(value))
    except ValueError as error:
        raise InvalidField(field, "That isn't a P-256 public key.") from error


async def publish_keys(account_id: int, bundle: dict[str, str]) -> None:
    """Store a person's first key bundle; this exact bundle again is a retried upload and
    changes nothing. A different one is refused: a person's keys are made once."""
    for field in ("signing_public", "sealing_public"):
        _checked_point(field, bundle[field])
    kind = await Account.select(Account.login_kind).where(Account.id == account_id).first()
    if kind is None or kind["login_kind"] != LOGIN_KEY:
        raise Conflict("Sign in from the Steady app once before setting up keys.")
    stored = await own_keys(account_id)
    if stored is not None:
        if all(stored.get(name) == value for name, value in bundle.items()):
            return
        raise Conflict("Your keys are already set up on another device.")
    fingerprint = fingerprint_of(bundle["signing_public"], bundle["sealing_public"])
    row = KeyBundle(account=account_id, fingerprint=fingerprint)
    for name, value in bundle.items():
        setattr(row, name, value)
    await KeyBundle.insert(row)


async def own_keys(account_id: int) -> dict[str, str] | None:
    """The whole bundle, for its owner only."""
    row: dict[str, str] | None = await (
        KeyBundle.select(
            KeyBundle.signing_public,
            KeyBundle.sealing_public,
            KeyBundle.fingerprint,
            KeyBundle.wrapped_by_master,
            KeyBundle.wrapped_by_recovery,
            KeyBundle.sealed_identity,
            KeyBundle.recovery_check,
        )
        .where(KeyBundle.account == account_id)
        .first()
    )
    return row


async def public_keys_of(account_id: int) -> dict[str, str] | None:
    """A person's public keys and fingerprint, for the people they share with to seal to
    and verify; ``None`` until their phone has set keys up."""
    row: dict[str, str] | None = await (
        KeyBundle.select(KeyBundle.signing_public, KeyBundle.sealing_public, KeyBundle.fingerprint)
        .where(KeyBundle.account == account_id)
        .first()
    )
    return row


async def recovered_keys(username: str, recovery_proof: str) -> tuple[int, dict[str, str]] | None:
    """The account and its bundle if ``recovery_proof`` is this username's, else ``None``."""
    account = await (
        Account.select(Account.id).where(Account.username == normalise_username(username)).first()
    )
    bundle = await own_keys(int(account["id"])) if account else None
    offered = hashlib.sha256(_bytes(recovery_proof)).hexdigest()
    stored = bundle["recovery_check"] if bundle else "0" * 64
    if not hmac.compare_digest(offered, stored) or account is None or bundle is None:
        return None
    return int(account["id"]), bundle


async def replace_login_key(
    passphrases: Passphrases,
    account_id: int,
    new_login_key: str,
    wrapped_by_master: str,
    keep_session_id: int | None,
) -> None:
    """A new login key and the account key wrapped by the new master key, together; every
    other device is signed out (``keep_session_id`` stays, when there is one)."""
    hashed = await passphrases.hash(new_login_key, f"account:{account_id}")
    async with db.current_engine().transaction():
        await Account.update({Account.passphrase_hash: hashed}).where(Account.id == account_id)
        await KeyBundle.update({KeyBundle.wrapped_by_master: wrapped_by_master}).where(
            KeyBundle.account == account_id
        )
        if keep_session_id is None:
            await AccountSession.delete().where(AccountSession.account == account_id)
        else:
            await AccountSession.delete().where(
                (AccountSession.account == account_id) & (AccountSession.id != keep_session_id)
            )


async def start_over_with_new_keys(passphrases: Passphrases, username: str) -> str:
    """The host's only way back in for someone who lost both their passphrase and their
    recovery key: a one-time passphrase to sign in with. Their keys are deleted, never
    recovered — nobody holds a copy — so what was sealed to them stays sealed; at their
    next sign-in their phone makes new keys and shows a new recovery key. Every device is
    signed out, peers see the new keys as changed, and circles let them go (announced)."""
    name = normalise_username(username)
    row = await Account.select(Account.id).where(Account.username == name).first()
    if row is None:
        raise NotFound(f"No account is called {name}.")
    account_id = int(row["id"])
    temporary = "-".join(secrets.token_hex(3) for _ in range(4))
    hashed = await passphrases.hash(temporary, "operator")
    async with db.current_engine().transaction():
        await Account.update(
            {
                Account.passphrase_hash: hashed,
                Account.login_kind: "passphrase",
                Account.key_salt: "",
            }
        ).where(Account.id == account_id)
        await KeyBundle.delete().where(KeyBundle.account == account_id)
        await AccountSession.delete().where(AccountSession.account == account_id)
        await announce(AccountKeysReset(account_id=account_id))
    return temporary
