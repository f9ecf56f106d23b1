"""Reminder preferences, shifts, snoozes, and keeping due times current.

Other features tell this one what changed through the functions here (a commitment's
reminder, a check-in with a hard event); this feature never reads their tables.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

from steady import db
from steady.accounts.service import time_zones_of
from steady.domain import NotFound
from steady.reminders.planning import (
    ONE_OFF_CADENCES,
    Person,
    Rule,
    next_due,
    one_off_due,
    shift_pattern_from_json,
)
from steady.reminders.schedule import LONGEST_SHIFT, QuietHours, parse_clock
from steady.reminders.schemas import PrefsView, PrefsWrite, ShiftView
from steady.reminders.tables import Reminder, ReminderPrefs, SentPush, Shift

FOLLOW_UP_AFTER = (timedelta(hours=24), timedelta(hours=72))
SHIFTS_KEPT = 1000
DEFAULT_PREFS: dict[str, Any] = {
    "quiet_start": "22:00",
    "quiet_end": "07:00",
    "daily_cap": 6,
    "show_details": False,
    "checkin_time": None,
    "decompress_minutes": None,
    "after_shift_minutes": 30,
    "followups": False,
    "schedule": "",
}


def _now() -> datetime:
    return datetime.now(UTC)


# --- preferences and a person's clock ---------------------------------------------------


async def _prefs_row(account_id: int) -> dict[str, Any]:
    row = await ReminderPrefs.select().where(ReminderPrefs.account == account_id).first()
    return {**DEFAULT_PREFS, **(row or {})}


def _to_view(row: dict[str, Any]) -> PrefsView:
    schedule = json.loads(row["schedule"]) if row["schedule"] else None
    return PrefsView(**{k: row[k] for k in DEFAULT_PREFS if k != "schedule"}, schedule=schedule)


async def get_prefs(account_id: int) -> PrefsView:
    """This person's reminder preferences (defaults until they change one)."""
    return _to_view(await _prefs_row(account_id))


async def save_prefs(account_id: int, data: PrefsWrite) -> PrefsView:
    """Store preferences and move every due time to match them."""
    values: dict[str, Any] = {
        "quiet_start": data.quiet_start,
        "quiet_end": data.quiet_end,
        "daily_cap": data.daily_cap,
        "show_details": data.show_details,
        "checkin_time": data.checkin_time,
        "decompress_minutes": data.decompress_minutes,
        "after_shift_minutes": data.after_shift_minutes,
        "followups": data.followups,
        "schedule": json.dumps(data.schedule.to_dict()) if data.schedule else "",
    }
    async with db.current_engine().transaction():
        exists = await ReminderPrefs.exists().where(ReminderPrefs.account == account_id)
        if exists:
            await ReminderPrefs.update(**values).where(ReminderPrefs.account == account_id)
        else:
            await ReminderPrefs.insert(ReminderPrefs.from_dict({"account": account_id, **values}))
        await _set_rule(account_id, "checkin", None, "daily", data.checkin_time)
        await _set_rule(
            account_id,
            "decompress",
            None,
            "after_shift" if data.decompress_minutes is not None else None,
            None,
        )
        await replan_account(account_id)
    return await get_prefs(account_id)


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
        for row in await ReminderPrefs.select().where(db.one_of(ReminderPrefs.account, account_ids))
    }
    tapped: dict[int, list[Any]] = {}
    for row in await Shift.select().where(
        db.one_of(Shift.account, account_ids) & (Shift.started_at >= now - timedelta(days=2))
    ):
        ends = row["ended_at"] or row["started_at"] + LONGEST_SHIFT
        tapped.setdefault(row["account"], []).append((row["started_at"], ends))
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
    now = _now()
    person = (await people([account_id], now))[account_id]
    rows = await Reminder.select().where(
        (Reminder.account == account_id)
        & Reminder.cadence.not_in(list(ONE_OFF_CADENCES))
        & Reminder.held.eq(False)
    )
    for row in rows:
        due = next_due(Rule.from_row(row), now, person)
        if due is None:
            await Reminder.delete().where(Reminder.id == row["id"])
        else:
            await Reminder.update(
                {Reminder.due_at: due, Reminder.held: False, Reminder.time_zone: str(person.zone)}
            ).where(Reminder.id == row["id"])


# --- what other features tell us ---------------------------------------------------------


