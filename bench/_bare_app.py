"""A bare Litestar endpoint for the API benchmark's baseline: same server, same body
validation as a check-in write, but no session, no CSRF and no database."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from uuid import UUID

import msgspec
from litestar import Litestar, put

Scale = Annotated[int, msgspec.Meta(ge=1, le=5)]


class CheckinLike(msgspec.Struct, forbid_unknown_fields=True):
    recorded_at: datetime
    local_date: date
    mood: Scale
    energy: Scale
    stress: Scale
    connected: Scale
    context: str | None = None
    note: str = ""


@put("/api/checkins/{item_id:uuid}")
async def save(item_id: UUID, data: CheckinLike) -> dict[str, object]:
    return {"id": str(item_id), "mood": data.mood}


app = Litestar([save])
