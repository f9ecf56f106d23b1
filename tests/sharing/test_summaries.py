"""Sharing a summary: only the chosen parts, exactly as previewed, frozen once sent; seen
marks, replies, withdrawal, and the pushes that tell each side."""

from __future__ import annotations

from datetime import UTC, timedelta
from typing import Any

import pytest

from steady.reminders.dispatcher import Dispatcher
from steady.reminders.tables import Reminder
from tests.clock import Clock, current
from tests.helpers import Api, checkin_body, commitment_body, completion_body, field_names, new_id
from tests.helpers import grounding_body as session_body
from tests.reminders.helpers import dispatch_at
from tests.reminders.push_service import LocalPushService
from tests.sharing.helpers import NOTE, connect, draft, share


async def _a_week(api: Api) -> dict[str, str]:
    """Four check-ins with mood rising, a daily commitment kept today, 5 minutes grounding."""
    now = current().now()
    ids = {}
    for hours_ago, mood in ((30, 1), (20, 2), (10, 4), (1, 5)):
        at = now - timedelta(hours=hours_ago)
        checkin_id = new_id()
        body = checkin_body(
            recorded_at=at.isoformat(), local_date=at.date().isoformat(), mood=mood, stress=3
        )
        assert (await api.put(f"/api/checkins/{checkin_id}", json=body)).status_code == 201
        ids[f"checkin{mood}"] = checkin_id
    commitment_id = new_id()
    await api.put(f"/api/commitments/{commitment_id}", json=commitment_body())
    await api.put(f"/api/completions/{new_id()}", json=completion_body(commitment_id))
    started = now - timedelta(hours=2)
    session = session_body(
        duration_seconds=300,
        started_at=started.isoformat(),
        ended_at=(started + timedelta(minutes=5)).isoformat(),
    )
    await api.put(f"/api/grounding/sessions/{new_id()}", json=session)
    return ids


async def _pair(api: Api, other_api: Api) -> str:
    await api.sign_up("sam")
    await api.patch("/api/account", json={"time_zone": "UTC"})
    await other_api.sign_up("alex")
    return await connect(api, other_api)


async def test_the_preview_is_exactly_what_the_peer_reads(api: Api, other_api: Api) -> None:
    peer_id = await _pair(api, other_api)
    await _a_week(api)
    preview = (await api.post("/api/sharing/preview", json=draft(peer_id))).json()
    content = preview["content"]
    assert content["sharer_name"] == "sam" and content["period_label"] == "Last 7 days"
    assert content["scores"]["count"] == 4 and content["scores"]["mood"] == 3.0
    assert content["scores"]["mood_trend"] == "rising"
    assert content["scores"]["stress_trend"] == "steady"
    assert content["commitments"] == {"kept": 1, "due": 1}
    assert content["grounding_minutes"] == 5
    assert content["note"] == NOTE
    assert content["help"] == "A call after my shift would help"

    summary_id = new_id()
    body = {**draft(peer_id), "preview": preview["fingerprint"]}
    assert (await api.put(f"/api/sharing/sent/{summary_id}", json=body)).status_code == 200
    read = (await other_api.get(f"/api/sharing/inbox/{summary_id}")).json()
    assert read["from_name"] == "sam"
    assert {k: v for k, v in read["content"].items() if k != "end"} == {
        k: v for k, v in content.items() if k != "end"
    }


async def test_parts_stay_out_unless_chosen(api: Api, other_api: Api) -> None:
    peer_id = await _pair(api, other_api)
    await _a_week(api)
    only_note = draft(peer_id, parts={}, help=None)
    content = (await api.post("/api/sharing/preview", json=only_note)).json()["content"]
    assert content["scores"] is None and content["commitments"] is None
    assert content["grounding_minutes"] is None and content["help"] is None
    assert content["note"] == NOTE
    nothing = draft(peer_id, parts={}, help=None, note="   ")
    answer = await api.post("/api/sharing/preview", json=nothing)
    assert answer.status_code == 400 and field_names(answer) == ["parts"]


@pytest.mark.calendar_sweep
async def test_periods_are_checked(api: Api, other_api: Api, clock: Clock) -> None:
    peer_id = await _pair(api, other_api)
    today = clock.now().date()
    cases: list[tuple[dict[str, Any], str]] = [
        ({"period": "custom"}, "start"),
        ({"period": "custom", "start": today.isoformat()}, "end"),
        (
            {
                "period": "custom",
                "start": today.isoformat(),
                "end": (today - timedelta(days=1)).isoformat(),
            },
            "end",
        ),
        (
            {
                "period": "custom",
                "start": today.isoformat(),
                "end": (today + timedelta(days=1)).isoformat(),
            },
            "end",
        ),
        (
            {
                "period": "custom",
                "start": (today - timedelta(days=40)).isoformat(),
                "end": today.isoformat(),
            },
            "end",
        ),
        ({"period": "shift"}, "period"),
        ({"period": "fortnight"}, "period"),
    ]
    for overrides, field in cases:
        answer = await api.post("/api/sharing/preview", json=draft(peer_id, **overrides))
        assert answer.status_code == 400, overrides
        assert field_names(answer) == [field], (overrides, answer.text)
    await api.post("/api/reminders/shift/start")
    shift = await api.post("/api/sharing/preview", json=draft(peer_id, period="shift"))
    assert shift.json()["content"]["period_label"] == "This shift"
    week = (today - timedelta(days=6)).isoformat()
    custom = await api.post(
        "/api/sharing/preview",
        json=draft(peer_id, period="custom", start=week, end=today.isoformat()),
    )
    assert custom.status_code == 200 and "\u2013" in custom.json()["content"]["period_label"]


