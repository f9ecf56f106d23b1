"""One router shape for every synced collection: PUT, GET and DELETE by the device's id,
and a change feed at the collection's root.

Features call ``synced_router`` with their structs; the handlers get those concrete types
as annotations, so validation and the OpenAPI document (and the PWA's generated types)
are as precise as hand-written routes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any, TypeVar, cast
from uuid import UUID

import msgspec
from litestar import Response, Router, delete, get, put
from litestar.di import NamedDependency
from litestar.exceptions import HTTPException, NotFoundException
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED, HTTP_204_NO_CONTENT, HTTP_410_GONE

from steady.auth import Principal
from steady.errors import BAD_INPUT
from steady.structs import COUNTER_MAX
from steady.sync import Outcome, Page, SyncedCollection

W = TypeVar("W", bound=msgspec.Struct)
V = TypeVar("V", bound=msgspec.Struct)

Since = Annotated[
    int, QueryParameter(ge=0, le=COUNTER_MAX, description="Revision already seen; 0 for all.")
]
Limit = Annotated[int, QueryParameter(ge=1, le=500, description="Page size.")]


def _annotate(handler: Callable[..., Any], **types: Any) -> Callable[..., Any]:
    handler.__annotations__ = {**handler.__annotations__, **types}
    return handler


def synced_router(
    *,
    path: str,
    tags: list[str],
    noun: str,
    collection: SyncedCollection[W, V],
    write: type[W],
    view: type[V],
    extra_handlers: list[Any] | None = None,
    conflicts: bool = False,
) -> Router:
    """The routes of one synced collection (plus any feature-specific ``extra_handlers``);
    ``conflicts`` when a save can clash with the account's other records (409)."""
    not_found = f"No such {noun}."

    async def save(principal: Principal, item_id: UUID, data: Any) -> Response[Any]:
        outcome, stored = await collection.save(principal.user_id, item_id, data)
        if outcome is Outcome.GONE:
            raise HTTPException(status_code=HTTP_410_GONE, detail=f"This {noun} was deleted.")
        if stored is None:
            raise NotFoundException(detail=not_found)
        status = HTTP_201_CREATED if outcome is Outcome.CREATED else HTTP_200_OK
        return Response(stored, status_code=status)

    async def read(principal: Principal, item_id: UUID) -> Any:
        stored = await collection.read(principal.user_id, item_id)
        if stored is None:
            raise NotFoundException(detail=not_found)
        return stored

    async def remove(principal: Principal, item_id: UUID) -> None:
        if not await collection.delete(principal.user_id, item_id):
            raise NotFoundException(detail=not_found)

    async def feed(principal: Principal, since: int = 0, limit: int = 200) -> Any:
        return await collection.changes(principal.user_id, since, limit)

    me = NamedDependency[Principal]
    item = FromPath[UUID]
    # Concrete types for this collection, applied at run time (hence the casts for mypy).
    body = cast(Any, JSONBody)[write]
    answer = cast(Any, Response)[view]
    page = cast(Any, Page)[view]
    slug = re.sub(r"[^a-z0-9]+", "_", noun.lower())
    handlers = [
        put(
            "/{item_id:uuid}",
            responses={
                **BAD_INPUT,
                HTTP_201_CREATED: ResponseSpec(data_container=view, description=f"A new {noun}."),
            },
            opt={"answers": (409, 410) if conflicts else (410,)},
            operation_id=f"save_{slug}",
            summary=f"Create or replace a {noun} under the id the device gave it",
        )(_annotate(save, principal=me, item_id=item, data=body, **{"return": answer})),
        get("/{item_id:uuid}", operation_id=f"read_{slug}", summary=f"One of your own {noun}s")(
            _annotate(read, principal=me, item_id=item, **{"return": view})
        ),
        delete(
            "/{item_id:uuid}",
            status_code=HTTP_204_NO_CONTENT,
            operation_id=f"delete_{slug}",
            summary=f"Delete a {noun} everywhere (deleting twice is fine)",
        )(_annotate(remove, principal=me, item_id=item, **{"return": None})),
        get(
            "/",
            responses=BAD_INPUT,
            operation_id=f"{slug}_changes",
            summary=f"{noun.capitalize()}s changed or deleted after revision `since`, oldest first",
        )(_annotate(feed, principal=me, since=Since, limit=Limit, **{"return": page})),
    ]
    return Router(path=path, tags=tags, route_handlers=[*handlers, *(extra_handlers or [])])
