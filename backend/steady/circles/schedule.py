"""When a circle's scheduled rounds open: a weekday and a local time, weekly or fortnightly,
in the zone of the person who started it."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

EVERY = {"weekly": timedelta(days=7), "fortnightly": timedelta(days=14)}


def next_opening(
    rhythm: str, weekday: int, clock: str, zone: ZoneInfo, after: datetime
) -> datetime | None:
    """The first time after ``after`` that the weekday and clock come round (None: rounds
    are started by hand)."""
    if rhythm not in EVERY:
        return None
    local = after.astimezone(zone)
    at = time.fromisoformat(clock)
    day = local.date() + timedelta(days=(weekday - local.isoweekday()) % 7)
    candidate = datetime.combine(day, at, tzinfo=zone)
    if candidate <= local:
        candidate = datetime.combine(day + timedelta(days=7), at, tzinfo=zone)
    return candidate.astimezone(UTC)


def following_opening(rhythm: str, opened: datetime, zone: ZoneInfo, after: datetime) -> datetime:
    """The scheduled opening after one that just happened, at the same local time a week or
    two on (past ``after``, if the server was down for a while)."""
    step = EVERY[rhythm]
    local = opened.astimezone(zone)
    moment = local
    while True:
        day = moment.date() + step
        moment = datetime.combine(day, local.timetz().replace(tzinfo=None), tzinfo=zone)
        if moment > after:
            return moment.astimezone(UTC)
