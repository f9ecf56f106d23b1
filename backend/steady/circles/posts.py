"""Posting in a round, part by part: one post of each kind per member per round, written
by the phone (through its outbox, so a post made on the bus arrives exactly once), taken
back at any time, and answers marked helpful by the person who brought the case."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import msgspec

from steady import clock, db
from steady.circles.events import CircleAnswerHelpful, CircleCasePosted
from steady.circles.keys import check_sealed_now
from steady.circles.membership import members_of, membership
from steady.circles.schemas import PostWrite
from steady.circles.tables import Circle, CirclePost, CircleRound
from steady.commitments.service import commitments
from steady.domain import Conflict, Gone, InvalidField, NotAllowed, NotFound
from steady.events import announce

POST_NOT_FOUND = "Nothing here: that post may have been taken back."
CLOSED = "This round closed before that arrived, so it wasn't added."


async def _round_for(round_id: UUID, account_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The round and the caller's membership of its circle (NotFound for anyone else)."""
    row: dict[str, Any] | None = (
        await CircleRound.select().where(CircleRound.id == round_id).first()
    )
    if row is None:
        raise NotFound(POST_NOT_FOUND)
    return row, await membership(row["circle"], account_id)


async def _case_of(round_id: UUID) -> dict[str, Any] | None:
    found: dict[str, Any] | None = await (
        CirclePost.select()
        .where((CirclePost.round == round_id) & (CirclePost.kind == "case"))
        .first()
    )
    return found


async def _check(data: PostWrite, row: dict[str, Any], me: dict[str, Any]) -> None:
    """The rules of each part the server can see (who posts what kind), as sentences
    naming the field; what a post says is sealed, so its phone checks the rest."""
    await check_sealed_now(row["circle"], me["id"], data.sealed)
    if data.kind == "case":
        members = {m["id"]: m for m in await members_of(row["circle"])}
        pick = row["case_pick"]
        if pick is not None and pick != me["id"] and pick in members:
            raise NotAllowed(
                f"The facilitator asked {members[pick]['name']} to bring this round's case."
            )
        case = await _case_of(row["id"])
        if case is not None and case["author"] != me["account"]:
            raise Conflict("Someone brought this round's case already: there's one a round.")
    elif data.kind == "answer":
        case = await _case_of(row["id"])
        if case is None:
            raise InvalidField("round_id", "There's no case to answer in this round yet.")
        if case["author"] == me["account"]:
            raise InvalidField("round_id", "This is your own case: the others answer it.")
    elif (
        data.commitment_id is not None
        and await commitments.owner_of(data.commitment_id) != me["account"]
    ):
        raise InvalidField("commitment_id", "That commitment isn't one of yours.")


async def write_post(account_id: int, post_id: UUID, data: PostWrite) -> UUID:
    """Save a post (the phone's id; sending it again changes nothing). A member has one
    post of each kind a round: a second one, from another phone, replaces the first."""
    row, me = await _round_for(data.round_id, account_id)
    if row["closed_at"] is not None:
        raise Gone(CLOSED)
    await _check(data, row, me)
    kind = data.kind
    sealed = msgspec.to_builtins(data.sealed)
    moment = clock.now()
    async with db.current_engine().transaction():
        taken = (
            await CirclePost.select(CirclePost.author, CirclePost.round, CirclePost.kind)
            .where(CirclePost.id == post_id)
            .first()
        )
        if taken is not None and (taken["author"], taken["round"], taken["kind"]) != (
            account_id,
            row["id"],
            kind,
        ):
            raise NotFound(POST_NOT_FOUND)  # an id already used for something else
        same = await (
            CirclePost.select(CirclePost.id)
            .where(
                (CirclePost.round == row["id"])
                & (CirclePost.author == account_id)
                & (CirclePost.kind == kind)
            )
            .first()
        )
        if same is not None:
            changes: dict[Any, Any] = {
                CirclePost.sealed: sealed,
                CirclePost.commitment: data.commitment_id,
                CirclePost.updated_at: moment,
            }
            await CirclePost.update(changes).where(CirclePost.id == same["id"])
            return UUID(str(same["id"]))
        await CirclePost.insert(
            CirclePost(
                id=post_id,
                round=row["id"],
                circle=row["circle"],
                author=account_id,
                kind=kind,
                sealed=sealed,
                commitment=data.commitment_id,
            )
        )
        if kind == "case":
            await _tell_of_case(row["circle"], account_id)
    return post_id


async def _tell_of_case(circle_id: UUID, presenter: int) -> None:
    circle = await Circle.select(Circle.name).where(Circle.id == circle_id).first()
    members = await members_of(circle_id)
    await announce(
        CircleCasePosted(
            circle_id=circle_id,
            name=circle["name"] if circle else "",
            members=tuple(m["account"] for m in members if m["account"] != presenter),
        )
    )


async def take_back(account_id: int, post_id: UUID) -> None:
    """Remove one of one's own posts, at once, for everyone."""
    deleted = await (
        CirclePost.delete()
        .where((CirclePost.id == post_id) & (CirclePost.author == account_id))
        .returning(CirclePost.id)
    )
    if not deleted:
        raise NotFound(POST_NOT_FOUND)


async def mark_helpful(account_id: int, post_id: UUID, helpful: bool) -> None:
    """The person who brought the case marks an answer helpful (or not any more)."""
    answer: dict[str, Any] | None = (
        await CirclePost.select().where(CirclePost.id == post_id).first()
    )
    if answer is None:
        raise NotFound(POST_NOT_FOUND)
    await membership(answer["circle"], account_id)
    case = await _case_of(answer["round"])
    if answer["kind"] != "answer" or case is None or case["author"] != account_id:
        raise NotAllowed("Only the person who brought the case marks answers helpful.")
    if answer["helpful"] == helpful:
        return
    await CirclePost.update({CirclePost.helpful: helpful}).where(CirclePost.id == post_id)
    if helpful:
        circle = await Circle.select(Circle.name).where(Circle.id == answer["circle"]).first()
        await announce(
            CircleAnswerHelpful(
                account_id=answer["author"],
                circle_id=answer["circle"],
                name=circle["name"] if circle else "",
            )
        )
