"""HTTP routes for check-ins: idempotent writes by client id, a change feed, history and
insights."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from litestar import get
from litestar.di import NamedDependency
from litestar.params import QueryParameter

from steady.auth import Principal
from steady.checkins import service
from steady.checkins.schemas import (
    CheckinHistory,
    CheckinView,
    CheckinWrite,
    Context,
    Insights,
)
from steady.domain import InvalidField
from steady.errors import BAD_INPUT
from steady.structs import SERIAL_MAX
from steady.sync_routes import synced_router


@get("/history", responses=BAD_INPUT, operation_id="checkin_history")
async def checkin_history(
    principal: NamedDependency[Principal],
    start: Annotated[date | None, QueryParameter(description="First day (inclusive).")] = None,
    end: Annotated[date | None, QueryParameter(description="Last day (inclusive).")] = None,
    context: Annotated[Context | None, QueryParameter()] = None,
    limit: Annotated[int, QueryParameter(ge=1, le=100)] = 50,
    offset: Annotated[int, QueryParameter(ge=0, le=SERIAL_MAX)] = 0,
) -> CheckinHistory:
    """Your check-ins, newest first, filtered by days and context."""
    if start is not None and end is not None and end < start:
        raise InvalidField("end", "The last day needs to be on or after the first.")
    return await service.history(
        principal.user_id, start=start, end=end, context=context, limit=limit, offset=offset
    )


@get("/insights", responses=BAD_INPUT, operation_id="checkin_insights")
async def checkin_insights(
    principal: NamedDependency[Principal],
    days: Annotated[Literal[7, 30, 90], QueryParameter(description="Window in days.")] = 7,
) -> Insights:
    """Trends and patterns over the last 7, 30 or 90 days, computed in the database."""
    return await service.insights(principal.user_id, days)


router = synced_router(
    path="/api/checkins",
    tags=["checkins"],
    noun="check-in",
    collection=service.checkins,
    write=CheckinWrite,
    view=CheckinView,
    extra_handlers=[checkin_history, checkin_insights],
)
