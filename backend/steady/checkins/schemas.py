"""Request and response bodies for check-ins, their history and insights."""

from datetime import date, datetime
from typing import Annotated, ClassVar, Literal
from uuid import UUID

import msgspec

from steady.structs import Input, Output

Scale = Annotated[int, msgspec.Meta(ge=1, le=5, description="1 (low) to 5 (high).")]
Context = Literal["before_shift", "on_shift", "after_shift", "day_off"]
Mark = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=40,
        description="A listed key (e.g. tight_shoulders, patient_death) or the person's own words.",
    ),
]
Marks = Annotated[list[Mark], msgspec.Meta(max_length=12)]
NOTE_MAX = 4000


class CheckinWrite(Input):
    """A check-in as the device recorded it; PUT to its client id, as often as needed."""

    free_text_fields: ClassVar[frozenset[str]] = frozenset({"note", "setting_down"})

    recorded_at: Annotated[datetime, msgspec.Meta(tz=True)]
    local_date: Annotated[
        date, msgspec.Meta(description="The day it counts for, in the person's time zone.")
    ]
    mood: Scale
    energy: Scale
    stress: Scale
    connected: Scale
    context: Context | None = None
    body_signals: Marks = msgspec.field(default_factory=list)
    tags: Marks = msgspec.field(default_factory=list)
    note: Annotated[str, msgspec.Meta(max_length=NOTE_MAX)] = ""
    setting_down: Annotated[str, msgspec.Meta(max_length=280)] = ""


class CheckinView(Output):
    id: UUID
    recorded_at: datetime
    local_date: date
    mood: int
    energy: int
    stress: int
    connected: int
    context: Context | None
    body_signals: list[str]
    tags: list[str]
    note: str
    setting_down: str
    revision: int


class CheckinHistory(Output):
    """One page of history, newest first: ask again with ``offset`` while ``more``."""

    items: list[CheckinView]
    more: bool


class Averages(Output):
    count: int
    mood: float
    energy: float
    stress: float
    connected: float


class DayAverages(Averages):
    date: date


class ContextAverages(Averages):
    context: str


class TagAverages(Averages):
    tag: str


class MarkCount(Output):
    value: str
    count: int


class Insights(Output):
    """Trends and patterns over the last ``days`` days (in the person's time zone)."""

    days: int
    start: date
    end: date
    count: int
    enough: bool
    minimum: int
    overall: Averages | None
    series: list[DayAverages]
    by_context: list[ContextAverages]
    body_signals: list[MarkCount]
    by_tag: list[TagAverages]
    untagged: Averages | None
