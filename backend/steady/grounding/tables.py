"""Grounding sessions: which exercise, for how long, and when."""

from piccolo.columns import (
    Boolean,
    Integer,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table

from steady.accounts.tables import SyncedRecord
from steady.clock import StampNow


class GroundingSession(SyncedRecord, Table, tablename="grounding_session"):
    """One exercise played (to the end, or stopped after a while); ``id`` from the device."""

    # (account, revision) and (account, ended_at) are indexed by a migration.
    exercise_id = Varchar(length=40)
    duration_seconds = Integer()
    completed = Boolean(default=False)
    started_at = Timestamptz()
    ended_at = Timestamptz()
    created_at = Timestamptz(default=StampNow())
    updated_at = Timestamptz(default=StampNow())


class GroundingSessionTombstone(SyncedRecord, Table, tablename="grounding_session_tombstone"):
    """A deleted session: only enough to tell other devices it is gone."""
