"""Sharing summaries with a peer, their replies, and the weekly nudge to reach out.

Every query is scoped to the person asking, and a peer reaches a summary only while it is
neither withdrawn nor part of an ended connection: anything else is "not found", so no one
learns what exists. Functions answer ``None``/``False`` for "not found"; routes say 404.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import msgspec

from steady import clock, db
from steady.accounts.service import public_keys_of, usernames_of
from steady.domain import Conflict, InvalidField
from steady.events import announce
from steady.sharing.compose import compose, fingerprint
from steady.sharing.events import ReplySent, ShareNudgeChanged, SummaryShared, SummaryTakenBack
from steady.sharing.peers import active_link, other_person
from steady.sharing.schemas import (
    PRESETS,
    Envelope,
    NudgeView,
    NudgeWrite,
    ReplyView,
    ReplyWrite,
    SummaryContent,
    SummaryDraft,
    SummarySend,
    Unread,
)
from steady.sharing.tables import EMPTIED, SharedSummary, SharingPrefs, SummaryReply

REPLIES_MAX = 10


async def preview(account_id: int, draft: SummaryDraft) -> SummaryContent | None:
    """What the peer would see if this draft were sent now (nothing is stored)."""
    if await active_link(account_id, draft.peer_id) is None:
        return None
    return await compose(account_id, draft, clock.now())


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
    if data.sealed is not None and (data.note or data.help is not None):
        raise InvalidField("note", "A sealed summary carries its note inside the seal.")
    await _sealed_if_keyed(account_id, data.sealed)
    # A sealed card was composed on the phone (features/sharing/compose.ts, held to the
    # same figures as compose.py by shared vectors): the server only stores it.
    content = None if data.sealed else await compose(account_id, data, clock.now())
    if content and data.preview is not None and data.preview != fingerprint(content):
        raise Conflict(
            "Something changed since the preview. Look at it again before sending.", "preview"
        )
    sharer = (await usernames_of([account_id])).get(account_id, "")
    recipient = other_person(link, account_id)
    async with db.current_engine().transaction():
        await SharedSummary.insert(
            SharedSummary(
                id=summary_id,
                link=link["id"],
                sharer=account_id,
                recipient=recipient,
                content=msgspec.json.encode(content).decode() if content else "",
                sealed=msgspec.json.encode(data.sealed).decode() if data.sealed else "",
            )
        )
        await announce(
            SummaryShared(
                recipient=recipient,
                summary_id=summary_id,
                heading=f"{sharer} shared a check-in with you",
            )
        )
    return summary_id


def _words(preset: str | None, text: str) -> str:
    """A reply as read: the preset's words, then the person's own."""
    return " ".join(w for w in (PRESETS.get(preset or "", ""), text) if w)


async def _sealed_if_keyed(account_id: int, sealed: Envelope | None) -> None:
    """Someone with keys shares only sealed: the server never stores their words readable,
    whatever client sends them. (Accounts from before keys may still send plain until
    their next sign-in moves them over.)"""
    if sealed is None and await public_keys_of(account_id) is not None:
        raise InvalidField("sealed", "Your account has keys, so what you share must be sealed.")


def _envelope(stored: str) -> Envelope | None:
    return msgspec.json.decode(stored, type=Envelope) if stored else None


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
        row["content"] = (
            msgspec.json.decode(row["content"], type=SummaryContent) if row["content"] else None
        )
        row["sealed"] = _envelope(row["sealed"])
        row["replies"] = [
            ReplyView(
                id=r["id"],
                from_me=r["author"] == account_id,
                words=_words(r["preset"], r["text"]),
                sealed=_envelope(r["sealed"]),
                created_at=r["created_at"],
                new=r["author"] != account_id and r["read_at"] is None,
            )
            for r in replies
            if r["summary"] == row["id"]
        ]
    return rows


async def withdraw(account_id: int, summary_id: UUID) -> bool:
    """Take a summary back: from now on the peer finds nothing, and its content — card or
    ciphertext, sealed keys and replies — is gone."""
    async with db.current_engine().transaction():
        rows = await (
            SharedSummary.update(EMPTIED | {SharedSummary.withdrawn_at: clock.now()})
            .where(
                (SharedSummary.id == summary_id)
                & (SharedSummary.sharer == account_id)
                & SharedSummary.withdrawn_at.is_null()
            )
            .returning(SharedSummary.recipient)
        )
        if rows:
            await SummaryReply.delete().where(SummaryReply.summary == summary_id)
            await announce(SummaryTakenBack(recipient=rows[0]["recipient"], summary_id=summary_id))
    return bool(rows)


async def take_off_plaintext(before: datetime) -> int:
    """Summaries and replies stored readable before ``before`` are taken off for good: a
    summary as if taken back (nobody sees it; its card is emptied), a reply deleted. Sealed
    ones are untouched. How many summaries went."""
    async with db.current_engine().transaction():
        gone = await (
            SharedSummary.update(EMPTIED | {SharedSummary.withdrawn_at: clock.now()})
            .where(
                (SharedSummary.content != "")
                & (SharedSummary.created_at < before)
                & SharedSummary.withdrawn_at.is_null()
            )
            .returning(SharedSummary.id)
        )
        await SummaryReply.delete().where(
            (SummaryReply.sealed == "") & (SummaryReply.created_at < before)
        )
    return len(gone)


async def mark_seen(account_id: int, summary_id: UUID) -> bool:
    """The peer read it: the sharer sees "seen" (the first reading counts)."""
    found = await summaries(account_id, sent=False, summary_id=summary_id)
    if not found:
        return False
    await SharedSummary.update({SharedSummary.seen_at: clock.now()}).where(
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
    if data.sealed is not None and (data.preset is not None or text):
        raise InvalidField("text", "A sealed reply carries its words inside the seal.")
    await _sealed_if_keyed(account_id, data.sealed)
    if data.sealed is None and data.preset is None and not text:
        raise InvalidField("text", "Write a few words, or choose one of the replies.")
    if sum(r.from_me for r in earlier) >= REPLIES_MAX:
        raise InvalidField(
            "text", f"You've sent {REPLIES_MAX} replies to this one, the most Steady sends."
        )
    if await SummaryReply.exists().where(SummaryReply.id == reply_id):
        return None
    now = clock.now()
    await SummaryReply.insert(
        SummaryReply(
            id=reply_id,
            summary=summary_id,
            author=account_id,
            preset=data.preset or "",
            text=text,
            sealed=msgspec.json.encode(data.sealed).decode() if data.sealed else "",
        )
    )
    name = (await usernames_of([account_id])).get(account_id, "Your peer")
    await announce(
        ReplySent(sharer=found[0]["sharer"], summary_id=summary_id, heading=f"{name} replied")
    )
    return ReplyView(
        id=reply_id,
        from_me=True,
        words=_words(data.preset, text),
        sealed=data.sealed,
        created_at=now,
        new=False,
    )


async def unread(account_id: int) -> Unread:
    """How many shared summaries this person has not opened, and replies not yet read."""
    summaries = await SharedSummary.count().where(
        (SharedSummary.recipient == account_id) & _visible() & SharedSummary.seen_at.is_null()
    )
    replies = await SummaryReply.count().where(
        (SummaryReply.summary.sharer == account_id)
        & (SummaryReply.author != account_id)
        & SummaryReply.read_at.is_null()
        & SummaryReply.summary.withdrawn_at.is_null()
        & SummaryReply.summary.link.ended_at.is_null()  # type: ignore[union-attr]
    )
    return Unread(summaries=summaries, replies=replies)


async def mark_replies_read(account_id: int, summary_id: UUID) -> bool:
    """The sharer read the replies to one of their summaries."""
    if not await summaries(account_id, sent=True, summary_id=summary_id):
        return False
    await SummaryReply.update({SummaryReply.read_at: clock.now()}).where(
        (SummaryReply.summary == summary_id)
        & (SummaryReply.author != account_id)
        & SummaryReply.read_at.is_null()
    )
    return True


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
        raise InvalidField(
            missing, "Choose both a day and a time (or neither, to turn the nudge off)."
        )
    values: dict[Any, Any] = {
        SharingPrefs.nudge_weekday: data.weekday,
        SharingPrefs.nudge_clock: data.clock,
    }
    async with db.current_engine().transaction():
        updated = await (
            SharingPrefs.update(values)
            .where(SharingPrefs.account == account_id)
            .returning(SharingPrefs.id)
        )
        if not updated:
            await SharingPrefs.insert(
                SharingPrefs(account=account_id, nudge_weekday=data.weekday, nudge_clock=data.clock)
            )
        await announce(
            ShareNudgeChanged(account_id=account_id, weekday=data.weekday, clock=data.clock)
        )
    return NudgeView(weekday=data.weekday, clock=data.clock)
