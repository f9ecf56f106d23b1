"""Request and response bodies for circles, their invites, rounds and posts."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, ClassVar, Literal
from uuid import UUID

import msgspec

from steady.structs import Input, LocalTime, Output, Weekday

MEMBERS_MIN = 3
MEMBERS_MAX = 8
Rhythm = Literal["weekly", "fortnightly", "by_hand"]
PostKind = Literal["energy", "case", "answer", "change", "appreciation", "not_ok"]
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=60)]
Short = Annotated[str, msgspec.Meta(max_length=280)]
Summary = Annotated[str, msgspec.Meta(max_length=600)]


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


class AwayWrite(Input):
    """Away (skipped as facilitator) until then; None: back."""

    away_until: datetime | None = None


class CasePick(Input):
    """The member the facilitator asks to bring this round's case (None: a volunteer)."""

    member_id: Annotated[int, msgspec.Meta(ge=1, le=2**31 - 1)] | None = None


class CloseRound(Input):
    free_text_fields: ClassVar[frozenset[str]] = frozenset({"summary"})

    summary: Summary = ""


class HelpfulWrite(Input):
    helpful: bool


# ---- posts: one of each kind per member per round; the phone chooses each post's id ----


class EnergyPost(Input, tag="energy", tag_field="kind"):
    """The energy round: how I am, in a number and one word."""

    free_text_fields: ClassVar[frozenset[str]] = frozenset({"win", "challenge", "last_change"})

    round_id: UUID
    energy: Annotated[int, msgspec.Meta(ge=1, le=5)]
    word: Annotated[str, msgspec.Meta(min_length=1, max_length=24)]
    win: Short = ""
    challenge: Short = ""
    # How last round's small change went.
    last_change: Short = ""


class CasePost(Input, tag="case", tag_field="kind"):
    """One de-identified situation and the question the presenter would like help with."""

    free_text_fields: ClassVar[frozenset[str]] = frozenset({"situation", "question"})

    round_id: UUID
    situation: Annotated[str, msgspec.Meta(min_length=1, max_length=1200)]
    question: Annotated[str, msgspec.Meta(min_length=1, max_length=280)]


class AnswerPost(Input, tag="answer", tag_field="kind"):
    """A structured reflection on the case (at least one part), not advice."""

    free_text_fields: ClassVar[frozenset[str]] = frozenset({"noticed", "question", "might_try"})

    round_id: UUID
    noticed: Annotated[str, msgspec.Meta(max_length=600)] = ""
    question: Short = ""
    might_try: Annotated[str, msgspec.Meta(max_length=600)] = ""


class ChangePost(Input, tag="change", tag_field="kind"):
    """One small change to try before the next round (a commitment, if the person wants)."""

    round_id: UUID
    text: Annotated[str, msgspec.Meta(min_length=1, max_length=80)]
    commitment_id: UUID | None = None


class AppreciationPost(Input, tag="appreciation", tag_field="kind"):
    """A short thank-you to the circle, or to one member."""

    free_text_fields: ClassVar[frozenset[str]] = frozenset({"text"})

    round_id: UUID
    text: Annotated[str, msgspec.Meta(min_length=1, max_length=280)]
    to_member: Annotated[int, msgspec.Meta(ge=1, le=2**31 - 1)] | None = None


class NotOkPost(Input, tag="not_ok", tag_field="kind"):
    """ "I'm not OK right now": the circle is told, with no details."""

    round_id: UUID


PostWrite = EnergyPost | CasePost | AnswerPost | ChangePost | AppreciationPost | NotOkPost


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
    """One post as the circle sees it; only the fields of its kind are filled."""

    id: UUID
    kind: PostKind
    author: MemberRef
    mine: bool
    energy: int | None = None
    word: str = ""
    win: str = ""
    challenge: str = ""
    last_change: str = ""
    situation: str = ""
    question: str = ""
    noticed: str = ""
    might_try: str = ""
    text: str = ""
    to_member: MemberRef | None = None
    commitment_id: UUID | None = None
    helpful: bool = False


class RoundView(Output):
    id: UUID
    number: int
    opens_at: datetime
    closes_at: datetime
    closed_at: datetime | None
    open: bool
    facilitator: MemberRef | None
    case_pick: MemberRef | None
    summary: str
    posts: list[PostView]


class RoundSummary(Output):
    """An earlier round: when, who facilitated, and the summary if the circle keeps them."""

    id: UUID
    number: int
    opens_at: datetime
    closed_at: datetime | None
    facilitator: MemberRef | None
    summary: str


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


class CirclePostRecord(Output):
    """One of a person's own posts, as their export holds it."""

    id: UUID
    circle: str
    round: int
    kind: PostKind
    content: dict[str, object]
    created_at: datetime
