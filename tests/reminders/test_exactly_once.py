"""Two dispatchers sharing one database deliver each of 5,000 due reminders exactly once."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

from litestar import Litestar

from steady.push import VapidAuthorizations
from steady.reminders.dispatcher import Dispatcher, DispatchSettings
from steady.reminders.tables import Reminder, SentPush
from tests.clock import Clock
from tests.reminders.helpers import people_with_due_reminders
from tests.reminders.push_service import LocalPushService

PEOPLE = 5_000


async def test_two_dispatchers_deliver_five_thousand_reminders_exactly_once(
    running_app: Litestar, push_service: LocalPushService, clock: Clock
) -> None:
    now = clock.now()
    await people_with_due_reminders(push_service, PEOPLE, now - timedelta(minutes=5))
    dispatchers = [
        Dispatcher(
            VapidAuthorizations(running_app.state.vapid, "mailto:care-team@steady.example"),
            # One encrypts in its event loop, the other in a worker process.
            DispatchSettings(batch=250, concurrency=100, encrypt_workers=workers),
            running_app.state.push_hosts,
        )
        for workers in (0, 1)
    ]
    await asyncio.gather(*(d.warm_up() for d in dispatchers))

    try:
        # Each drains with several passes in flight: six claimers on one table.
        reports = await asyncio.gather(*(d.drain() for d in dispatchers))
    finally:
        for dispatcher in dispatchers:
            await dispatcher.close()
    sent = [report.sent for report in reports]

    assert sum(sent) == PEOPLE
    assert all(share > 0 for share in sent), f"one dispatcher did all the work: {sent}"
    per_phone = Counter(r.subscription for r in push_service.received)
    assert len(per_phone) == PEOPLE and set(per_phone.values()) == {1}
    assert push_service.refused == []
    assert await SentPush.count() == PEOPLE
    # Each moved on to tomorrow's 09:00, unclaimed.
    assert await Reminder.count().where(Reminder.due_at <= now) == 0
    assert await Reminder.count().where(Reminder.claimed_until.is_not_null()) == 0
