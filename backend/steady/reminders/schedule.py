"""When a reminder should arrive: wall-clock times in the person's zone, shifts and quiet hours.

Pure arithmetic on aware datetimes (UTC in, UTC out), no database. Rules of thumb:
- A wall-clock time is read in the person's IANA zone on each calendar day. A time the
  clocks skip (spring forward) arrives as much later as the clocks jumped; a time that
  happens twice (fall back) arrives the first time only.
- Quiet hours and shifts hold a reminder until they end, or drop that occurrence, as the
  reminder's kind says.
- Shifts come from taps (start/end, the shifts feature's) and from the repeating schedule
  a person gives reminders; a shift may cross midnight, so it is an interval of instants,
  never a date.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Literal

Interval = tuple[datetime, datetime]


def parse_clock(text: str) -> time:
    """ "HH:MM" to a time (the API has already checked the shape)."""
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def at_local(day: date, clock: time, zone: tzinfo) -> datetime:
    """The instant ``clock`` happens on ``day`` in ``zone`` (first occurrence; a skipped time
    lands after the gap), in UTC."""
    return datetime.combine(day, clock).replace(tzinfo=zone).astimezone(UTC)


def next_at_clock(
    after: datetime, clock: time, zone: tzinfo, weekdays: frozenset[int] = frozenset()
) -> datetime:
    """The first instant strictly after ``after`` when the clock in ``zone`` reads ``clock``
    on an allowed ISO weekday (all days when ``weekdays`` is empty)."""
    day = after.astimezone(zone).date() - timedelta(days=1)
    for _ in range(10):
        if not weekdays or day.isoweekday() in weekdays:
            candidate = at_local(day, clock, zone)
            if candidate > after:
                return candidate
        day += timedelta(days=1)
    raise ValueError("no allowed weekday")  # unreachable with a non-empty weekday set


@dataclass(frozen=True)
class QuietHours:
    """A nightly window, e.g. 22:00-07:00; start == end means no quiet hours."""

    start: time
    end: time

    def contains(self, instant: datetime, zone: tzinfo) -> bool:
        """Whether the person's clock at ``instant`` is inside the window."""
        clock = instant.astimezone(zone).time().replace(tzinfo=None)
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= clock < self.end
        return clock >= self.start or clock < self.end

    def ends_after(self, instant: datetime, zone: tzinfo) -> datetime:
        """When the quiet window holding ``instant`` is over."""
        return next_at_clock(instant, self.end, zone)


@dataclass(frozen=True)
class ShiftPattern:
    """A repeating schedule: on chosen weekdays, or a rotation (e.g. 3 nights on, 4 off from
    an anchor date), each shift starting at ``start`` local time and lasting ``hours``."""

    kind: Literal["weekly", "rotation"]
    start: time
    hours: float
    weekdays: frozenset[int] = frozenset()
    anchor: date | None = None
    on_days: int = 0
    off_days: int = 0

    def works_on(self, day: date) -> bool:
        """Whether a shift starts on ``day``."""
        if self.kind == "weekly":
            return day.isoweekday() in self.weekdays
        cycle = self.on_days + self.off_days
        if self.anchor is None or cycle <= 0:
            return False
        return (day - self.anchor).days % cycle < self.on_days

    def shifts_between(self, first: datetime, last: datetime, zone: tzinfo) -> list[Interval]:
        """Every scheduled shift overlapping [first, last], as UTC intervals."""
        length = timedelta(hours=self.hours)
        day = first.astimezone(zone).date() - timedelta(days=2)
        end_day = last.astimezone(zone).date() + timedelta(days=1)
        found: list[Interval] = []
        while day <= end_day:
            if self.works_on(day):
                begins = at_local(day, self.start, zone)
                if begins + length > first and begins <= last:
                    found.append((begins, begins + length))
            day += timedelta(days=1)
        return found


def shift_holding(instant: datetime, shifts: Iterable[Interval]) -> Interval | None:
    """The shift ``instant`` falls in, if any."""
    for begins, ends in shifts:
        if begins <= instant < ends:
            return (begins, ends)
    return None


def next_shift_end(
    after: datetime, pattern: ShiftPattern | None, zone: tzinfo, horizon_days: int = 60
) -> datetime | None:
    """The first scheduled shift end strictly after ``after``."""
    if pattern is None:
        return None
    shifts = pattern.shifts_between(after, after + timedelta(days=horizon_days), zone)
    ends = sorted(end for _, end in shifts if end > after)
    return ends[0] if ends else None


Respect = Literal["hold", "drop"]


@dataclass(frozen=True)
class Window:
    """What a reminder must respect: the person's zone, quiet hours and shifts."""

    zone: tzinfo
    quiet: QuietHours
    shifts: Sequence[Interval] = ()


def respectful_time(instant: datetime, window: Window, respect: Respect) -> datetime | None:
    """``instant`` moved past quiet hours and shifts (hold), or None when it falls in one and
    this kind of reminder is dropped instead."""
    for _ in range(8):
        shift = shift_holding(instant, window.shifts)
        if shift is not None:
            if respect == "drop":
                return None
            instant = shift[1]
            continue
        if window.quiet.contains(instant, window.zone):
            if respect == "drop":
                return None
            instant = window.quiet.ends_after(instant, window.zone)
            continue
        return instant
    return instant