async def test_what_was_sent_never_changes(api: Api, other_api: Api, clock: Clock) -> None:
    peer_id = await _pair(api, other_api)
    ids = await _a_week(api)
    summary_id = await share(api, peer_id)
    before = (await other_api.get(f"/api/sharing/inbox/{summary_id}")).json()["content"]
    changed = checkin_body(mood=1, stress=5, recorded_at=clock.now().isoformat())
    await api.put(f"/api/checkins/{ids['checkin5']}", json=changed)
    await api.delete(f"/api/checkins/{ids['checkin4']}")
    after = (await other_api.get(f"/api/sharing/inbox/{summary_id}")).json()["content"]
    assert after == before
    fresh = (await api.post("/api/sharing/preview", json=draft(peer_id))).json()["content"]
    assert fresh["scores"] != before["scores"]


async def test_a_stale_preview_is_not_sent(api: Api, other_api: Api) -> None:
    peer_id = await _pair(api, other_api)
    await _a_week(api)
    preview = (await api.post("/api/sharing/preview", json=draft(peer_id))).json()
    await api.put(f"/api/checkins/{new_id()}", json=checkin_body(mood=1))
    body = {**draft(peer_id), "preview": preview["fingerprint"]}
    answer = await api.put(f"/api/sharing/sent/{new_id()}", json=body)
    assert answer.status_code == 409 and field_names(answer) == ["preview"]
    assert (await other_api.get("/api/sharing/inbox")).json() == []


async def test_sending_twice_shares_once(api: Api, other_api: Api) -> None:
    peer_id = await _pair(api, other_api)
    summary_id = new_id()
    for _ in range(2):
        answer = await api.put(f"/api/sharing/sent/{summary_id}", json=draft(peer_id))
        assert answer.status_code == 200
    assert len((await other_api.get("/api/sharing/inbox")).json()) == 1
    assert await Reminder.count().where(Reminder.kind == "peer_shared") == 1


async def test_seen_and_replies_close_the_loop(api: Api, other_api: Api) -> None:
    peer_id = await _pair(api, other_api)
    summary_id = await share(api, peer_id)
    assert (await api.get(f"/api/sharing/sent/{summary_id}")).json()["seen_at"] is None
    inbox = (await other_api.get("/api/sharing/inbox")).json()
    assert [(s["id"], s["seen"]) for s in inbox] == [(summary_id, False)]
    assert (await other_api.post(f"/api/sharing/inbox/{summary_id}/seen")).status_code == 200
    assert (await api.get(f"/api/sharing/sent/{summary_id}")).json()["seen_at"] is not None

    reply_id = new_id()
    path = f"/api/sharing/inbox/{summary_id}/replies/{reply_id}"
    for _ in range(2):  # a retry is the same reply
        answer = await other_api.put(path, json={"preset": "call", "text": "  Free  at 8  "})
        assert answer.status_code == 200
    assert answer.json()["words"] == "That sounds hard. Call after shift? Free at 8"
    replies = (await api.get(f"/api/sharing/sent/{summary_id}")).json()["replies"]
    assert [(r["words"], r["from_me"]) for r in replies] == [
        ("That sounds hard. Call after shift? Free at 8", False)
    ]
    # The sharer cannot reply to their own summary through the peer's inbox.
    assert (
        await api.put(path.replace(reply_id, new_id()), json={"preset": "proud"})
    ).status_code == 404


async def test_replies_are_bounded(api: Api, other_api: Api) -> None:
    peer_id = await _pair(api, other_api)
    summary_id = await share(api, peer_id)
    base = f"/api/sharing/inbox/{summary_id}/replies"
    long = await other_api.put(f"{base}/{new_id()}", json={"text": "x" * 281})
    assert long.status_code == 400 and field_names(long) == ["text"]
    blank = await other_api.put(f"{base}/{new_id()}", json={"text": "   "})
    assert blank.status_code == 400 and field_names(blank) == ["text"]
    odd = await other_api.put(f"{base}/{new_id()}", json={"preset": "you-got-this"})
    assert odd.status_code == 400 and field_names(odd) == ["preset"]
    for _ in range(10):
        assert (
            await other_api.put(f"{base}/{new_id()}", json={"preset": "thinking"})
        ).status_code == 200
    eleventh = await other_api.put(f"{base}/{new_id()}", json={"preset": "thinking"})
    assert eleventh.status_code == 400
    assert len((await api.get(f"/api/sharing/sent/{summary_id}")).json()["replies"]) == 10


