"""Subscriptions, preferences and snoozes over HTTP: owner-scoped, bounded, clear."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from steady.reminders import service
from steady.reminders.tables import PushSubscription, Reminder, ReminderPrefs
from steady.shifts.tables import Shift
from tests.clock import Clock
from tests.helpers import Api, field_names, new_id
from tests.reminders.helpers import NO_QUIET, commitment_with_reminder, person_with_phone
from tests.reminders.push_service import LocalPushService

ANDROID_CHROME = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Mobile Safari/537.36"
)


async def test_the_push_key_is_public_and_stable(api: Api) -> None:
    first = (await api.get("/api/reminders/push-key")).json()["public_key"]
    assert len(first) == 87  # an uncompressed P-256 point, base64url
    assert (await api.get("/api/reminders/push-key")).json()["public_key"] == first


async def test_devices_are_named_listed_renewed_and_removed_by_their_owner_only(
    api: Api, other_api: Api, push_service: LocalPushService
) -> None:
    phone = await person_with_phone(api, push_service)
    await other_api.sign_up("alex")
    listed = (await api.get("/api/reminders/subscriptions")).json()
    assert len(listed) == 1
    # The browser renewed its subscription (pushsubscriptionchange): the old one goes.
    renewed = push_service.subscribe()
    answer = await api.put(
        "/api/reminders/subscriptions",
        json={**renewed, "replaces": phone["endpoint"]},
        headers={"user-agent": ANDROID_CHROME},
    )
    assert answer.json()["label"] == "Chrome on Android"
    listed = (await api.get("/api/reminders/subscriptions")).json()
    assert [s["endpoint"] for s in listed] == [renewed["endpoint"]]
    assert (await other_api.get("/api/reminders/subscriptions")).json() == []
    device = listed[0]["id"]
    assert (await other_api.delete(f"/api/reminders/subscriptions/{device}")).status_code == 404
    assert await PushSubscription.count() == 1
    assert (await api.delete(f"/api/reminders/subscriptions/{device}")).status_code == 204
    assert await PushSubscription.count() == 0


async def test_signed_out_people_cannot_subscribe(api: Api, push_service: LocalPushService) -> None:
    answer = await api.put("/api/reminders/subscriptions", json=push_service.subscribe())
    assert answer.status_code == 401
    assert await PushSubscription.count() == 0


BAD_SUBSCRIPTIONS: list[tuple[str, dict[str, Any], str]] = [
    ("no endpoint", {"keys": {"p256dh": "abc", "auth": "def"}}, "endpoint"),
    (
        "not a URL",
        {"endpoint": "javascript:alert(1)", "keys": {"p256dh": "a", "auth": "b"}},
        "endpoint",
    ),
    ("no keys", {"endpoint": "https://push.example/x"}, "keys"),
    (
        "bad key",
        {"endpoint": "https://push.example/x", "keys": {"p256dh": "a b", "auth": "b"}},
        "keys.p256dh",
    ),
    (
        "unknown field",
        {"endpoint": "https://push.example/x", "keys": {"p256dh": "a", "auth": "b"}, "x": 1},
        "x",
    ),
]


@pytest.mark.parametrize(
    ("case", "body", "field"), BAD_SUBSCRIPTIONS, ids=[c[0] for c in BAD_SUBSCRIPTIONS]
)
async def test_bad_subscriptions_name_the_field(
    api: Api, case: str, body: dict[str, Any], field: str
) -> None:
    await api.sign_up()
    answer = await api.put("/api/reminders/subscriptions", json=body)
    assert answer.status_code == 400, case
    assert field in field_names(answer)
    assert await PushSubscription.count() == 0


BAD_PREFS: list[tuple[str, dict[str, Any], str]] = [
    ("quiet start not a time", {"quiet_start": "25:00"}, "quiet_start"),
    ("cap of zero", {"daily_cap": 0}, "daily_cap"),
    ("cap too high", {"daily_cap": 99}, "daily_cap"),
    ("check-in time", {"checkin_time": "7am"}, "checkin_time"),
    ("decompress too long", {"decompress_minutes": 600}, "decompress_minutes"),
    (
        "weekly without days",
        {"schedule": {"kind": "weekly", "start": "07:00", "hours": 12}},
        "schedule.weekdays",
    ),
    (
        "rotation without anchor",
        {
            "schedule": {
                "kind": "rotation",
                "start": "19:00",
                "hours": 12,
                "on_days": 3,
                "off_days": 4,
            }
        },
        "schedule.anchor",
    ),
    (
        "shift too long",
        {"schedule": {"kind": "weekly", "start": "07:00", "hours": 30, "weekdays": [1]}},
        "schedule.hours",
    ),
]


@pytest.mark.parametrize(("case", "body", "field"), BAD_PREFS, ids=[c[0] for c in BAD_PREFS])
async def test_bad_preferences_name_the_field_and_change_nothing(
    api: Api, case: str, body: dict[str, Any], field: str
) -> None:
    await api.sign_up()
    answer = await api.put("/api/reminders/prefs", json=body)
    assert answer.status_code == 400, case
    assert field in field_names(answer), answer.text
    assert await ReminderPrefs.count() == 0
    assert (await api.get("/api/reminders/prefs")).json()["quiet_start"] == "22:00"


@pytest.mark.calendar_sweep
async def test_preferences_move_reminders_and_are_owner_scoped(
    api: Api, other_api: Api, push_service: LocalPushService, clock: Clock
) -> None:
    await person_with_phone(api, push_service)
    await other_api.sign_up("alex")
    saved = await api.put(
        "/api/reminders/prefs",
        json={**NO_QUIET, "checkin_time": "20:30", "daily_cap": 3, "followups": True},
    )
    assert saved.json()["checkin_time"] == "20:30"
    (prompt,) = await Reminder.select().where(Reminder.kind == "checkin")
    assert prompt["due_at"].astimezone(clock.home).strftime("%H:%M") == "20:30"
    assert (await other_api.get("/api/reminders/prefs")).json()["checkin_time"] is None
    # Quiet from 20:00 drops the 20:30 prompt on every day: it is removed, not sent at 07:00.
    await api.put("/api/reminders/prefs", json={"quiet_start": "20:00", "checkin_time": "20:30"})
    assert await Reminder.count().where(Reminder.kind == "checkin") == 0


@pytest.mark.calendar_sweep
async def test_a_deleted_or_archived_commitment_is_never_reminded(
    api: Api, push_service: LocalPushService
) -> None:
    await person_with_phone(api, push_service)
    kept = await commitment_with_reminder(api)
    archived = await commitment_with_reminder(api)
    deleted = await commitment_with_reminder(api)
    body = (await api.get(f"/api/commitments/{archived}")).json()
    fields = ("title", "why", "cadence", "weekdays", "on_date", "reminder_time", "starts_on")
    await api.put(
        f"/api/commitments/{archived}", json={**{k: body[k] for k in fields}, "active": False}
    )
    await api.delete(f"/api/commitments/{deleted}")
    rows = await Reminder.select(Reminder.about)
    assert [str(row["about"]) for row in rows] == [kept]


@pytest.mark.calendar_sweep
async def test_snooze_asks_again_in_an_hour_or_after_the_shift(
    api: Api, push_service: LocalPushService, clock: Clock
) -> None:
    await person_with_phone(api, push_service, checkin_time="20:00")
    commitment_id = await commitment_with_reminder(api)
    before = clock.now()
    answer = await api.post(
        "/api/reminders/snooze", json={"kind": "commitment", "ref": commitment_id}
    )
    due = datetime.fromisoformat(answer.json()["due_at"])
    assert timedelta(minutes=59) < due - before < timedelta(minutes=61)
    await api.post("/api/shifts/start")
    state = (await api.get("/api/shifts/current")).json()
    assert state["current"]["ended_at"] is None
    answer = await api.post(
        "/api/reminders/snooze", json={"kind": "checkin", "until": "after_shift"}
    )
    assert datetime.fromisoformat(answer.json()["due_at"]) > before + timedelta(hours=15)
    bad = await api.post("/api/reminders/snooze", json={"kind": "everything"})
    assert bad.status_code == 400 and "kind" in field_names(bad)


@pytest.mark.calendar_sweep
async def test_ending_a_shift_happens_whole_or_not_at_all(
    api: Api, push_service: LocalPushService, monkeypatch: pytest.MonkeyPatch
) -> None:
    await person_with_phone(api, push_service, decompress_minutes=5)
    await api.post("/api/shifts/start")

    def fail(*_: object) -> None:
        raise RuntimeError("the second step failed")

    monkeypatch.setattr(service, "replan_account", fail)
    failed = await api.post("/api/shifts/end")
    assert failed.status_code == 500
    assert await Shift.count().where(Shift.ended_at.is_null()) == 1
    assert await Reminder.count().where(Reminder.kind == "decompress") == 0
    monkeypatch.undo()
    assert (await api.post("/api/shifts/end")).status_code == 200
    assert await Shift.count().where(Shift.ended_at.is_null()) == 0
    assert await Reminder.count().where(Reminder.kind == "decompress") == 1


async def test_snoozing_is_for_ones_own_reminders_and_never_piles_up(
    api: Api, other_api: Api, push_service: LocalPushService
) -> None:
    await person_with_phone(api, push_service)
    commitment_id = await commitment_with_reminder(api)
    await other_api.sign_up("alex")
    theirs = await other_api.post(
        "/api/reminders/snooze", json={"kind": "commitment", "ref": commitment_id}
    )
    assert theirs.status_code == 404
    made_up = await api.post("/api/reminders/snooze", json={"kind": "commitment", "ref": new_id()})
    assert made_up.status_code == 404
    for _ in range(20):
        again = await api.post(
            "/api/reminders/snooze", json={"kind": "commitment", "ref": commitment_id}
        )
        assert again.status_code == 200
    assert await Reminder.count().where(Reminder.cadence == "snooze") == 1


async def test_a_person_keeps_ten_devices_at_most_the_newest(
    api: Api, push_service: LocalPushService
) -> None:
    await person_with_phone(api, push_service)
    phones = [push_service.subscribe() for _ in range(14)]
    for phone in phones:
        assert (await api.put("/api/reminders/subscriptions", json=phone)).status_code == 200
    kept = {row["endpoint"] for row in (await api.get("/api/reminders/subscriptions")).json()}
    assert kept == {phone["endpoint"] for phone in phones[-10:]}
