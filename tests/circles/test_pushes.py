"""What each member's phone is told, through the stand-in push service (every payload
decrypted): the circle's name only, unless they turned details on."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from steady.reminders.dispatcher import Dispatcher
from tests.circles.conftest import Four
from tests.circles.helpers import post
from tests.clock import Clock
from tests.reminders.push_service import LocalPushService

SITUATION = "A relative shouted at me on the night shift."
GENERIC = "Something new in your circle."


@pytest.mark.calendar_sweep
async def test_members_are_told_with_only_the_circle_on_the_lock_screen(
    four: Four, push_service: LocalPushService, dispatcher: Dispatcher, clock: Clock
) -> None:
    endpoints = {}
    for name, person in four.people().items():
        await person.patch("/api/account", json={"time_zone": "UTC"})
        prefs = {"quiet_start": "00:00", "quiet_end": "00:00", "show_details": name == "alex"}
        assert (await person.put("/api/reminders/prefs", json=prefs)).status_code == 200
        subscription = push_service.subscribe()
        endpoints[subscription["endpoint"]] = name
        await person.put("/api/reminders/subscriptions", json=subscription)

    def told() -> list[tuple[str, str, str, str]]:
        """(who, kind, title, body) of every push received since the last look."""
        return [
            (name, p["kind"], p["title"], p["body"])
            for endpoint, name in endpoints.items()
            for p in push_service.payloads_for(endpoint)
        ]

    opened = await four.sam.post(f"/api/circles/{four.circle_id}/rounds")
    current = opened.json()["current"]
    clock.advance(timedelta(seconds=1))
    await dispatcher.dispatch_once()
    assert sorted(told()) == sorted(
        [
            ("sam", "circle_round", "Night nurses", GENERIC),
            (
                "alex",
                "circle_round",
                "Night nurses",
                "A new round is open: say how you are, when you can.",
            ),
            ("kim", "circle_round", "Night nurses", GENERIC),
            ("lee", "circle_round", "Night nurses", GENERIC),
        ]
    )
    push_service.received.clear()

    await post(four.kim, "case", current["id"], situation=SITUATION, question="How do I let go?")
    answer = await post(four.alex, "answer", current["id"], noticed="You kept everyone safe.")
    await four.kim.put(f"/api/circles/posts/{answer}/helpful", json={"helpful": True})
    clock.advance(timedelta(seconds=1))
    await dispatcher.dispatch_once()
    assert sorted(told()) == sorted(
        [
            ("sam", "circle_case", "Night nurses", GENERIC),
            ("alex", "circle_case", "Night nurses", "A case is waiting for your thoughts."),
            ("lee", "circle_case", "Night nurses", GENERIC),
            ("alex", "circle_helpful", "Night nurses", "Someone found your answer helpful."),
        ]
    )
    push_service.received.clear()

    closes = datetime.fromisoformat(current["closes_at"].replace("Z", "+00:00"))
    clock.move_to(closes - timedelta(hours=6) + timedelta(minutes=1))
    await dispatcher.dispatch_once()
    assert sorted((n, k) for n, k, _, _ in told()) == sorted(
        (n, "circle_closing") for n in ("sam", "alex", "kim", "lee")
    )
    for received in push_service.received:
        assert SITUATION not in str(received.payload)
        assert received.payload["url"] == f"/circles/{four.circle_id}"