async def test_withdrawing_is_immediate_and_empties_the_summary(api: Api, other_api: Api) -> None:
    peer_id = await _pair(api, other_api)
    summary_id = await share(api, peer_id)
    kept = await share(api, peer_id, note="Another one")
    assert await Reminder.count().where(Reminder.about == summary_id) == 1
    assert (await api.delete(f"/api/sharing/sent/{summary_id}")).status_code == 204
    gone = await other_api.get(f"/api/sharing/inbox/{summary_id}")
    assert gone.status_code == 404 and NOTE not in gone.text
    assert [s["id"] for s in (await other_api.get("/api/sharing/inbox")).json()] == [kept]
    assert [s["id"] for s in (await api.get("/api/sharing/sent")).json()] == [kept]
    assert await Reminder.count().where(Reminder.about == summary_id) == 0  # no push after
    # Sending the same id again does not bring it back.
    again = await api.put(f"/api/sharing/sent/{summary_id}", json=draft(peer_id))
    assert again.status_code == 404


@pytest.mark.calendar_sweep
async def test_each_side_is_told_with_nothing_private_on_the_lock_screen(
    api: Api, other_api: Api, push_service: LocalPushService, dispatcher: Dispatcher, clock: Clock
) -> None:
    peer_id = await _pair(api, other_api)
    for person in (api, other_api):
        await person.patch("/api/account", json={"time_zone": "UTC"})
        await person.put(
            "/api/reminders/prefs", json={"quiet_start": "00:00", "quiet_end": "00:00"}
        )
        await person.put("/api/reminders/subscriptions", json=push_service.subscribe())
    summary_id = await share(api, peer_id)
    await dispatch_at(dispatcher, clock, clock.now() + timedelta(seconds=1))
    reply_id = new_id()
    await other_api.put(
        f"/api/sharing/inbox/{summary_id}/replies/{reply_id}", json={"preset": "thinking"}
    )
    await dispatch_at(dispatcher, clock, clock.now() + timedelta(seconds=1))
    payloads = [r.payload for r in push_service.received]
    assert [(p["kind"], p["title"], p["url"]) for p in payloads] == [
        ("peer_shared", "sam shared a check-in with you", f"/share/inbox/{summary_id}"),
        ("peer_reply", "alex replied", f"/share/sent/{summary_id}"),
    ]
    for payload in payloads:
        assert NOTE not in str(payload) and "Thinking of you" not in str(payload)
        assert payload["actions"] == []


@pytest.mark.calendar_sweep
async def test_the_weekly_nudge_is_a_reminder_not_a_share(api: Api, other_api: Api) -> None:
    peer_id = await _pair(api, other_api)
    assert peer_id
    half = await api.put("/api/sharing/nudge", json={"weekday": 5})
    assert half.status_code == 400 and field_names(half) == ["clock"]
    saved = await api.put("/api/sharing/nudge", json={"weekday": 5, "clock": "18:30"})
    assert saved.json() == {"weekday": 5, "clock": "18:30"}
    nudges = await Reminder.select().where(Reminder.kind == "share_nudge")
    assert len(nudges) == 1 and nudges[0]["due_at"].astimezone(UTC).isoweekday() == 5
    assert (await api.get("/api/sharing/nudge")).json() == {"weekday": 5, "clock": "18:30"}
    assert (await other_api.get("/api/sharing/inbox")).json() == []
    await api.put("/api/sharing/nudge", json={})
    assert await Reminder.count().where(Reminder.kind == "share_nudge") == 0


async def test_unread_summaries_and_replies_are_counted_until_read(
    api: Api, other_api: Api, peer_id: str
) -> None:
    summary_id = await share(api, peer_id)
    assert (await other_api.get("/api/sharing/unread")).json() == {"summaries": 1, "replies": 0}
    await other_api.post(f"/api/sharing/inbox/{summary_id}/seen")
    assert (await other_api.get("/api/sharing/unread")).json() == {"summaries": 0, "replies": 0}
    await other_api.put(
        f"/api/sharing/inbox/{summary_id}/replies/{new_id()}", json={"text": "Call you at 8?"}
    )
    assert (await api.get("/api/sharing/unread")).json() == {"summaries": 0, "replies": 1}
    sent = (await api.get(f"/api/sharing/sent/{summary_id}")).json()
    assert [reply["new"] for reply in sent["replies"]] == [True]
    assert (await api.post(f"/api/sharing/sent/{summary_id}/replies/read")).status_code == 200
    assert (await api.get("/api/sharing/unread")).json() == {"summaries": 0, "replies": 0}
    # Only the sharer can mark replies read; the peer's own reply never counts for them.
    refused = await other_api.post(f"/api/sharing/sent/{summary_id}/replies/read")
    assert refused.status_code == 404
    assert (await other_api.get("/api/sharing/unread")).json()["replies"] == 0
