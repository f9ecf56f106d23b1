"""Grounding sessions: recorded offline, synced once, and counted for summaries."""

from __future__ import annotations

from datetime import datetime

from piccolo.query.functions.aggregate import Sum

from steady.accounts.service import synced_write
from steady.domain import InvalidField
from steady.grounding.schemas import GroundingSessionView, GroundingSessionWrite
from steady.grounding.tables import GroundingSession, GroundingSessionTombstone
from steady.sync import SyncedCollection


def _rules(data: GroundingSessionWrite) -> None:
    if data.ended_at < data.started_at:
        raise InvalidField("ended_at", "The end needs to be after the start.")


sessions: SyncedCollection[GroundingSessionWrite, GroundingSessionView] = SyncedCollection(
    GroundingSession,
    GroundingSessionTombstone,
    GroundingSessionView,
    synced_write,
    rules=_rules,
)


async def minutes_between(account_id: int, start: datetime, end: datetime) -> int:
    """Whole minutes of grounding that ended within a period, for a summary shared with a
    peer."""
    rows = await GroundingSession.select(
        Sum(GroundingSession.duration_seconds).as_alias("seconds")
    ).where(
        (GroundingSession.account == account_id)
        & (GroundingSession.ended_at >= start)
        & (GroundingSession.ended_at <= end)
    )
    return int(rows[0]["seconds"] or 0) // 60 if rows else 0
