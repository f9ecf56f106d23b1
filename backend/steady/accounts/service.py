"""Accounts, passphrases and sessions; and the per-account revision other features sync by.

Passphrases are hashed with argon2id in a worker thread so one sign-in never stalls the
event loop. A failed sign-in costs the same argon2 work whether or not the username
exists, so timing does not tell an attacker which usernames are taken.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import AsyncIterator, Collection, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import anyio.to_thread
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from steady import clock, db, dialect
from steady.accounts.tables import Account, AccountSession, KeyBundle
from steady.auth import Principal
from steady.bounds import keep_newest
from steady.domain import Limited
from steady.tokens import hash_token, new_session_token

# Slide a session's expiry forward at most this often, so reads do not all become writes.
SESSION_RENEW_AFTER = timedelta(hours=1)
# Devices signed in at once; signing in on one more signs the longest-unused out.
SESSIONS_MAX = 20


class UsernameTaken(Exception):
    """Someone already chose that username."""


class WrongPassphrase(Exception):
    """The passphrase given to confirm a change did not match."""


class AccountGone(Exception):
    """The account was deleted while a request for it was in flight."""


class Passphrases:
    """argon2id hashing with the operator's cost settings, off the event loop and bounded.

    Each hash takes a slot; at most ``slots`` run at once and each client (an address or a
    signed-in person) holds at most one. When there is no slot the check is refused at
    once rather than queued, so a flood of guesses from one place cannot make everyone
    else's sign-in wait behind it.
    """

    def __init__(self, time_cost: int, memory_kib: int, parallelism: int, slots: int) -> None:
        self._hasher = PasswordHasher(
            time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism
        )
        # Verified against when a username is unknown, so that path costs the same.
        self._decoy = self._hasher.hash("steady-decoy-passphrase")
        self._slots = slots
        self._busy = 0
        self._holders: Counter[str] = Counter()

    @contextmanager
    def _slot(self, client: str) -> Iterator[None]:
        if self._holders[client]:
            raise Limited("One passphrase check at a time, please: try again in a moment.", 2)
        if self._busy >= self._slots:
            raise Limited("Steady is busy right now. Please try again in a moment.", 2, busy=True)
        self._busy += 1
        self._holders[client] += 1
        try:
            yield
        finally:
            self._busy -= 1
            self._holders[client] -= 1
            if not self._holders[client]:
                del self._holders[client]

    async def hash(self, passphrase: str, client: str) -> str:
        """A salted argon2id hash for storage."""
        with self._slot(client):
            return await anyio.to_thread.run_sync(self._hasher.hash, passphrase)

    async def verify(self, stored_hash: str | None, passphrase: str, client: str) -> bool:
        """Whether ``passphrase`` matches; with no stored hash, burn the same time and say no."""
        target = stored_hash or self._decoy
        with self._slot(client):
            try:
                matched = await anyio.to_thread.run_sync(self._hasher.verify, target, passphrase)
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                return False
        return bool(matched) and stored_hash is not None


def normalise_username(username: str) -> str:
    """Usernames are not case-sensitive: "Sam" and "sam" are one person."""
    return username.strip().lower()


def is_valid_time_zone(name: str) -> bool:
    """Whether ``name`` is an IANA zone this server knows (dates are computed in it)."""
    if name not in _known_zones():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


@functools.cache
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones()) | {"UTC"}


async def create_account(
    passphrases: Passphrases,
    username: str,
    passphrase: str,
    time_zone: str,
    client: str,
    key_salt: str | None = None,
) -> int:
    """Create an account and return its id; ``UsernameTaken`` if the name is in use.
    With ``key_salt`` the passphrase is the phone's login key (the account is sealed)."""
    name = normalise_username(username)
    if await Account.exists().where(Account.username == name):
        raise UsernameTaken(name)
    hashed = await passphrases.hash(passphrase, client)
    try:
        rows = await Account.insert(
            Account(
                username=name,
                passphrase_hash=hashed,
                time_zone=time_zone,
                login_kind="login_key" if key_salt else "passphrase",
                key_salt=key_salt or "",
            )
        ).returning(Account.id)
    except Exception as error:
        if dialect.is_unique_violation(error):
            raise UsernameTaken(name) from error
        raise
    return int(rows[0]["id"])


