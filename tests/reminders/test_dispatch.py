"""Pushes arrive once, on time, privately, and the dispatcher copes with push services."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest

from steady.reminders.dispatcher import Dispatcher
from steady.reminders.tables import PushSubscription, Reminder, SentPush
from tests.clock import Clock
from tests.helpers import Api, checkin_body, new_id
from tests.reminders.helpers import (
    commitment_with_reminder,
    days_later,
    dispatch_at,
    due_times,
    person_with_phone,
)
from tests.reminders.push_service import LocalPushService

MINUTE = timedelta(minutes=1)

# Scheduling: run from every start of the calendar sweep (tests/clock.py).
pytestmark = pytest.mark.calendar_sweep


async def test_a_commitment_reminder_arrives_once_and_keeps_its_title_off_the_lock_screen(
    api: Api, push_service: LocalPushService, dispatcher: Dispatcher, clock: Clock
) -> None:
    phone = await person_with_phone(api, push_service)
    commitment_id = await commitment_with_reminder(api, title="Text Priya after the night")
    (due,) = await due_times()
    assert due.astimezone(clock.home).hour == 12 and due > clock.now()

    assert (await dispatcher.dispatch_once()).claimed == 0  # not yet due
    report = await dispatch_at(dispatcher, clock, due + MINUTE)
    assert (report.claimed, report.sent) == (1, 1)
    assert (await dispatch_at(dispatcher, clock, due + 2 * MINUTE)).claimed == 0

    (payload,) = push_service.payloads_for(phone["endpoint"])
    assert payload["title"] == "A small thing you planned"
    assert "Priya" not in str(payload)
    assert payload["ref"] == commitment_id
    assert payload["actions"] == ["done", "snooze"]
    assert payload["url"] == "/today"
    assert payload["local_date"] == due.astimezone(clock.home).date().isoformat()
    (received,) = push_service.received
    assert received.claims["sub"] == "mailto:care-team@steady.example"
    assert (received.ttl, received.urgency) == (4 * 3600, "normal")
    assert await due_times() == [days_later(due, 1, clock)]


async def test_details_show_only_when_the_person_asks(
    api: Api, push_service: LocalPushService, dispatcher: Dispatcher, clock: Clock
) -> None:
    phone = await person_with_phone(api, push_service, show_details=True)
    await commitment_with_reminder(api, title="Drink water before handover")
    (due,) = await due_times()
    await dispatch_at(dispatcher, clock, due + MINUTE)
    assert push_service.payloads_for(phone["endpoint"])[0]["title"] == "Drink water before handover"


async def test_gone_subscriptions_are_pruned_and_other_devices_still_get_it(
    api: Api, push_service: LocalPushService, dispatcher: Dispatcher, clock: Clock
) -> None:
    phone = await person_with_phone(api, push_service)
    old_tablet = push_service.subscribe()
    await api.put("/api/reminders/subscriptions", json=old_tablet)
    another = push_service.subscribe()
    await api.put("/api/reminders/subscriptions", json=another)
    push_service.answer_next(old_tablet["endpoint"], 410)
    push_service.answer_next(another["endpoint"], 404)
    await commitment_with_reminder(api)
    (due,) = await due_times()
    report = await dispatch_at(dispatcher, clock, due + MINUTE)
    assert (report.sent, report.pruned) == (1, 2)
    assert len(push_service.payloads_for(phone["endpoint"])) == 1
    rows = await PushSubscription.select(PushSubscription.endpoint)
    assert [row["endpoint"] for row in rows] == [phone["endpoint"]]


async def test_busy_or_failing_push_services_are_retried_then_given_up_on(
    api: Api, push_service: LocalPushService, dispatcher: Dispatcher, clock: Clock
) -> None:
    phone = await person_with_phone(api, push_service)
    push_service.answer_next(phone["endpoint"], 429, 500, retry_after="0")
    await commitment_with_reminder(api)
    (due,) = await due_times()
    report = await dispatch_at(dispatcher, clock, due + MINUTE)
    assert report.sent == 1
    assert push_service.requests == 3
    assert len(push_service.payloads_for(phone["endpoint"])) == 1

    push_service.answer_next(phone["endpoint"], 500, 503, 500, 502)
    report = await dispatch_at(dispatcher, clock, days_later(due, 1, clock) + MINUTE)
    assert (report.sent, report.failed) == (0, 1)
    assert push_service.requests == 7  # four tries, then it gives up (and logs)
    assert await due_times() == [days_later(due, 2, clock)]  # it moves on, never bursts later


async def test_after_downtime_a_recent_miss_is_sent_once_and_an_old_one_skipped(
    api: Api, push_service: LocalPushService, dispatcher: Dispatcher, clock: Clock
) -> None:
    phone = await person_with_phone(api, push_service)
    await commitment_with_reminder(api)
    (due,) = await due_times()
    assert (await dispatch_at(dispatcher, clock, due + timedelta(minutes=20))).sent == 1
    # Down for a whole day and then some: yesterday's and today's are long past.
    report = await dispatch_at(dispatcher, clock, days_later(due, 2, clock) + timedelta(hours=2))
    assert (report.claimed, report.sent, report.skipped) == (1, 0, 1)
    assert await due_times() == [days_later(due, 3, clock)]
    assert len(push_service.payloads_for(phone["endpoint"])) == 1


async def test_the_daily_cap_holds_however_many_reminders_fall_due(
    api: Api, push_service: LocalPushService, dispatcher: Dispatcher, clock: Clock
) -> None:
    phone = await person_with_phone(api, push_service, daily_cap=2)
    for _ in range(3):
        await commitment_with_reminder(api)
    due = (await due_times())[0]
    report = await dispatch_at(dispatcher, clock, due + MINUTE)
    assert (report.sent, report.skipped) == (2, 1)
    assert len(push_service.payloads_for(phone["endpoint"])) == 2
    assert await SentPush.count() == 2


async def test_a_tapped_shift_holds_reminders_until_it_ends_then_offers_to_land(
    api: Api, push_service: LocalPushService, dispatcher: Dispatcher, clock: Clock
) -> None:
    phone = await person_with_phone(api, push_service, decompress_minutes=0)
    await commitment_with_reminder(api)
    assert (await api.post("/api/shifts/start")).json()["current"] is not None
    now = clock.now()
    await Reminder.update({Reminder.due_at: now - MINUTE}).where(Reminder.kind == "commitment")
    report = await dispatcher.dispatch_once()
    assert (report.sent, report.held) == (0, 1)
    assert push_service.received == []

    assert (await api.post("/api/shifts/end")).json()["current"] is None
    report = await dispatch_at(dispatcher, clock, clock.now() + MINUTE)
    assert report.sent == 2
    kinds = sorted(p["kind"] for p in push_service.payloads_for(phone["endpoint"]))
    assert kinds == ["commitment", "decompress"]
    landing = next(
        p for p in push_service.payloads_for(phone["endpoint"]) if p["kind"] == "decompress"
    )
    assert (landing["title"], landing["url"]) == (
        "Shift over — two minutes to land?",
        "/leaving-shift",
    )


async def test_an_after_shift_commitment_comes_once_when_a_tapped_end_meets_the_schedule(
    api: Api, push_service: LocalPushService, dispatcher: Dispatcher, clock: Clock
) -> None:
    now = clock.now().replace(second=0, microsecond=0)
    started = (now - timedelta(hours=11)).astimezone(clock.home).strftime("%H:%M")
    schedule = {"kind": "weekly", "start": started, "hours": 12, "weekdays": [1, 2, 3, 4, 5, 6, 7]}
    phone = await person_with_phone(api, push_service, schedule=schedule, after_shift_minutes=0)
    await commitment_with_reminder(api, cadence="after_shift", title="Text a colleague")
    await api.post("/api/shifts/start")
    await api.post("/api/shifts/end")  # an hour before the scheduled end
    assert (await dispatch_at(dispatcher, clock, clock.now() + MINUTE)).sent == 1
    scheduled_end = now + timedelta(hours=1)
    report = await dispatch_at(dispatcher, clock, scheduled_end + MINUTE)
    assert (report.claimed, report.sent) == (1, 0)
    assert len(push_service.payloads_for(phone["endpoint"])) == 1
    # The next day's shift gets its own push.
    assert (
        await dispatch_at(dispatcher, clock, days_later(scheduled_end, 1, clock) + MINUTE)
    ).sent == 1


async def test_a_hard_day_gets_gentle_follow_ups_when_opted_in(
    api: Api, push_service: LocalPushService, dispatcher: Dispatcher, clock: Clock
) -> None:
    phone = await person_with_phone(api, push_service, followups=True)
    recorded = clock.now()
    body = checkin_body(tags=["patient death"], recorded_at=recorded.isoformat())
    assert (await api.put(f"/api/checkins/{new_id()}", json=body)).status_code == 201
    assert await due_times() == [recorded + timedelta(hours=24), recorded + timedelta(hours=72)]
    await dispatch_at(dispatcher, clock, recorded + timedelta(hours=24, minutes=1))
    (payload,) = push_service.payloads_for(phone["endpoint"])
    assert payload["title"] == "Checking in on you"
    assert "death" not in str(payload) and "hard" not in payload["body"]
    assert payload["url"] == "/checkin"


async def test_the_vapid_token_is_signed_once_per_push_service_not_per_message(
    api: Api, push_service: LocalPushService, dispatcher: Dispatcher, clock: Clock
) -> None:
    await person_with_phone(api, push_service, daily_cap=20)
    for _ in range(5):
        await commitment_with_reminder(api)
    due = (await due_times())[0]
    assert (await dispatch_at(dispatcher, clock, due + MINUTE)).sent == 5
    assert dispatcher.vapid.signed == 1
    assert len({r.claims["exp"] for r in push_service.received}) == 1
    assert push_service.refused == []


async def test_moving_time_zone_moves_the_reminder_to_the_new_local_time(
    api: Api, push_service: LocalPushService, dispatcher: Dispatcher, clock: Clock
) -> None:
    phone = await person_with_phone(api, push_service)
    await commitment_with_reminder(api)
    (due,) = await due_times()  # 12:00 at home
    await api.patch("/api/account", json={"time_zone": "Asia/Tokyo"})
    report = await dispatch_at(dispatcher, clock, due + MINUTE)
    assert (report.claimed, report.sent) == (1, 0)  # 12:00 at home is not noon in Tokyo
    (tokyo_noon,) = await due_times()
    assert tokyo_noon.astimezone(UTC).hour == 3  # 12:00 JST
    assert (await dispatch_at(dispatcher, clock, tokyo_noon + MINUTE)).sent == 1
    assert push_service.payloads_for(phone["endpoint"])[0]["local_date"] == (
        tokyo_noon.date().isoformat()
    )
