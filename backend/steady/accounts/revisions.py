"""Each account's revision counter, which other features sync by: every synced change
takes the next revision in its own transaction, and an account's writes can be locked
against each other."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from steady import db, dialect
from steady.accounts.tables import Account


class AccountGone(Exception):
    """The account was deleted while a request for it was in flight."""


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
