"""Shifts as a person taps them: Start, and later End."""

from piccolo.columns import UUID, Serial, Timestamptz
from piccolo.table import Table

from steady.accounts.tables import owner


class Shift(Table, tablename="shift"):
    """A shift tapped "Start" (and later "End"), under the id the phone gave it."""

    id = Serial(primary_key=True)
    uid = UUID(null=True, default=None)  # unique (an index made by its migration)
    account = owner()
    started_at = Timestamptz()
    ended_at = Timestamptz(null=True, default=None)
