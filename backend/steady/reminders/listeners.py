"""What reminders plans when other features announce what happened.

Each listener turns one event into reminder rows, inside the announcing write's own
transaction (see ``steady.events``). The events, and who announces them:

- ``CheckinSaved`` / ``CheckinDeleted`` (checkins): follow-ups after a hard moment.
- ``CommitmentSaved`` / ``CommitmentDeleted`` (commitments): a commitment's reminder.
- ``SummaryShared`` / ``ReplySent`` / ``SummaryTakenBack`` (sharing): the other person's
  notice, and none once what it was about is gone.
- ``ShareNudgeChanged`` (sharing): the weekly nudge.
- ``ShiftStarted`` / ``ShiftEnded`` (shifts): holding reminders, and "two minutes to
  land?" after a shift.
- ``CircleRoundOpened`` / ``CircleCasePosted`` / ``CircleAnswerHelpful`` /
  ``CircleRoundClosed`` / ``CircleLeft`` (circles): each member's news of their circle.
"""

from __future__ import annotations

from datetime import timedelta

from steady.checkins.events import CheckinDeleted, CheckinSaved
from steady.circles.events import (
    CircleAnswerHelpful,
    CircleCasePosted,
    CircleLeft,
    CircleRoundClosed,
    CircleRoundOpened,
)
from steady.commitments.events import CommitmentDeleted, CommitmentSaved
from steady.events import listens_to
from steady.reminders import service
from steady.reminders.kinds import ReminderKind
from steady.reminders.plans import replan_account
from steady.sharing.events import ReplySent, ShareNudgeChanged, SummaryShared, SummaryTakenBack
from steady.shifts.events import ShiftEnded, ShiftStarted

# Members are told this long before a round closes.
CLOSING_WARNING = timedelta(hours=6)


@listens_to(CheckinSaved)
async def follow_up_after_a_hard_moment(event: CheckinSaved) -> None:
    """A check-in naming a hard moment gets follow-ups; one edited to name none, none."""
    if event.hard_moment:
        await service.follow_up_hard_day(event.account_id, event.checkin_id, event.recorded_at)
    elif not event.new:
        await service.forget_reminders_about(event.account_id, event.checkin_id)


@listens_to(CheckinDeleted)
async def forget_a_deleted_checkin(event: CheckinDeleted) -> None:
    """Nothing more is sent about a deleted check-in."""
    await service.forget_reminders_about(event.account_id, event.checkin_id)


@listens_to(CommitmentSaved)
async def keep_a_commitments_reminder(event: CommitmentSaved) -> None:
    """A commitment's reminder follows the commitment on every save."""
    await service.set_commitment_reminder(
        event.account_id,
        event.commitment_id,
        title=event.title,
        cadence=event.cadence,
        weekdays=event.weekdays,
        on_date=event.on_date,
        reminder_time=event.reminder_time,
        active=event.active,
    )


@listens_to(CommitmentDeleted)
async def forget_a_deleted_commitment(event: CommitmentDeleted) -> None:
    """Nothing more is sent about a deleted commitment."""
    await service.forget_reminders_about(event.account_id, event.commitment_id)


@listens_to(SummaryShared)
async def tell_the_peer_of_a_summary(event: SummaryShared) -> None:
    """The peer hears a summary was shared (only the sharer's name on the lock screen)."""
    await service.notify_peer(
        event.recipient, ReminderKind.PEER_SHARED, event.summary_id, event.heading
    )


@listens_to(ReplySent)
async def tell_the_sharer_of_a_reply(event: ReplySent) -> None:
    """The sharer hears a peer replied."""
    await service.notify_peer(
        event.sharer, ReminderKind.PEER_REPLY, event.summary_id, event.heading
    )


@listens_to(SummaryTakenBack)
async def forget_a_summary_taken_back(event: SummaryTakenBack) -> None:
    """A withdrawn summary (or one in an ended connection) is never announced after all."""
    await service.forget_reminders_about(event.recipient, event.summary_id)


@listens_to(ShareNudgeChanged)
async def keep_the_weekly_nudge(event: ShareNudgeChanged) -> None:
    """The weekly nudge to reach out follows the person's choice."""
    await service.set_share_nudge(event.account_id, event.weekday, event.clock)


@listens_to(ShiftStarted)
async def hold_for_the_shift(event: ShiftStarted) -> None:
    """Reminders that respect shifts wait while one runs."""
    await replan_account(event.account_id)


@listens_to(ShiftEnded)
async def land_after_the_shift(event: ShiftEnded) -> None:
    """After a shift: "two minutes to land?", after-shift commitments, held reminders."""
    await service.land_after_shift(event.account_id, event.ended_at)


@listens_to(CircleRoundOpened)
async def tell_the_circle_a_round_opened(event: CircleRoundOpened) -> None:
    """Everyone hears the round opened, and again six hours before it closes."""
    members, circle_id, name = event.members, event.circle_id, event.name
    await service.tell_circle(members, ReminderKind.CIRCLE_ROUND, circle_id, name)
    warning = event.closes_at - CLOSING_WARNING
    await service.tell_circle(members, ReminderKind.CIRCLE_CLOSING, circle_id, name, warning)


@listens_to(CircleCasePosted)
async def tell_the_circle_of_the_case(event: CircleCasePosted) -> None:
    """The others hear a case is waiting for their answers."""
    await service.tell_circle(event.members, ReminderKind.CIRCLE_CASE, event.circle_id, event.name)


@listens_to(CircleAnswerHelpful)
async def tell_the_answer_helped(event: CircleAnswerHelpful) -> None:
    """Whoever answered hears their answer helped."""
    await service.tell_circle(
        [event.account_id], ReminderKind.CIRCLE_HELPFUL, event.circle_id, event.name
    )


@listens_to(CircleRoundClosed)
async def forget_a_closed_round(event: CircleRoundClosed) -> None:
    """Nothing more is sent about a round once it has closed."""
    for account_id in event.members:
        await service.forget_reminders_about(account_id, event.circle_id)


@listens_to(CircleLeft)
async def forget_a_circle_left(event: CircleLeft) -> None:
    """Someone who left a circle hears nothing more from it."""
    await service.forget_reminders_about(event.account_id, event.circle_id)


LISTENERS = (
    follow_up_after_a_hard_moment,
    forget_a_deleted_checkin,
    keep_a_commitments_reminder,
    forget_a_deleted_commitment,
    tell_the_peer_of_a_summary,
    tell_the_sharer_of_a_reply,
    forget_a_summary_taken_back,
    keep_the_weekly_nudge,
    hold_for_the_shift,
    land_after_the_shift,
    tell_the_circle_a_round_opened,
    tell_the_circle_of_the_case,
    tell_the_answer_helped,
    forget_a_closed_round,
    forget_a_circle_left,
)
