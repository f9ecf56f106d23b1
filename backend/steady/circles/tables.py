"""Peer circles: a small group, its members, invites, rounds and what members post in them."""

from piccolo.columns import (
    JSON,
    UUID,
    Boolean,
    ForeignKey,
    Integer,
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


class Circle(Table, tablename="circle"):
    """A group of 3 to 8 peers and the rhythm its rounds keep."""

    id = UUID(primary_key=True)
    name = Varchar(length=60)
    rhythm = Varchar(length=12, default="weekly")  # weekly | fortnightly | by_hand
    opens_weekday = SmallInt(default=1)  # ISO weekday a scheduled round opens
    opens_clock = Varchar(length=5, default="08:00")  # local time in ``time_zone``
    time_zone = Varchar(length=64, default="UTC")  # the starter's zone
    window_hours = SmallInt(default=48)
    keep_days = SmallInt(default=14)  # posts of a closed round are kept this long
    keep_summaries = Boolean(default=True)
    # When the next scheduled round opens (None: rounds are started by hand).
    next_opens_at = Timestamptz(null=True, default=None)
    # The member who facilitated last (the role passes on in join order).
    last_facilitator = Integer(null=True, default=None)
    # The circle key members seal posts under now (0: none made yet); see CircleEpoch.
    epoch = Integer(default=0)
    created_at = Timestamptz(default=StampNow())


class CircleMember(Table, tablename="circle_member"):
    """Someone in a circle who agreed to its ground rules. ``id`` rises in join order.
    Leaving deletes the row (and, by the circle's rules, the member's posts)."""

    id = Serial(primary_key=True)
    circle = ForeignKey(references=Circle, on_delete=OnDelete.cascade, null=False, index=True)
    account = owner(index=True)
    rules_version = SmallInt(default=1)
    joined_at = Timestamptz(default=StampNow())
    away_until = Timestamptz(null=True, default=None)
    # Who let them in (a member's id) and, if they came by link, the MAC their phone made
    # from the link's secret over both fingerprints: the inviter's phone checks it before
    # sealing the circle key to them.
    invited_by = Integer(null=True, default=None)
    key_mac = Varchar(length=64, null=True, default=None)


class CircleInvite(Table, tablename="circle_invite"):
    """A one-time invitation into a circle; only hashes of its link and code are kept."""

    id = Serial(primary_key=True)
    circle = ForeignKey(references=Circle, on_delete=OnDelete.cascade, null=False, index=True)
    inviter = owner(index=True)
    token_hash = Varchar(length=64, unique=True, index=True)
    code_hash = Varchar(length=64, unique=True, index=True)
    created_at = Timestamptz(default=StampNow())
    expires_at = Timestamptz()
    # joined | revoked, once it can no longer be used.
    outcome = Varchar(length=10, null=True, default=None)


class CircleRound(Table, tablename="circle_round"):
    """One round: open for a window, then closed; its posts are deleted at ``purge_at``."""

    id = UUID(primary_key=True)
    circle = ForeignKey(references=Circle, on_delete=OnDelete.cascade, null=False, index=True)
    number = Integer()
    opens_at = Timestamptz()
    closes_at = Timestamptz()
    closed_at = Timestamptz(null=True, default=None)
    facilitator = Integer(null=True, default=None)  # a member's id
    case_pick = Integer(null=True, default=None)  # the member the facilitator asked
    # The facilitator's summary, sealed under the circle key (JSON: the sealed box, the
    # facilitator's member id and public keys), or "".
    summary = Text(default="")
    purge_at = Timestamptz(null=True, default=None)
    purged = Boolean(default=False)


class CirclePost(Table, tablename="circle_post"):
    """What one member posted in one part of a round (``id`` chosen by their phone)."""

    id = UUID(primary_key=True)
    round = ForeignKey(references=CircleRound, on_delete=OnDelete.cascade, null=False, index=True)
    circle = ForeignKey(references=Circle, on_delete=OnDelete.cascade, null=False, index=True)
    author = owner(index=True)
    # energy | case | answer | change | appreciation | not_ok
    kind = Varchar(length=14)
    # What was written, sealed on the author's phone under the circle key of ``epoch``
    # and signed by them (JSON: epoch, box, sig); the server can't open it.
    sealed = JSON(default="{}")
    commitment = UUID(null=True, default=None)  # a small change's own commitment, if linked
    helpful = Boolean(default=False)
    created_at = Timestamptz(default=StampNow())
    updated_at = Timestamptz(default=StampNow())


class CircleEpoch(Table, tablename="circle_epoch"):
    """One circle key's life: the member list (roster) it was made for, signed by the
    member who made it, and the key sealed to each member on that list. A new one is made
    whenever someone joins or leaves; the server takes the first e+1 and no other."""

    id = Serial(primary_key=True)
    circle = ForeignKey(references=Circle, on_delete=OnDelete.cascade, null=False, index=True)
    epoch = Integer()
    roster = Text()  # the signed JSON, exactly as signed
    members = JSON(default="[]")  # the member ids on the roster, for the server's checks
    keys = JSON(default="{}")  # member id -> the circle key sealed to them (HPKE)
    signer = Integer()  # the member id who made it
    signer_signing_public = Varchar(length=100)
    signer_sealing_public = Varchar(length=100)
    signature = Varchar(length=100)
    created_at = Timestamptz(default=StampNow())