async def _set_rule(
    account_id: int,
    kind: str,
    ref: UUID | None,
    cadence: str | None,
    clock: str | None,
    *,
    weekdays: frozenset[int] = frozenset(),
    on_date: date | None = None,
    title: str = "",
) -> None:
    """Replace this (kind, ref) reminder's rule; no cadence removes it."""
    same = (Reminder.account == account_id) & (Reminder.kind == kind)
    same &= Reminder.about.is_null() if ref is None else Reminder.about == ref
    await Reminder.delete().where(same & Reminder.cadence.not_in(list(ONE_OFF_CADENCES)))
    if cadence is None or (cadence != "after_shift" and clock is None):
        return
    rule = Rule(kind, cadence, parse_clock(clock) if clock else None, weekdays, on_date)
    person = (await people([account_id], _now()))[account_id]
    due = next_due(rule, _now(), person)
    if due is None:
        return
    await Reminder.insert(
        Reminder(
            account=account_id,
            kind=kind,
            about=ref,
            cadence=cadence,
            clock=clock,
            weekdays=",".join(str(d) for d in sorted(weekdays)),
            on_date=on_date,
            title=title,
            due_at=due,
            time_zone=str(person.zone),
        )
    )


async def set_commitment_reminder(
    account_id: int,
    commitment_id: UUID,
    *,
    title: str,
    cadence: str,
    weekdays: frozenset[int],
    on_date: date | None,
    reminder_time: str | None,
    active: bool,
) -> None:
    """Keep a commitment's reminder in step with the commitment (called on every save)."""
    wanted = cadence if active and reminder_time is not None else None
    await _set_rule(
        account_id,
        "commitment",
        commitment_id,
        wanted,
        reminder_time,
        weekdays=weekdays if cadence == "weekdays" else frozenset(),
        on_date=on_date,
        title=title,
    )


async def forget_reminders_about(account_id: int, ref: UUID) -> None:
    """A commitment or check-in was deleted: nothing more is sent about it."""
    await Reminder.delete().where((Reminder.account == account_id) & (Reminder.about == ref))


async def _one_off(
    account_id: int,
    kind: str,
    ref: UUID | None,
    wanted: datetime,
    title: str,
    cadence: str = "oneoff",
) -> datetime | None:
    person = (await people([account_id], _now()))[account_id]
    due = one_off_due(kind, wanted, person)
    if due is not None:
        await Reminder.insert(
            Reminder(
                account=account_id, kind=kind, about=ref, cadence=cadence, title=title, due_at=due
            )
        )
    return due


async def follow_up_hard_day(account_id: int, checkin_id: UUID, recorded_at: datetime) -> None:
    """A check-in named a hard event: if the person opted in, ask after them 24 and 72 hours
    later (once each, however often the check-in is edited)."""
    await Reminder.delete().where(
        (Reminder.account == account_id)
        & (Reminder.about == checkin_id)
        & (Reminder.kind == "followup")
    )
    if not (await _prefs_row(account_id))["followups"]:
        return
    for after in FOLLOW_UP_AFTER:
        if recorded_at + after > _now():
            await _one_off(account_id, "followup", checkin_id, recorded_at + after, "")


async def notify_peer(account_id: int, kind: str, ref: UUID, heading: str) -> None:
    """Tell someone a peer shared with them or replied ("Sam shared a check-in with you"):
    sent soon, held through their quiet hours and shifts like any reminder."""
    await _one_off(account_id, kind, ref, _now(), heading)


async def set_share_nudge(account_id: int, weekday: int | None, clock: str | None) -> None:
    """The weekly nudge to share with a peer, or none: a nudge only, never a share."""
    on = weekday is not None and clock is not None
    days = frozenset({weekday}) if weekday is not None else frozenset()
    await _set_rule(
        account_id, "share_nudge", None, "weekdays" if on else None, clock, weekdays=days
    )


async def latest_shift(account_id: int, within: timedelta) -> ShiftView | None:
    """The shift going on now, or else the last one that ended within ``within``."""
    row = await (
        Shift.select()
        .where((Shift.account == account_id) & (Shift.started_at > _now() - within))
        .order_by(Shift.started_at, ascending=False)
        .first()
    )
    if row is None or (row["ended_at"] is None and row["started_at"] < _now() - LONGEST_SHIFT):
        return None
    return ShiftView(started_at=row["started_at"], ended_at=row["ended_at"])


# --- shifts and snoozes ------------------------------------------------------------------


