"""Rounds: opening on the circle's rhythm (or by hand), the rotating facilitator, closing
on time (or by the facilitator, with a summary), and deleting a closed round's posts once
the circle's keeping period has passed.

Every change of state is a conditional UPDATE, so when several server processes advance
the same circle, one of them makes each change and the others find nothing to do.
"""

from __future__ import annotations

import contextlib
import json
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

import msgspec
from piccolo.query.functions.aggregate import Max

from steady import clock, db
from steady.accounts.service import public_keys_of
from steady.circles.events import CircleRoundClosed, CircleRoundOpened
from steady.circles.keys import NO_KEYS, check_sealed_now
from steady.circles.membership import members_of, membership
from steady.circles.schedule import following_opening
from steady.circles.schemas import MEMBERS_MIN, Sealed
from steady.circles.tables import Circle, CirclePost, CircleRound
from steady.domain import Conflict, NotAllowed, NotFound
from steady.events import announce

ROUND_NOT_FOUND = "That round isn't in this circle."
PAUSED = f"A circle needs at least {MEMBERS_MIN} people for a round. Invite someone first."


def facilitator_after(
    members: list[dict[str, Any]], last: int | None, moment: datetime
) -> dict[str, Any] | None:
    """Who facilitates next: the member after ``last`` in join order, skipping anyone away
    (None if everyone is away: the round opens and closes on time regardless)."""
    here = [m for m in members if m["away_until"] is None or m["away_until"] <= moment]
    if not here:
        return None
    after = [m for m in here if last is None or m["id"] > last]
    return (after or here)[0]


async def open_round_now(circle_id: UUID, moment: datetime) -> UUID:
    """Open a round (by hand, or when the schedule says so); Conflict if one is open or
    the circle is paused."""
    async with db.current_engine().transaction():
        circle = await Circle.select().where(Circle.id == circle_id).first()
        if circle is None:
            raise NotFound(ROUND_NOT_FOUND)
        if await CircleRound.exists().where(
            (CircleRound.circle == circle_id) & CircleRound.closed_at.is_null()
        ):
            raise Conflict("A round is open already: it closes before the next one opens.")
        members = await members_of(circle_id)
        if len(members) < MEMBERS_MIN:
            raise Conflict(PAUSED)
        latest = await (
            CircleRound.select(Max(CircleRound.number).as_alias("n"))
            .where(CircleRound.circle == circle_id)
            .first()
        )
        number = int((latest or {}).get("n") or 0) + 1
        facilitator = facilitator_after(members, circle["last_facilitator"], moment)
        round_id = uuid4()
        closes = moment + timedelta(hours=circle["window_hours"])
        await CircleRound.insert(
            CircleRound(
                id=round_id,
                circle=circle_id,
                number=number,
                opens_at=moment,
                closes_at=closes,
                facilitator=facilitator["id"] if facilitator else None,
            )
        )
        if facilitator is not None:
            await Circle.update({Circle.last_facilitator: facilitator["id"]}).where(
                Circle.id == circle_id
            )
        await announce(
            CircleRoundOpened(
                circle_id=circle_id,
                name=circle["name"],
                members=tuple(m["account"] for m in members),
                closes_at=closes,
            )
        )
    return round_id


async def close_round(round_id: UUID, closed_at: datetime, summary: str | None = None) -> bool:
    """Close an open round (once); its posts are kept for the circle's keeping period."""
    row = await CircleRound.select(CircleRound.circle).where(CircleRound.id == round_id).first()
    if row is None:
        return False
    circle = (
        await Circle.select(Circle.keep_days, Circle.name).where(Circle.id == row["circle"]).first()
    )
    if circle is None:
        return False
    changes: dict[Any, Any] = {
        CircleRound.closed_at: closed_at,
        CircleRound.purge_at: closed_at + timedelta(days=circle["keep_days"]),
    }
    if summary is not None:
        changes[CircleRound.summary] = summary
    closed = await (
        CircleRound.update(changes)
        .where((CircleRound.id == round_id) & CircleRound.closed_at.is_null())
        .returning(CircleRound.id)
    )
    if closed:
        members = await members_of(row["circle"])
        await announce(
            CircleRoundClosed(circle_id=row["circle"], members=tuple(m["account"] for m in members))
        )
    return bool(closed)


