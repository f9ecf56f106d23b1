"""Grounding sessions: which exercise, for how long, and when."""

from piccolo.columns import (
    UUID,
    BigInt,
    Boolean,
    ForeignKey,
    Integer,
    OnDelete,
    Timestamptz,
    Varchar,
)
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from steady.accounts.tables import Account


class GroundingSession(Table, tablename="grounding_session"):
    """One exercise played (to the end, or stopped after a while); ``id`` from the device."""

    id = UUID(primary_key=True)
    account = ForeignKey(references=Account, on_delete=OnDelete.cascade, null=False)
    # (account, revision) and (account, ended_at) are indexed by a migration.
    revision = BigInt()
    exercise_id = Varchar(length=40)
    duration_seconds = Integer()
    completed = Boolean(default=False)
    started_at = Timestamptz()
    ended_at = Timestamptz()
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class GroundingSessionTombstone(Table, tablename="grounding_session_tombstone"):
    """A deleted session: only enough to tell other devices it is gone."""

    id = UUID(primary_key=True)
    account = ForeignKey(references=Account, on_delete=OnDelete.cascade, null=False)
    revision = BigInt()
