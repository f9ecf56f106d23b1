"""HTTP routes for a circle's keys: fetching them, and renewing them when the membership
changed. Members only (404 for anyone else); the keys themselves never pass in the clear."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from litestar import get, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, Parameter
from litestar.status_codes import HTTP_204_NO_CONTENT

from steady.auth import Principal
from steady.circles import keys
from steady.circles.schemas import CircleKeys, EpochWrite


@get("/{circle_id:uuid}/keys", operation_id="circle_keys", opt={"answers": (404,)})
async def circle_keys(
    principal: NamedDependency[Principal], circle_id: FromPath[UUID]
) -> CircleKeys:
    """The circle's signed member lists and keys (sealed to each member) since you joined."""
    return await keys.circle_keys(circle_id, principal.user_id)


@put(
    "/{circle_id:uuid}/keys/{epoch:int}",
    operation_id="renew_circle_keys",
    status_code=HTTP_204_NO_CONTENT,
    opt={"answers": (404, 409)},
)
async def renew_circle_keys(
    principal: NamedDependency[Principal],
    circle_id: FromPath[UUID],
    epoch: Annotated[int, Parameter(ge=1, le=2**31 - 1)],
    data: JSONBody[EpochWrite],
) -> None:
    """A new circle key for the members there are now; the first one for an epoch wins."""
    await keys.renew_keys(circle_id, principal.user_id, epoch, data)
