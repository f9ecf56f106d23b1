"""Request and response bodies for circles, their invites, rounds and posts."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec

from steady.structs import FieldValueError, Input, LocalTime, Output, Weekday

MEMBERS_MIN = 3
MEMBERS_MAX = 8
Rhythm = Literal["weekly", "fortnightly", "by_hand"]
PostKind = Literal["energy", "case", "answer", "change", "appreciation", "not_ok"]
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=60)]


class CircleSettings(Input):
    """How a circle keeps its rounds."""

    name: Name
    rhythm: Rhythm = "weekly"
    opens_weekday: Weekday = 1
    opens_clock: LocalTime = "08:00"
    window_hours: Annotated[int, msgspec.Meta(ge=12, le=168)] = 48
    keep_days: Annotated[int, msgspec.Meta(ge=1, le=60)] = 14
    keep_summaries: bool = True


class CircleStart(CircleSettings):
    """A new circle; the person starting it agrees to its ground rules like everyone."""

    agree_to_rules: bool = False


class CircleJoin(Input):
    """An invite as the invitee has it (link token or spoken code) and their agreement."""

    token: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] | None = None
    code: Annotated[str, msgspec.Meta(min_length=1, max_length=16)] | None = None
    agree_to_rules: bool = False
    # From a link: the joiner's phone's MAC over both fingerprints, keyed by the secret
    # in the link's fragment (never sent), for the inviter's phone to check.
    key_mac: Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9_-]{43}$")] | None = None


class AwayWrite(Input):
    """Away (skipped as facilitator) until then; None: back."""

    away_until: datetime | None = None


class CasePick(Input):
    """The member the facilitator asks to bring this round's case (None: a volunteer)."""

    member_id: Annotated[int, msgspec.Meta(ge=1, le=2**31 - 1)] | None = None


# ---- sealed: what members write travels only sealed under the circle key ----

B64 = r"^[A-Za-z0-9_-]"


class Sealed(Input):
    """Something sealed on a phone under the circle key of ``epoch``
    (``frontend/src/features/circles/sealing.ts``): the padded AES-GCM box and the
    author's ECDSA signature. The server stores it and can't open it."""

    epoch: Annotated[int, msgspec.Meta(ge=1, le=2**31 - 1)]
    box: Annotated[str, msgspec.Meta(pattern=B64 + "{300,12000}$")]
    sig: Annotated[str, msgspec.Meta(pattern=B64 + "{86}$")]


class CloseRound(Input):
    """The facilitator's summary for the circle, sealed (None: closing without one)."""

    summary: Sealed | None = None


class HelpfulWrite(Input):
    helpful: bool


class PostWrite(Input):
    """A post in one part of a round; one of each kind per member per round. The phone
    chooses its id. Only a small change's link to the author's own commitment is plain:
    it points at their own data."""

    kind: PostKind
    round_id: UUID
    sealed: Sealed
    commitment_id: UUID | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.commitment_id is not None and self.kind != "change":
            raise FieldValueError("commitment_id", "only a small change links a commitment")


PublicKey = Annotated[str, msgspec.Meta(pattern=B64 + "{87}$")]


class EpochWrite(Input):
    """A new circle key: the member list it is for (JSON, exactly as signed), the key
    sealed to each member on it (by member id), and the maker's signature."""

    roster: Annotated[str, msgspec.Meta(min_length=2, max_length=4000)]
    keys: dict[str, Annotated[str, msgspec.Meta(pattern=B64 + "{100,200}$")]]
    signature: Annotated[str, msgspec.Meta(pattern=B64 + "{86}$")]


class EpochView(Output):
    """One circle key as a member fetches it: what they need to check who made it and
    for whom, and the key sealed to each member on its list."""

    epoch: int
    roster: str
    keys: dict[str, str]
    signer: int
    signer_signing_public: str
    signer_sealing_public: str
    signature: str
    made_at: datetime


class MemberKeys(Output):
    """A member's public keys; for someone not yet on the roster, who let them in and
    the MAC their phone made from the invite link's secret (None: they came by code)."""

    member: int
    name: str
    signing_public: str | None
    sealing_public: str | None
    on_roster: bool
    invited_by: int | None
    key_mac: str | None


class CircleKeys(Output):
    """The circle's keys as one member sees them: the epoch posts are sealed under now,
    every key made since they joined, and everyone's public keys. ``renew`` says a new
    key is due (someone left, or someone joined and waits to be let in)."""

    epoch: int
    epochs: list[EpochView]
    members: list[MemberKeys]
    renew: bool


# ---- views ----


class MemberRef(Output):
    id: int
    name: str


class MemberView(Output):
    id: int
    name: str
    me: bool
    joined_at: datetime
    away_until: datetime | None


class PostView(Output):
    """One post as the circle's server sees it: who, what kind, and the sealed words."""

    id: UUID
    kind: PostKind
    author: MemberRef
    mine: bool
    sealed: Sealed
    commitment_id: UUID | None = None
    helpful: bool = False


class SealedSummary(Output):
    """The facilitator's summary, sealed, with the keys it was signed with (the phone
    checks them against the roster before believing them)."""

    sealed: Sealed
    by: int
    signing_public: str
    sealing_public: str


class RoundView(Output):
    id: UUID
    number: int
    opens_at: datetime
    closes_at: datetime
    closed_at: datetime | None
    open: bool
    facilitator: MemberRef | None
    case_pick: MemberRef | None
    summary: SealedSummary | None
    posts: list[PostView]


class RoundSummary(Output):
    """An earlier round: when, who facilitated, and the summary if the circle keeps them."""

    id: UUID
    number: int
    opens_at: datetime
    closed_at: datetime | None
    facilitator: MemberRef | None
    summary: SealedSummary | None


class CircleView(Output):
    id: UUID
    name: str
    rules: list[str]
    settings: CircleSettings
    members: list[MemberView]
    paused: bool
    next_opens_at: datetime | None
    facilitator_next: MemberRef | None
    me: int
    current: RoundView | None
    earlier: list[RoundSummary]


class CircleListItem(Output):
    id: UUID
    name: str
    members: int
    paused: bool
    round_open: bool
    closes_at: datetime | None


class CirclePreview(Output):
    """What an invitee sees before joining: the circle, who asks, and the ground rules."""

    name: str
    inviter_name: str
    members: int
    rules: list[str]
    expires_at: datetime
    # The inviter's public keys, for the joiner's phone to check against the link.
    inviter_signing_public: str | None = None
    inviter_sealing_public: str | None = None


class CirclePostRecord(Output):
    """One of a person's own posts, as their export holds it."""

    id: UUID
    circle: str
    round: int
    kind: PostKind
    sealed: Sealed
    created_at: datetime
