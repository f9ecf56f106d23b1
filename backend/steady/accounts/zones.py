"""Each account's IANA time zone: "today", the last N days and weekday cadences are
calendar dates in it."""

from __future__ import annotations

import functools
from collections.abc import Collection
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from steady import dialect
from steady.accounts.tables import Account


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
