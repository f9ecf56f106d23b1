"""Recording check-ins, their history, and the insights computed from them in the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar
from uuid import UUID

from piccolo.columns.combination import And, Where
from piccolo.query.functions.aggregate import Avg, Count

from steady import clock
from steady.accounts.service import synced_write, time_zone_of
from steady.checkins.events import CheckinDeleted, CheckinSaved
from steady.checkins.schemas import (
    Averages,
    CheckinHistory,
    CheckinView,
    CheckinWrite,
    Context,
    ContextAverages,
    DayAverages,
    Insights,
    MarkCount,
    TagAverages,
)
from steady.checkins.tables import Checkin, CheckinMark, CheckinTombstone
from steady.domain import InvalidField
from steady.events import announce
from steady.sync import SyncedCollection

# Fewer check-ins than this in a window, and insights say so rather than guess.
INSIGHT_MINIMUM = 3
SCORES = ("mood", "energy", "stress", "connected")


def _rules(data: CheckinWrite) -> None:
    # The day may differ from the UTC date by a day either way (time zones), and a night
    # shift may keep the day before: anything further away is a mistake.
    utc_day = data.recorded_at.astimezone(UTC).date()
    if not utc_day - timedelta(days=2) <= data.local_date <= utc_day + timedelta(days=1):
        raise InvalidField(
            "local_date", "The day needs to be the day of the check-in (or the day before)."
        )


async def _after_save(account_id: int, checkin_id: UUID, data: CheckinWrite, new: bool) -> None:
    await _write_marks(account_id, checkin_id, data, new)
    await announce(
        CheckinSaved(
            account_id=account_id,
            checkin_id=checkin_id,
            recorded_at=data.recorded_at,
            hard_moment=bool(data.tags),
            new=new,
        )
    )


async def _after_delete(account_id: int, checkin_id: UUID) -> None:
    await announce(CheckinDeleted(account_id=account_id, checkin_id=checkin_id))


async def _write_marks(account_id: int, checkin_id: UUID, data: CheckinWrite, new: bool) -> None:
    if not new:
        await CheckinMark.delete().where(CheckinMark.checkin == checkin_id)
    marks = [("body", value) for value in dict.fromkeys(data.body_signals)]
    marks += [("tag", value) for value in dict.fromkeys(data.tags)]
    if marks:
        await CheckinMark.insert(
            *[
                CheckinMark(
                    checkin=checkin_id,
                    account=account_id,
                    kind=kind,
                    value=value,
                    local_date=data.local_date,
                )
                for kind, value in marks
            ]
        )


checkins: SyncedCollection[CheckinWrite, CheckinView] = SyncedCollection(
    Checkin,
    CheckinTombstone,
    CheckinView,
    synced_write,
    rules=_rules,
    after_save=_after_save,
    after_delete=_after_delete,
)


async def history(
    account_id: int,
    *,
    start: date | None,
    end: date | None,
    context: Context | None,
    limit: int,
    offset: int,
) -> CheckinHistory:
    """The account's check-ins, newest first, optionally within days and one context."""
    where: Where | And = Checkin.account == account_id
    if start is not None:
        where &= Checkin.local_date >= start
    if end is not None:
        where &= Checkin.local_date <= end
    if context is not None:
        where &= Checkin.context == context
    rows = await (
        Checkin.select()
        .where(where)
        .order_by(Checkin.recorded_at, ascending=False)
        .limit(limit + 1)
        .offset(offset)
    )
    return CheckinHistory(
        items=[checkins.to_view(row) for row in rows[:limit]], more=len(rows) > limit
    )


A = TypeVar("A", bound=Averages)


def _averages(row: dict[str, Any], cls: type[A], **extra: Any) -> A:
    return cls(
        count=int(row["count"]),
        **{score: round(float(row[score] or 0), 2) for score in SCORES},
        **extra,
    )


def _score_averages(table_prefix: Any) -> list[Any]:
    return [Avg(getattr(table_prefix, score)).as_alias(score) for score in SCORES]


async def today_for(account_id: int) -> date:
    """Today's date in the account's time zone."""
    return clock.today_in(await time_zone_of(account_id))


