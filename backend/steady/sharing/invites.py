"""Invites: a one-time link and a code to read aloud, single use, 72 hours, revocable.

Only hashes of the token and the code are stored. A person can't use their own invite, nor
one from someone either of them has blocked; every other unusable invite is "not found".
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import uuid4

from piccolo.query.mixins import OnConflictAction

from steady import clock, db
from steady.accounts.service import public_keys_of, usernames_of
from steady.domain import InvalidField, NotFound
from steady.invite_shapes import InviteCreated, InviteView
from steady.sharing.peers import blocked_between, link_between, peer_view
from steady.sharing.schemas import InvitePreview, InviteRedeem, PeerView
from steady.sharing.tables import Invite, PeerLink
from steady.tokens import invite_hashes, new_invite_secrets

GONE_INVITE = "This invite can't be used: it may have expired or been used. Ask for a new one."

INVITE_LIFETIME = timedelta(hours=72)
OPEN_INVITES_MAX = 10
# Used, declined, revoked and expired invites are kept this long, then deleted.
CLOSED_INVITES_KEPT = timedelta(days=30)


async def create_invite(account_id: int) -> InviteCreated:
    """A one-time link and code to give to one person; only their hashes are stored."""
    now = clock.now()
    await Invite.delete().where(
        (Invite.inviter == account_id) & (Invite.expires_at < now - CLOSED_INVITES_KEPT)
    )
    open_count = await Invite.count().where(
        (Invite.inviter == account_id) & Invite.outcome.is_null() & (Invite.expires_at > now)
    )
    if open_count >= OPEN_INVITES_MAX:
        raise InvalidField(
            "invite",
            f"You have {OPEN_INVITES_MAX} invites waiting already. Revoke one to make another.",
        )
    made = new_invite_secrets()
    expires = now + INVITE_LIFETIME
    rows = await Invite.insert(
        Invite(
            inviter=account_id,
            token_hash=made.token_hash,
            code_hash=made.code_hash,
            expires_at=expires,
        )
    ).returning(Invite.id)
    return InviteCreated(id=rows[0]["id"], token=made.token, code=made.code, expires_at=expires)


async def open_invites(account_id: int) -> list[InviteView]:
    """Invites not yet used, revoked or expired."""
    rows = await (
        Invite.select(Invite.id, Invite.created_at, Invite.expires_at)
        .where(
            (Invite.inviter == account_id)
            & Invite.outcome.is_null()
            & (Invite.expires_at > clock.now())
        )
        .order_by(Invite.id)
    )
    return [InviteView(**row) for row in rows]


async def revoke_invite(account_id: int, invite_id: int) -> None:
    """Make an open invite useless at once."""
    rows = await (
        Invite.update({Invite.outcome: "revoked", Invite.closed_at: clock.now()})
        .where(
            (Invite.id == invite_id)
            & (Invite.inviter == account_id)
            & Invite.outcome.is_null()
            & (Invite.expires_at > clock.now())
        )
        .returning(Invite.id)
    )
    if not rows:
        raise NotFound(GONE_INVITE)


async def _usable_invite(account_id: int, redeem: InviteRedeem) -> dict[str, Any]:
    token_hash, code_hash = invite_hashes(redeem.token, redeem.code)
    if token_hash is not None:
        where = Invite.token_hash == token_hash
    elif code_hash is not None:
        where = Invite.code_hash == code_hash
    else:
        raise InvalidField("token", "Paste the invite link, or type the code you were given.")
    row: dict[str, Any] | None = await (
        Invite.select()
        .where(where & Invite.outcome.is_null() & (Invite.expires_at > clock.now()))
        .first()
    )
    if row is None:
        raise NotFound(GONE_INVITE)
    if row["inviter"] == account_id:
        raise InvalidField(
            "token", "That's your own invite. Give it to the person you'd like to add."
        )
    if await blocked_between(account_id, row["inviter"]):
        raise NotFound(GONE_INVITE)
    return row


async def preview_invite(account_id: int, redeem: InviteRedeem) -> InvitePreview:
    """Who is asking, so the peer can choose; the invite stays open."""
    row = await _usable_invite(account_id, redeem)
    names = await usernames_of([row["inviter"]])
    keys = await public_keys_of(row["inviter"]) or {}
    return InvitePreview(
        inviter_name=names.get(row["inviter"], ""),
        expires_at=row["expires_at"],
        inviter_signing_public=keys.get("signing_public"),
        inviter_sealing_public=keys.get("sealing_public"),
    )


async def _close_invite(invite_id: int, outcome: str) -> bool:
    """Use an invite up; of two people racing for one invite, one wins."""
    rows = await (
        Invite.update({Invite.outcome: outcome, Invite.closed_at: clock.now()})
        .where((Invite.id == invite_id) & Invite.outcome.is_null())
        .returning(Invite.id)
    )
    return bool(rows)


async def accept_invite(account_id: int, redeem: InviteRedeem) -> PeerView:
    """Connect the two people (once: an existing connection is kept, not doubled), using
    the invite up in the same transaction: both happen, or neither."""
    async with db.current_engine().transaction():
        row = await _usable_invite(account_id, redeem)
        if not await _close_invite(row["id"], "accepted"):
            raise NotFound(GONE_INVITE)
        inviter = row["inviter"]
        link = {
            "id": uuid4(),
            "inviter": inviter,
            "peer": account_id,
            "created_at": clock.now(),
            "joiner_mac": redeem.key_mac or "",
        }
        # One live connection per pair, kept by a unique index: a connection made meanwhile
        # (the two invited each other at once) is used instead of a second one.
        made = await (
            PeerLink.insert(PeerLink(**link))
            .on_conflict(action=OnConflictAction.do_nothing)
            .returning(PeerLink.id)
        )
        existing = link if made else await link_between(account_id, inviter)
        if existing is None:
            raise NotFound(GONE_INVITE)
    names = await usernames_of([inviter])
    return peer_view(existing, account_id, names)


async def decline_invite(account_id: int, redeem: InviteRedeem) -> None:
    """Say no: the invite is used up, and nothing is connected."""
    row = await _usable_invite(account_id, redeem)
    if not await _close_invite(row["id"], "declined"):
        raise NotFound(GONE_INVITE)
