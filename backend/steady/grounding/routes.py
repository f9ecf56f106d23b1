"""HTTP routes for grounding sessions: idempotent writes by client id and a change feed."""

from steady.grounding.schemas import (
    GroundingSessionView,
    GroundingSessionWrite,
)
from steady.grounding.service import sessions
from steady.sync_routes import synced_router

router = synced_router(
    path="/api/grounding/sessions",
    tags=["grounding"],
    noun="grounding session",
    collection=sessions,
    write=GroundingSessionWrite,
    view=GroundingSessionView,
)
