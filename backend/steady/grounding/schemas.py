"""Request and response bodies for grounding sessions.

The exercises themselves are content shipped with the PWA (data files), so the server
checks only the shape of an exercise id, not a catalogue.
"""

from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec

from steady.structs import Input, Output

ExerciseId = Annotated[
    str, msgspec.Meta(min_length=1, max_length=40, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
]
Moment = Annotated[datetime, msgspec.Meta(tz=True)]


class GroundingSessionWrite(Input):
    """A session as the device recorded it; PUT to its client id, as often as needed."""

    exercise_id: ExerciseId
    duration_seconds: Annotated[int, msgspec.Meta(ge=1, le=3600)]
    completed: bool
    started_at: Moment
    ended_at: Moment


class GroundingSessionView(Output):
    id: UUID
    exercise_id: str
    duration_seconds: int
    completed: bool
    started_at: datetime
    ended_at: datetime
    revision: int
