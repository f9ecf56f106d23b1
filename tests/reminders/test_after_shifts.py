"""What reminders plans when a shift ends: "two minutes to land?" from the moment the
phone says it ended, once however often the end is replayed, and nothing sent late for a
shift whose end arrives hours afterwards."""

from __future__ import annotations

from datetime import timedelta

from steady.reminders.tables import Reminder
from tests.clock import Clock
from tests.helpers import Api, new_id
from tests.reminders.helpers import person_with_phone
from tests.reminders.push_service import LocalPushService


async def test_two_minutes_to_land_counts_from_the_phones_end_once(
    api: Api, push_service: LocalPushService, clock: Clock
) -> None:
    await person_with_phone(api, push_service, decompress_minutes=15)
    shift_id = new_id()
    ended = clock.now() - timedelta(minutes=5)
    body = {"started_at": (ended - timedelta(hours=10)).isoformat(), "ended_at": ended.isoformat()}
    for _ in range(2):  # the outbox may send it more than once
        assert (await api.put(f"/api/shifts/{shift_id}", json=body)).status_code == 200
    (decompress,) = await Reminder.select().where(Reminder.kind == "decompress")
    assert abs(decompress["due_at"] - (ended + timedelta(minutes=15))) < timedelta(seconds=1)


async def test_an_ended_shift_synced_hours_later_sends_nothing_late(
    api: Api, push_service: LocalPushService, clock: Clock
) -> None:
    await person_with_phone(api, push_service, decompress_minutes=0)
    now = clock.now()
    body = {
        "started_at": (now - timedelta(hours=15)).isoformat(),
        "ended_at": (now - timedelta(hours=5)).isoformat(),
    }
    assert (await api.put(f"/api/shifts/{new_id()}", json=body)).status_code == 200
    assert await Reminder.count().where(Reminder.kind == "decompress") == 0
