"""Other features tell reminders what happened through events, and reminders plans its
part in its listeners: a hard moment's follow-ups, "two minutes to land?" after a shift,
a peer's notice of a summary. Each is checked through the listener: with it, the reminder
is planned; without it, the other feature's write succeeds and nothing is planned."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from litestar import Litestar

from steady import events
from steady.app import FEATURES
from steady.checkins.events import CheckinSaved
from steady.events import Event
from steady.reminders.listeners import (
    LISTENERS,
    follow_up_after_a_hard_moment,
    land_after_the_shift,
    tell_the_peer_of_a_summary,
)
from steady.reminders.tables import Reminder
from steady.sharing.events import SummaryShared
from steady.shifts.events import ShiftEnded, ShiftStarted
from tests.clock import Clock
from tests.helpers import Api, checkin_body, new_id
from tests.reminders.helpers import person_with_phone
from tests.reminders.push_service import LocalPushService
from tests.sharing.helpers import connect, share

# Scheduling: run from every start of the calendar sweep (tests/clock.py).
pytestmark = pytest.mark.calendar_sweep


def _app_listeners() -> list[events.Listener[Any]]:
    return [found for feature in FEATURES for found in feature.listeners]


@pytest.fixture
def heard(running_app: Litestar) -> Iterator[list[Event]]:
    """Every event announced, beside the app's own listeners (put back afterwards)."""
    seen: list[Event] = []

    async def record(event: Event) -> None:
        seen.append(event)

    kinds = {listener.event for listener in LISTENERS}
    events.hear([*_app_listeners(), *(events.Listener(kind, record) for kind in kinds)])
    yield seen
    events.hear(_app_listeners())


def _without(listener: events.Listener[Any]) -> None:
    events.hear([found for found in _app_listeners() if found is not listener])


async def test_a_hard_moment_plans_follow_ups_through_the_listener(
    api: Api, push_service: LocalPushService, heard: list[Event]
) -> None:
    await person_with_phone(api, push_service, followups=True)
    checkin_id = new_id()
    body = checkin_body(tags=["near_miss"])
    assert (await api.put(f"/api/checkins/{checkin_id}", json=body)).status_code == 201
    (saved,) = heard
    assert isinstance(saved, CheckinSaved)
    assert saved.hard_moment is True and str(saved.checkin_id) == checkin_id
    assert await Reminder.count().where(Reminder.kind == "followup") == 2

    _without(follow_up_after_a_hard_moment)
    other = await api.put(f"/api/checkins/{new_id()}", json=body)
    assert other.status_code == 201
    assert await Reminder.count().where(Reminder.kind == "followup") == 2


async def test_ending_a_shift_plans_two_minutes_to_land_through_the_listener(
    api: Api, push_service: LocalPushService, heard: list[Event], clock: Clock
) -> None:
    await person_with_phone(api, push_service, decompress_minutes=0)
    now = clock.now()
    shift = {"started_at": (now - timedelta(hours=8)).isoformat()}
    first = new_id()
    await api.put(f"/api/shifts/{first}", json=shift)
    await api.put(f"/api/shifts/{first}", json={**shift, "ended_at": now.isoformat()})
    assert [type(event) for event in heard] == [ShiftStarted, ShiftEnded]
    assert await Reminder.count().where(Reminder.kind == "decompress") == 1

    _without(land_after_the_shift)
    second = new_id()
    await api.put(f"/api/shifts/{second}", json=shift)
    ended = await api.put(f"/api/shifts/{second}", json={**shift, "ended_at": now.isoformat()})
    assert ended.status_code == 200
    assert await Reminder.count().where(Reminder.kind == "decompress") == 1


async def test_sharing_queues_the_peers_notice_through_the_listener(
    api: Api, other_api: Api, heard: list[Event]
) -> None:
    await api.sign_up("sam")
    await other_api.sign_up("alex")
    link = await connect(api, other_api)
    summary_id = await share(api, link)
    shared = [event for event in heard if isinstance(event, SummaryShared)]
    assert [str(event.summary_id) for event in shared] == [summary_id]
    assert shared[0].heading == "sam shared a check-in with you"
    assert await Reminder.count().where(Reminder.kind == "peer_shared") == 1

    _without(tell_the_peer_of_a_summary)
    await share(api, link)
    assert await Reminder.count().where(Reminder.kind == "peer_shared") == 1
