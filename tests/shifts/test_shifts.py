"""Shifts recorded from the phone under its own id, with its own times: replays change
nothing, an ended shift is never reopened, starting one closes any left running; Start
and End by the server's clock; and the paths phones used before shifts had their own."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from steady.shifts.tables import Shift
from tests.clock import Clock, current
from tests.helpers import Api, field_names, new_id

# Scheduling: run from every start of the calendar sweep (tests/clock.py).
pytestmark = pytest.mark.calendar_sweep


def _at(minutes_ago: float) -> str:
    return (current().now() - timedelta(minutes=minutes_ago)).isoformat()


async def _current(api: Api) -> dict[str, object] | None:
    answer = await api.get("/api/shifts/current")
    assert answer.status_code == 200, answer.text
    current_shift: dict[str, object] | None = answer.json()["current"]
    return current_shift


async def test_a_shift_tapped_offline_is_stored_once_with_the_phones_times(api: Api) -> None:
    await api.sign_up("sam")
    shift_id = new_id()
    started = _at(600)
    for _ in range(3):  # the outbox may send it more than once
        answer = await api.put(f"/api/shifts/{shift_id}", json={"started_at": started})
        assert answer.status_code == 200, answer.text
    assert (await _current(api) or {})["id"] == shift_id
    ended = _at(5)
    body = {"started_at": started, "ended_at": ended}
    for _ in range(2):
        assert (await api.put(f"/api/shifts/{shift_id}", json=body)).status_code == 200
    rows = await Shift.select().where(Shift.uid == shift_id)
    assert len(rows) == 1
    assert rows[0]["started_at"] == datetime.fromisoformat(started)
    assert rows[0]["ended_at"] == datetime.fromisoformat(ended)
    assert await _current(api) is None
    history = (await api.get("/api/shifts")).json()
    assert [shift["id"] for shift in history] == [shift_id]


async def test_a_late_start_never_reopens_an_ended_shift(api: Api) -> None:
    await api.sign_up("sam")
    shift_id = new_id()
    ended = {"started_at": _at(120), "ended_at": _at(10)}
    await api.put(f"/api/shifts/{shift_id}", json=ended)
    replayed = await api.put(f"/api/shifts/{shift_id}", json={"started_at": _at(120)})
    assert replayed.status_code == 200
    assert replayed.json()["ended_at"] is not None
    assert await _current(api) is None


async def test_starting_a_shift_closes_one_left_running(api: Api) -> None:
    await api.sign_up("sam")
    first, second = new_id(), new_id()
    await api.put(f"/api/shifts/{first}", json={"started_at": _at(300)})
    await api.put(f"/api/shifts/{second}", json={"started_at": _at(10)})
    assert (await _current(api) or {})["id"] == second
    assert await Shift.count().where(Shift.ended_at.is_null()) == 1


def _close_to(text: str, moment: datetime) -> bool:
    return abs(datetime.fromisoformat(text) - moment) < timedelta(seconds=5)


async def test_start_and_end_go_by_the_servers_clock(api: Api, clock: Clock) -> None:
    await api.sign_up("sam")
    started = (await api.post("/api/shifts/start")).json()["current"]
    assert _close_to(started["started_at"], clock.now())
    clock.advance(timedelta(hours=8))
    assert (await api.post("/api/shifts/end")).json() == {"current": None}
    (shift,) = (await api.get("/api/shifts")).json()
    assert shift["id"] == started["id"]
    assert _close_to(shift["ended_at"], clock.now())


async def test_a_shift_forgotten_running_lapses_after_sixteen_hours(api: Api, clock: Clock) -> None:
    await api.sign_up("sam")
    await api.post("/api/shifts/start")
    clock.advance(timedelta(hours=16, minutes=1))
    assert await _current(api) is None
    assert (await api.post("/api/shifts/end")).json() == {"current": None}


async def test_impossible_shifts_are_refused_naming_the_field(api: Api) -> None:
    await api.sign_up("sam")
    cases = [
        ({"started_at": _at(-60)}, "started_at", "can't start in the future"),
        ({"started_at": _at(60), "ended_at": _at(90)}, "ended_at", "end after it starts"),
        ({"started_at": _at(60), "ended_at": _at(-60)}, "ended_at", "can't end in the future"),
        ({"started_at": _at(1600), "ended_at": _at(10)}, "ended_at", "at most 24 hours"),
    ]
    for body, field, words in cases:
        answer = await api.put(f"/api/shifts/{new_id()}", json=body)
        assert answer.status_code == 400, answer.text
        assert field_names(answer) == [field]
        assert words in answer.json()["errors"][0]["message"]
    assert await Shift.count() == 0


async def test_someone_elses_shift_id_is_not_found(api: Api, other_api: Api) -> None:
    await api.sign_up("sam")
    await other_api.sign_up("alex")
    shift_id = new_id()
    await api.put(f"/api/shifts/{shift_id}", json={"started_at": _at(30)})
    theirs = await other_api.put(
        f"/api/shifts/{shift_id}", json={"started_at": _at(30), "ended_at": _at(1)}
    )
    assert theirs.status_code == 404
    assert (await _current(api) or {})["id"] == shift_id


async def test_the_paths_under_reminders_still_work_for_queued_taps(api: Api) -> None:
    """A phone may hold a tap in its outbox from before shifts had their own paths."""
    await api.sign_up("sam")
    shift_id = new_id()
    body = {"started_at": _at(120)}
    assert (await api.put(f"/api/reminders/shifts/{shift_id}", json=body)).status_code == 200
    assert (await api.get("/api/reminders/shift")).json()["current"]["id"] == shift_id
    assert (await api.post("/api/reminders/shift/end")).json() == {"current": None}
    started = (await api.post("/api/reminders/shift/start")).json()["current"]
    history = (await api.get("/api/reminders/shifts")).json()
    assert [shift["id"] for shift in history] == [started["id"], shift_id]
    assert history == (await api.get("/api/shifts")).json()
