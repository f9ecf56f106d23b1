"""Who can sign in as whom: making an account, checking a username and passphrase, moving
an account to the phone's login key, changing the passphrase, deleting the account.

A failed sign-in costs the same argon2 work whether or not the username exists, so
timing does not tell an attacker which usernames are taken.
"""

from __future__ import annotations

from steady import db, dialect
from steady.accounts.passphrases import Passphrases
from steady.accounts.tables import Account, AccountSession


class UsernameTaken(Exception):
    """Someone already chose that username."""


class WrongPassphrase(Exception):
    """The passphrase given to confirm a change did not match."""


def normalise_username(username: str) -> str:
    """Usernames are not case-sensitive: "Sam" and "sam" are one person."""
    return username.strip().lower()


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


async def _stored_hash(account_id: int) -> str | None:
    row = await Account.select(Account.passphrase_hash).where(Account.id == account_id).first()
    return str(row["passphrase_hash"]) if row else None
