"""HTTP routes for shifts: Start and End, the one running now, the latest ones, and a
shift as the phone recorded it."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from litestar import Router, get, post, put
from litestar.di import NamedDependency
from litestar.handlers import HTTPRouteHandler
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_200_OK

from steady.auth import Principal
from steady.shifts import service
from steady.shifts.schemas import ShiftState, ShiftView, ShiftWrite


async def current_shift(principal: NamedDependency[Principal]) -> ShiftState:
    """The shift tapped "Start" and not yet ended, if any."""
    return ShiftState(current=await service.current_shift(principal.user_id))


async def start_shift(principal: NamedDependency[Principal]) -> ShiftState:
    """Reminders that wait for shifts hold until "End shift" (the server's clock)."""
    return ShiftState(current=await service.start_shift(principal.user_id))


async def end_shift(principal: NamedDependency[Principal]) -> ShiftState:
    """End the shift: held reminders come, and the after-shift ones are planned."""
    await service.end_shift(principal.user_id)
    return ShiftState(current=None)


async def recent_shifts(principal: NamedDependency[Principal]) -> list[ShiftView]:
    """The latest shifts, newest first."""
    return await service.recent_shifts(principal.user_id)


async def record_shift(
    principal: NamedDependency[Principal], shift_id: FromPath[UUID], data: JSONBody[ShiftWrite]
) -> ShiftView:
    """A shift as the phone saw it, under the phone's id (replays change nothing): from the
    Start and End buttons, sent straight away or later through the outbox."""
    return await service.record_shift(principal.user_id, shift_id, data)


def _operations(old: bool) -> list[HTTPRouteHandler]:
    """The operations at the shifts feature's own paths or, with ``old``, at the paths they
    had when shifts were part of reminders: phones may still hold those in their offline
    outbox, so they keep working, left out of the OpenAPI document (the PWA calls the new
    ones)."""

    def at(path: str, old_path: str, operation: str) -> dict[str, Any]:
        return {
            "path": f"/reminders{old_path}" if old else f"/shifts{path}",
            "operation_id": f"{operation}_at_old_path" if old else operation,
            "include_in_schema": not old,
        }

    return [
        get(**at("/current", "/shift", "current_shift"))(current_shift),
        post(**at("/start", "/shift/start", "start_shift"), status_code=HTTP_200_OK)(start_shift),
        post(**at("/end", "/shift/end", "end_shift"), status_code=HTTP_200_OK)(end_shift),
        get(**at("", "/shifts", "recent_shifts"))(recent_shifts),
        put(
            **at("/{shift_id:uuid}", "/shifts/{shift_id:uuid}", "record_shift"),
            status_code=HTTP_200_OK,
        )(record_shift),
    ]


router = Router(
    path="/api", tags=["shifts"], route_handlers=[*_operations(old=False), *_operations(old=True)]
)