async def insights(account_id: int, days: int) -> Insights:
    """Averages by day, by context and by hard-event tag, and the most common body signals,
    all aggregated in the database over the last ``days`` days."""
    end = await today_for(account_id)
    start = end - timedelta(days=days - 1)
    window = (
        (Checkin.account == account_id)
        & (Checkin.local_date >= start)
        & (Checkin.local_date <= end)
    )
    totals = await Checkin.select(Count().as_alias("count"), *_score_averages(Checkin)).where(
        window
    )
    count = int(totals[0]["count"]) if totals else 0
    series = await (
        Checkin.select(Checkin.local_date, Count().as_alias("count"), *_score_averages(Checkin))
        .where(window)
        .group_by(Checkin.local_date)
        .order_by(Checkin.local_date)
    )
    contexts = await (
        Checkin.select(Checkin.context, Count().as_alias("count"), *_score_averages(Checkin))
        .where(window)
        .group_by(Checkin.context)
        .order_by(Checkin.context)
    )
    mark_window = (
        (CheckinMark.account == account_id)
        & (CheckinMark.local_date >= start)
        & (CheckinMark.local_date <= end)
    )
    signals = await (
        CheckinMark.select(CheckinMark.value, Count().as_alias("count"))
        .where(mark_window & (CheckinMark.kind == "body"))
        .group_by(CheckinMark.value)
        .order_by(Count(), ascending=False)
        .limit(5)
    )
    tags = await (
        CheckinMark.select(
            CheckinMark.value, Count().as_alias("count"), *_score_averages(CheckinMark.checkin)
        )
        .where(mark_window & (CheckinMark.kind == "tag"))
        .group_by(CheckinMark.value)
        .order_by(Count(), ascending=False)
    )
    tagged_ids = CheckinMark.select(CheckinMark.checkin).where(
        mark_window & (CheckinMark.kind == "tag")
    )
    untagged = await Checkin.select(Count().as_alias("count"), *_score_averages(Checkin)).where(
        window & Checkin.id.not_in(tagged_ids)
    )
    return Insights(
        days=days,
        start=start,
        end=end,
        count=count,
        enough=count >= INSIGHT_MINIMUM,
        minimum=INSIGHT_MINIMUM,
        overall=_averages(totals[0], Averages) if count else None,
        series=[_averages(r, DayAverages, date=r["local_date"]) for r in series],
        by_context=[
            _averages(r, ContextAverages, context=r["context"] or "unspecified") for r in contexts
        ],
        body_signals=[MarkCount(value=r["value"], count=int(r["count"])) for r in signals],
        by_tag=[_averages(r, TagAverages, tag=r["value"]) for r in tags],
        untagged=_averages(untagged[0], Averages) if untagged and untagged[0]["count"] else None,
    )


async def after_shift_days(account_id: int, first: date, last: date) -> set[date]:
    """Days with an "after shift" check-in (reminders counts these as days a shift ended)."""
    rows = await (
        Checkin.select(Checkin.local_date)
        .where(
            (Checkin.account == account_id)
            & (Checkin.context == "after_shift")
            & (Checkin.local_date >= first)
            & (Checkin.local_date <= last)
        )
        .distinct()
    )
    return {row["local_date"] for row in rows}


@dataclass(frozen=True)
class PeriodScores:
    """Averages of the scales over a period and which way each moved within it."""

    count: int
    averages: dict[str, float]
    trends: dict[str, str | None]


SHARED_SCALES = ("mood", "energy", "stress")
# Fewer check-ins than this in a period, and no trend is claimed.
TREND_MINIMUM = 4


def _trend(values: list[int]) -> str | None:
    if len(values) < TREND_MINIMUM:
        return None
    half = len(values) // 2
    change = sum(values[half:]) / (len(values) - half) - sum(values[:half]) / half
    return "rising" if change >= 0.5 else "falling" if change <= -0.5 else "steady"


async def scores_between(account_id: int, start: datetime, end: datetime) -> PeriodScores:
    """Mood, energy and stress over a period a person chose to share with a peer: averages,
    and the second half against the first (a trend needs a few check-ins)."""
    rows = await (
        Checkin.select(*(getattr(Checkin, scale) for scale in SHARED_SCALES))
        .where(
            (Checkin.account == account_id)
            & (Checkin.recorded_at >= start)
            & (Checkin.recorded_at <= end)
        )
        .order_by(Checkin.recorded_at)
    )
    series = {scale: [int(row[scale]) for row in rows] for scale in SHARED_SCALES}
    return PeriodScores(
        count=len(rows),
        averages={
            scale: round(sum(values) / len(values), 1) if values else 0.0
            for scale, values in series.items()
        },
        trends={scale: _trend(values) for scale, values in series.items()},
    )
