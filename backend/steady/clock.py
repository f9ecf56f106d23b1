"""The one place the server reads the wall clock.

Every "now" (a handler stamping a record, a session's expiry, a rate limit's window, a
round opening, a reminder falling due) comes from here, so a test can move time for the
whole server at once (tests/clock.py, with time-machine) and never mixes the real
clock with a simulated one. ``tests/platform/test_no_hidden_now.py`` fails the build if
the clock is read anywhere else. Durations measured for their own sake (timeouts,
benchmarks) use the event loop's monotonic clock, which no date can move.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, tzinfo

from piccolo.columns.defaults.timestamptz import TimestamptzNow


def now() -> datetime:
    """This moment, in UTC."""
    return datetime.now(UTC)


def epoch_seconds() -> float:
    """This moment as seconds since 1970 (for windows and waits counted in seconds)."""
    return time.time()


def today_in(zone: tzinfo) -> date:
    """The calendar date it is now where ``zone`` is."""
    return now().astimezone(zone).date()


class StampNow(TimestamptzNow):
    """A column default of "now" read through this seam (Piccolo's own reads the wall
    clock itself); the database's own default stays ``CURRENT_TIMESTAMP``."""

    def python(self) -> datetime:
        return now()
