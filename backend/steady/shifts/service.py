"""Shifts as a person taps them: Start and End, from any screen, online or offline; and
what other features ask of them (the shift going on, the days a shift ended).

A phone records a shift under an id it makes (so an offline tap, sent later through the
outbox, is stored once however often it is replayed) with the phone's own times.
Starting and ending a shift are announced (``ShiftStarted``, ``ShiftEnded``): reminders
holds its reminders while one runs and plans what follows its end.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID, uuid4

from steady import clock, db, dialect
from steady.accounts.service import time_zone_of
from steady.bounds import keep_newest
from steady.checkins.service import after_shift_days
from steady.domain import InvalidField, NotFound
from steady.events import announce
from steady.shifts.events import ShiftEnded, ShiftStarted
from steady.shifts.schemas import ShiftView, ShiftWrite
from steady.shifts.tables import Shift

# The longest a shift tapped "Start" is assumed to last when nobody taps "End".
LONGEST_SHIFT = timedelta(hours=16)
SHIFTS_KEPT = 1000
SHIFT_LONGEST_RECORDED = timedelta(hours=24)
# A phone's clock may run a little ahead of the server's.
CLOCK_SLACK = timedelta(minutes=10)

Interval = tuple[datetime, datetime]


def _view(row: dict[str, Any]) -> ShiftView:
    return ShiftView(id=row["uid"], started_at=row["started_at"], ended_at=row["ended_at"])


async def current_shift(account_id: int) -> ShiftView | None:
    """The shift tapped "Start" and not yet ended (forgotten ones lapse after 16 hours)."""
    row = await (
        Shift.select()
        .where(
            (Shift.account == account_id)
            & Shift.ended_at.is_null()
            & (Shift.started_at > clock.now() - LONGEST_SHIFT)
        )
        .order_by(Shift.started_at, ascending=False)
        .first()
    )
    return None if row is None else _view(row)


async def latest_shift(
    account_id: int, within: timedelta, at: datetime | None = None
) -> ShiftView | None:
    """The shift going on now (or at ``at``), or else the last one that ended within
    ``within``."""
    moment = at or clock.now()
    row = await (
        Shift.select()
        .where((Shift.account == account_id) & (Shift.started_at > moment - within))
        .order_by(Shift.started_at, ascending=False)
        .first()
    )
    if row is None or (row["ended_at"] is None and row["started_at"] < moment - LONGEST_SHIFT):
        return None
    return _view(row)


async def shift_days(account_id: int, first: date, last: date) -> set[date]:
    """The days within [first, last] (the person's own calendar) on which a shift ended:
    one tapped End (or Leaving shift), or an "after shift" check-in. The one meaning of
    "shift day": after-shift commitments are due on these days."""
    zone = await time_zone_of(account_id)
    start = datetime.combine(first, time(), zone)
    end = datetime.combine(last + timedelta(days=1), time(), zone)
    rows = await Shift.select(Shift.ended_at).where(
        (Shift.account == account_id) & (Shift.ended_at >= start) & (Shift.ended_at < end)
    )
    ended = {row["ended_at"].astimezone(zone).date() for row in rows}
    return ended | await after_shift_days(account_id, first, last)


async def tapped_shifts(account_ids: Collection[int], since: datetime) -> dict[int, list[Interval]]:
    """Each of these people's shifts started since ``since``, as (start, end) instants,
    in one query (reminders holds a batch of people's reminders by them); one not yet
    ended counts as running for the longest a shift is taken to last."""
    found: dict[int, list[Interval]] = {}
    if not account_ids:
        return found
    for row in await Shift.select().where(
        dialect.one_of(Shift.account, account_ids) & (Shift.started_at >= since)
    ):
        ends = row["ended_at"] or row["started_at"] + LONGEST_SHIFT
        found.setdefault(row["account"], []).append((row["started_at"], ends))
    return found


async def recent_shifts(account_id: int, limit: int = 30) -> list[ShiftView]:
    """This person's latest shifts, newest first (a second phone learns the current one)."""
    rows = await (
        Shift.select()
        .where(Shift.account == account_id)
        .order_by(Shift.started_at, ascending=False)
        .limit(limit)
    )
    return [_view(row) for row in rows]


async def start_shift(account_id: int) -> ShiftView:
    """Reminders that respect shifts wait until this one ends."""
    return await record_shift(account_id, uuid4(), ShiftWrite(started_at=clock.now()))


async def end_shift(account_id: int) -> ShiftView | None:
    """Close the running shift, now."""
    running = await current_shift(account_id)
    if running is None or running.id is None:
        return None
    ended = ShiftWrite(started_at=running.started_at, ended_at=clock.now())
    return await record_shift(account_id, running.id, ended)


def _check_times(data: ShiftWrite) -> None:
    latest = clock.now() + CLOCK_SLACK
    if data.started_at > latest:
        raise InvalidField("started_at", "A shift can't start in the future.")
    if data.ended_at is None:
        return
    if data.ended_at < data.started_at:
        raise InvalidField("ended_at", "A shift needs to end after it starts.")
    if data.ended_at > latest:
        raise InvalidField("ended_at", "A shift can't end in the future.")
    if data.ended_at - data.started_at > SHIFT_LONGEST_RECORDED:
        raise InvalidField("ended_at", "A shift can be at most 24 hours long.")


async def record_shift(account_id: int, shift_id: UUID, data: ShiftWrite) -> ShiftView:
    """Store a shift as the phone saw it, under the phone's id, and announce its start or
    end in the same transaction. Sending the same again changes nothing; a shift already
    ended is never reopened; starting one closes any other left running."""
    _check_times(data)
    async with db.current_engine().transaction():
        stored = await Shift.select().where(Shift.uid == shift_id).first()
        if stored is not None and stored["account"] != account_id:
            raise NotFound("There's no shift like that.")
        if stored is None:
            await Shift.update({Shift.ended_at: data.started_at}).where(
                (Shift.account == account_id)
                & Shift.ended_at.is_null()
                & (Shift.started_at <= data.started_at)
            )
            await Shift.insert(
                Shift(
                    account=account_id,
                    uid=shift_id,
                    started_at=data.started_at,
                    ended_at=data.ended_at,
                )
            )
            # A person's shift history keeps its latest SHIFTS_KEPT shifts (years of work).
            await keep_newest(Shift, Shift.account, account_id, Shift.started_at, SHIFTS_KEPT)
            if data.ended_at is None:
                await announce(ShiftStarted(account_id=account_id))
        elif stored["ended_at"] is None and data.ended_at is not None:
            await Shift.update({Shift.ended_at: data.ended_at}).where(Shift.uid == shift_id)
            data = ShiftWrite(started_at=stored["started_at"], ended_at=data.ended_at)
        else:
            return _view(stored)
        if data.ended_at is not None:
            await announce(ShiftEnded(account_id=account_id, ended_at=data.ended_at))
    return ShiftView(id=shift_id, started_at=data.started_at, ended_at=data.ended_at)
