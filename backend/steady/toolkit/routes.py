"""HTTP routes for the crisis toolkit: read it, and save it against a version."""

from __future__ import annotations

from litestar import Response, Router, get, put
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import JSONBody
from litestar.status_codes import HTTP_409_CONFLICT

from steady.auth import Principal
from steady.errors import BAD_INPUT
from steady.toolkit import service
from steady.toolkit.schemas import ToolkitConflict, ToolkitView, ToolkitWrite

CONFLICT = {
    409: ResponseSpec(
        data_container=ToolkitConflict,
        generate_examples=False,
        description="Another device saved first: merge with `current` and send again.",
    )
}


@get("/", operation_id="read_toolkit")
async def read_toolkit(principal: NamedDependency[Principal]) -> ToolkitView:
    """Your safety plan (empty, at version 0, until you save one)."""
    return await service.read_toolkit(principal.user_id)


@put("/", operation_id="save_toolkit", responses={**BAD_INPUT, **CONFLICT})
async def save_toolkit(
    principal: NamedDependency[Principal], data: JSONBody[ToolkitWrite]
) -> Response[ToolkitView | ToolkitConflict]:
    """Save the plan edited from ``base_version``; 409 with the current plan if it moved on."""
    try:
        saved = await service.save_toolkit(principal.user_id, data)
    except service.VersionConflict as conflict:
        body = ToolkitConflict(
            status_code=HTTP_409_CONFLICT,
            detail="Your toolkit changed on another device. Merge and send again.",
            current=conflict.current,
        )
        return Response(body, status_code=HTTP_409_CONFLICT)
    return Response(saved)


router = Router(path="/api/toolkit", tags=["toolkit"], route_handlers=[read_toolkit, save_toolkit])
