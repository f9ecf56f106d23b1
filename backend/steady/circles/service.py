"""A circle as its members see it, the list of one's circles, and what other features may
ask of circles (a person's own posts, for their export)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import msgspec

from steady import clock
from steady.circles.membership import members_of, membership, my_circle_ids
from steady.circles.rounds import advance, facilitator_after
from steady.circles.rules import GROUND_RULES
from steady.circles.schemas import (
    MEMBERS_MIN,
    CircleListItem,
    CirclePostRecord,
    CircleSettings,
    CircleView,
    MemberRef,
    MemberView,
    PostView,
    RoundSummary,
    RoundView,
    Sealed,
    SealedSummary,
)
from steady.circles.tables import Circle, CirclePost, CircleRound
from steady.dialect import from_json_column
from steady.domain import NotFound

EARLIER_SHOWN = 6


def _summary(raw: str) -> SealedSummary | None:
    """The facilitator's sealed summary, if there is one."""
    return msgspec.convert(from_json_column(raw), SealedSummary) if raw else None


def _ref(members: dict[int, dict[str, Any]], member_id: int | None) -> MemberRef | None:
    member = members.get(member_id) if member_id is not None else None
    return MemberRef(id=member["id"], name=member["name"]) if member else None


def _post_view(
    row: dict[str, Any], by_account: dict[int, dict[str, Any]], me: int
) -> PostView | None:
    author = by_account.get(row["author"])
    if author is None:
        return None
    return PostView(
        id=row["id"],
        kind=row["kind"],
        author=MemberRef(id=author["id"], name=author["name"]),
        mine=row["author"] == me,
        sealed=msgspec.convert(from_json_column(row["sealed"]), Sealed),
        commitment_id=row["commitment"],
        helpful=row["helpful"],
    )


async def _round_view(
    row: dict[str, Any], members: dict[int, dict[str, Any]], account_id: int
) -> RoundView:
    by_account = {m["account"]: m for m in members.values()}
    posts = await (
        CirclePost.select().where(CirclePost.round == row["id"]).order_by(CirclePost.created_at)
    )
    views = [_post_view(post, by_account, account_id) for post in posts]
    return RoundView(
        id=row["id"],
        number=row["number"],
        opens_at=row["opens_at"],
        closes_at=row["closes_at"],
        closed_at=row["closed_at"],
        open=row["closed_at"] is None,
        facilitator=_ref(members, row["facilitator"]),
        case_pick=_ref(members, row["case_pick"]),
        summary=_summary(row["summary"]),
        posts=[view for view in views if view is not None],
    )


async def circle_view(circle_id: UUID, account_id: int) -> CircleView:
    """Everything a member sees of the circle: members, the rules, the current (or last)
    round with its posts, earlier rounds' summaries, and who facilitates next."""
    me = await membership(circle_id, account_id)
    moment = clock.now()
    await advance(circle_id)
    circle = await Circle.select().where(Circle.id == circle_id).first()
    if circle is None:
        raise NotFound("Nothing here: you may not be in this circle (any more).")
    member_rows = await members_of(circle_id)
    members = {m["id"]: m for m in member_rows}
    rounds = await (
        CircleRound.select()
        .where(CircleRound.circle == circle_id)
        .order_by(CircleRound.number, ascending=False)
        .limit(EARLIER_SHOWN + 1)
    )
    shown = rounds[0] if rounds and not rounds[0]["purged"] else None
    current = await _round_view(shown, members, account_id) if shown else None
    earlier = rounds[1:] if shown else rounds
    return CircleView(
        id=circle_id,
        name=circle["name"],
        rules=GROUND_RULES,
        settings=msgspec.convert(
            {k: circle[k] for k in CircleSettings.__struct_fields__}, CircleSettings
        ),
        members=[
            MemberView(
                id=m["id"],
                name=m["name"],
                me=m["account"] == account_id,
                joined_at=m["joined_at"],
                away_until=m["away_until"],
            )
            for m in member_rows
        ],
        paused=len(member_rows) < MEMBERS_MIN,
        next_opens_at=circle["next_opens_at"],
        facilitator_next=_ref(
            members,
            (facilitator_after(member_rows, circle["last_facilitator"], moment) or {}).get("id"),
        ),
        me=me["id"],
        current=current,
        earlier=[
            RoundSummary(
                id=r["id"],
                number=r["number"],
                opens_at=r["opens_at"],
                closed_at=r["closed_at"],
                facilitator=_ref(members, r["facilitator"]),
                summary=_summary(r["summary"]),
            )
            for r in earlier[:EARLIER_SHOWN]
        ],
    )


async def my_circles(account_id: int) -> list[CircleListItem]:
    """The circles a person is in, with whether a round is open now."""
    ids = await my_circle_ids(account_id)
    items = []
    for circle_id in ids:
        circle = await Circle.select(Circle.name).where(Circle.id == circle_id).first()
        if circle is None:
            continue
        count = await members_of(circle_id)
        open_round = await (
            CircleRound.select(CircleRound.closes_at)
            .where((CircleRound.circle == circle_id) & CircleRound.closed_at.is_null())
            .first()
        )
        items.append(
            CircleListItem(
                id=circle_id,
                name=circle["name"],
                members=len(count),
                paused=len(count) < MEMBERS_MIN,
                round_open=open_round is not None,
                closes_at=open_round["closes_at"] if open_round else None,
            )
        )
    return items


async def posts_of(account_id: int) -> list[CirclePostRecord]:
    """A person's own posts in every circle they are in (for their export: nobody else's)."""
    rows = await (
        CirclePost.select(
            CirclePost.id,
            CirclePost.kind,
            CirclePost.sealed,
            CirclePost.created_at,
            CirclePost.circle.name,
            CirclePost.round.number,
        )
        .where(CirclePost.author == account_id)
        .order_by(CirclePost.created_at)
    )
    return [
        CirclePostRecord(
            id=row["id"],
            circle=row["circle.name"],
            round=row["round.number"],
            kind=row["kind"],
            sealed=msgspec.convert(from_json_column(row["sealed"]), Sealed),
            created_at=row["created_at"],
        )
        for row in rows
    ]
