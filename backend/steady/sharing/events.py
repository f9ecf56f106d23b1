"""What sharing announces (see ``steady.events``): only who is to hear of it, what it is
about and the words for the lock screen, never what was shared."""

from uuid import UUID

from steady.events import Event


class SummaryShared(Event, frozen=True):
    recipient: int
    summary_id: UUID
    heading: str


class ReplySent(Event, frozen=True):
    sharer: int
    summary_id: UUID
    heading: str


class SummaryTakenBack(Event, frozen=True):
    """Withdrawn, or gone with its connection: its recipient is not to hear of it."""

    recipient: int
    summary_id: UUID


class ShareNudgeChanged(Event, frozen=True):
    """The weekly nudge to share: a weekday and a time, or none."""

    account_id: int
    weekday: int | None
    clock: str | None
