"""Connections between two people: listing, ending (from either side) and blocking.

Ending a connection empties everything shared in it, for both people, at once.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from piccolo.query.mixins import OnConflictAction

from steady import clock, db
from steady.accounts.service import public_keys_of, usernames_of
from steady.domain import NotFound
from steady.events import announce
from steady.sharing.events import SummaryTakenBack
from steady.sharing.schemas import PeerView
from steady.sharing.tables import EMPTIED, PeerBlock, PeerLink, SharedSummary, SummaryReply


def other_person(link: dict[str, Any], account_id: int) -> int:
    """The other person in a connection."""
    return int(link["peer"] if link["inviter"] == account_id else link["inviter"])


def peer_view(link: dict[str, Any], account_id: int, names: dict[int, str]) -> PeerView:
    """A connection as one of its two people sees it."""
    return PeerView(
        id=link["id"],
        name=names.get(other_person(link, account_id), ""),
        since=link["created_at"],
        invited_by_me=link["inviter"] == account_id,
        key_mac=(link.get("joiner_mac") or None) if link["inviter"] == account_id else None,
    )


def _mine(account_id: int) -> Any:
    return (PeerLink.inviter == account_id) | (PeerLink.peer == account_id)


async def link_between(a: int, b: int) -> dict[str, Any] | None:
    """The live connection between two people, whoever invited whom (one at most: a unique
    index on the pair, among connections not ended, keeps it so)."""
    pair = ((PeerLink.inviter == a) & (PeerLink.peer == b)) | (
        (PeerLink.inviter == b) & (PeerLink.peer == a)
    )
    row: dict[str, Any] | None = (
        await PeerLink.select().where(pair & PeerLink.ended_at.is_null()).first()
    )
    return row


async def blocked_between(a: int, b: int) -> bool:
    """Whether either of two people has blocked the other."""
    either = ((PeerBlock.blocker == a) & (PeerBlock.blocked == b)) | (
        (PeerBlock.blocker == b) & (PeerBlock.blocked == a)
    )
    return bool(await PeerBlock.exists().where(either))


async def active_link(account_id: int, link_id: UUID) -> dict[str, Any] | None:
    """One of this person's connections, if it exists and has not ended."""
    row: dict[str, Any] | None = await (
        PeerLink.select()
        .where((PeerLink.id == link_id) & _mine(account_id) & PeerLink.ended_at.is_null())
        .first()
    )
    return row


async def peer_keys(account_id: int, link_id: UUID) -> tuple[str, dict[str, str]] | None:
    """The other person's name and public keys in one of this person's connections, or
    ``None`` if there is no such connection; ``NotFound`` (said to them only) while the
    other person's phone has not set keys up."""
    link = await active_link(account_id, link_id)
    if link is None:
        return None
    other = other_person(link, account_id)
    keys = await public_keys_of(other)
    if keys is None:
        raise NotFound(
            "Their keys aren't set up yet: they will be once they next sign in to Steady."
        )
    return (await usernames_of([other]))[other], keys


async def peers(account_id: int) -> list[PeerView]:
    """The people this person shares with, oldest connection first."""
    rows = await (
        PeerLink.select()
        .where(_mine(account_id) & PeerLink.ended_at.is_null())
        .order_by(PeerLink.created_at)
    )
    names = await usernames_of([other_person(row, account_id) for row in rows])
    return [peer_view(row, account_id, names) for row in rows]


async def end_link(account_id: int, link_id: UUID) -> bool:
    """End a connection, from either side: everything shared in it is emptied for good, and
    its queued pushes go, all in one transaction."""
    async with db.current_engine().transaction():
        link = await active_link(account_id, link_id)
        if link is None:
            return False
        now = clock.now()
        await PeerLink.update({PeerLink.ended_at: now}).where(PeerLink.id == link_id)
        shared = await (
            SharedSummary.update(EMPTIED | {SharedSummary.withdrawn_at: now})
            .where((SharedSummary.link == link_id) & SharedSummary.withdrawn_at.is_null())
            .returning(SharedSummary.id, SharedSummary.recipient)
        )
        if shared:
            ended = [row["id"] for row in shared]
            await SummaryReply.delete().where(SummaryReply.summary.is_in(ended))
        for row in shared:
            await announce(SummaryTakenBack(recipient=row["recipient"], summary_id=row["id"]))
    return True


async def block_peer(account_id: int, link_id: UUID) -> bool:
    """End the connection and never let this person connect (or invite) again: the ending
    and the block are one transaction (one block per pair, kept by a unique index)."""
    async with db.current_engine().transaction():
        link = await active_link(account_id, link_id)
        if link is None or not await end_link(account_id, link_id):
            return False
        await PeerBlock.insert(
            PeerBlock(blocker=account_id, blocked=other_person(link, account_id))
        ).on_conflict(action=OnConflictAction.do_nothing)
    return True
