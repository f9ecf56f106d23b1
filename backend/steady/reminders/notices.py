"""What a reminder says on the lock screen: warm, short, and private unless asked otherwise.

By default nothing a person wrote appears in a notification ("A small thing you planned",
not the commitment's title); ``show_details`` lets them choose otherwise.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from steady.reminders.kinds import CIRCLE_KINDS, ReminderKind
from steady.structs import Output

Action = Literal["done", "snooze"]


class Notice(Output):
    """A push's payload: what the service worker shows, and where a tap leads."""

    kind: ReminderKind
    title: str
    body: str
    url: str
    tag: str
    local_date: date
    actions: list[Action]
    # The commitment, check-in or summary it is about.
    ref: str | None = None


CIRCLE_GENERIC = "Something new in your circle."

GENERIC: dict[ReminderKind, tuple[str, str]] = {
    ReminderKind.COMMITMENT: (
        "A small thing you planned",
        "Tap when it's done, or snooze it for later.",
    ),
    ReminderKind.CHECKIN: ("How are you doing?", "A ten-second check-in, whenever you're ready."),
    ReminderKind.DECOMPRESS: (
        "Shift over — two minutes to land?",
        "A short breather before the next thing.",
    ),
    ReminderKind.FOLLOWUP: ("Checking in on you", "Yesterday looked hard. How are you today?"),
    ReminderKind.SHARE_NUDGE: (
        "A moment to reach out?",
        "Sharing how you are with someone you trust can lighten the load.",
    ),
    # The heading names the peer ("Sam shared a check-in with you"); never what was shared.
    ReminderKind.PEER_SHARED: ("", "Open Steady to read it."),
    ReminderKind.PEER_REPLY: ("", "Open Steady to read it."),
    # The heading is the circle's name; what happened is said only with details on.
    ReminderKind.CIRCLE_ROUND: ("", CIRCLE_GENERIC),
    ReminderKind.CIRCLE_CASE: ("", CIRCLE_GENERIC),
    ReminderKind.CIRCLE_CLOSING: ("", CIRCLE_GENERIC),
    ReminderKind.CIRCLE_HELPFUL: ("", CIRCLE_GENERIC),
}
CIRCLE_DETAILS: dict[ReminderKind, str] = {
    ReminderKind.CIRCLE_ROUND: "A new round is open: say how you are, when you can.",
    ReminderKind.CIRCLE_CASE: "A case is waiting for your thoughts.",
    ReminderKind.CIRCLE_CLOSING: "The round closes in about six hours.",
    ReminderKind.CIRCLE_HELPFUL: "Someone found your answer helpful.",
}
ACTIONS: dict[ReminderKind, list[Action]] = {
    ReminderKind.COMMITMENT: ["done", "snooze"],
    ReminderKind.PEER_SHARED: [],
    ReminderKind.PEER_REPLY: [],
    **{kind: [] for kind in CIRCLE_KINDS},
}
GENERIC_FOLLOWUP = ("Checking in on you", "A quiet moment for yourself, when you can.")
SCREENS: dict[ReminderKind, str] = {
    ReminderKind.COMMITMENT: "/today",
    ReminderKind.CHECKIN: "/checkin",
    ReminderKind.DECOMPRESS: "/leaving-shift",
    ReminderKind.FOLLOWUP: "/checkin",
    ReminderKind.SHARE_NUDGE: "/share",
    ReminderKind.PEER_SHARED: "/share/inbox/{ref}",
    ReminderKind.PEER_REPLY: "/share/sent/{ref}",
    **dict.fromkeys(CIRCLE_KINDS, "/circles/{ref}"),
}


def notice_for(
    kind: ReminderKind, ref: str | None, title: str, local_date: date, *, show_details: bool
) -> Notice:
    """The push payload the service worker turns into a notification."""
    heading, body = GENERIC[kind]
    if kind in {ReminderKind.PEER_SHARED, ReminderKind.PEER_REPLY} or kind in CIRCLE_KINDS:
        heading = title
    if kind in CIRCLE_KINDS and show_details:
        body = CIRCLE_DETAILS[kind]
    if kind == ReminderKind.COMMITMENT and show_details and title:
        heading, body = title, "A small thing you planned for today."
    if kind == ReminderKind.FOLLOWUP and not show_details:
        heading, body = GENERIC_FOLLOWUP
    return Notice(
        kind=kind,
        title=heading,
        body=body,
        url=SCREENS[kind].format(ref=ref),
        tag=f"steady-{kind}-{ref or 'all'}",
        local_date=local_date,
        actions=ACTIONS.get(kind, ["snooze"]),
        ref=ref,
    )
