"""Turning a reminder's rule into its next due time, for one person's clock and shifts.

The database keeps only the next due instant of each reminder (indexed, so the dispatcher
finds due ones cheaply); this module recomputes it when a rule or a preference changes
and after each send.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any, Literal

from steady.reminders.kinds import Cadence, ReminderKind
from steady.reminders.schedule import (
    Interval,
    QuietHours,
    Respect,
    ShiftPattern,
    Window,
    at_local,
    next_at_clock,
    next_shift_end,
    parse_clock,
    respectful_time,
)
from steady.shifts.service import LONGEST_SHIFT


@dataclass(frozen=True)
class Policy:
    """How a kind of reminder behaves: held or dropped in quiet hours and on shift, and the
    push headers (a check-in prompt is stale in two hours; a follow-up can wait)."""

    respect: Respect
    ttl_seconds: int
    urgency: Literal["very-low", "low", "normal", "high"]


POLICIES: dict[ReminderKind, Policy] = {
    ReminderKind.COMMITMENT: Policy("hold", 4 * 3600, "normal"),
    ReminderKind.CHECKIN: Policy("drop", 2 * 3600, "low"),
    ReminderKind.DECOMPRESS: Policy("drop", 3600, "normal"),
    ReminderKind.FOLLOWUP: Policy("hold", 12 * 3600, "low"),
    ReminderKind.SHARE_NUDGE: Policy("drop", 6 * 3600, "low"),
    ReminderKind.PEER_SHARED: Policy("hold", 24 * 3600, "normal"),
    ReminderKind.PEER_REPLY: Policy("hold", 24 * 3600, "normal"),
    ReminderKind.CIRCLE_ROUND: Policy("hold", 24 * 3600, "normal"),
    ReminderKind.CIRCLE_CASE: Policy("hold", 24 * 3600, "normal"),
    # A warning that comes after the round has closed is no use: dropped, not held.
    ReminderKind.CIRCLE_CLOSING: Policy("drop", 6 * 3600, "normal"),
    ReminderKind.CIRCLE_HELPFUL: Policy("hold", 24 * 3600, "low"),
}


@dataclass(frozen=True)
class Rule:
    """When one reminder recurs: at a clock time daily, on weekdays or once; after each
    scheduled shift; or never again (a one-off)."""

    kind: ReminderKind
    cadence: Cadence
    clock: time | None = None
    weekdays: frozenset[int] = frozenset()
    on_date: date | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Rule:
        """The rule stored in a reminder row."""
        return cls(
            kind=ReminderKind(row["kind"]),
            cadence=Cadence(row["cadence"]),
            clock=parse_clock(row["clock"]) if row["clock"] else None,
            weekdays=frozenset(int(d) for d in row["weekdays"].split(",") if d),
            on_date=row["on_date"],
        )


@dataclass(frozen=True)
class Person:
    """One person's clock, quiet hours, shift schedule and tapped shifts."""

    zone: tzinfo
    quiet: QuietHours
    pattern: ShiftPattern | None = None
    tapped: tuple[Interval, ...] = field(default_factory=tuple)
    after_shift_minutes: int = 30
    decompress_minutes: int | None = None
    daily_cap: int = 6
    show_details: bool = False

    def window(self, around: datetime) -> Window:
        """Quiet hours and every shift near ``around``, for holding a reminder."""
        shifts: list[Interval] = list(self.tapped)
        if self.pattern is not None:
            scheduled = self.pattern.shifts_between(
                around - LONGEST_SHIFT, around + timedelta(days=2), self.zone
            )
            # What was tapped is what happened: it replaces the scheduled shift it overlaps.
            shifts += [
                (begins, ends)
                for begins, ends in scheduled
                if not any(begins < t_end and t_begins < ends for t_begins, t_end in self.tapped)
            ]
        return Window(self.zone, self.quiet, shifts)


def shift_pattern_from_json(text: str) -> ShiftPattern | None:
    """The stored repeating schedule, or None when there is none."""
    if not text:
        return None
    raw = json.loads(text)
    return ShiftPattern(
        kind=raw["kind"],
        start=parse_clock(raw["start"]),
        hours=float(raw["hours"]),
        weekdays=frozenset(raw.get("weekdays") or ()),
        anchor=date.fromisoformat(raw["anchor"]) if raw.get("anchor") else None,
        on_days=int(raw.get("on_days") or 0),
        off_days=int(raw.get("off_days") or 0),
    )


def _raw_next(rule: Rule, after: datetime, person: Person) -> datetime | None:
    if rule.cadence in {Cadence.DAILY, Cadence.WEEKDAYS} and rule.clock is not None:
        return next_at_clock(after, rule.clock, person.zone, rule.weekdays)
    if rule.cadence == Cadence.ONCE and rule.clock is not None and rule.on_date is not None:
        when = at_local(rule.on_date, rule.clock, person.zone)
        return when if when > after else None
    if rule.cadence == Cadence.AFTER_SHIFT:
        minutes = (
            person.decompress_minutes
            if rule.kind == ReminderKind.DECOMPRESS
            else person.after_shift_minutes
        )
        if minutes is None:
            return None
        delay = timedelta(minutes=minutes)
        end = next_shift_end(after - delay, person.pattern, person.zone)
        return None if end is None else end + delay
    return None


def next_due(rule: Rule, after: datetime, person: Person) -> datetime | None:
    """The next time this reminder should arrive strictly after ``after``, past quiet hours
    and shifts (or skipping occurrences that fall in them, for kinds that drop); None when
    it never recurs."""
    cursor = after
    for _ in range(400):
        raw = _raw_next(rule, cursor, person)
        if raw is None:
            return None
        due = respectful_time(raw, person.window(raw), POLICIES[rule.kind].respect)
        if due is not None:
            return due
        cursor = raw
    return None


def one_off_due(kind: ReminderKind, wanted: datetime, person: Person) -> datetime | None:
    """When a one-off (follow-up, snooze, after a tapped shift) should arrive."""
    return respectful_time(wanted, person.window(wanted), POLICIES[kind].respect)
