"""Grounding sessions: recorded offline, synced once, and counted for summaries."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec

from steady.accounts.service import synced_write
from steady.errors import field_error
from steady.grounding.schemas import GroundingSessionView, GroundingSessionWrite
from steady.grounding.tables import GroundingSession, GroundingSessionTombstone
from steady.sync import SyncedCollection


def _values(data: GroundingSessionWrite) -> Mapping[str, Any]:
    if data.ended_at < data.started_at:
        raise field_error("ended_at", "must not be before started_at")
    return msgspec.structs.asdict(data)


sessions: SyncedCollection[GroundingSessionWrite, GroundingSessionView] = SyncedCollection(
    GroundingSession, GroundingSessionTombstone, GroundingSessionView, synced_write, _values
)
