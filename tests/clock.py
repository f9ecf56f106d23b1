"""Time in tests: one clock, moved by the test, that the server and the test both read.

Every test runs under time-machine, started at ``STEADY_TEST_CLOCK`` (an ISO moment) or,
without it, at the real moment the test starts; from there time flows as usual until the
test moves it. A test that schedules anything moves this clock (``clock.move_to``,
``clock.advance``) and lets the server's own jobs read it; it never hands the server a
moment of its own, and never reads the machine's clock: ``steady.clock`` and this module
are the only readers (``tests/platform/test_no_hidden_now.py`` checks).

Tests marked ``calendar_sweep`` run once from each start in ``SWEEP``: every weekday at
00:30, 12:00 and 23:30 UTC in a week when London is an hour ahead of UTC (so "today"
differs between UTC and the person late in the evening), and just before each change of
daylight-saving time in London and New York, with the people in the test living there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

from steady import clock as server_clock

LONDON = "Europe/London"
NEW_YORK = "America/New_York"


@dataclass(frozen=True)
class Start:
    """Where a test's clock starts, and where the people in it live."""

    label: str
    at: datetime
    home: str = LONDON


def _week() -> list[Start]:
    monday = datetime(2027, 6, 7, tzinfo=UTC)  # London on summer time (UTC+1)
    starts = []
    for day in range(7):
        for hour, minute in ((0, 30), (12, 0), (23, 30)):
            at = monday + timedelta(days=day, hours=hour, minutes=minute)
            starts.append(Start(f"{at:%a}-{at:%H%M}", at))
    return starts


SWEEP: list[Start] = [
    *_week(),
    # Half an hour before midnight local time, the night the clocks change.
    Start("london-spring-forward", datetime(2027, 3, 27, 23, 30, tzinfo=UTC), LONDON),
    Start("london-fall-back", datetime(2026, 10, 24, 22, 30, tzinfo=UTC), LONDON),
    Start("new-york-spring-forward", datetime(2027, 3, 14, 4, 30, tzinfo=UTC), NEW_YORK),
    Start("new-york-fall-back", datetime(2026, 11, 1, 3, 30, tzinfo=UTC), NEW_YORK),
]
# The one start the PostgreSQL pass of a swept test uses (the date logic is the same code
# on both databases; what differs by database is stored and compared at one start).
POSTGRES_START = "london-spring-forward"


def default_start() -> Start:
    """``STEADY_TEST_CLOCK`` if set (to run the whole suite on another date), else now."""
    moment = os.environ.get("STEADY_TEST_CLOCK")
    at = datetime.fromisoformat(moment) if moment else datetime.now(UTC)
    return Start("now", at.astimezone(UTC), os.environ.get("STEADY_TEST_HOME", LONDON))


class Clock:
    """The test's handle on time: read it, move it forward."""

    def __init__(self, traveller: time_machine.Coordinates, start: Start) -> None:
        self._traveller = traveller
        self.start = start
        self.home = ZoneInfo(start.home)

    def now(self) -> datetime:
        return server_clock.now()

    def today(self) -> date:
        """The date it is now where the test's people live."""
        return server_clock.today_in(self.home)

    def move_to(self, moment: datetime) -> datetime:
        """Jump forward to ``moment`` (time goes on from there); never backward."""
        if moment < self.now():
            raise AssertionError(f"the clock only moves forward: {moment} is in the past")
        self._traveller.move_to(moment)
        return self.now()

    def advance(self, delta: timedelta) -> datetime:
        """Jump forward by ``delta``; the new now."""
        return self.move_to(self.now() + delta)


_current: list[Clock] = []


def is_running() -> bool:
    return bool(_current)


def current() -> Clock:
    """The running test's clock."""
    if not _current:
        raise RuntimeError("no test clock is running")
    return _current[-1]


def home() -> str:
    """Where the running test's people live (bodies built while tests are collected: where
    they live by default)."""
    return _current[-1].start.home if _current else default_start().home


def today() -> date:
    """The date it is now where the test's people live."""
    return server_clock.today_in(ZoneInfo(home()))


@contextmanager
def running_from(start: Start) -> Iterator[Clock]:
    """Time travel for one test, ticking from ``start``."""
    with time_machine.travel(start.at, tick=True) as traveller:
        test_clock = Clock(traveller, start)
        _current.append(test_clock)
        try:
            yield test_clock
        finally:
            _current.pop()