async def check_credentials(
    passphrases: Passphrases, username: str, passphrase: str, client: str
) -> int | None:
    """The account id if the username and passphrase match, else ``None`` (same cost)."""
    row = await (
        Account.select(Account.id, Account.passphrase_hash)
        .where(Account.username == normalise_username(username))
        .first()
    )
    stored = row["passphrase_hash"] if row else None
    if await passphrases.verify(stored, passphrase, client) and row is not None:
        return int(row["id"])
    return None


async def login_kind_of(username: str) -> str | None:
    """How an account signs in: "passphrase" (made before sealing) or "login_key"."""
    row = await (
        Account.select(Account.login_kind)
        .where(Account.username == normalise_username(username))
        .first()
    )
    return str(row["login_kind"]) if row else None


async def move_to_login_key(
    passphrases: Passphrases, account_id: int, login_key: str, key_salt: str, client: str
) -> None:
    """After the old passphrase was checked one last time: from now on the account signs
    in with the login key the phone derives, and the passphrase never reaches the server."""
    hashed = await passphrases.hash(login_key, client)
    await Account.update(
        {
            Account.passphrase_hash: hashed,
            Account.login_kind: "login_key",
            Account.key_salt: key_salt,
        }
    ).where(Account.id == account_id)


async def start_session(account_id: int, device: str, lifetime: timedelta) -> str:
    """Open a session for a device and return its token (only the hash is stored)."""
    token = new_session_token()
    now = clock.now()
    await AccountSession.delete().where(
        (AccountSession.account == account_id) & (AccountSession.expires_at < now)
    )
    # Room for the new one: the newest SESSIONS_MAX - 1 stay.
    await keep_newest(
        AccountSession,
        AccountSession.account,
        account_id,
        AccountSession.last_seen_at,
        SESSIONS_MAX - 1,
    )
    await AccountSession.insert(
        AccountSession(
            account=account_id,
            token_hash=hash_token(token),
            device=device[:120],
            created_at=now,
            last_seen_at=now,
            expires_at=now + lifetime,
        )
    )
    return token


async def principal_for_token(token: str, lifetime: timedelta) -> Principal | None:
    """Who a session token belongs to, sliding its expiry forward while it is in use."""
    # Runs on every request: plain SQL, as Piccolo's join building cost more than the query.
    rows = await AccountSession.raw(
        "SELECT s.id, s.account AS account_id, a.username, s.last_seen_at, s.expires_at"
        " FROM account_session s JOIN account a ON a.id = s.account"
        " WHERE s.token_hash = {}",
        hash_token(token),
    )
    row = rows[0] if rows else None
    now = clock.now()
    if row is None or row["expires_at"] <= now:
        return None
    renewed: str | None = None
    if now - row["last_seen_at"] >= SESSION_RENEW_AFTER:
        await AccountSession.update(
            {AccountSession.last_seen_at: now, AccountSession.expires_at: now + lifetime}
        ).where(AccountSession.id == row["id"])
        renewed = token
    return Principal(
        user_id=int(row["account_id"]),
        session_id=int(row["id"]),
        username=str(row["username"]),
        renewed_token=renewed,
    )


async def end_session(session_id: int) -> None:
    """Sign one device out."""
    await AccountSession.delete().where(AccountSession.id == session_id)


async def end_all_sessions(account_id: int) -> None:
    """Sign out everywhere: every device's cookie stops working at once."""
    await AccountSession.delete().where(AccountSession.account == account_id)


async def change_passphrase(
    passphrases: Passphrases, account_id: int, current: str, new: str, keep_session_id: int
) -> None:
    """Replace the passphrase and sign out every other device."""
    stored = await _stored_hash(account_id)
    client = f"account:{account_id}"
    if not await passphrases.verify(stored, current, client):
        raise WrongPassphrase()
    hashed = await passphrases.hash(new, client)
    async with db.current_engine().transaction():
        await Account.update({Account.passphrase_hash: hashed}).where(Account.id == account_id)
        await AccountSession.delete().where(
            (AccountSession.account == account_id) & (AccountSession.id != keep_session_id)
        )


