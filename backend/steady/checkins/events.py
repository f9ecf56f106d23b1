"""What check-ins announce (see ``steady.events``)."""

from datetime import datetime
from uuid import UUID

from steady.events import Event


class CheckinSaved(Event, frozen=True):
    """A check-in was stored, new or edited; ``hard_moment`` when it names a hard event."""

    account_id: int
    checkin_id: UUID
    recorded_at: datetime
    hard_moment: bool
    new: bool


class CheckinDeleted(Event, frozen=True):
    account_id: int
    checkin_id: UUID
