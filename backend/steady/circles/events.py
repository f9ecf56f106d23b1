"""What circles announce (see ``steady.events``): the circle, its name (all a lock screen
shows) and who is to hear of it, never what was posted."""

from datetime import datetime
from uuid import UUID

from steady.events import Event


class CircleRoundOpened(Event, frozen=True):
    circle_id: UUID
    name: str
    members: tuple[int, ...]
    closes_at: datetime


class CircleCasePosted(Event, frozen=True):
    """A case waits for answers from ``members`` (everyone but its presenter)."""

    circle_id: UUID
    name: str
    members: tuple[int, ...]


class CircleAnswerHelpful(Event, frozen=True):
    """The presenter marked an answer helpful; ``account_id`` wrote it."""

    account_id: int
    circle_id: UUID
    name: str


class CircleRoundClosed(Event, frozen=True):
    circle_id: UUID
    members: tuple[int, ...]


class CircleLeft(Event, frozen=True):
    account_id: int
    circle_id: UUID
