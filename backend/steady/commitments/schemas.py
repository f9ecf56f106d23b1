"""Request and response bodies for commitments, completions and progress."""

from datetime import date, datetime
from typing import Annotated, ClassVar
from uuid import UUID

import msgspec

from steady.commitments.progress import CadenceKind
from steady.structs import Input, LocalTime, Output, Weekday

MAX_ACTIVE = 20


class CommitmentWrite(Input):
    """A commitment as the device has it; PUT to its client id."""

    free_text_fields: ClassVar[frozenset[str]] = frozenset({"why"})

    title: Annotated[str, msgspec.Meta(min_length=1, max_length=80)]
    cadence: CadenceKind
    starts_on: Annotated[date, msgspec.Meta(description="The first day it counts from.")]
    why: Annotated[str, msgspec.Meta(max_length=280)] = ""
    weekdays: Annotated[list[Weekday], msgspec.Meta(max_length=7)] = msgspec.field(
        default_factory=list
    )
    on_date: date | None = None
    reminder_time: LocalTime | None = None
    active: bool = True


class CommitmentView(Output):
    id: UUID
    title: str
    why: str
    cadence: CadenceKind
    weekdays: list[int]
    on_date: date | None
    reminder_time: str | None
    active: bool
    starts_on: date
    revision: int


class CompletionWrite(Input):
    """A tick: which commitment, for which day, and when it was tapped."""

    commitment_id: UUID
    local_date: date
    completed_at: Annotated[datetime, msgspec.Meta(tz=True)]


class CompletionView(Output):
    id: UUID
    commitment_id: UUID
    local_date: date
    completed_at: datetime
    revision: int


class CommitmentProgress(Output):
    commitment_id: UUID
    kept_7: int
    due_7: int
    kept_30: int
    due_30: int
    strength: float
    completions: int
    milestone: int | None


class ProgressReport(Output):
    today: date
    commitments: Annotated[
        list[CommitmentProgress],
        msgspec.Meta(
            max_length=MAX_ACTIVE,
            description="One for each active commitment: at most this many are active at once.",
        ),
    ]
