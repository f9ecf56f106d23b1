"""Check-ins: how someone is doing, in a few taps."""

from piccolo.columns import (
    Array,
    Date,
    ForeignKey,
    OnDelete,
    Serial,
    SmallInt,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table

from steady.accounts.tables import SyncedRecord, owner
from steady.clock import StampNow


class Checkin(SyncedRecord, Table, tablename="checkin"):
    """One check-in; ``id`` is chosen by the device that made it."""

    # (account, revision) and (account, local_date) are indexed by migrations.
    recorded_at = Timestamptz()
    # The day it belongs to in the person's time zone (a night shift may keep yesterday).
    local_date = Date()
    mood = SmallInt()
    energy = SmallInt()
    stress = SmallInt()
    connected = SmallInt()
    context = Varchar(length=20, null=True, default=None)
    body_signals = Array(base_column=Varchar(length=40))
    tags = Array(base_column=Varchar(length=40))
    note = Text(default="")
    setting_down = Text(default="")
    created_at = Timestamptz(default=StampNow())
    updated_at = Timestamptz(default=StampNow())


class CheckinTombstone(SyncedRecord, Table, tablename="checkin_tombstone"):
    """A deleted check-in: only enough to tell other devices it is gone."""


class CheckinMark(Table, tablename="checkin_mark"):
    """One body signal or hard-event tag of a check-in, one row each, so insights can
    count and compare them in the database. Rewritten whenever the check-in is saved."""

    id = Serial(primary_key=True)
    checkin = ForeignKey(references=Checkin, on_delete=OnDelete.cascade, null=False)
    account = owner()
    kind = Varchar(length=4)  # "body" or "tag"
    value = Varchar(length=40)
    local_date = Date()
