"""Progress that never shames: kept N of the due days, a forgiving strength, milestones.

Everything here works on calendar dates in the person's time zone, so a week is seven
days whatever the clocks did (DST), and a night shift's tick can count for the day before.

Strength: start at 0; walk the due days of the last 90 days, oldest first (today counts
only once it is done, so an unfinished today is never a miss):
- kept:   strength = strength + RISE * (1 - strength)     (rises, ever more slowly, toward 1)
- missed: strength = strength * DECAY                     (fades a little; never to zero)
With RISE = 0.2 and DECAY = 0.93, ten kept days give 0.89, and one missed day then 0.83.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Literal

RISE = 0.2
DECAY = 0.93
HISTORY_DAYS = 90
MILESTONES = (1, 7, 30, 100)

CadenceKind = Literal["daily", "weekdays", "after_shift", "once"]


@dataclass(frozen=True)
class Cadence:
    """When a commitment is due: every day, chosen ISO weekdays (1 = Monday), after each
    shift, or once on a date."""

    kind: CadenceKind
    weekdays: frozenset[int] = frozenset()
    on_date: date | None = None


@dataclass(frozen=True)
class Progress:
    kept_7: int
    due_7: int
    kept_30: int
    due_30: int
    strength: float
    completions: int
    milestone: int | None


def local_today(zone: tzinfo, now: datetime) -> date:
    """Today's date where the person is (``now`` must be timezone-aware)."""
    return now.astimezone(zone).date()


def days_between(first: date, last: date) -> Iterator[date]:
    """Each calendar day from ``first`` to ``last``, inclusive."""
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def is_due(cadence: Cadence, day: date, starts_on: date, shift_days: Set[date]) -> bool:
    """Whether the commitment asks for something on ``day``."""
    if day < starts_on:
        return False
    if cadence.kind == "daily":
        return True
    if cadence.kind == "weekdays":
        return day.isoweekday() in cadence.weekdays
    if cadence.kind == "once":
        return day == cadence.on_date
    return day in shift_days


def due_days(
    cadence: Cadence,
    starts_on: date,
    first: date,
    last: date,
    done: Set[date],
    shift_days: Set[date],
) -> list[date]:
    """Due days in [first, last]. The last day counts only if done (it may still happen);
    after-shift commitments are also due on any day they were done (a shift happened)."""
    days = []
    for day in days_between(first, last):
        due = is_due(cadence, day, starts_on, shift_days) or (
            cadence.kind == "after_shift" and day in done and day >= starts_on
        )
        if due and (day < last or day in done):
            days.append(day)
    return days


def strength(days: Iterable[date], done: Set[date]) -> float:
    """The forgiving strength score over due ``days`` (see the module docstring)."""
    score = 0.0
    for day in days:
        score = score + RISE * (1 - score) if day in done else score * DECAY
    return score


def milestone(completions: int) -> int | None:
    """The highest milestone reached by this many completed days, if any."""
    reached = [mark for mark in MILESTONES if completions >= mark]
    return reached[-1] if reached else None


def progress(
    cadence: Cadence,
    starts_on: date,
    today: date,
    done: Set[date],
    shift_days: Set[date],
    completions: int,
) -> Progress:
    """Kept-of-due over the last 7 and 30 days, strength over 90, and milestones."""
    week = due_days(cadence, starts_on, today - timedelta(days=6), today, done, shift_days)
    month = due_days(cadence, starts_on, today - timedelta(days=29), today, done, shift_days)
    history = due_days(
        cadence, starts_on, today - timedelta(days=HISTORY_DAYS - 1), today, done, shift_days
    )
    return Progress(
        kept_7=sum(day in done for day in week),
        due_7=len(week),
        kept_30=sum(day in done for day in month),
        due_30=len(month),
        strength=round(strength(history, done), 4),
        completions=completions,
        milestone=milestone(completions),
    )
