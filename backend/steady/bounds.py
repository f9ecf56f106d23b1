"""Per-person lists that stay bounded: one account can never grow a table without end."""

from __future__ import annotations

from typing import Any

from piccolo.columns import Column
from piccolo.table import Table


async def keep_newest(
    table: type[Table], owner: Column, owner_id: Any, by: Column, keep: int
) -> None:
    """Delete one owner's rows beyond the newest ``keep`` (newest by ``by``), so sessions,
    devices and shift history stay a size no person outgrows and no attacker can inflate."""
    oldest_kept = await (
        table.select(by)
        .where(owner == owner_id)
        .order_by(by, ascending=False)
        .offset(keep - 1)
        .first()
    )
    if oldest_kept is not None:
        await table.delete().where((owner == owner_id) & (by < oldest_kept[by._meta.name]))
