"""Setting a person up for reminders in tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from piccolo.table import Table

from steady.accounts.tables import Account
from steady.reminders.dispatcher import Dispatcher, DispatchReport
from steady.reminders.tables import PushSubscription, Reminder
from tests.clock import Clock
from tests.helpers import Api, commitment_body, new_id
from tests.reminders.push_service import LocalPushService

NO_QUIET = {"quiet_start": "00:00", "quiet_end": "00:00"}


async def person_with_phone(
    api: Api, push_service: LocalPushService, name: str = "sam", **prefs: Any
) -> dict[str, Any]:
    """A signed-up person living where the test's people live (tests/clock.py), with
    reminder preferences and one subscribed phone."""
    await api.sign_up(name)
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


async def dispatch_at(dispatcher: Dispatcher, clock: Clock, moment: datetime) -> DispatchReport:
    """Let the clock reach ``moment``, then run one dispatcher pass (as the server's loop
    does every few seconds)."""
    clock.move_to(moment)
    return await dispatcher.dispatch_once()


def days_later(moment: datetime, days: int, clock: Clock) -> datetime:
    """The same time of day ``days`` later where the test's people live (a day across a
    clock change is 23 or 25 hours long)."""
    return moment.astimezone(clock.home) + timedelta(days=days)


async def due_times() -> list[datetime]:
    rows = await Reminder.select(Reminder.due_at).order_by(Reminder.due_at)
    return [row["due_at"] for row in rows]


async def insert_rows(table: type[Table], rows: list[Table]) -> None:
    """Insert many rows in slices (PostgreSQL takes at most 32,767 parameters at once)."""
    for start in range(0, len(rows), 1000):
        await table.insert(*rows[start : start + 1000])


async def people_with_due_reminders(
    push_service: LocalPushService, count: int, due: datetime, prefix: str = "nurse"
) -> list[dict[str, Any]]:
    """``count`` people on UTC, each with one phone and a daily reminder due at ``due``;
    returns their subscriptions in account order."""
    people = [
        Account(username=f"{prefix}{i:05d}", passphrase_hash="-", time_zone="UTC")
        for i in range(count)
    ]
    await insert_rows(Account, people)
    ids = [
        row["id"]
        for row in await Account.select(Account.id)
        .where(Account.username.like(f"{prefix}%"))
        .order_by(Account.id)
    ]
    subscriptions = [push_service.subscribe() for _ in ids]
    await insert_rows(
        PushSubscription,
        [
            PushSubscription(
                account=account,
                endpoint=sub["endpoint"],
                p256dh=sub["keys"]["p256dh"],
                auth=sub["keys"]["auth"],
            )
            for account, sub in zip(ids, subscriptions, strict=True)
        ],
    )
    await insert_rows(
        Reminder,
        [
            Reminder(account=account, kind="commitment", cadence="daily", clock="09:00", due_at=due)
            for account in ids
        ],
    )
    return subscriptions
