"""The progress arithmetic: kept-of-due, strength, DST weeks and night shifts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from steady.commitments.progress import (
    DECAY,
    RISE,
    Cadence,
    due_days,
    local_today,
    milestone,
    progress,
    strength,
)

TODAY = date(2026, 11, 22)
days_back = st.integers(min_value=0, max_value=120)
cadences = st.one_of(
    st.just(Cadence("daily")),
    st.frozensets(st.integers(1, 7), min_size=1).map(lambda days: Cadence("weekdays", days)),
    st.just(Cadence("after_shift")),
    st.integers(0, 40).map(lambda back: Cadence("once", on_date=TODAY - timedelta(days=back))),
)
day_sets = st.frozensets(days_back.map(lambda back: TODAY - timedelta(days=back)), max_size=60)


@given(cadences, days_back, day_sets, day_sets)
def test_kept_never_exceeds_due_and_due_fits_the_window(
    cadence: Cadence, started: int, done: frozenset[date], shifts: frozenset[date]
) -> None:
    result = progress(cadence, TODAY - timedelta(days=started), TODAY, done, shifts, len(done))
    assert 0 <= result.kept_7 <= result.due_7 <= 7
    assert 0 <= result.kept_30 <= result.due_30 <= 30
    assert result.kept_7 <= result.kept_30 and result.due_7 <= result.due_30
    assert 0 <= result.strength < 1


@given(st.lists(st.booleans(), max_size=90))
def test_a_miss_fades_strength_but_never_to_zero(outcomes: list[bool]) -> None:
    days = [TODAY - timedelta(days=len(outcomes) - i) for i in range(len(outcomes))]
    done = {day for day, kept in zip(days, outcomes, strict=True) if kept}
    before = strength(days, done)
    missed = strength([*days, TODAY], done)
    assert missed == before * DECAY
    if before > 0:
        assert missed > 0


@given(st.lists(st.booleans(), min_size=1, max_size=90), st.data())
def test_keeping_one_more_day_never_lowers_strength(
    outcomes: list[bool], data: st.DataObject
) -> None:
    days = [TODAY - timedelta(days=len(outcomes) - i) for i in range(len(outcomes))]
    done = {day for day, kept in zip(days, outcomes, strict=True) if kept}
    extra = data.draw(st.sampled_from(days))
    assert strength(days, done | {extra}) >= strength(days, done)


def test_the_documented_figures_hold() -> None:
    days = [TODAY - timedelta(days=10 - i) for i in range(10)]
    ten_kept = strength(days, set(days))
    assert round(ten_kept, 2) == 0.89
    assert round(ten_kept * DECAY, 2) == 0.83
    assert strength([TODAY], {TODAY}) == RISE


def test_an_unfinished_today_is_not_a_miss() -> None:
    yesterday = TODAY - timedelta(days=1)
    result = progress(Cadence("daily"), yesterday, TODAY, {yesterday}, set(), 1)
    assert (result.kept_7, result.due_7) == (1, 1)
    done_today = progress(Cadence("daily"), yesterday, TODAY, {yesterday, TODAY}, set(), 2)
    assert (done_today.kept_7, done_today.due_7) == (2, 2)


def test_a_week_across_a_dst_change_still_has_seven_days() -> None:
    london = ZoneInfo("Europe/London")
    for now in (
        datetime(2026, 3, 31, 12, tzinfo=UTC),  # the week the clocks went forward (29 March)
        datetime(2026, 10, 28, 12, tzinfo=UTC),  # the week they went back (25 October)
    ):
        today = local_today(london, now)
        week = due_days(
            Cadence("daily"),
            today - timedelta(days=30),
            today - timedelta(days=6),
            today,
            {today},
            set(),
        )
        assert len(week) == 7
        assert len({day.isoweekday() for day in week}) == 7


@given(st.datetimes(min_value=datetime(2026, 3, 28), max_value=datetime(2026, 3, 30)))
def test_today_follows_the_local_calendar_through_spring_forward(moment: datetime) -> None:
    new_york = ZoneInfo("America/New_York")
    now = moment.replace(tzinfo=UTC)
    assert local_today(new_york, now) == now.astimezone(new_york).date()


def test_weekday_cadence_and_once() -> None:
    mondays = Cadence("weekdays", frozenset({1}))
    month = due_days(
        mondays, TODAY - timedelta(days=60), TODAY - timedelta(days=29), TODAY, set(), set()
    )
    assert all(day.isoweekday() == 1 for day in month) and 4 <= len(month) <= 5
    once = Cadence("once", on_date=TODAY - timedelta(days=2))
    assert due_days(
        once, TODAY - timedelta(days=5), TODAY - timedelta(days=6), TODAY, set(), set()
    ) == [TODAY - timedelta(days=2)]


def test_milestones() -> None:
    assert [milestone(n) for n in (0, 1, 6, 7, 29, 30, 100)] == [None, 1, 1, 7, 7, 30, 100]
