"""HTTP routes for invites, peers, summaries (sent and received), replies and the nudge.

Anything that is not the caller's to see answers 404, never 403: existence is not revealed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any
from uuid import UUID

from litestar import Request, Router, delete, get, post, put
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.handlers import HTTPRouteHandler
from litestar.params import FromPath, JSONBody, Parameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from steady.addresses import client_address
from steady.auth import Principal
from steady.invite_shapes import InviteCreated, InviteView
from steady.ratelimit import enforce_rate_limit
from steady.settings import Settings
from steady.sharing import invites, peers, service
from steady.sharing.compose import fingerprint
from steady.sharing.schemas import (
    InvitePreview,
    InviteRedeem,
    NudgeView,
    NudgeWrite,
    PeerKeys,
    PeerView,
    ReceivedView,
    ReplyView,
    ReplyWrite,
    SentView,
    SummaryDraft,
    SummaryPreview,
    SummarySend,
    Unread,
)
from steady.structs import SERIAL_MAX

NOT_FOUND = "Nothing here: it may have been taken back."
# Summaries one person may send (or resend) in a day: far more than anyone needs.
SENDS_PER_DAY = 30


@post(
    "/invites",
    operation_id="create_invite",
    status_code=HTTP_201_CREATED,
    opt={"answers": (400, 429)},
)
async def create_invite(
    request: Request[Any, Any, Any],
    principal: NamedDependency[Principal],
    settings: NamedDependency[Settings],
) -> InviteCreated:
    """A one-time link and code for one person, valid for 72 hours."""
    await enforce_rate_limit(
        request, "invite-make", str(principal.user_id), settings.invites_per_hour, 3600
    )
    return await invites.create_invite(principal.user_id)


@get("/invites", operation_id="open_invites")
async def open_invites(principal: NamedDependency[Principal]) -> list[InviteView]:
    """Invites still waiting for an answer."""
    return await invites.open_invites(principal.user_id)


@delete("/invites/{invite_id:int}", operation_id="revoke_invite")
async def revoke_invite(
    principal: NamedDependency[Principal],
    invite_id: Annotated[int, Parameter(ge=1, le=SERIAL_MAX)],
) -> None:
    """Make an invite useless at once."""
    await invites.revoke_invite(principal.user_id, invite_id)


def _redeeming(
    name: str,
    answer: Callable[[int, InviteRedeem], Awaitable[Any]],
    returns: Any,
    summary: str,
) -> HTTPRouteHandler:
    """One shape for everything a person can do with an invite they were given: tries are
    limited per person and per address, and an unusable invite answers 404 (from the
    service), so each handler differs only in what it does with a usable one."""

    async def redeem(
        request: Request[Any, Any, Any],
        principal: NamedDependency[Principal],
        settings: NamedDependency[Settings],
        data: JSONBody[InviteRedeem],
    ) -> Any:
        limit = settings.invite_tries_per_10_minutes
        await enforce_rate_limit(request, "invite-try", str(principal.user_id), limit, 600)
        address = client_address(request)
        await enforce_rate_limit(request, "invite-try-address", address, limit * 3, 600)
        return await answer(principal.user_id, data)

    redeem.__annotations__["return"] = returns
    redeem.__name__ = redeem.__qualname__ = name
    return post(
        f"/invites/{name.removesuffix('_invite')}",
        operation_id=name,
        name=name,
        status_code=HTTP_200_OK,
        opt={"answers": (404, 429)},
        description=summary,
    )(redeem)


open_invite = _redeeming(
    "open_invite",
    invites.preview_invite,
    InvitePreview,
    "Who sent this invite (it stays open until accepted or declined).",
)
accept_invite = _redeeming(
    "accept_invite",
    invites.accept_invite,
    PeerView,
    "Connect with the person who sent the invite.",
)
decline_invite = _redeeming(
    "decline_invite",
    invites.decline_invite,
    None,
    "Say no, kindly: the invite is used up and nothing is connected.",
)


@get("/peers", operation_id="list_peers")
async def list_peers(principal: NamedDependency[Principal]) -> list[PeerView]:
    """The people this person shares with."""
    return await peers.peers(principal.user_id)


@delete("/peers/{peer_id:uuid}", operation_id="end_connection")
async def end_connection(principal: NamedDependency[Principal], peer_id: FromPath[UUID]) -> None:
    """End a connection (either side): what was shared in it is gone for both."""
    if not await peers.end_link(principal.user_id, peer_id):
        raise NotFoundException(detail=NOT_FOUND)


@get("/peers/{peer_id:uuid}/keys", operation_id="get_peer_keys", opt={"answers": (404,)})
async def get_peer_keys(principal: NamedDependency[Principal], peer_id: FromPath[UUID]) -> PeerKeys:
    """The other person's public keys, to seal to them and to compare safety numbers."""
    found = await peers.peer_keys(principal.user_id, peer_id)
    if found is None:
        raise NotFoundException(detail=NOT_FOUND)
    name, keys = found
    return PeerKeys(name=name, **keys)


