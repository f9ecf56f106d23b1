"""What other features ask of reminders, and what a person sets: preferences, snoozes,
a commitment's reminder, follow-ups after a hard day, what follows a shift, news from peers.

Other features tell this one what happened through events (``listeners.py`` turns each
into a call here); this feature never reads their tables. The planning underneath is in
``plans.py``.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID

import msgspec

from steady import clock, db
from steady.domain import InvalidField, NotFound
from steady.reminders.defaults import DEFAULT_PREFS
from steady.reminders.kinds import Cadence, ReminderKind
from steady.reminders.notices import notice_for
from steady.reminders.plans import (
    one_off,
    people,
    prefs_row,
    replan_account,
    set_rule,
)
from steady.reminders.schemas import PrefsView, PrefsWrite, ShiftPatternView
from steady.reminders.tables import Reminder, ReminderPrefs, SentPush

FOLLOW_UP_AFTER = (timedelta(hours=24), timedelta(hours=72))
# A reminder planned for after a shift that ended this long before the phone could say
# so (offline all evening) is not sent late.
LATE_BY_AT_MOST = timedelta(minutes=30)


def _to_view(row: dict[str, Any]) -> PrefsView:
    schedule = json.loads(row["schedule"]) if row["schedule"] else None
    return PrefsView(
        **{k: row[k] for k in DEFAULT_PREFS if k != "schedule"},
        schedule=msgspec.convert(schedule, ShiftPatternView) if schedule else None,
        lock_screen=notice_for(
            ReminderKind.COMMITMENT,
            None,
            "Text a colleague after nights",
            clock.now().date(),
            show_details=row["show_details"],
        ),
    )


async def get_prefs(account_id: int) -> PrefsView:
    """This person's reminder preferences (defaults until they change one)."""
    return _to_view(await prefs_row(account_id))


async def save_prefs(account_id: int, data: PrefsWrite) -> PrefsView:
    """Store preferences and move every due time to match them."""
    schedule = data.schedule
    if schedule is not None and schedule.kind == "weekly" and not schedule.weekdays:
        raise InvalidField("schedule.weekdays", "Choose at least one day for a weekly pattern.")
    if schedule is not None and schedule.kind == "rotation":
        if schedule.anchor is None:
            raise InvalidField("schedule.anchor", "Choose the first day of a run of shifts.")
        if schedule.on_days < 1:
            raise InvalidField("schedule.on_days", "A rotation needs at least one day on.")
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
        await set_rule(account_id, ReminderKind.CHECKIN, None, Cadence.DAILY, data.checkin_time)
        await set_rule(
            account_id,
            ReminderKind.DECOMPRESS,
            None,
            Cadence.AFTER_SHIFT if data.decompress_minutes is not None else None,
            None,
        )
        await replan_account(account_id)
    return await get_prefs(account_id)


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
    wanted = Cadence(cadence) if active and reminder_time is not None else None
    await set_rule(
        account_id,
        ReminderKind.COMMITMENT,
        commitment_id,
        wanted,
        reminder_time,
        weekdays=weekdays if cadence == Cadence.WEEKDAYS else frozenset(),
        on_date=on_date,
        title=title,
    )


async def forget_reminders_about(account_id: int, ref: UUID) -> None:
    """A commitment or check-in was deleted: nothing more is sent about it."""
    await Reminder.delete().where((Reminder.account == account_id) & (Reminder.about == ref))


async def follow_up_hard_day(account_id: int, checkin_id: UUID, recorded_at: datetime) -> None:
    """A check-in named a hard event: if the person opted in, ask after them 24 and 72 hours
    later (once each, however often the check-in is edited)."""
    await Reminder.delete().where(
        (Reminder.account == account_id)
        & (Reminder.about == checkin_id)
        & (Reminder.kind == ReminderKind.FOLLOWUP)
    )
    if not (await prefs_row(account_id))["followups"]:
        return
    for after in FOLLOW_UP_AFTER:
        if recorded_at + after > clock.now():
            await one_off(account_id, ReminderKind.FOLLOWUP, checkin_id, recorded_at + after, "")


