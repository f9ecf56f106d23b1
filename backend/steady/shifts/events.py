"""What shifts announce (see ``steady.events``)."""

from datetime import datetime

from steady.events import Event


class ShiftStarted(Event, frozen=True):
    account_id: int


class ShiftEnded(Event, frozen=True):
    """A shift ended at ``ended_at``, the phone's time (it may arrive later, from the
    outbox)."""

    account_id: int
    ended_at: datetime