async def current_shift(account_id: int) -> ShiftView | None:
    """The shift tapped "Start" and not yet ended (forgotten ones lapse after 16 hours)."""
    row = await (
        Shift.select()
        .where(
            (Shift.account == account_id)
            & Shift.ended_at.is_null()
            & (Shift.started_at > _now() - LONGEST_SHIFT)
        )
        .order_by(Shift.started_at, ascending=False)
        .first()
    )
    return None if row is None else ShiftView(started_at=row["started_at"], ended_at=None)


async def start_shift(account_id: int) -> ShiftView:
    """Reminders that respect shifts wait until this one ends."""
    async with db.current_engine().transaction():
        existing = await current_shift(account_id)
        if existing is not None:
            return existing
        now = _now()
        await Shift.insert(Shift(account=account_id, started_at=now))
        await _keep_latest_shifts(account_id)
        await replan_account(account_id)
    return ShiftView(started_at=now, ended_at=None)


async def _keep_latest_shifts(account_id: int) -> None:
    """A person's shift history keeps its latest ``SHIFTS_KEPT`` shifts (years of work)."""
    oldest_kept = await (
        Shift.select(Shift.started_at)
        .where(Shift.account == account_id)
        .order_by(Shift.started_at, ascending=False)
        .offset(SHIFTS_KEPT - 1)
        .first()
    )
    if oldest_kept is not None:
        await Shift.delete().where(
            (Shift.account == account_id) & (Shift.started_at < oldest_kept["started_at"])
        )


async def end_shift(account_id: int) -> ShiftView | None:
    """Close the shift: held reminders come due, and the after-shift ones are planned, in
    one transaction (a shift is never ended without what follows from it)."""
    now = _now()
    async with db.current_engine().transaction():
        open_shift = await current_shift(account_id)
        if open_shift is None:
            return None
        await Shift.update({Shift.ended_at: now}).where(
            (Shift.account == account_id) & Shift.ended_at.is_null()
        )
        prefs = await _prefs_row(account_id)
        if prefs["decompress_minutes"] is not None:
            wanted = now + timedelta(minutes=prefs["decompress_minutes"])
            await _one_off(account_id, "decompress", None, wanted, "", "shift_end")
        after_shift = await Reminder.select(Reminder.about, Reminder.title).where(
            (Reminder.account == account_id)
            & (Reminder.kind == "commitment")
            & (Reminder.cadence == "after_shift")
        )
        for row in after_shift:
            wanted = now + timedelta(minutes=prefs["after_shift_minutes"])
            await _one_off(
                account_id, "commitment", row["about"], wanted, row["title"], "shift_end"
            )
        await replan_account(account_id)
        await Reminder.update({Reminder.due_at: now, Reminder.held: False}).where(
            (Reminder.account == account_id) & Reminder.held.eq(True)
        )
    return ShiftView(started_at=open_shift.started_at, ended_at=now)


# A notification can be snoozed this long after its reminder went out.
SNOOZE_WITHIN = timedelta(days=2)


async def snooze(account_id: int, kind: str, ref: UUID | None, until: str) -> datetime | None:
    """Ask again in an hour, or after the current (or next scheduled) shift: a one-off copy
    of the reminder, held or dropped like the original. Only this person's own reminders
    can be snoozed (``NotFound`` otherwise), and snoozing again moves the one snooze."""
    now = _now()
    about = Reminder.about.is_null() if ref is None else Reminder.about == ref
    sent_about = SentPush.about.is_null() if ref is None else SentPush.about == ref
    planned = await (
        Reminder.select(Reminder.title)
        .where((Reminder.account == account_id) & (Reminder.kind == kind) & about)
        .first()
    )
    recently_sent = await SentPush.exists().where(
        (SentPush.account == account_id)
        & (SentPush.kind == kind)
        & sent_about
        & (SentPush.sent_at > now - SNOOZE_WITHIN)
    )
    if planned is None and not recently_sent:
        raise NotFound("There's no reminder like that to snooze.")
    title = planned["title"] if planned else ""
    await Reminder.delete().where(
        (Reminder.account == account_id)
        & (Reminder.kind == kind)
        & about
        & (Reminder.cadence == "snooze")
    )
    wanted = now + timedelta(hours=1)
    if until == "after_shift":
        person = (await people([account_id], now))[account_id]
        ends = [end for _, end in person.window(now).shifts if end > now]
        wanted = min(ends) if ends else wanted
    return await _one_off(account_id, kind, ref, wanted, title, "snooze")
