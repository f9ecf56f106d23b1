"""Setting a person up for reminders in tests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from steady.reminders.tables import Reminder
from tests.helpers import Api, commitment_body, new_id
from tests.reminders.push_service import LocalPushService

NO_QUIET = {"quiet_start": "00:00", "quiet_end": "00:00"}


async def person_with_phone(
    api: Api, push_service: LocalPushService, name: str = "sam", **prefs: Any
) -> dict[str, Any]:
    """A signed-up person on UTC, with reminder preferences and one subscribed phone."""
    await api.sign_up(name)
    await api.patch("/api/account", json={"time_zone": "UTC"})
    saved = await api.put("/api/reminders/prefs", json={**NO_QUIET, **prefs})
    assert saved.status_code == 200, saved.text
    subscription = push_service.subscribe()
    answer = await api.put("/api/reminders/subscriptions", json=subscription)
    assert answer.status_code == 200, answer.text
    return subscription


async def commitment_with_reminder(api: Api, **overrides: Any) -> str:
    commitment_id = new_id()
    body = commitment_body(reminder_time="12:00", **overrides)
    answer = await api.put(f"/api/commitments/{commitment_id}", json=body)
    assert answer.status_code == 201, answer.text
    return commitment_id


async def due_times() -> list[datetime]:
    rows = await Reminder.select(Reminder.due_at).order_by(Reminder.due_at)
    return [row["due_at"] for row in rows]
