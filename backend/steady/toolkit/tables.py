"""The crisis toolkit: one safety plan per account, stored as a versioned document."""

from piccolo.columns import JSON, UUID, Integer, Serial, Timestamptz
from piccolo.table import Table

from steady.accounts.tables import owner
from steady.clock import StampNow


class Toolkit(Table, tablename="toolkit"):
    """A person's safety plan. ``version`` rises with each accepted write, so a device
    that edited an older version learns it must merge (409) instead of overwriting."""

    id = Serial(primary_key=True)
    account = owner(unique=True, index=True)
    version = Integer(default=0)
    document = JSON(default="{}")
    # The last write's client id: replaying that write answers 200, not a conflict.
    last_change_id = UUID(null=True, default=None)
    updated_at = Timestamptz(default=StampNow())
