"""Connecting with peers and sharing with them: invites, connections, blocks, summaries,
replies and the weekly nudge.

Every query is scoped to the person asking, and a peer reaches a summary only while it is
neither withdrawn nor part of an ended connection: anything else is "not found", so no one
learns what exists. Functions answer ``None``/``False`` for "not found"; routes say 404.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import msgspec

from steady import db
from steady.accounts.service import usernames_of
from steady.errors import field_error
from steady.reminders import service as reminders
from steady.sharing.compose import compose, fingerprint
from steady.sharing.schemas import (
    PRESETS,
    InviteCreated,
    InvitePreview,
    InviteRedeem,
    InviteView,
    NudgeView,
    NudgeWrite,
    PeerView,
    ReplyView,
    ReplyWrite,
    SummaryContent,
    SummarySend,
)
from steady.sharing.tables import (
    Invite,
    PeerBlock,
    PeerLink,
    SharedSummary,
    SharingPrefs,
    SummaryReply,
)

INVITE_LIFETIME = timedelta(hours=72)
OPEN_INVITES_MAX = 10
REPLIES_MAX = 10
# Read aloud without confusion: no 0/O, 1/I/L.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def _now() -> datetime:
    return datetime.now(UTC)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def normalise_code(code: str) -> str:
    """A spoken code as typed ("abcd efgh", "ABCD-EFGH") in its one canonical form."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


# --- invites -------------------------------------------------------------------------------


async def create_invite(account_id: int) -> InviteCreated:
    """A one-time link and code to give to one person; only their hashes are stored."""
    now = _now()
    open_count = await Invite.count().where(
        (Invite.inviter == account_id) & Invite.outcome.is_null() & (Invite.expires_at > now)
    )
    if open_count >= OPEN_INVITES_MAX:
        raise field_error(
            "invite", f"can't be made: {OPEN_INVITES_MAX} are already open. Revoke one first."
        )
    token = secrets.token_urlsafe(24)
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    expires = now + INVITE_LIFETIME
    rows = await Invite.insert(
        Invite(
            inviter=account_id,
            token_hash=_digest(token),
            code_hash=_digest(code),
            expires_at=expires,
        )
    ).returning(Invite.id)
    return InviteCreated(
        id=rows[0]["id"], token=token, code=f"{code[:4]}-{code[4:]}", expires_at=expires
    )


async def open_invites(account_id: int) -> list[InviteView]:
    """Invites not yet used, revoked or expired."""
    rows = await (
        Invite.select(Invite.id, Invite.created_at, Invite.expires_at)
        .where(
            (Invite.inviter == account_id) & Invite.outcome.is_null() & (Invite.expires_at > _now())
        )
        .order_by(Invite.id)
    )
    return [InviteView(**row) for row in rows]


async def revoke_invite(account_id: int, invite_id: int) -> bool:
    """Make an open invite useless at once."""
    rows = await (
        Invite.update({Invite.outcome: "revoked", Invite.closed_at: _now()})
        .where(
            (Invite.id == invite_id)
            & (Invite.inviter == account_id)
            & Invite.outcome.is_null()
            & (Invite.expires_at > _now())
        )
        .returning(Invite.id)
    )
    return bool(rows)


async def _usable_invite(account_id: int, redeem: InviteRedeem) -> dict[str, Any] | None:
    if redeem.token:
        where = Invite.token_hash == _digest(redeem.token)
    elif redeem.code:
        where = Invite.code_hash == _digest(normalise_code(redeem.code))
    else:
        raise field_error("token", "or code is needed")
    row: dict[str, Any] | None = await (
        Invite.select()
        .where(where & Invite.outcome.is_null() & (Invite.expires_at > _now()))
        .first()
    )
    if row is None:
        return None
    if row["inviter"] == account_id:
        raise field_error("token", "is your own invite: give it to the person you'd like to add")
    if await _blocked_between(account_id, row["inviter"]):
        return None
    return row


async def preview_invite(account_id: int, redeem: InviteRedeem) -> InvitePreview | None:
    """Who is asking, so the peer can choose; the invite stays open."""
    row = await _usable_invite(account_id, redeem)
    if row is None:
        return None
    names = await usernames_of([row["inviter"]])
    return InvitePreview(inviter_name=names.get(row["inviter"], ""), expires_at=row["expires_at"])


async def _close_invite(invite_id: int, outcome: str) -> bool:
    """Use an invite up; of two people racing for one invite, one wins."""
    rows = await (
        Invite.update({Invite.outcome: outcome, Invite.closed_at: _now()})
        .where((Invite.id == invite_id) & Invite.outcome.is_null())
        .returning(Invite.id)
    )
    return bool(rows)


