"""Request and response bodies for invites, peers, summaries, replies and the weekly nudge."""

from datetime import date, datetime
from typing import Annotated, ClassVar, Literal
from uuid import UUID

import msgspec

from steady.structs import FieldValueError, Input, LocalTime, Output, Weekday

NOTE_MAX = 600
REPLY_MAX = 280
HELP_WORDS = {
    "text": "A text would help",
    "call": "A call after my shift would help",
    "nothing": "Nothing needed — just letting you know",
}
PRESETS = {
    "thinking": "Thinking of you",
    "call": "That sounds hard. Call after shift?",
    "proud": "Proud of you for keeping your commitments",
}
Period = Literal["shift", "week", "custom"]
Help = Literal["text", "call", "nothing"]
Preset = Literal["thinking", "call", "proud"]


class InviteRedeem(Input):
    """The invite as the peer has it: the link's token, or the code read aloud."""

    token: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] | None = None
    code: Annotated[str, msgspec.Meta(min_length=1, max_length=16)] | None = None
    # Accepting from a link: the joiner's MAC over their keys (see ``PeerLink.joiner_mac``).
    key_mac: Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9_-]{43}$")] | None = None


class InvitePreview(Output):
    """What the peer sees before choosing: who is asking, and until when."""

    inviter_name: str
    expires_at: datetime
    # The inviter's public keys, for the joiner's phone to check against the link's
    # fragment (None for an account from before keys).
    inviter_signing_public: str | None
    inviter_sealing_public: str | None


class PeerView(Output):
    id: UUID
    name: str
    since: datetime
    invited_by_me: bool
    # To the inviter only: the MAC the joiner sent (the inviter's phone checks it).
    key_mac: str | None


class SummaryParts(Input):
    """Each part is left out unless chosen."""

    scores: bool = False
    commitments: bool = False
    grounding: bool = False


class SummaryDraft(Input):
    """What to share, with whom, over which period."""

    free_text_fields: ClassVar[frozenset[str]] = frozenset({"note"})

    peer_id: UUID
    period: Period
    start: date | None = None
    end: date | None = None
    parts: SummaryParts = msgspec.field(default_factory=SummaryParts)
    note: Annotated[str, msgspec.Meta(max_length=NOTE_MAX)] = ""
    help: Help | None = None
    # The phone adds a note or "what would help" inside the seal (so they are not here).
    sealed_words: bool = False


class Envelope(Input):
    """Something sealed on a phone (``frontend/src/lib/crypto/envelope.ts``): the padded
    ciphertext, the content key sealed with HPKE to the receiver (``to``) and the sender
    (``from``), and the sender's ECDSA signature. The server stores it and can't open it."""

    v: Literal[1]
    box: Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9_-]{300,24000}$")]
    keys: dict[
        Literal["to", "from"], Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9_-]{100,200}$")]
    ]
    sig: Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9_-]{86}$")]

    def __post_init__(self) -> None:
        super().__post_init__()
        if set(self.keys) != {"to", "from"}:
            raise FieldValueError("keys", "must hold the key sealed to each of the two people")


class SummarySend(SummaryDraft, kw_only=True):
    """A draft to send, with the preview's fingerprint: if what would be shared changed
    since the preview (a check-in came in), nothing is sent and the preview is shown again.
    With ``sealed``, the card (note and "what would help" included) travels only inside
    the envelope: the draft's own note and help stay empty."""

    preview: Annotated[str, msgspec.Meta(max_length=64)] | None = None
    sealed: Envelope | None = None


class Scores(Output):
    count: int
    mood: float
    energy: float
    stress: float
    # rising | falling | steady, first half of the period against the second; None if too few.
    mood_trend: str | None
    energy_trend: str | None
    stress_trend: str | None


class Kept(Output):
    kept: int
    due: int


class SummaryContent(Output):
    """Exactly what the peer sees, frozen when sent."""

    sharer_name: str
    period_label: str
    start: datetime
    end: datetime
    scores: Scores | None
    commitments: Kept | None
    grounding_minutes: int | None
    note: str | None
    help: str | None


class SummaryPreview(Output):
    content: SummaryContent
    fingerprint: str


class ReplyWrite(Input):
    """A preset or a short note (or both)."""

    free_text_fields: ClassVar[frozenset[str]] = frozenset({"text"})

    preset: Preset | None = None
    text: Annotated[str, msgspec.Meta(max_length=REPLY_MAX)] = ""
    # A sealed reply: preset and words inside the envelope, these two left empty.
    sealed: Envelope | None = None


class ReplyView(Output):
    id: UUID
    from_me: bool
    words: str
    sealed: Envelope | None
    created_at: datetime
    # Not yet read by this person (always false for one's own).
    new: bool


class Unread(Output):
    """What is waiting to be read: summaries peers shared, and replies to one's own."""

    summaries: int
    replies: int


class SentView(Output):
    id: UUID
    peer_id: UUID
    to_name: str
    created_at: datetime
    seen_at: datetime | None
    # One of the two: a card from before sealing, or the sealed envelope.
    content: SummaryContent | None
    sealed: Envelope | None
    replies: list[ReplyView]


class ReceivedView(Output):
    id: UUID
    peer_id: UUID
    from_name: str
    created_at: datetime
    seen: bool
    content: SummaryContent | None
    sealed: Envelope | None
    replies: list[ReplyView]


class NudgeWrite(Input):
    """A weekly nudge to reach out, or none (both fields empty)."""

    weekday: Weekday | None = None
    clock: LocalTime | None = None


class NudgeView(Output):
    weekday: int | None
    clock: str | None


class PeerKeys(Output):
    """A peer's public keys as the server hands them out; the phone checks the fingerprint
    against the one it pinned, and both people compare safety numbers made from it."""

    name: str
    signing_public: str
    sealing_public: str
    fingerprint: str
