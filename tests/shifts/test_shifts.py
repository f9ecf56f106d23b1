"""Shifts recorded from the phone under its own id, with its own times: replays change
nothing, an ended shift is never reopened, and ending one plans what follows."""

from __future__ import annotations

from datetime import datetime, timedelta

from steady.reminders.tables import Reminder, Shift
from tests.clock import current
from tests.helpers import Api, field_names, new_id
from tests.reminders.helpers import person_with_phone
from tests.reminders.push_service import LocalPushService


def _at(minutes_ago: float) -> str:
    return (current().now() - timedelta(minutes=minutes_ago)).isoformat()


async def test_a_shift_tapped_offline_is_stored_once_with_the_phones_times(
    api: Api, push_service: LocalPushService
) -> None:
    await person_with_phone(api, push_service, decompress_minutes=15)
    shift_id = new_id()
    started = _at(600)
    for _ in range(3):  # the outbox may send it more than once
        answer = await api.put(f"/api/reminders/shifts/{shift_id}", json={"started_at": started})
        assert answer.status_code == 200, answer.text
    assert (await api.get("/api/reminders/shift")).json()["current"]["id"] == shift_id
    ended = _at(5)
    body = {"started_at": started, "ended_at": ended}
    for _ in range(2):
        assert (await api.put(f"/api/reminders/shifts/{shift_id}", json=body)).status_code == 200
    rows = await Shift.select().where(Shift.uid == shift_id)
    assert len(rows) == 1
    assert rows[0]["started_at"] == datetime.fromisoformat(started)
    assert rows[0]["ended_at"] == datetime.fromisoformat(ended)
    assert (await api.get("/api/reminders/shift")).json()["current"] is None
    # "Two minutes to land?" 15 minutes after the phone's end time, planned once.
    (decompress,) = await Reminder.select().where(Reminder.kind == "decompress")
    assert abs(decompress["due_at"] - (datetime.fromisoformat(ended) + timedelta(minutes=15))) < (
        timedelta(seconds=1)
    )
    history = (await api.get("/api/reminders/shifts")).json()
    assert [shift["id"] for shift in history] == [shift_id]


async def test_a_late_start_never_reopens_an_ended_shift(api: Api) -> None:
    await api.sign_up("sam")
    shift_id = new_id()
    ended = {"started_at": _at(120), "ended_at": _at(10)}
    await api.put(f"/api/reminders/shifts/{shift_id}", json=ended)
    replayed = await api.put(f"/api/reminders/shifts/{shift_id}", json={"started_at": _at(120)})
    assert replayed.status_code == 200
    assert replayed.json()["ended_at"] is not None
    assert (await api.get("/api/reminders/shift")).json()["current"] is None


async def test_starting_a_shift_closes_one_left_running(api: Api) -> None:
    await api.sign_up("sam")
    first, second = new_id(), new_id()
    await api.put(f"/api/reminders/shifts/{first}", json={"started_at": _at(300)})
    await api.put(f"/api/reminders/shifts/{second}", json={"started_at": _at(10)})
    assert (await api.get("/api/reminders/shift")).json()["current"]["id"] == second
    assert await Shift.count().where(Shift.ended_at.is_null()) == 1


async def test_an_ended_shift_synced_hours_later_sends_nothing_late(
    api: Api, push_service: LocalPushService
) -> None:
    await person_with_phone(api, push_service, decompress_minutes=0)
    body = {"started_at": _at(900), "ended_at": _at(300)}
    assert (await api.put(f"/api/reminders/shifts/{new_id()}", json=body)).status_code == 200
    assert await Reminder.count().where(Reminder.kind == "decompress") == 0


async def test_impossible_shifts_are_refused_naming_the_field(api: Api) -> None:
    await api.sign_up("sam")
    cases = [
        ({"started_at": _at(-60)}, "started_at", "can't start in the future"),
        ({"started_at": _at(60), "ended_at": _at(90)}, "ended_at", "end after it starts"),
        ({"started_at": _at(60), "ended_at": _at(-60)}, "ended_at", "can't end in the future"),
        ({"started_at": _at(1600), "ended_at": _at(10)}, "ended_at", "at most 24 hours"),
    ]
    for body, field, words in cases:
        answer = await api.put(f"/api/reminders/shifts/{new_id()}", json=body)
        assert answer.status_code == 400, answer.text
        assert field_names(answer) == [field]
        assert words in answer.json()["errors"][0]["message"]
    assert await Shift.count() == 0


async def test_someone_elses_shift_id_is_not_found(api: Api, other_api: Api) -> None:
    await api.sign_up("sam")
    await other_api.sign_up("alex")
    shift_id = new_id()
    await api.put(f"/api/reminders/shifts/{shift_id}", json={"started_at": _at(30)})
    theirs = await other_api.put(
        f"/api/reminders/shifts/{shift_id}", json={"started_at": _at(30), "ended_at": _at(1)}
    )
    assert theirs.status_code == 404
    assert (await api.get("/api/reminders/shift")).json()["current"]["id"] == shift_id
