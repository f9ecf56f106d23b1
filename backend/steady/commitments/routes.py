"""HTTP routes for commitments, completions (ticks) and progress."""

from __future__ import annotations

from litestar import Router, get
from litestar.di import NamedDependency

from steady.auth import Principal
from steady.commitments import service
from steady.commitments.schemas import (
    CommitmentView,
    CommitmentWrite,
    CompletionView,
    CompletionWrite,
    ProgressReport,
)
from steady.sync_routes import synced_router


@get("/progress", operation_id="commitment_progress")
async def commitment_progress(principal: NamedDependency[Principal]) -> ProgressReport:
    """Kept N of the last 7 and 30 due days, strength and milestones, per active commitment."""
    return await service.progress_report(principal.user_id)


router = Router(
    path="/",
    route_handlers=[
        synced_router(
            path="/api/commitments",
            tags=["commitments"],
            noun="commitment",
            collection=service.commitments,
            write=CommitmentWrite,
            view=CommitmentView,
            extra_handlers=[commitment_progress],
            conflicts=True,
        ),
        synced_router(
            path="/api/completions",
            tags=["commitments"],
            noun="completion",
            collection=service.completions,
            write=CompletionWrite,
            view=CompletionView,
        ),
    ],
)