async def delete_account(passphrases: Passphrases, account_id: int, passphrase: str) -> None:
    """Remove the account and, by cascade, every row it owns, in one transaction."""
    stored = await _stored_hash(account_id)
    if not await passphrases.verify(stored, passphrase, f"account:{account_id}"):
        raise WrongPassphrase()
    async with db.current_engine().transaction():
        await Account.delete().where(Account.id == account_id)


async def account_view(account_id: int) -> dict[str, object] | None:
    """The public facts about an account: username, time zone, when it was made."""
    row: dict[str, object] | None = await (
        Account.select(Account.username, Account.time_zone, Account.created_at, Account.login_kind)
        .where(Account.id == account_id)
        .first()
    )
    return row


async def set_time_zone(account_id: int, time_zone: str) -> None:
    """Store the IANA zone that "today" and weekday cadences are computed in."""
    await Account.update({Account.time_zone: time_zone}).where(Account.id == account_id)


async def time_zone_of(account_id: int) -> ZoneInfo:
    """The account's zone, for features that reason about local days."""
    row = await Account.select(Account.time_zone).where(Account.id == account_id).first()
    return ZoneInfo(row["time_zone"] if row else "UTC")


async def time_zones_of(account_ids: Collection[int]) -> dict[int, ZoneInfo]:
    """Several accounts' zones in one query, for work done in batches (the push dispatcher)."""
    if not account_ids:
        return {}
    rows = await Account.select(Account.id, Account.time_zone).where(
        dialect.one_of(Account.id, account_ids)
    )
    return {row["id"]: ZoneInfo(row["time_zone"]) for row in rows}


async def public_keys_of(account_id: int) -> dict[str, str] | None:
    """A person's public keys and fingerprint, for the people they share with to seal to
    and verify; ``None`` until their phone has set keys up."""
    row: dict[str, str] | None = await (
        KeyBundle.select(KeyBundle.signing_public, KeyBundle.sealing_public, KeyBundle.fingerprint)
        .where(KeyBundle.account == account_id)
        .first()
    )
    return row


async def usernames_of(account_ids: Collection[int]) -> dict[int, str]:
    """How each account is named to the peers it shares with."""
    if not account_ids:
        return {}
    rows = await Account.select(Account.id, Account.username).where(
        dialect.one_of(Account.id, account_ids)
    )
    return {row["id"]: row["username"] for row in rows}


@asynccontextmanager
async def synced_write(account_id: int) -> AsyncIterator[int]:
    """A transaction for one synced change, yielding the account's next revision.

    Taking the revision first locks the account row (PostgreSQL) or the connection
    (SQLite), so an account's writes commit in revision order and a device that pulls
    "after N" can never skip a change that commits late.
    """
    async with db.current_engine().transaction():
        yield await next_revision(account_id)


async def next_revision(account_id: int) -> int:
    """The account's next revision; call inside a transaction (one per changed record)."""
    rows = await Account.raw(
        "UPDATE account SET revision = revision + 1 WHERE id = {} RETURNING revision", account_id
    )
    if not rows:
        raise AccountGone()
    return int(rows[0]["revision"])


@asynccontextmanager
async def account_locked(account_id: int) -> AsyncIterator[None]:
    """A transaction in which no other locked write for this account runs meanwhile.

    PostgreSQL locks the account row; SQLite's single shared connection already
    serialises transactions.
    """
    engine = db.current_engine()
    async with engine.transaction():
        query = Account.select(Account.id).where(Account.id == account_id)
        if dialect.is_postgres(engine):
            query = query.lock_rows()
        if await query.first() is None:
            raise AccountGone()
        yield


async def _stored_hash(account_id: int) -> str | None:
    row = await Account.select(Account.passphrase_hash).where(Account.id == account_id).first()
    return str(row["passphrase_hash"]) if row else None
