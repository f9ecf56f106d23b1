"""Starting a circle, who is in it, joining by invite (after agreeing to the ground rules),
being away, and leaving.

Anything about a circle a caller is not a member of is "not found": existence is not
revealed. Invites are the same one-time link and spoken code as sharing's (single use, 72
hours, revocable, only hashes stored).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

from steady import clock, db
from steady.accounts.service import public_keys_of, time_zone_of, usernames_of
from steady.circles.events import CircleLeft
from steady.circles.rules import AGREE_FIRST, GROUND_RULES, RULES_VERSION
from steady.circles.schedule import next_opening
from steady.circles.schemas import (
    MEMBERS_MAX,
    CircleJoin,
    CirclePreview,
    CircleSettings,
    CircleStart,
)
from steady.circles.tables import Circle, CircleInvite, CircleMember, CirclePost
from steady.domain import Conflict, InvalidField, NotFound
from steady.events import announce
from steady.invite_shapes import InviteCreated, InviteView
from steady.tokens import invite_hashes, new_invite_secrets

NOT_FOUND = "Nothing here: you may not be in this circle (any more)."
GONE_INVITE = "This invite can't be used: it may have expired or been used. Ask for a new one."
INVITE_LIFETIME = timedelta(hours=72)
OPEN_INVITES_MAX = 8
CIRCLES_MAX = 10  # circles one person can be in at once


async def membership(circle_id: UUID, account_id: int) -> dict[str, Any]:
    """The caller's member row in this circle, or NotFound (for anyone not in it)."""
    row: dict[str, Any] | None = await (
        CircleMember.select()
        .where((CircleMember.circle == circle_id) & (CircleMember.account == account_id))
        .first()
    )
    if row is None:
        raise NotFound(NOT_FOUND)
    return row


async def members_of(circle_id: UUID) -> list[dict[str, Any]]:
    """Everyone in the circle, in join order, with their names."""
    rows: list[dict[str, Any]] = await (
        CircleMember.select().where(CircleMember.circle == circle_id).order_by(CircleMember.id)
    )
    names = await usernames_of([row["account"] for row in rows])
    for row in rows:
        row["name"] = names.get(row["account"], "")
    return rows


async def _circle_count(account_id: int) -> int:
    return int(await CircleMember.count().where(CircleMember.account == account_id))


async def start_circle(account_id: int, data: CircleStart) -> UUID:
    """A new circle with its starter as the first member (who agrees to the rules too)."""
    if not data.agree_to_rules:
        raise InvalidField("agree_to_rules", AGREE_FIRST)
    if await _circle_count(account_id) >= CIRCLES_MAX:
        raise Conflict(f"You're in {CIRCLES_MAX} circles already. Leave one to start another.")
    circle_id = uuid4()
    zone = await time_zone_of(account_id)
    settings = {k: getattr(data, k) for k in data.__struct_fields__ if k != "agree_to_rules"}
    async with db.current_engine().transaction():
        await Circle.insert(
            Circle(
                id=circle_id,
                time_zone=str(zone),
                next_opens_at=next_opening(
                    data.rhythm, data.opens_weekday, data.opens_clock, zone, clock.now()
                ),
                **settings,
            )
        )
        await CircleMember.insert(
            CircleMember(circle=circle_id, account=account_id, rules_version=RULES_VERSION)
        )
    return circle_id


async def change_settings(circle_id: UUID, account_id: int, data: CircleSettings) -> None:
    """Any member may change the circle's name, rhythm and keeping: it is theirs together."""
    await membership(circle_id, account_id)
    circle = await Circle.select(Circle.time_zone).where(Circle.id == circle_id).first()
    zone = ZoneInfo(circle["time_zone"] if circle else "UTC")
    opens = next_opening(data.rhythm, data.opens_weekday, data.opens_clock, zone, clock.now())
    values = {getattr(Circle, k): getattr(data, k) for k in data.__struct_fields__}
    await Circle.update({**values, Circle.next_opens_at: opens}).where(Circle.id == circle_id)


async def my_circle_ids(account_id: int) -> list[UUID]:
    """The circles a person is in, oldest first."""
    rows = await (
        CircleMember.select(CircleMember.circle)
        .where(CircleMember.account == account_id)
        .order_by(CircleMember.id)
    )
    return [row["circle"] for row in rows]


async def set_away(circle_id: UUID, account_id: int, until: datetime | None) -> None:
    """Away until then (the facilitator role skips them); None: back."""
    member = await membership(circle_id, account_id)
    if until is not None and until <= clock.now():
        raise InvalidField("away_until", "Choose a time in the future, or say you're back.")
    await CircleMember.update({CircleMember.away_until: until}).where(
        CircleMember.id == member["id"]
    )


async def leave(circle_id: UUID, account_id: int) -> None:
    """Leave the circle: the member's posts go with them, at once, for everyone."""
    member = await membership(circle_id, account_id)
    async with db.current_engine().transaction():
        await CirclePost.delete().where(
            (CirclePost.circle == circle_id) & (CirclePost.author == account_id)
        )
        await CircleMember.delete().where(CircleMember.id == member["id"])
        await CircleInvite.delete().where(
            (CircleInvite.circle == circle_id) & (CircleInvite.inviter == account_id)
        )
        if not await CircleMember.exists().where(CircleMember.circle == circle_id):
            await Circle.delete().where(Circle.id == circle_id)
        await announce(CircleLeft(account_id=account_id, circle_id=circle_id))


# ---- invites ----


