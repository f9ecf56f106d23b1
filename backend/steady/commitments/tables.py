"""Micro-commitments and the days they were kept."""

from piccolo.columns import (
    UUID,
    Array,
    Boolean,
    Date,
    SmallInt,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table

from steady.accounts.tables import SyncedRecord
from steady.clock import StampNow


class Commitment(SyncedRecord, Table, tablename="commitment"):
    """One small, doable thing; ``id`` chosen by the device that made it."""

    title = Varchar(length=80)
    why = Varchar(length=280, default="")
    cadence = Varchar(length=12)  # daily | weekdays | after_shift | once
    weekdays = Array(base_column=SmallInt())  # ISO weekdays, 1 = Monday
    on_date = Date(null=True, default=None)
    reminder_time = Varchar(length=5, null=True, default=None)  # "HH:MM", local time
    active = Boolean(default=True)
    starts_on = Date()
    created_at = Timestamptz(default=StampNow())
    updated_at = Timestamptz(default=StampNow())


class CommitmentTombstone(SyncedRecord, Table, tablename="commitment_tombstone"):
    """A deleted commitment: only enough to tell other devices it is gone."""


class Completion(SyncedRecord, Table, tablename="completion"):
    """A commitment kept on a day (the person's local date; a night shift may keep the
    day before). Undo deletes it."""

    commitment_id = UUID()
    local_date = Date()
    completed_at = Timestamptz()
    created_at = Timestamptz(default=StampNow())
    updated_at = Timestamptz(default=StampNow())


class CompletionTombstone(SyncedRecord, Table, tablename="completion_tombstone"):
    """An undone tick: only enough to tell other devices it is gone."""
