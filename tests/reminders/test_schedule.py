"""When reminders fall: wall-clock times across DST, quiet hours, shifts over midnight."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from steady.reminders.planning import Person, Rule, next_due
from steady.reminders.schedule import QuietHours, ShiftPattern, next_at_clock

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
NO_QUIET = QuietHours(time(0, 0), time(0, 0))
NIGHTS = QuietHours(time(22, 0), time(7, 0))
ZONES = [ZoneInfo(z) for z in ("Europe/London", "America/New_York", "Australia/Sydney", "UTC")]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_a_daily_time_keeps_its_local_clock_across_both_dst_changes() -> None:
    # London springs forward on 29 March 2026 and falls back on 25 October 2026.
    before = next_at_clock(utc(2026, 3, 27, 9), time(8, 0), LONDON)
    after = next_at_clock(before, time(8, 0), LONDON)
    assert (before, after) == (utc(2026, 3, 28, 8), utc(2026, 3, 29, 7))
    assert before.astimezone(LONDON).hour == after.astimezone(LONDON).hour == 8
    assert after - before == timedelta(hours=23)  # the short day
    autumn = next_at_clock(utc(2026, 10, 23, 9), time(8, 0), LONDON)
    assert next_at_clock(autumn, time(8, 0), LONDON) - autumn == timedelta(hours=25)


def test_a_skipped_time_comes_after_the_gap_and_a_repeated_time_only_once() -> None:
    skipped = next_at_clock(utc(2026, 3, 28, 12), time(1, 30), LONDON)
    assert skipped == utc(2026, 3, 29, 1, 30) - timedelta(hours=1) + timedelta(hours=1)
    assert skipped.astimezone(LONDON).time() == time(2, 30)
    first = next_at_clock(utc(2026, 10, 24, 12), time(1, 30), LONDON)
    assert first == utc(2026, 10, 25, 0, 30)  # 01:30 BST, the first of the two
    again = next_at_clock(first, time(1, 30), LONDON)
    assert again == utc(2026, 10, 26, 1, 30)  # not 01:30 GMT an hour later


def test_weekday_cadence_uses_the_local_weekday() -> None:
    # 21:30 UTC on Sunday is 08:30 on Monday in Sydney: Monday's 09:00 is half an hour away.
    sydney = ZoneInfo("Australia/Sydney")
    due = next_at_clock(utc(2026, 11, 22, 21, 30), time(9, 0), sydney, frozenset({1}))
    assert due == utc(2026, 11, 22, 22, 0)
    assert due.astimezone(sydney).isoweekday() == 1


@settings(max_examples=300, deadline=None)
@given(
    after=st.datetimes(
        min_value=datetime(2024, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC)
    ),
    clock=st.times(),
    zone=st.sampled_from(ZONES),
    weekdays=st.frozensets(st.integers(1, 7), max_size=7),
)
def test_next_occurrence_is_the_first_matching_local_time_after(
    after: datetime, clock: time, zone: ZoneInfo, weekdays: frozenset[int]
) -> None:
    clock = clock.replace(microsecond=0, second=0)
    due = next_at_clock(after, clock, zone, weekdays)
    local = due.astimezone(zone)
    assert due > after
    assert due - after <= timedelta(days=8)
    assert not weekdays or local.isoweekday() in weekdays
    # The clock reads the wanted time, or later by the DST gap it fell into.
    wanted = datetime.combine(local.date(), clock)
    assert timedelta(0) <= local.replace(tzinfo=None) - wanted <= timedelta(hours=1)
    # Nothing earlier qualifies: the occurrence a minute before is not after ``after``
    # or is not an allowed day.
    earlier = next_at_clock(after - timedelta(days=1), clock, zone, weekdays)
    assert earlier <= after or earlier == due


@settings(max_examples=200, deadline=None)
@given(
    after=st.datetimes(
        min_value=datetime(2025, 1, 1), max_value=datetime(2028, 1, 1), timezones=st.just(UTC)
    ),
    clock=st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    zone=st.sampled_from(ZONES),
)
def test_a_reminder_never_lands_in_quiet_hours(
    after: datetime, clock: time, zone: ZoneInfo
) -> None:
    person = Person(zone=zone, quiet=NIGHTS)
    commitment = next_due(Rule("commitment", "daily", clock), after, person)
    assert commitment is not None and not NIGHTS.contains(commitment, zone)
    prompt = next_due(Rule("checkin", "daily", clock), after, person)
    if time(7, 0) <= clock < time(22, 0):
        assert prompt is not None and prompt.astimezone(zone).time() >= time(7, 0)
    else:
        assert prompt is None  # a check-in prompt in quiet hours is dropped, never held


def test_quiet_hours_hold_a_commitment_until_morning() -> None:
    person = Person(zone=LONDON, quiet=NIGHTS)
    due = next_due(Rule("commitment", "daily", time(23, 15)), utc(2026, 11, 22, 12), person)
    assert due == utc(2026, 11, 23, 7, 0)


def test_night_shifts_over_midnight_hold_reminders_and_after_shift_waits_for_the_end() -> None:
    # Three 12-hour nights from Monday 23 November 19:00, then four off.
    nights = ShiftPattern(
        kind="rotation",
        start=time(19, 0),
        hours=12,
        anchor=date(2026, 11, 23),
        on_days=3,
        off_days=4,
    )
    person = Person(zone=LONDON, quiet=NIGHTS, pattern=nights, after_shift_minutes=20)
    # A 21:00 commitment reminder falls inside the night shift: held until 07:00 the next day.
    due = next_due(Rule("commitment", "daily", time(21, 0)), utc(2026, 11, 23, 12), person)
    assert due == utc(2026, 11, 24, 7, 0)
    # After each shift: 07:20, once per shift, and none in the four days off.
    rule = Rule("commitment", "after_shift")
    times = []
    cursor = utc(2026, 11, 23, 12)
    for _ in range(4):
        found = next_due(rule, cursor, person)
        assert found is not None
        times.append(found)
        cursor = found
    assert times[:3] == [utc(2026, 11, d, 7, 20) for d in (24, 25, 26)]
    assert times[3] == utc(2026, 12, 1, 7, 20)


def test_a_weekly_schedule_and_a_tapped_shift_both_hold() -> None:
    days = ShiftPattern(kind="weekly", start=time(8, 0), hours=10, weekdays=frozenset({1, 2}))
    tapped = ((utc(2026, 11, 25, 9), utc(2026, 11, 25, 15)),)
    person = Person(zone=UTC, quiet=NO_QUIET, pattern=days, tapped=tapped)
    rule = Rule("commitment", "daily", time(12, 0))
    assert next_due(rule, utc(2026, 11, 22, 13), person) == utc(2026, 11, 23, 18)  # Monday
    assert next_due(rule, utc(2026, 11, 24, 19), person) == utc(2026, 11, 25, 15)  # tapped
    assert next_due(Rule("checkin", "daily", time(12, 0)), utc(2026, 11, 24, 19), person) == utc(
        2026, 11, 26, 12
    )
