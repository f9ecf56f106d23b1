"""Circle keys, kept by the server but made and opened only on members' phones.

A circle key lives for one epoch. Whoever makes it signs a roster (the member ids and
fingerprints it is for) and seals the key to each member on it. A new key is due whenever
the membership changes: someone left (any remaining member's phone makes it; until then
nothing more is posted under the key the leaver holds), or someone joined (the member who
invited them makes it, after their phone checked the newcomer's keys against the invite
link). The server checks only what it can see — the epoch comes next, the roster names
members, no member is dropped — and takes the first new epoch; a second one is refused.
It never sees a key: a database dump opens nothing.
"""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

import msgspec

from steady import db
from steady.accounts.service import public_keys_of
from steady.circles.membership import members_of, membership
from steady.circles.schemas import CircleKeys, EpochView, EpochWrite, MemberKeys, Sealed
from steady.circles.tables import Circle, CircleEpoch
from steady.dialect import from_json_column
from steady.domain import Conflict, InvalidField

RENEWED = "Someone renewed this circle's keys just before you: your phone fetches them again."
STALE = (
    "This circle's keys changed since your phone sealed that (someone joined or left): "
    "your phone seals it again with the new key."
)
NO_KEYS = "Set up your keys first: sign out and sign in again on this phone."


def _ids(raw: Any) -> list[int]:
    return [int(item) for item in from_json_column(raw) or []]


async def _epoch_row(circle_id: UUID, epoch: int) -> dict[str, Any] | None:
    row: dict[str, Any] | None = await (
        CircleEpoch.select()
        .where((CircleEpoch.circle == circle_id) & (CircleEpoch.epoch == epoch))
        .first()
    )
    return row


async def current_epoch(circle_id: UUID) -> tuple[int, list[int]]:
    """The epoch posts are sealed under now and the member ids its key was sealed to."""
    circle = await Circle.select(Circle.epoch).where(Circle.id == circle_id).first()
    epoch = int(circle["epoch"]) if circle else 0
    row = await _epoch_row(circle_id, epoch) if epoch else None
    return epoch, _ids(row["members"]) if row else []


async def check_sealed_now(circle_id: UUID, member_id: int, sealed: Sealed) -> None:
    """Refuse what was sealed under a key that isn't the circle's current one, or while a
    member who left still holds the current one (a new key is due first)."""
    epoch, roster = await current_epoch(circle_id)
    members = {m["id"] for m in await members_of(circle_id)}
    if sealed.epoch != epoch or member_id not in roster or not set(roster) <= members:
        raise Conflict(STALE)


async def circle_keys(circle_id: UUID, account_id: int) -> CircleKeys:
    """Every key made since the caller joined (so their phone can follow the chain of
    signed rosters from the first one it saw), and the members' public keys."""
    me = await membership(circle_id, account_id)
    epoch, roster = await current_epoch(circle_id)
    members = await members_of(circle_id)
    rows = await (
        CircleEpoch.select()
        .where((CircleEpoch.circle == circle_id) & (CircleEpoch.created_at >= me["joined_at"]))
        .order_by(CircleEpoch.epoch)
    )
    views = []
    for member in members:
        keys = await public_keys_of(member["account"]) or {}
        views.append(
            MemberKeys(
                member=member["id"],
                name=member["name"],
                signing_public=keys.get("signing_public"),
                sealing_public=keys.get("sealing_public"),
                on_roster=member["id"] in roster,
                invited_by=member["invited_by"],
                key_mac=member["key_mac"],
            )
        )
    ids = {m["id"] for m in members}
    return CircleKeys(
        epoch=epoch,
        epochs=[
            msgspec.convert(
                {**row, "keys": _keys(row["keys"]), "made_at": row["created_at"]},
                EpochView,
                from_attributes=True,
                strict=False,
            )
            for row in rows
        ],
        members=views,
        renew=ids != set(roster),
    )


def _keys(raw: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in (from_json_column(raw) or {}).items()}


def _roster_ids(circle_id: UUID, epoch: int, roster: str) -> list[int]:
    """The member ids a roster names, if it is one for this circle and epoch."""
    wrong = InvalidField("roster", "That isn't this circle's member list for this key.")
    try:
        parsed = json.loads(roster)
        ids = [int(entry["member"]) for entry in parsed["members"]]
    except (ValueError, KeyError, TypeError) as error:
        raise wrong from error
    if parsed.get("circle") != str(circle_id) or parsed.get("epoch") != epoch:
        raise wrong
    if len(set(ids)) != len(ids):
        raise InvalidField("roster", "The member list names someone twice.")
    return ids


async def renew_keys(circle_id: UUID, account_id: int, epoch: int, data: EpochWrite) -> None:
    """Take a new circle key if it is the next epoch and fits the membership; the first
    one made wins, so two phones renewing at once can't split the circle."""
    me = await membership(circle_id, account_id)
    signer_keys = await public_keys_of(account_id)
    if signer_keys is None:
        raise Conflict(NO_KEYS)
    ids = _roster_ids(circle_id, epoch, data.roster)
    if set(data.keys) != {str(i) for i in ids}:
        raise InvalidField("keys", "Seal the key to exactly the members on the list.")
    members = {m["id"]: m for m in await members_of(circle_id)}
    async with db.current_engine().transaction():
        current, roster = await current_epoch(circle_id)
        if epoch != current + 1:
            raise Conflict(RENEWED)
        _check_roster(me["id"], ids, roster, members)
        moved = await (
            Circle.update({Circle.epoch: epoch})
            .where((Circle.id == circle_id) & (Circle.epoch == current))
            .returning(Circle.id)
        )
        if not moved:
            raise Conflict(RENEWED)
        await CircleEpoch.insert(
            CircleEpoch(
                circle=circle_id,
                epoch=epoch,
                roster=data.roster,
                members=ids,
                keys=data.keys,
                signer=me["id"],
                signer_signing_public=signer_keys["signing_public"],
                signer_sealing_public=signer_keys["sealing_public"],
                signature=data.signature,
            )
        )


def _check_roster(
    me: int, ids: list[int], roster: list[int], members: dict[int, dict[str, Any]]
) -> None:
    """A new roster names only members, keeps everyone still in the circle who was on the
    last one, and adds only people the maker invited (anyone may let in someone whose
    inviter has left, and everyone is on the circle's first key)."""
    if me not in ids:
        raise InvalidField("roster", "Put yourself on the member list.")
    if roster and me not in roster:
        raise Conflict("Someone already in the circle lets you in first.")
    for member_id in ids:
        member = members.get(member_id)
        if member is None:
            raise InvalidField("roster", "The member list names someone not in the circle.")
        inviter = member["invited_by"]
        waiting_for_inviter = inviter is not None and inviter != me and inviter in members
        if member_id not in roster and roster and waiting_for_inviter:
            raise InvalidField("roster", f"{member['name']} is let in by who invited them.")
    kept = set(roster) & set(members)
    if not kept <= set(ids):
        raise InvalidField("roster", "Keep everyone still in the circle on the member list.")
