"""HTTP routes for circles: starting and joining, the circle's page, rounds, posts.

Anything about a circle the caller is not in answers 404, never 403: existence is not
revealed. Members asking for what only the round's facilitator may do get 403.
"""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from litestar import Request, Router, delete, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, Parameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED, HTTP_204_NO_CONTENT

from steady import clock
from steady.addresses import client_address
from steady.auth import Principal
from steady.circles import membership, posts, rounds, service
from steady.circles.key_routes import circle_keys, renew_circle_keys
from steady.circles.rules import GROUND_RULES
from steady.circles.schemas import (
    AwayWrite,
    CasePick,
    CircleJoin,
    CircleListItem,
    CirclePreview,
    CircleSettings,
    CircleStart,
    CircleView,
    CloseRound,
    HelpfulWrite,
    PostWrite,
)
from steady.invite_shapes import InviteCreated, InviteView
from steady.ratelimit import enforce_rate_limit
from steady.settings import Settings
from steady.structs import SERIAL_MAX, Output


class PostSaved(Output):
    """The post's id (a second post of one kind in a round keeps the first one's id)."""

    id: UUID


class CircleRules(Output):
    rules: list[str]


@get("/rules", operation_id="circle_rules")
async def circle_rules(principal: NamedDependency[Principal]) -> CircleRules:
    """The ground rules everyone in a circle agrees to (shown before starting one)."""
    return CircleRules(rules=GROUND_RULES)


@get("/", operation_id="list_circles")
async def list_circles(principal: NamedDependency[Principal]) -> list[CircleListItem]:
    """The circles this person is in."""
    return await service.my_circles(principal.user_id)


@post("/", operation_id="start_circle", status_code=HTTP_201_CREATED, opt={"answers": (409,)})
async def start_circle(
    principal: NamedDependency[Principal], data: JSONBody[CircleStart]
) -> CircleView:
    """Start a circle (its starter agrees to the ground rules and is its first member)."""
    circle_id = await membership.start_circle(principal.user_id, data)
    return await service.circle_view(circle_id, principal.user_id)


@get("/{circle_id:uuid}", operation_id="read_circle", opt={"answers": (404,)})
async def read_circle(
    principal: NamedDependency[Principal], circle_id: FromPath[UUID]
) -> CircleView:
    """The circle as its members see it: who, the rules, the round and its posts."""
    return await service.circle_view(circle_id, principal.user_id)


@put("/{circle_id:uuid}/settings", operation_id="change_circle", opt={"answers": (404,)})
async def change_circle(
    principal: NamedDependency[Principal], circle_id: FromPath[UUID], data: JSONBody[CircleSettings]
) -> CircleView:
    """Rename the circle, or change its rhythm and how long posts are kept."""
    await membership.change_settings(circle_id, principal.user_id, data)
    return await service.circle_view(circle_id, principal.user_id)


@put("/{circle_id:uuid}/away", operation_id="set_away", opt={"answers": (404,)})
async def set_away(
    principal: NamedDependency[Principal], circle_id: FromPath[UUID], data: JSONBody[AwayWrite]
) -> CircleView:
    """Away for a while (not asked to facilitate), or back."""
    await membership.set_away(circle_id, principal.user_id, data.away_until)
    return await service.circle_view(circle_id, principal.user_id)


@delete("/{circle_id:uuid}/membership", operation_id="leave_circle", opt={"answers": (404,)})
async def leave_circle(principal: NamedDependency[Principal], circle_id: FromPath[UUID]) -> None:
    """Leave: your posts are removed from the circle at once."""
    await membership.leave(circle_id, principal.user_id)


@post(
    "/{circle_id:uuid}/invites",
    operation_id="invite_to_circle",
    status_code=HTTP_201_CREATED,
    opt={"answers": (404, 429)},
)
async def invite_to_circle(
    request: Request[Any, Any, Any],
    principal: NamedDependency[Principal],
    settings: NamedDependency[Settings],
    circle_id: FromPath[UUID],
) -> InviteCreated:
    """A one-time link and code for one person, valid for 72 hours."""
    limit = settings.invites_per_hour
    await enforce_rate_limit(request, "circle-invite", str(principal.user_id), limit, 3600)
    return await membership.create_invite(circle_id, principal.user_id)


@get("/{circle_id:uuid}/invites", operation_id="circle_invites", opt={"answers": (404,)})
async def circle_invites(
    principal: NamedDependency[Principal], circle_id: FromPath[UUID]
) -> list[InviteView]:
    """This person's invites into the circle still waiting."""
    return await membership.open_invites(circle_id, principal.user_id)


@delete("/invites/{invite_id:int}", operation_id="revoke_circle_invite", opt={"answers": (404,)})
async def revoke_circle_invite(
    principal: NamedDependency[Principal],
    invite_id: Annotated[int, Parameter(ge=1, le=SERIAL_MAX)],
) -> None:
    """Make an invite useless at once."""
    await membership.revoke_invite(principal.user_id, invite_id)