async def land_after_shift(account_id: int, ended_at: datetime) -> None:
    """A shift ended: plan what follows ("two minutes to land?", after-shift commitments)
    from the moment it ended, and let the reminders held for it come."""
    moment = clock.now()
    prefs = await prefs_row(account_id)
    planned: list[tuple[ReminderKind, Any, datetime, str]] = []
    if prefs["decompress_minutes"] is not None:
        wanted = ended_at + timedelta(minutes=prefs["decompress_minutes"])
        planned.append((ReminderKind.DECOMPRESS, None, wanted, ""))
    after_shift = await Reminder.select(Reminder.about, Reminder.title).where(
        (Reminder.account == account_id)
        & (Reminder.kind == ReminderKind.COMMITMENT)
        & (Reminder.cadence == Cadence.AFTER_SHIFT)
    )
    for row in after_shift:
        wanted = ended_at + timedelta(minutes=prefs["after_shift_minutes"])
        planned.append((ReminderKind.COMMITMENT, row["about"], wanted, row["title"]))
    for kind, about, wanted, title in planned:
        if wanted >= moment - LATE_BY_AT_MOST:
            await one_off(account_id, kind, about, max(wanted, moment), title, Cadence.SHIFT_END)
    await replan_account(account_id)
    await Reminder.update({Reminder.due_at: moment, Reminder.held: False}).where(
        (Reminder.account == account_id) & Reminder.held.eq(True)
    )


async def notify_peer(account_id: int, kind: ReminderKind, ref: UUID, heading: str) -> None:
    """Tell someone a peer shared with them or replied ("Sam shared a check-in with you"):
    sent soon, held through their quiet hours and shifts like any reminder."""
    await one_off(account_id, kind, ref, clock.now(), heading)


async def tell_circle(
    accounts: Collection[int],
    kind: ReminderKind,
    circle_id: UUID,
    name: str,
    at: datetime | None = None,
) -> None:
    """A circle's news to each of these members (the circle's name on the lock screen),
    at ``at`` or soon; a member already told the same thing about the circle is not told
    twice."""
    wanted = at or clock.now()
    for account_id in accounts:
        await Reminder.delete().where(
            (Reminder.account == account_id)
            & (Reminder.kind == kind)
            & (Reminder.about == circle_id)
        )
        await one_off(account_id, kind, circle_id, wanted, name[:80])


async def set_share_nudge(account_id: int, weekday: int | None, clock: str | None) -> None:
    """The weekly nudge to share with a peer, or none: a nudge only, never a share."""
    on = weekday is not None and clock is not None
    days = frozenset({weekday}) if weekday is not None else frozenset()
    await set_rule(
        account_id,
        ReminderKind.SHARE_NUDGE,
        None,
        Cadence.WEEKDAYS if on else None,
        clock,
        weekdays=days,
    )


# A notification can be snoozed this long after its reminder went out.
SNOOZE_WITHIN = timedelta(days=2)


async def snooze(
    account_id: int, kind: ReminderKind, ref: UUID | None, until: str
) -> datetime | None:
    """Ask again in an hour, or after the current (or next scheduled) shift: a one-off copy
    of the reminder, held or dropped like the original. Only this person's own reminders
    can be snoozed (``NotFound`` otherwise), and snoozing again moves the one snooze."""
    moment = clock.now()
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
        & (SentPush.sent_at > moment - SNOOZE_WITHIN)
    )
    if planned is None and not recently_sent:
        raise NotFound("There's no reminder like that to snooze.")
    title = planned["title"] if planned else ""
    await Reminder.delete().where(
        (Reminder.account == account_id)
        & (Reminder.kind == kind)
        & about
        & (Reminder.cadence == Cadence.SNOOZE)
    )
    wanted = moment + timedelta(hours=1)
    if until == "after_shift":
        person = (await people([account_id], moment))[account_id]
        ends = [end for _, end in person.window(moment).shifts if end > moment]
        wanted = min(ends) if ends else wanted
    return await one_off(account_id, kind, ref, wanted, title, Cadence.SNOOZE)
