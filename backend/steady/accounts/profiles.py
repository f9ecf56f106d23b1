"""What an account shows: to its owner, and by name to the people it shares with."""

from __future__ import annotations

from collections.abc import Collection

from steady import dialect
from steady.accounts.tables import Account


async def account_view(account_id: int) -> dict[str, object] | None:
    """The public facts about an account: username, time zone, when it was made."""
    row: dict[str, object] | None = await (
        Account.select(Account.username, Account.time_zone, Account.created_at, Account.login_kind)
        .where(Account.id == account_id)
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
