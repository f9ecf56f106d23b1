"""What commitments announce (see ``steady.events``)."""

from datetime import date
from uuid import UUID

from steady.events import Event


class CommitmentSaved(Event, frozen=True):
    """A commitment was stored: what its reminder needs to keep in step with it."""

    account_id: int
    commitment_id: UUID
    title: str
    cadence: str
    weekdays: frozenset[int]
    on_date: date | None
    reminder_time: str | None
    active: bool


class CommitmentDeleted(Event, frozen=True):
    account_id: int
    commitment_id: UUID
