"""Request and response bodies for push subscriptions, reminder preferences and snoozes."""

from datetime import date, datetime
from typing import Annotated, Any, Literal
from uuid import UUID

import msgspec

from steady.reminders.defaults import AFTER_SHIFT_MINUTES, DAILY_CAP, QUIET_END, QUIET_START
from steady.reminders.kinds import ReminderKind
from steady.reminders.notices import Notice
from steady.structs import COUNTER_MAX, Input, LocalTime, Output, Weekday

Base64Url = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9_-]+={0,2}$", max_length=200)]


class SubscriptionKeys(Input):
    p256dh: Base64Url
    auth: Base64Url


class SubscriptionWrite(Input):
    """A browser PushSubscription (its toJSON()), and the endpoint it replaces, if any."""

    endpoint: Annotated[str, msgspec.Meta(pattern=r"^https?://", max_length=2048)]
    keys: SubscriptionKeys
    expirationTime: Annotated[int, msgspec.Meta(ge=0, le=COUNTER_MAX)] | None = None  # noqa: N815 - the browser's own field name
    replaces: Annotated[str, msgspec.Meta(max_length=2048)] | None = None


class SubscriptionView(Output):
    id: int
    label: str
    endpoint: str
    created_at: datetime


class ShiftPatternBody(Input):
    """A repeating schedule: chosen weekdays, or a rotation of on and off days from an anchor."""

    kind: Literal["weekly", "rotation"]
    start: LocalTime
    hours: Annotated[float, msgspec.Meta(gt=0, le=24)]
    weekdays: Annotated[list[Weekday], msgspec.Meta(max_length=7)] = msgspec.field(
        default_factory=list
    )
    anchor: date | None = None
    on_days: Annotated[int, msgspec.Meta(ge=0, le=14)] = 0
    off_days: Annotated[int, msgspec.Meta(ge=0, le=28)] = 0

    def to_dict(self) -> dict[str, Any]:
        """The JSON stored for this schedule."""
        return {
            "kind": self.kind,
            "start": self.start,
            "hours": self.hours,
            "weekdays": sorted(set(self.weekdays)),
            "anchor": self.anchor.isoformat() if self.anchor else None,
            "on_days": self.on_days,
            "off_days": self.off_days,
        }


class PrefsWrite(Input):
    """Reminder preferences; times are the person's local clock."""

    quiet_start: LocalTime = QUIET_START
    quiet_end: LocalTime = QUIET_END
    daily_cap: Annotated[int, msgspec.Meta(ge=1, le=20)] = DAILY_CAP
    show_details: bool = False
    checkin_time: LocalTime | None = None
    decompress_minutes: Annotated[int, msgspec.Meta(ge=0, le=240)] | None = None
    after_shift_minutes: Annotated[int, msgspec.Meta(ge=0, le=240)] = AFTER_SHIFT_MINUTES
    followups: bool = False
    schedule: ShiftPatternBody | None = None


class ShiftPatternView(Output):
    """A repeating schedule as stored (see ``ShiftPatternBody``)."""

    kind: Literal["weekly", "rotation"]
    start: str
    hours: float
    weekdays: list[int]
    anchor: date | None
    on_days: int
    off_days: int


class PrefsView(Output):
    quiet_start: str
    quiet_end: str
    daily_cap: int
    show_details: bool
    checkin_time: str | None
    decompress_minutes: int | None
    after_shift_minutes: int
    followups: bool
    schedule: ShiftPatternView | None
    # What a reminder about a commitment shows on the lock screen with these settings.
    lock_screen: Notice


class SnoozeWrite(Input):
    """Ask again later about the reminder that was just shown."""

    kind: ReminderKind
    ref: UUID | None = None
    until: Literal["hour", "after_shift"] = "hour"


class SnoozeView(Output):
    due_at: datetime | None


class PushKey(Output):
    """The server's VAPID public key, as PushManager.subscribe wants it."""

    public_key: str