@post("/peers/{peer_id:uuid}/block", operation_id="block_peer", status_code=HTTP_200_OK)
async def block_peer(principal: NamedDependency[Principal], peer_id: FromPath[UUID]) -> None:
    """End the connection and never connect with this person again."""
    if not await peers.block_peer(principal.user_id, peer_id):
        raise NotFoundException(detail=NOT_FOUND)


@post(
    "/preview",
    operation_id="preview_summary",
    status_code=HTTP_200_OK,
    opt={"answers": (404,)},
)
async def preview_summary(
    principal: NamedDependency[Principal], data: JSONBody[SummaryDraft]
) -> SummaryPreview:
    """Exactly what the peer would see; nothing is stored or sent."""
    content = await service.preview(principal.user_id, data)
    if content is None:
        raise NotFoundException(detail=NOT_FOUND)
    return SummaryPreview(content=content, fingerprint=fingerprint(content))


def _sent_view(row: dict[str, Any]) -> SentView:
    return SentView(
        id=row["id"],
        peer_id=row["link"],
        to_name=row["other_name"],
        created_at=row["created_at"],
        seen_at=row["seen_at"],
        content=row["content"],
        sealed=row["sealed"],
        replies=row["replies"],
    )


def _received_view(row: dict[str, Any]) -> ReceivedView:
    return ReceivedView(
        id=row["id"],
        peer_id=row["link"],
        from_name=row["other_name"],
        created_at=row["created_at"],
        seen=row["seen_at"] is not None,
        content=row["content"],
        sealed=row["sealed"],
        replies=row["replies"],
    )


@put(
    "/sent/{summary_id:uuid}",
    operation_id="send_summary",
    status_code=HTTP_200_OK,
    opt={"answers": (409, 429)},
)
async def send_summary(
    request: Request[Any, Any, Any],
    principal: NamedDependency[Principal],
    summary_id: FromPath[UUID],
    data: JSONBody[SummarySend],
) -> SentView:
    """Send a summary (the id comes from the device, so a retry sends it once)."""
    await enforce_rate_limit(request, "summary-send", str(principal.user_id), SENDS_PER_DAY, 86400)
    sent = await service.send_summary(principal.user_id, summary_id, data)
    found = (
        []
        if sent is None
        else await service.summaries(principal.user_id, sent=True, summary_id=sent)
    )
    if not found:
        raise NotFoundException(detail=NOT_FOUND)
    return _sent_view(found[0])


@get("/sent", operation_id="list_sent")
async def list_sent(principal: NamedDependency[Principal]) -> list[SentView]:
    """What this person shared and has not taken back, with seen marks and replies."""
    return [_sent_view(row) for row in await service.summaries(principal.user_id, sent=True)]


@get("/sent/{summary_id:uuid}", operation_id="get_sent")
async def get_sent(principal: NamedDependency[Principal], summary_id: FromPath[UUID]) -> SentView:
    """One shared summary, as its sharer sees it."""
    found = await service.summaries(principal.user_id, sent=True, summary_id=summary_id)
    if not found:
        raise NotFoundException(detail=NOT_FOUND)
    return _sent_view(found[0])


