"""What a reminder says on the lock screen: warm, short, and private unless asked otherwise.

By default nothing a person wrote appears in a notification ("A small thing you planned",
not the commitment's title); ``show_details`` lets them choose otherwise.
"""

from __future__ import annotations

from datetime import date
from typing import Any

GENERIC = {
    "commitment": ("A small thing you planned", "Tap when it's done, or snooze it for later."),
    "checkin": ("How are you doing?", "A ten-second check-in, whenever you're ready."),
    "decompress": ("Shift over — two minutes to land?", "A short breather before the next thing."),
    "followup": ("Checking in on you", "Yesterday looked hard. How are you today?"),
    "share_nudge": (
        "A moment to reach out?",
        "Sharing how you are with someone you trust can lighten the load.",
    ),
    # The heading names the peer ("Sam shared a check-in with you"); never what was shared.
    "peer_shared": ("", "Open Steady to read it."),
    "peer_reply": ("", "Open Steady to read it."),
}
ACTIONS = {"commitment": ["done", "snooze"], "peer_shared": [], "peer_reply": []}
GENERIC_FOLLOWUP = ("Checking in on you", "A quiet moment for yourself, when you can.")
SCREENS = {
    "commitment": "/today",
    "checkin": "/checkin",
    "decompress": "/leaving-shift",
    "followup": "/checkin",
    "share_nudge": "/share",
    "peer_shared": "/share/inbox/{ref}",
    "peer_reply": "/share/sent/{ref}",
}


def notice_for(
    kind: str, ref: str | None, title: str, local_date: date, *, show_details: bool
) -> dict[str, Any]:
    """The push payload the service worker turns into a notification."""
    heading, body = GENERIC[kind]
    if kind in {"peer_shared", "peer_reply"}:
        heading = title
    if kind == "commitment" and show_details and title:
        heading, body = title, "A small thing you planned for today."
    if kind == "followup" and not show_details:
        heading, body = GENERIC_FOLLOWUP
    notice: dict[str, Any] = {
        "kind": kind,
        "title": heading,
        "body": body,
        "url": SCREENS[kind].format(ref=ref),
        "tag": f"steady-{kind}-{ref or 'all'}",
        "local_date": local_date.isoformat(),
        "actions": ACTIONS.get(kind, ["snooze"]),
    }
    if ref is not None:
        notice["ref"] = ref
    return notice
