"""Commitments, their completions, and progress computed from completed days."""

from __future__ import annotations

from datetime import date, timedelta, tzinfo
from uuid import UUID

from piccolo.query.functions.aggregate import Count

from steady import clock, sync
from steady.accounts.service import next_revision, synced_write, time_zone_of
from steady.commitments.events import CommitmentDeleted, CommitmentSaved
from steady.commitments.progress import HISTORY_DAYS, Cadence, due_days, local_today, progress
from steady.commitments.schemas import (
    MAX_ACTIVE as MAX_ACTIVE,
)
from steady.commitments.schemas import (
    CommitmentProgress,
    CommitmentView,
    CommitmentWrite,
    CompletionView,
    CompletionWrite,
    ProgressReport,
)
from steady.commitments.tables import (
    Commitment,
    CommitmentTombstone,
    Completion,
    CompletionTombstone,
)
from steady.domain import Conflict, Gone, InvalidField
from steady.events import announce
from steady.shifts.service import shift_days


def _commitment_rules(data: CommitmentWrite) -> None:
    if data.cadence == "weekdays" and not data.weekdays:
        raise InvalidField("weekdays", "Choose at least one day for this commitment.")
    if data.cadence == "once" and data.on_date is None:
        raise InvalidField("on_date", "Choose the day for a one-off commitment.")


async def _check_commitment(account_id: int, commitment_id: UUID, data: CommitmentWrite) -> None:
    if data.active:
        others = await Commitment.count().where(
            (Commitment.account == account_id)
            & (Commitment.active.eq(True))
            & (Commitment.id != commitment_id)
        )
        if others >= MAX_ACTIVE:
            raise Conflict(
                f"You already have {MAX_ACTIVE} active commitments. Archive one first.",
                field="active",
            )


async def _announce_saved(
    account_id: int, commitment_id: UUID, data: CommitmentWrite, _new: bool
) -> None:
    await announce(
        CommitmentSaved(
            account_id=account_id,
            commitment_id=commitment_id,
            title=data.title,
            cadence=data.cadence,
            weekdays=frozenset(data.weekdays),
            on_date=data.on_date,
            reminder_time=data.reminder_time,
            active=data.active,
        )
    )


async def _forget_dependents(account_id: int, commitment_id: UUID) -> None:
    await announce(CommitmentDeleted(account_id=account_id, commitment_id=commitment_id))
    # A deleted commitment takes its ticks with it, each with a tombstone for other devices.
    rows = await Completion.select(Completion.id).where(
        (Completion.account == account_id) & (Completion.commitment_id == commitment_id)
    )
    for row in rows:
        await sync.delete_owned(
            Completion,
            CompletionTombstone,
            item_id=row["id"],
            account_id=account_id,
            revision=await next_revision(account_id),
        )


async def _check_completion(account_id: int, _completion_id: UUID, data: CompletionWrite) -> None:
    if not await Commitment.exists().where(
        (Commitment.id == data.commitment_id) & (Commitment.account == account_id)
    ):
        raise Gone("That commitment was deleted.")
    check_tick_day(data, await time_zone_of(account_id))


def check_tick_day(data: CompletionWrite, zone: tzinfo) -> None:
    """A tick counts for the day it was tapped, or the day before (after a night shift),
    in the person's zone; anything else is a mistake (also checked before an import)."""
    tapped_on = data.completed_at.astimezone(zone).date()
    if data.local_date not in {tapped_on, tapped_on - timedelta(days=1)}:
        raise InvalidField(
            "local_date", "The day needs to be the day it was done (or the day before)."
        )


def _completion_values(data: CompletionWrite) -> dict[str, object]:
    return {
        "commitment_id": data.commitment_id,
        "local_date": data.local_date,
        "completed_at": data.completed_at,
    }


commitments: sync.SyncedCollection[CommitmentWrite, CommitmentView] = sync.SyncedCollection(
    Commitment,
    CommitmentTombstone,
    CommitmentView,
    synced_write,
    rules=_commitment_rules,
    check=_check_commitment,
    after_save=_announce_saved,
    after_delete=_forget_dependents,
)

completions: sync.SyncedCollection[CompletionWrite, CompletionView] = sync.SyncedCollection(
    Completion,
    CompletionTombstone,
    CompletionView,
    synced_write,
    values=_completion_values,
    check=_check_completion,
)


async def active_count(account_id: int) -> int:
    """How many of this person's commitments are active (at most ``MAX_ACTIVE``)."""
    return int(
        await Commitment.count().where(
            (Commitment.account == account_id) & (Commitment.active.eq(True))
        )
    )


async def progress_report(account_id: int) -> ProgressReport:
    """Kept-of-due, strength and milestones for each active commitment, from completed days."""
    today = local_today(await time_zone_of(account_id), clock.now())
    first = today - timedelta(days=HISTORY_DAYS - 1)
    active = await Commitment.select().where(
        (Commitment.account == account_id) & (Commitment.active.eq(True))
    )
    recent = await (
        Completion.select(Completion.commitment_id, Completion.local_date)
        .where((Completion.account == account_id) & (Completion.local_date >= first))
        .distinct()
    )
    totals = await (
        Completion.select(
            Completion.commitment_id,
            Count(distinct=[Completion.local_date]).as_alias("days"),
        )
        .where(Completion.account == account_id)
        .group_by(Completion.commitment_id)
    )
    done: dict[UUID, set[object]] = {}
    for row in recent:
        done.setdefault(row["commitment_id"], set()).add(row["local_date"])
    days_done = {row["commitment_id"]: int(row["days"]) for row in totals}
    shifts = await shift_days(account_id, first, today)
    report = []
    for row in active:
        cadence = Cadence(row["cadence"], frozenset(row["weekdays"] or ()), row["on_date"])
        result = progress(
            cadence,
            row["starts_on"],
            today,
            done.get(row["id"], set()),  # type: ignore[arg-type]
            shifts,
            days_done.get(row["id"], 0),
        )
        report.append(CommitmentProgress(commitment_id=row["id"], **result.__dict__))
    return ProgressReport(today=today, commitments=report)


async def kept_between(account_id: int, first: date, last: date) -> tuple[int, int]:
    """Commitments kept of those due over [first, last], for a summary shared with a peer
    (the same forgiving count as the Today view: today counts only once done)."""
    active = await Commitment.select().where(
        (Commitment.account == account_id) & (Commitment.active.eq(True))
    )
    rows = await (
        Completion.select(Completion.commitment_id, Completion.local_date)
        .where(
            (Completion.account == account_id)
            & (Completion.local_date >= first)
            & (Completion.local_date <= last)
        )
        .distinct()
    )
    done: dict[UUID, set[date]] = {}
    for row in rows:
        done.setdefault(row["commitment_id"], set()).add(row["local_date"])
    shifts = await shift_days(account_id, first, last)
    kept = due = 0
    for row in active:
        cadence = Cadence(row["cadence"], frozenset(row["weekdays"] or ()), row["on_date"])
        finished = done.get(row["id"], set())
        days = due_days(cadence, row["starts_on"], first, last, finished, shifts)
        due += len(days)
        kept += sum(day in finished for day in days)
    return kept, due