@delete("/sent/{summary_id:uuid}", operation_id="withdraw_summary")
async def withdraw_summary(
    principal: NamedDependency[Principal], summary_id: FromPath[UUID]
) -> None:
    """Take a summary back: the peer loses it at once."""
    if not await service.withdraw(principal.user_id, summary_id):
        raise NotFoundException(detail=NOT_FOUND)


@get("/inbox", operation_id="list_inbox")
async def list_inbox(principal: NamedDependency[Principal]) -> list[ReceivedView]:
    """What peers shared with this person (and still share)."""
    rows = await service.summaries(principal.user_id, sent=False)
    return [_received_view(row) for row in rows]


@get("/inbox/{summary_id:uuid}", operation_id="get_received")
async def get_received(
    principal: NamedDependency[Principal], summary_id: FromPath[UUID]
) -> ReceivedView:
    """One summary a peer shared with this person."""
    found = await service.summaries(principal.user_id, sent=False, summary_id=summary_id)
    if not found:
        raise NotFoundException(detail=NOT_FOUND)
    return _received_view(found[0])


@post("/inbox/{summary_id:uuid}/seen", operation_id="mark_seen", status_code=HTTP_200_OK)
async def mark_seen(principal: NamedDependency[Principal], summary_id: FromPath[UUID]) -> None:
    """Reading it: the sharer sees "seen"."""
    if not await service.mark_seen(principal.user_id, summary_id):
        raise NotFoundException(detail=NOT_FOUND)


@put(
    "/inbox/{summary_id:uuid}/replies/{reply_id:uuid}",
    operation_id="reply_to_summary",
    status_code=HTTP_200_OK,
)
async def reply_to_summary(
    principal: NamedDependency[Principal],
    summary_id: FromPath[UUID],
    reply_id: FromPath[UUID],
    data: JSONBody[ReplyWrite],
) -> ReplyView:
    """A preset or a short note back to the sharer."""
    answer = await service.reply(principal.user_id, summary_id, reply_id, data)
    if answer is None:
        raise NotFoundException(detail=NOT_FOUND)
    return answer


@post(
    "/sent/{summary_id:uuid}/replies/read",
    operation_id="mark_replies_read",
    status_code=HTTP_200_OK,
)
async def mark_replies_read(
    principal: NamedDependency[Principal], summary_id: FromPath[UUID]
) -> None:
    """The sharer read the replies: they stop counting as new."""
    if not await service.mark_replies_read(principal.user_id, summary_id):
        raise NotFoundException(detail=NOT_FOUND)


@get("/unread", operation_id="unread_counts")
async def unread_counts(principal: NamedDependency[Principal]) -> Unread:
    """Summaries waiting to be opened and replies waiting to be read (for the Home badge)."""
    return await service.unread(principal.user_id)


@get("/nudge", operation_id="get_share_nudge")
async def get_nudge(principal: NamedDependency[Principal]) -> NudgeView:
    """When the weekly nudge to reach out comes, if at all."""
    return await service.get_nudge(principal.user_id)


@put("/nudge", operation_id="save_share_nudge", status_code=HTTP_200_OK)
async def save_nudge(
    principal: NamedDependency[Principal], data: JSONBody[NudgeWrite]
) -> NudgeView:
    """Turn the weekly nudge on or off (it never shares anything by itself)."""
    return await service.save_nudge(principal.user_id, data)


router = Router(
    path="/api/sharing",
    tags=["sharing"],
    route_handlers=[
        create_invite,
        open_invites,
        revoke_invite,
        open_invite,
        accept_invite,
        decline_invite,
        list_peers,
        end_connection,
        get_peer_keys,
        block_peer,
        preview_summary,
        send_summary,
        list_sent,
        get_sent,
        withdraw_summary,
        list_inbox,
        get_received,
        mark_seen,
        reply_to_summary,
        mark_replies_read,
        unread_counts,
        get_nudge,
        save_nudge,
    ],
)
