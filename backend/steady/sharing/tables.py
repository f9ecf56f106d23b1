"""Peers and what is shared with them: invites, connections, blocks, summary snapshots,
replies, and the weekly nudge to reach out."""

from typing import Any

from piccolo.columns import (
    UUID,
    Column,
    ForeignKey,
    OnDelete,
    Serial,
    SmallInt,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table

from steady.accounts.tables import owner
from steady.clock import StampNow


class Invite(Table, tablename="share_invite"):
    """A one-time invitation; only hashes of its link token and spoken code are kept."""

    id = Serial(primary_key=True)
    inviter = owner(index=True)
    token_hash = Varchar(length=64, unique=True, index=True)
    code_hash = Varchar(length=64, unique=True, index=True)
    created_at = Timestamptz(default=StampNow())
    expires_at = Timestamptz()
    # accepted | declined | revoked, once it can no longer be used.
    outcome = Varchar(length=10, null=True, default=None)
    closed_at = Timestamptz(null=True, default=None)


class PeerLink(Table, tablename="peer_link"):
    """Two people who agreed to share with each other, until either ends it."""

    id = UUID(primary_key=True)
    inviter = owner(index=True)
    peer = owner(index=True)
    created_at = Timestamptz(default=StampNow())
    ended_at = Timestamptz(null=True, default=None)
    # From a link join: an HMAC, keyed by the secret in the link's fragment (which the
    # server never saw), over the joiner's key fingerprint; the inviter's phone checks it.
    joiner_mac = Varchar(length=64, default="")


class PeerBlock(Table, tablename="peer_block"):
    """Someone who may never connect with (or reach) the blocker again."""

    id = Serial(primary_key=True)
    blocker = owner(index=True)
    blocked = owner()
    created_at = Timestamptz(default=StampNow())


class SharedSummary(Table, tablename="shared_summary"):
    """What one person chose to share with one peer: a snapshot, never recomputed.

    Withdrawing (or ending the connection) empties ``content`` and ``sealed`` for good.
    A sealed summary keeps ``content`` empty: ``sealed`` is an envelope the server can't
    open (ciphertext, the content key sealed to each of the two, the sender's signature)."""

    id = UUID(primary_key=True)
    link = ForeignKey(references=PeerLink, on_delete=OnDelete.cascade, null=False, index=True)
    sharer = owner(index=True)
    recipient = owner(index=True)
    content = Text(default="")
    sealed = Text(default="")
    created_at = Timestamptz(default=StampNow())
    seen_at = Timestamptz(null=True, default=None)
    withdrawn_at = Timestamptz(null=True, default=None)


class SummaryReply(Table, tablename="summary_reply"):
    """A few kind words back; ``id`` is chosen by the device so a retry never repeats it."""

    id = UUID(primary_key=True)
    summary = ForeignKey(
        references=SharedSummary, on_delete=OnDelete.cascade, null=False, index=True
    )
    author = owner()
    preset = Varchar(length=20, default="")
    text = Text(default="")
    # A sealed reply: preset and words inside an envelope only the two can open.
    sealed = Text(default="")
    created_at = Timestamptz(default=StampNow())
    # When the other person (the sharer) first saw it: unread replies make a badge.
    read_at = Timestamptz(null=True, default=None)


class SharingPrefs(Table, tablename="sharing_prefs"):
    """The optional weekly nudge to share with someone (never a share itself)."""

    id = Serial(primary_key=True)
    account = owner(unique=True)
    nudge_weekday = SmallInt(null=True, default=None)  # 1 = Monday … 7 = Sunday
    nudge_clock = Varchar(length=5, null=True, default=None)


# What taking a summary back (or ending its connection) leaves of it: nothing readable.
EMPTIED: dict[Column | str, Any] = {SharedSummary.content: "", SharedSummary.sealed: ""}