async def _limit_tries(
    request: Request[Any, Any, Any], principal: Principal, settings: Settings
) -> None:
    limit = settings.invite_tries_per_10_minutes
    await enforce_rate_limit(request, "circle-try", str(principal.user_id), limit, 600)
    await enforce_rate_limit(request, "circle-try-address", client_address(request), limit * 3, 600)


@post(
    "/invites/open",
    operation_id="open_circle_invite",
    status_code=HTTP_200_OK,
    opt={"answers": (404, 429)},
)
async def open_circle_invite(
    request: Request[Any, Any, Any],
    principal: NamedDependency[Principal],
    settings: NamedDependency[Settings],
    data: JSONBody[CircleJoin],
) -> CirclePreview:
    """The circle, who invites, and its ground rules (the invite stays open)."""
    await _limit_tries(request, principal, settings)
    return await membership.preview_invite(principal.user_id, data)


@post(
    "/invites/join",
    operation_id="join_circle",
    status_code=HTTP_200_OK,
    opt={"answers": (404, 409, 429)},
)
async def join_circle(
    request: Request[Any, Any, Any],
    principal: NamedDependency[Principal],
    settings: NamedDependency[Settings],
    data: JSONBody[CircleJoin],
) -> CircleView:
    """Join, having agreed to the ground rules; the invite is used up."""
    await _limit_tries(request, principal, settings)
    circle_id = await membership.join(principal.user_id, data)
    return await service.circle_view(circle_id, principal.user_id)


@post(
    "/{circle_id:uuid}/rounds",
    operation_id="open_round",
    status_code=HTTP_201_CREATED,
    opt={"answers": (404, 409)},
)
async def open_round(
    principal: NamedDependency[Principal], circle_id: FromPath[UUID]
) -> CircleView:
    """Open a round now (for circles that start theirs by hand, or an extra one)."""
    await membership.membership(circle_id, principal.user_id)
    await rounds.open_round_now(circle_id, clock.now())
    return await service.circle_view(circle_id, principal.user_id)


@put(
    "/{circle_id:uuid}/rounds/{round_id:uuid}/case-pick",
    operation_id="pick_case",
    opt={"answers": (403, 404)},
)
async def pick_case(
    principal: NamedDependency[Principal],
    circle_id: FromPath[UUID],
    round_id: FromPath[UUID],
    data: JSONBody[CasePick],
) -> CircleView:
    """The facilitator asks one member to bring the case (or leaves it to a volunteer)."""
    await rounds.pick_case(circle_id, round_id, principal.user_id, data.member_id)
    return await service.circle_view(circle_id, principal.user_id)


@post(
    "/{circle_id:uuid}/rounds/{round_id:uuid}/close",
    operation_id="close_round",
    status_code=HTTP_200_OK,
    opt={"answers": (403, 404, 409)},
)
async def close_round(
    principal: NamedDependency[Principal],
    circle_id: FromPath[UUID],
    round_id: FromPath[UUID],
    data: JSONBody[CloseRound],
) -> CircleView:
    """The facilitator closes the round with a short summary for the circle."""
    await rounds.facilitate_close(circle_id, round_id, principal.user_id, data.summary)
    return await service.circle_view(circle_id, principal.user_id)


@put("/posts/{post_id:uuid}", operation_id="write_post", opt={"answers": (403, 404, 409, 410)})
async def write_post(
    principal: NamedDependency[Principal], post_id: FromPath[UUID], data: JSONBody[PostWrite]
) -> PostSaved:
    """Post in one part of a round (the id comes from the phone: a retry posts once)."""
    return PostSaved(id=await posts.write_post(principal.user_id, post_id, data))


@delete("/posts/{post_id:uuid}", operation_id="take_back_post", opt={"answers": (404,)})
async def take_back_post(principal: NamedDependency[Principal], post_id: FromPath[UUID]) -> None:
    """Take one of your posts back, at once, for everyone."""
    await posts.take_back(principal.user_id, post_id)


@put(
    "/posts/{post_id:uuid}/helpful",
    operation_id="mark_helpful",
    status_code=HTTP_204_NO_CONTENT,
    opt={"answers": (403, 404)},
)
async def mark_helpful(
    principal: NamedDependency[Principal], post_id: FromPath[UUID], data: JSONBody[HelpfulWrite]
) -> None:
    """The person who brought the case marks an answer helpful (or not)."""
    await posts.mark_helpful(principal.user_id, post_id, data.helpful)


router = Router(
    path="/api/circles",
    tags=["circles"],
    route_handlers=[
        circle_rules,
        list_circles,
        start_circle,
        read_circle,
        change_circle,
        set_away,
        leave_circle,
        invite_to_circle,
        circle_invites,
        revoke_circle_invite,
        open_circle_invite,
        join_circle,
        open_round,
        pick_case,
        close_round,
        write_post,
        take_back_post,
        mark_helpful,
        circle_keys,
        renew_circle_keys,
    ],
)
