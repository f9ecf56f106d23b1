"""The reminders' vocabulary: what a reminder is about, and how it recurs.

One list each, used by the tables, planning, the lock-screen notices and the API schemas.
The values are the strings stored in the database.
"""

from __future__ import annotations

from enum import StrEnum


class ReminderKind(StrEnum):
    """What a reminder is about."""

    COMMITMENT = "commitment"  # a small thing the person planned
    CHECKIN = "checkin"  # the daily check-in prompt
    DECOMPRESS = "decompress"  # "two minutes to land?" after a shift
    FOLLOWUP = "followup"  # a day and three days after a hard moment
    SHARE_NUDGE = "share_nudge"  # the weekly nudge to reach out
    PEER_SHARED = "peer_shared"  # a peer shared a summary
    PEER_REPLY = "peer_reply"  # a peer replied
    CIRCLE_ROUND = "circle_round"  # a circle's round opened
    CIRCLE_CASE = "circle_case"  # a case is waiting for your answer
    CIRCLE_CLOSING = "circle_closing"  # the round closes in six hours
    CIRCLE_HELPFUL = "circle_helpful"  # someone marked your answer helpful


class Cadence(StrEnum):
    """How a reminder recurs, or that it comes once."""

    DAILY = "daily"
    WEEKDAYS = "weekdays"
    ONCE = "once"  # one chosen day, at a time
    AFTER_SHIFT = "after_shift"  # after each scheduled shift
    ONEOFF = "oneoff"  # follow-ups and peers' news: sent once, then deleted
    SNOOZE = "snooze"  # asked again later: one at most per reminder
    SHIFT_END = "shift_end"  # planned when a shift is tapped "End"


# Sent once, then deleted (a scheduled after-shift reminder skips one sent at a shift's end).
ONE_OFF_CADENCES = frozenset({Cadence.ONEOFF, Cadence.SNOOZE, Cadence.SHIFT_END})
# Kinds whose reminder comes after a shift, and must not come twice for one shift.
AFTER_SHIFT_KINDS = frozenset({ReminderKind.COMMITMENT, ReminderKind.DECOMPRESS})
# A circle's news: the reminder's title is the circle's name, and it is about the circle.
CIRCLE_KINDS = frozenset(
    {
        ReminderKind.CIRCLE_ROUND,
        ReminderKind.CIRCLE_CASE,
        ReminderKind.CIRCLE_CLOSING,
        ReminderKind.CIRCLE_HELPFUL,
    }
)