async def facilitate_close(
    circle_id: UUID, round_id: UUID, account_id: int, summary: Sealed | None
) -> None:
    """The facilitator closes the round early, with a short summary for the circle, sealed
    on their phone and kept with the keys they signed it with."""
    row = await facilitated_round(circle_id, round_id, account_id)
    if row["closed_at"] is not None:
        raise Conflict("This round has closed already.")
    stored = ""
    if summary is not None:
        me = await membership(circle_id, account_id)
        await check_sealed_now(circle_id, me["id"], summary)
        keys = await public_keys_of(account_id)
        if keys is None:
            raise Conflict(NO_KEYS)
        stored = json.dumps(
            {
                "sealed": msgspec.to_builtins(summary),
                "by": me["id"],
                "signing_public": keys["signing_public"],
                "sealing_public": keys["sealing_public"],
            }
        )
    await close_round(round_id, clock.now(), stored)


async def pick_case(circle_id: UUID, round_id: UUID, account_id: int, member: int | None) -> None:
    """The facilitator asks one member to bring this round's case (None: a volunteer)."""
    await facilitated_round(circle_id, round_id, account_id)
    if member is not None and member not in {m["id"] for m in await members_of(circle_id)}:
        raise NotFound("That person isn't in this circle.")
    await CircleRound.update({CircleRound.case_pick: member}).where(CircleRound.id == round_id)


async def facilitated_round(circle_id: UUID, round_id: UUID, account_id: int) -> dict[str, Any]:
    """The round, if the caller facilitates it (NotFound for outsiders, NotAllowed for
    other members)."""
    me = await membership(circle_id, account_id)
    row: dict[str, Any] | None = await (
        CircleRound.select()
        .where((CircleRound.id == round_id) & (CircleRound.circle == circle_id))
        .first()
    )
    if row is None:
        raise NotFound(ROUND_NOT_FOUND)
    if row["facilitator"] != me["id"]:
        raise NotAllowed("Only this round's facilitator can do that.")
    return row


async def _open_scheduled(circle: dict[str, Any], moment: datetime) -> None:
    zone = ZoneInfo(circle["time_zone"])
    following = following_opening(circle["rhythm"], circle["next_opens_at"], zone, moment)
    claimed = await (
        Circle.update({Circle.next_opens_at: following})
        .where((Circle.id == circle["id"]) & (Circle.next_opens_at == circle["next_opens_at"]))
        .returning(Circle.id)
    )
    if not claimed:
        return  # another process opened it
    # Paused, or a round started by hand is still open: this opening is skipped.
    with contextlib.suppress(Conflict):
        await open_round_now(circle["id"], moment)


async def advance(circle_id: UUID | None = None) -> None:
    """Close rounds whose window has passed, open scheduled ones that are due, and delete
    the posts of rounds kept long enough (for one circle, or all)."""
    moment = clock.now()
    only_round = (CircleRound.circle == circle_id) if circle_id else None
    due = CircleRound.select(CircleRound.id, CircleRound.closes_at).where(
        CircleRound.closed_at.is_null() & (CircleRound.closes_at <= moment)
    )
    for row in await (due.where(only_round) if only_round is not None else due):
        await close_round(row["id"], row["closes_at"])
    opening = Circle.select().where(Circle.next_opens_at <= moment)
    if circle_id:
        opening = opening.where(Circle.id == circle_id)
    for circle in await opening:
        await _open_scheduled(circle, moment)
    ripe = CircleRound.select(CircleRound.id, CircleRound.circle).where(
        (CircleRound.purge_at <= moment) & (CircleRound.purged.eq(False))
    )
    for row in await (ripe.where(only_round) if only_round is not None else ripe):
        await purge_round(row["id"], row["circle"])


async def purge_round(round_id: UUID, circle_id: UUID) -> None:
    """Delete a kept-long-enough round's posts (and its summary, unless the circle keeps
    summaries)."""
    circle = await Circle.select(Circle.keep_summaries).where(Circle.id == circle_id).first()
    async with db.current_engine().transaction():
        await CirclePost.delete().where(CirclePost.round == round_id)
        changes: dict[Any, Any] = {CircleRound.purged: True}
        if circle is None or not circle["keep_summaries"]:
            changes[CircleRound.summary] = ""
        await CircleRound.update(changes).where(CircleRound.id == round_id)
