"""What a dispatch pass reads and writes: claiming due reminders, where each person's
pushes go, what they were sent lately, and settling a batch once it has been sent.

Several server instances may run a dispatcher against one PostgreSQL database; a claim
(``FOR UPDATE SKIP LOCKED``) leases rows to one of them, so each reminder goes out once.
On SQLite the claim is one ``UPDATE … RETURNING`` on the single connection.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from piccolo.engine.postgres import PostgresEngine
from piccolo.query.functions.aggregate import Count

from steady import db, dialect
from steady.push import PushTarget
from steady.reminders.kinds import AFTER_SHIFT_KINDS, ONE_OFF_CADENCES
from steady.reminders.planning import Person, Rule, next_due
from steady.reminders.tables import PushSubscription, Reminder, SentPush

_CLAIM = """
UPDATE reminder SET claimed_until = {{}}
WHERE id IN (
    SELECT id FROM reminder
    WHERE due_at <= {{}} AND (claimed_until IS NULL OR claimed_until < {{}})
    ORDER BY due_at LIMIT {{}} {lock}
)
RETURNING id, account, kind, about, cadence, clock, weekdays, on_date, title, due_at, time_zone
"""
# Sent pushes are kept this long (the daily cap, after-shift repeats and snoozes look back
# two days at most), then deleted as each person's next push is recorded.
SENT_KEPT = timedelta(days=3)
# A scheduled after-shift reminder is skipped when one went out this recently (the shift
# was tapped "End", so its reminder already came).
SAME_SHIFT = timedelta(hours=6)


async def claim_due_reminders(now: datetime, limit: int, lease: timedelta) -> list[dict[str, Any]]:
    """Lease up to ``limit`` due reminders to this dispatcher, oldest first."""
    engine = db.current_engine()
    lock = "FOR UPDATE SKIP LOCKED" if isinstance(engine, PostgresEngine) else ""
    claimed: list[dict[str, Any]] = await Reminder.raw(
        _CLAIM.format(lock=lock), now + lease, now, now, limit
    )
    return claimed


@dataclass(frozen=True)
class Target:
    """One of a person's push subscriptions, as the dispatcher sends to it."""

    id: int
    target: PushTarget


async def push_targets(accounts: list[int]) -> dict[int, list[Target]]:
    """Where each person's pushes go: every phone they turned reminders on for."""
    rows = await PushSubscription.select().where(dialect.one_of(PushSubscription.account, accounts))
    found: dict[int, list[Target]] = {}
    for row in rows:
        target = PushTarget(row["endpoint"], row["p256dh"], row["auth"])
        found.setdefault(row["account"], []).append(Target(row["id"], target))
    return found


async def sent_lately(
    accounts: list[int], persons: dict[int, Person], now: datetime
) -> tuple[Counter[int], set[tuple[int, str, Any]]]:
    """Pushes each person got today (their local day) and after-shift ones sent lately."""
    days = {now.astimezone(p.zone).date() for p in persons.values()}
    counts: Counter[int] = Counter()
    if days:
        rows = await (
            SentPush.select(SentPush.account, SentPush.local_date, Count().as_alias("n"))
            .where(
                dialect.one_of(SentPush.account, accounts) & SentPush.local_date.is_in(list(days))
            )
            .group_by(SentPush.account, SentPush.local_date)
        )
        for row in rows:
            person = persons.get(row["account"])
            if person is not None and row["local_date"] == now.astimezone(person.zone).date():
                counts[row["account"]] = int(row["n"])
    recent = await SentPush.select(SentPush.account, SentPush.kind, SentPush.about).where(
        dialect.one_of(SentPush.account, accounts)
        & (SentPush.sent_at > now - SAME_SHIFT)
        & SentPush.kind.is_in(list(AFTER_SHIFT_KINDS))
    )
    return counts, {(r["account"], r["kind"], r["about"]) for r in recent}


async def settle_batch(
    rows: list[dict[str, Any]],
    persons: dict[int, Person],
    delivered: list[dict[str, Any]],
    held: list[tuple[int, datetime]],
    gone: set[int],
    now: datetime,
) -> None:
    """Record what went out and move every claimed reminder on, in one transaction.

    Reminders that move to the same time (most do: the same clock time tomorrow) share one
    UPDATE, so settling a batch costs a handful of statements, not one per reminder."""
    held_ids = {reminder_id for reminder_id, _ in held}
    finished: list[int] = []
    moving: dict[tuple[datetime, bool, str], list[int]] = defaultdict(list)
    zone_of = {row["id"]: row["time_zone"] for row in rows}
    for reminder_id, until in held:
        moving[(until, True, zone_of[reminder_id])].append(reminder_id)
    for row in rows:
        if row["id"] in held_ids:
            continue
        person = persons.get(row["account"])
        due = None
        if person is not None and row["cadence"] not in ONE_OFF_CADENCES:
            moved_zone = bool(row["time_zone"]) and row["time_zone"] != str(person.zone)
            after = now if moved_zone else max(now, row["due_at"])
            due = next_due(Rule.from_row(row), after, person)
        if person is None or due is None:
            finished.append(row["id"])
        else:
            moving[(due, False, str(person.zone))].append(row["id"])
    async with db.current_engine().transaction():
        for start in range(0, len(delivered), 1000):
            chunk = delivered[start : start + 1000]
            # One plain multi-row INSERT: building a Piccolo object per row cost more than
            # the push itself. Only placeholders are formatted in; values are parameters.
            values = ", ".join(["({}, {}, {}, {}, {})"] * len(chunk))
            await SentPush.raw(
                "INSERT INTO sent_push (account, kind, about, local_date, sent_at)"  # noqa: S608
                f" VALUES {values}",
                *(
                    value
                    for row in chunk
                    for value in (
                        row["account"],
                        row["kind"],
                        row["about"],
                        now.astimezone(persons[row["account"]].zone).date(),
                        now,
                    )
                ),
            )
        for (due, is_held, zone), ids in moving.items():
            await Reminder.update(
                {
                    Reminder.due_at: due,
                    Reminder.held: is_held,
                    Reminder.claimed_until: None,
                    Reminder.time_zone: zone,
                }
            ).where(dialect.one_of(Reminder.id, ids))
        if finished:
            await Reminder.delete().where(dialect.one_of(Reminder.id, finished))
        if gone:
            await PushSubscription.delete().where(dialect.one_of(PushSubscription.id, gone))
        if delivered:
            await SentPush.delete().where(
                dialect.one_of(SentPush.account, {row["account"] for row in delivered})
                & (SentPush.sent_at < now - SENT_KEPT)
            )
