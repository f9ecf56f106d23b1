"""Keeping each reminder's next due time current: a person's clock (zone, quiet hours, shift
pattern, tapped shifts), replacing a reminder's rule, and one-off reminders.

The building blocks the reminders feature's service uses; nothing outside the feature
calls these directly.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID

from steady import clock, dialect
from steady.accounts.service import time_zones_of
from steady.reminders.defaults import DEFAULT_PREFS
from steady.reminders.kinds import ONE_OFF_CADENCES, Cadence, ReminderKind
from steady.reminders.planning import (
    Person,
    Rule,
    next_due,
    one_off_due,
    shift_pattern_from_json,
)
from steady.reminders.schedule import QuietHours, parse_clock
from steady.reminders.tables import Reminder, ReminderPrefs
from steady.shifts.service import tapped_shifts


async def prefs_row(account_id: int) -> dict[str, Any]:
    """This person's stored preferences, defaults filled in."""
    row = await ReminderPrefs.select().where(ReminderPrefs.account == account_id).first()
    return {**DEFAULT_PREFS, **(row or {})}


def person_from(row: dict[str, Any], zone: Any, tapped: tuple[Any, ...] = ()) -> Person:
    """A person's clock from their stored preferences and zone."""
    return Person(
        zone=zone,
        quiet=QuietHours(parse_clock(row["quiet_start"]), parse_clock(row["quiet_end"])),
        pattern=shift_pattern_from_json(row["schedule"]),
        tapped=tapped,
        after_shift_minutes=row["after_shift_minutes"],
        decompress_minutes=row["decompress_minutes"],
        daily_cap=row["daily_cap"],
        show_details=row["show_details"],
    )


async def people(account_ids: list[int], now: datetime) -> dict[int, Person]:
    """Several people's clocks at once (three queries, whatever the count)."""
    zones = await time_zones_of(account_ids)
    stored = {
        row["account"]: row
        for row in await ReminderPrefs.select().where(
            dialect.one_of(ReminderPrefs.account, account_ids)
        )
    }
    tapped = await tapped_shifts(account_ids, now - timedelta(days=2))
    return {
        account: person_from(
            {**DEFAULT_PREFS, **stored.get(account, {})},
            zones[account],
            tuple(tapped.get(account, ())),
        )
        for account in account_ids
        if account in zones
    }


async def replan_account(account_id: int) -> None:
    """Recompute every recurring reminder's next due time (preferences, zone or shifts
    changed); one held for a tapped shift keeps waiting for that shift's end."""
    moment = clock.now()
    person = (await people([account_id], moment))[account_id]
    rows = await Reminder.select().where(
        (Reminder.account == account_id)
        & Reminder.cadence.not_in(list(ONE_OFF_CADENCES))
        & Reminder.held.eq(False)
    )
    for row in rows:
        due = next_due(Rule.from_row(row), moment, person)
        if due is None:
            await Reminder.delete().where(Reminder.id == row["id"])
        else:
            await Reminder.update(
                {Reminder.due_at: due, Reminder.held: False, Reminder.time_zone: str(person.zone)}
            ).where(Reminder.id == row["id"])


async def set_rule(
    account_id: int,
    kind: ReminderKind,
    ref: UUID | None,
    cadence: Cadence | None,
    time_of_day: str | None,
    *,
    weekdays: frozenset[int] = frozenset(),
    on_date: date | None = None,
    title: str = "",
) -> None:
    """Replace this (kind, ref) reminder's rule; no cadence removes it."""
    same = (Reminder.account == account_id) & (Reminder.kind == kind)
    same &= Reminder.about.is_null() if ref is None else Reminder.about == ref
    await Reminder.delete().where(same & Reminder.cadence.not_in(list(ONE_OFF_CADENCES)))
    if cadence is None or (cadence != Cadence.AFTER_SHIFT and time_of_day is None):
        return
    rule = Rule(kind, cadence, parse_clock(time_of_day) if time_of_day else None, weekdays, on_date)
    moment = clock.now()
    person = (await people([account_id], moment))[account_id]
    due = next_due(rule, moment, person)
    if due is None:
        return
    await Reminder.insert(
        Reminder(
            account=account_id,
            kind=kind,
            about=ref,
            cadence=cadence,
            clock=time_of_day,
            weekdays=",".join(str(d) for d in sorted(weekdays)),
            on_date=on_date,
            title=title,
            due_at=due,
            time_zone=str(person.zone),
        )
    )


async def one_off(
    account_id: int,
    kind: ReminderKind,
    ref: UUID | None,
    wanted: datetime,
    title: str,
    cadence: Cadence = Cadence.ONEOFF,
) -> datetime | None:
    """Plan one reminder near ``wanted`` (held or dropped like its kind); its due time."""
    person = (await people([account_id], clock.now()))[account_id]
    due = one_off_due(kind, wanted, person)
    if due is not None:
        await Reminder.insert(
            Reminder(
                account=account_id, kind=kind, about=ref, cadence=cadence, title=title, due_at=due
            )
        )
    return due