async def accept_invite(account_id: int, redeem: InviteRedeem) -> PeerView | None:
    """Connect the two people (once: an existing connection is kept, not doubled)."""
    row = await _usable_invite(account_id, redeem)
    if row is None or not await _close_invite(row["id"], "accepted"):
        return None
    inviter = row["inviter"]
    existing = await _active_link_between(account_id, inviter)
    if existing is None:
        existing = {
            "id": uuid4(),
            "inviter": inviter,
            "peer": account_id,
            "created_at": _now(),
        }
        await PeerLink.insert(PeerLink(**existing))
    names = await usernames_of([inviter])
    return _peer_view(existing, account_id, names)


async def decline_invite(account_id: int, redeem: InviteRedeem) -> bool:
    """Say no: the invite is used up, and nothing is connected."""
    row = await _usable_invite(account_id, redeem)
    return row is not None and await _close_invite(row["id"], "declined")


# --- peers ---------------------------------------------------------------------------------


def _other(link: dict[str, Any], account_id: int) -> int:
    return int(link["peer"] if link["inviter"] == account_id else link["inviter"])


def _peer_view(link: dict[str, Any], account_id: int, names: dict[int, str]) -> PeerView:
    return PeerView(
        id=link["id"],
        name=names.get(_other(link, account_id), ""),
        since=link["created_at"],
        invited_by_me=link["inviter"] == account_id,
    )


def _mine(account_id: int) -> Any:
    return (PeerLink.inviter == account_id) | (PeerLink.peer == account_id)


async def _active_link_between(a: int, b: int) -> dict[str, Any] | None:
    pair = ((PeerLink.inviter == a) & (PeerLink.peer == b)) | (
        (PeerLink.inviter == b) & (PeerLink.peer == a)
    )
    row: dict[str, Any] | None = (
        await PeerLink.select().where(pair & PeerLink.ended_at.is_null()).first()
    )
    return row


async def _blocked_between(a: int, b: int) -> bool:
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


async def peers(account_id: int) -> list[PeerView]:
    """The people this person shares with, oldest connection first."""
    rows = await (
        PeerLink.select()
        .where(_mine(account_id) & PeerLink.ended_at.is_null())
        .order_by(PeerLink.created_at)
    )
    names = await usernames_of([_other(row, account_id) for row in rows])
    return [_peer_view(row, account_id, names) for row in rows]


async def end_link(account_id: int, link_id: UUID) -> bool:
    """End a connection, from either side: everything shared in it is emptied for good."""
    link = await active_link(account_id, link_id)
    if link is None:
        return False
    now = _now()
    async with db.current_engine().transaction():
        await PeerLink.update({PeerLink.ended_at: now}).where(PeerLink.id == link_id)
        shared = await (
            SharedSummary.update({SharedSummary.content: "", SharedSummary.withdrawn_at: now})
            .where((SharedSummary.link == link_id) & SharedSummary.withdrawn_at.is_null())
            .returning(SharedSummary.id, SharedSummary.recipient)
        )
    for row in shared:
        await reminders.forget_reminders_about(row["recipient"], row["id"])
    return True


async def block_peer(account_id: int, link_id: UUID) -> bool:
    """End the connection and never let this person connect (or invite) again."""
    link = await active_link(account_id, link_id)
    if link is None or not await end_link(account_id, link_id):
        return False
    await PeerBlock.insert(PeerBlock(blocker=account_id, blocked=_other(link, account_id)))
    return True


# --- summaries and replies -----------------------------------------------------------------


async def preview(account_id: int, draft: Any) -> SummaryContent | None:
    """What the peer would see if this draft were sent now (nothing is stored)."""
    if await active_link(account_id, draft.peer_id) is None:
        return None
    return await compose(account_id, draft, _now())


async def send_summary(account_id: int, summary_id: UUID, data: SummarySend) -> UUID | None:
    """Freeze the summary and tell the peer. Sending the same id again changes nothing."""
    existing = await SharedSummary.select(SharedSummary.sharer, SharedSummary.withdrawn_at).where(
        SharedSummary.id == summary_id
    )
    if existing:
        mine = existing[0]["sharer"] == account_id and existing[0]["withdrawn_at"] is None
        return summary_id if mine else None
    link = await active_link(account_id, data.peer_id)
    if link is None:
        return None
    content = await compose(account_id, data, _now())
    if data.preview is not None and data.preview != fingerprint(content):
        raise field_error(
            "preview", "no longer matches: something changed since the preview, look again", 409
        )
    recipient = _other(link, account_id)
    await SharedSummary.insert(
        SharedSummary(
            id=summary_id,
            link=link["id"],
            sharer=account_id,
            recipient=recipient,
            content=msgspec.json.encode(content).decode(),
        )
    )
    await reminders.notify_peer(
        recipient, "peer_shared", summary_id, f"{content.sharer_name} shared a check-in with you"
    )
    return summary_id


def _visible() -> Any:
    return SharedSummary.withdrawn_at.is_null() & SharedSummary.link.ended_at.is_null()


