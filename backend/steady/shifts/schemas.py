"""Request and response bodies for shifts."""

from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec

from steady.structs import Input, Output


class ShiftView(Output):
    # The id the phone gave it (shifts from before ids were kept have one made for them).
    id: UUID | None
    started_at: datetime
    ended_at: datetime | None


class ShiftWrite(Input):
    """A shift as the phone saw it: when Start (and End, once tapped) were pressed."""

    started_at: Annotated[datetime, msgspec.Meta(tz=True)]
    ended_at: Annotated[datetime, msgspec.Meta(tz=True)] | None = None


class ShiftState(Output):
    current: ShiftView | None