async def create_invite(circle_id: UUID, account_id: int) -> InviteCreated:
    """A one-time link and code for one person to join this circle."""
    await membership(circle_id, account_id)
    moment = clock.now()
    await CircleInvite.delete().where(
        (CircleInvite.circle == circle_id) & (CircleInvite.expires_at < moment - INVITE_LIFETIME)
    )
    waiting = await CircleInvite.count().where(
        (CircleInvite.circle == circle_id)
        & CircleInvite.outcome.is_null()
        & (CircleInvite.expires_at > moment)
    )
    if waiting >= OPEN_INVITES_MAX:
        raise InvalidField(
            "invite", f"This circle has {OPEN_INVITES_MAX} invites waiting. Revoke one first."
        )
    made = new_invite_secrets()
    expires = moment + INVITE_LIFETIME
    rows = await CircleInvite.insert(
        CircleInvite(
            circle=circle_id,
            inviter=account_id,
            token_hash=made.token_hash,
            code_hash=made.code_hash,
            expires_at=expires,
        )
    ).returning(CircleInvite.id)
    return InviteCreated(id=rows[0]["id"], token=made.token, code=made.code, expires_at=expires)


async def open_invites(circle_id: UUID, account_id: int) -> list[InviteView]:
    """This person's invites into the circle still waiting for an answer."""
    await membership(circle_id, account_id)
    rows = await (
        CircleInvite.select(CircleInvite.id, CircleInvite.created_at, CircleInvite.expires_at)
        .where(
            (CircleInvite.circle == circle_id)
            & (CircleInvite.inviter == account_id)
            & CircleInvite.outcome.is_null()
            & (CircleInvite.expires_at > clock.now())
        )
        .order_by(CircleInvite.id)
    )
    return [InviteView(**row) for row in rows]


async def revoke_invite(account_id: int, invite_id: int) -> None:
    """Make one of one's own open invites useless at once."""
    rows = await (
        CircleInvite.update({CircleInvite.outcome: "revoked"})
        .where(
            (CircleInvite.id == invite_id)
            & (CircleInvite.inviter == account_id)
            & CircleInvite.outcome.is_null()
        )
        .returning(CircleInvite.id)
    )
    if not rows:
        raise NotFound(GONE_INVITE)


async def _usable_invite(account_id: int, token: str | None, code: str | None) -> dict[str, Any]:
    token_hash, code_hash = invite_hashes(token, code)
    if token_hash is not None:
        where = CircleInvite.token_hash == token_hash
    elif code_hash is not None:
        where = CircleInvite.code_hash == code_hash
    else:
        raise InvalidField("token", "Paste the invite link, or type the code you were given.")
    row: dict[str, Any] | None = await (
        CircleInvite.select()
        .where(where & CircleInvite.outcome.is_null() & (CircleInvite.expires_at > clock.now()))
        .first()
    )
    if row is None:
        raise NotFound(GONE_INVITE)
    return row


async def preview_invite(account_id: int, join: CircleJoin) -> CirclePreview:
    """The circle, who invites, and its ground rules: what an invitee reads before joining.
    Nothing else of the circle is shown until they have agreed and joined."""
    row = await _usable_invite(account_id, join.token, join.code)
    circle = await Circle.select(Circle.name).where(Circle.id == row["circle"]).first()
    if circle is None:
        raise NotFound(GONE_INVITE)
    names = await usernames_of([row["inviter"]])
    count = await CircleMember.count().where(CircleMember.circle == row["circle"])
    keys = await public_keys_of(row["inviter"]) or {}
    return CirclePreview(
        name=circle["name"],
        inviter_name=names.get(row["inviter"], ""),
        members=int(count),
        rules=GROUND_RULES,
        expires_at=row["expires_at"],
        inviter_signing_public=keys.get("signing_public"),
        inviter_sealing_public=keys.get("sealing_public"),
    )


async def join(account_id: int, data: CircleJoin) -> UUID:
    """Join by invite, having agreed to the ground rules; the invite is used up. The
    newcomer reads and posts once the inviter's phone has sealed the circle key to them."""
    if not data.agree_to_rules:
        raise InvalidField("agree_to_rules", AGREE_FIRST)
    async with db.current_engine().transaction():
        row = await _usable_invite(account_id, data.token, data.code)
        circle_id: UUID = row["circle"]
        already = await CircleMember.exists().where(
            (CircleMember.circle == circle_id) & (CircleMember.account == account_id)
        )
        if already:
            raise InvalidField("token", "You're in this circle already.")
        if await CircleMember.count().where(CircleMember.circle == circle_id) >= MEMBERS_MAX:
            raise Conflict(f"This circle is full: {MEMBERS_MAX} people is the most a circle holds.")
        if await _circle_count(account_id) >= CIRCLES_MAX:
            raise Conflict(f"You're in {CIRCLES_MAX} circles already. Leave one to join this one.")
        used = await (
            CircleInvite.update({CircleInvite.outcome: "joined"})
            .where((CircleInvite.id == row["id"]) & CircleInvite.outcome.is_null())
            .returning(CircleInvite.id)
        )
        if not used:
            raise NotFound(GONE_INVITE)
        inviter = await (
            CircleMember.select(CircleMember.id)
            .where((CircleMember.circle == circle_id) & (CircleMember.account == row["inviter"]))
            .first()
        )
        await CircleMember.insert(
            CircleMember(
                circle=circle_id,
                account=account_id,
                rules_version=RULES_VERSION,
                invited_by=inviter["id"] if inviter else None,
                key_mac=data.key_mac if data.token else None,
            )
        )
    return circle_id


async def leave_every_circle(account_id: int) -> None:
    """Leave all of a person's circles (their keys were reset: no circle key can reach the
    new ones until someone invites them again)."""
    for circle_id in await my_circle_ids(account_id):
        await leave(circle_id, account_id)