async def summaries(
    account_id: int, *, sent: bool, summary_id: UUID | None = None
) -> list[dict[str, Any]]:
    """Summaries this person sent (or received), newest first, with their replies."""
    owner = SharedSummary.sharer if sent else SharedSummary.recipient
    where = (owner == account_id) & _visible()
    if summary_id is not None:
        where &= SharedSummary.id == summary_id
    rows = (
        await SharedSummary.select()
        .where(where)
        .order_by(SharedSummary.created_at, ascending=False)
    )
    if not rows:
        return []
    replies = await (
        SummaryReply.select()
        .where(SummaryReply.summary.is_in([r["id"] for r in rows]))
        .order_by(SummaryReply.created_at)
    )
    others = [r["recipient"] if sent else r["sharer"] for r in rows]
    names = await usernames_of(others)
    for row, other in zip(rows, others, strict=True):
        row["other_name"] = names.get(other, "")
        row["content"] = msgspec.json.decode(row["content"], type=SummaryContent)
        row["replies"] = [
            ReplyView(
                id=r["id"],
                from_me=r["author"] == account_id,
                words=" ".join(w for w in (PRESETS.get(r["preset"], ""), r["text"]) if w),
                created_at=r["created_at"],
            )
            for r in replies
            if r["summary"] == row["id"]
        ]
    return rows


async def withdraw(account_id: int, summary_id: UUID) -> bool:
    """Take a summary back: from now on the peer finds nothing, and its content is gone."""
    rows = await (
        SharedSummary.update({SharedSummary.content: "", SharedSummary.withdrawn_at: _now()})
        .where(
            (SharedSummary.id == summary_id)
            & (SharedSummary.sharer == account_id)
            & SharedSummary.withdrawn_at.is_null()
        )
        .returning(SharedSummary.recipient)
    )
    if rows:
        await reminders.forget_reminders_about(rows[0]["recipient"], summary_id)
    return bool(rows)


async def mark_seen(account_id: int, summary_id: UUID) -> bool:
    """The peer read it: the sharer sees "seen" (the first reading counts)."""
    found = await summaries(account_id, sent=False, summary_id=summary_id)
    if not found:
        return False
    await SharedSummary.update({SharedSummary.seen_at: _now()}).where(
        (SharedSummary.id == summary_id) & SharedSummary.seen_at.is_null()
    )
    return True


async def reply(
    account_id: int, summary_id: UUID, reply_id: UUID, data: ReplyWrite
) -> ReplyView | None:
    """A few kind words back to the sharer, who is told. The same reply id twice is one."""
    found = await summaries(account_id, sent=False, summary_id=summary_id)
    if not found:
        return None
    earlier: list[ReplyView] = found[0]["replies"]
    same = [r for r in earlier if r.id == reply_id]
    if same:
        return same[0]
    text = " ".join(data.text.split())
    if data.preset is None and not text:
        raise field_error("text", "is empty: write a few words or choose one of the replies")
    if sum(r.from_me for r in earlier) >= REPLIES_MAX:
        raise field_error("text", f"can't be sent: {REPLIES_MAX} replies is the most for one")
    if await SummaryReply.exists().where(SummaryReply.id == reply_id):
        return None
    now = _now()
    await SummaryReply.insert(
        SummaryReply(
            id=reply_id, summary=summary_id, author=account_id, preset=data.preset or "", text=text
        )
    )
    name = (await usernames_of([account_id])).get(account_id, "Your peer")
    await reminders.notify_peer(found[0]["sharer"], "peer_reply", summary_id, f"{name} replied")
    words = " ".join(w for w in (PRESETS.get(data.preset or "", ""), text) if w)
    return ReplyView(id=reply_id, from_me=True, words=words, created_at=now)


# --- the weekly nudge ----------------------------------------------------------------------


async def get_nudge(account_id: int) -> NudgeView:
    """When the weekly nudge to reach out comes, if at all."""
    row = await SharingPrefs.select().where(SharingPrefs.account == account_id).first()
    if row is None:
        return NudgeView(weekday=None, clock=None)
    return NudgeView(weekday=row["nudge_weekday"], clock=row["nudge_clock"])


async def save_nudge(account_id: int, data: NudgeWrite) -> NudgeView:
    """Turn the weekly nudge on (a day and a time) or off (neither)."""
    if (data.weekday is None) != (data.clock is None):
        missing = "clock" if data.clock is None else "weekday"
        raise field_error(missing, "is needed too (or leave both empty to turn the nudge off)")
    values: dict[Any, Any] = {
        SharingPrefs.nudge_weekday: data.weekday,
        SharingPrefs.nudge_clock: data.clock,
    }
    updated = await (
        SharingPrefs.update(values)
        .where(SharingPrefs.account == account_id)
        .returning(SharingPrefs.id)
    )
    if not updated:
        await SharingPrefs.insert(
            SharingPrefs(account=account_id, nudge_weekday=data.weekday, nudge_clock=data.clock)
        )
    await reminders.set_share_nudge(account_id, data.weekday, data.clock)
    return NudgeView(weekday=data.weekday, clock=data.clock)
