"""What reminders plans when other features announce what happened.

Each listener turns one event into reminder rows, inside the announcing write's own
transaction (see ``steady.events``). The events, and who announces them:

- ``checkin.saved`` / ``checkin.deleted`` (checkins): follow-ups after a hard moment.
- ``commitment.saved`` / ``commitment.deleted`` (commitments): a commitment's reminder.
- ``summary.shared`` / ``reply.sent`` / ``summary.taken_back`` (sharing): the other
  person's notice, and none once what it was about is gone.
- ``share_nudge.changed`` (sharing): the weekly nudge.
- ``shift.started`` / ``shift.ended`` (shifts): holding reminders, and
  "two minutes to land?" after a shift.
- ``circle.round_opened`` / ``circle.case_posted`` / ``circle.answer_helpful`` /
  ``circle.round_closed`` / ``circle.left`` (circles): each member's news of their circle.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import UUID

from steady.events import listens_to
from steady.reminders import service
from steady.reminders.kinds import ReminderKind
from steady.reminders.plans import replan_account

# Members are told this long before a round closes.
CLOSING_WARNING = timedelta(hours=6)


@listens_to("checkin.saved")
async def follow_up_after_a_hard_moment(
    account_id: int, checkin_id: UUID, recorded_at: datetime, hard_moment: bool, new: bool
) -> None:
    """A check-in naming a hard moment gets follow-ups; one edited to name none, none."""
    if hard_moment:
        await service.follow_up_hard_day(account_id, checkin_id, recorded_at)
    elif not new:
        await service.forget_reminders_about(account_id, checkin_id)


@listens_to("checkin.deleted", "commitment.deleted")
async def forget_what_was_deleted(account_id: int, record_id: UUID) -> None:
    """Nothing more is sent about a deleted check-in or commitment."""
    await service.forget_reminders_about(account_id, record_id)


# A commitment's reminder follows the commitment on every save: the event carries exactly
# what the service needs, so the service's own function is the listener.
keep_a_commitments_reminder = listens_to("commitment.saved")(service.set_commitment_reminder)


@listens_to("summary.shared")
async def tell_the_peer_of_a_summary(recipient: int, summary_id: UUID, heading: str) -> None:
    """The peer hears a summary was shared (only the sharer's name on the lock screen)."""
    await service.notify_peer(recipient, ReminderKind.PEER_SHARED, summary_id, heading)


@listens_to("reply.sent")
async def tell_the_sharer_of_a_reply(sharer: int, summary_id: UUID, heading: str) -> None:
    """The sharer hears a peer replied."""
    await service.notify_peer(sharer, ReminderKind.PEER_REPLY, summary_id, heading)


@listens_to("summary.taken_back")
async def forget_a_summary_taken_back(recipient: int, summary_id: UUID) -> None:
    """A withdrawn summary (or one in an ended connection) is never announced after all."""
    await service.forget_reminders_about(recipient, summary_id)


@listens_to("share_nudge.changed")
async def keep_the_weekly_nudge(account_id: int, weekday: int | None, clock: str | None) -> None:
    """The weekly nudge to reach out follows the person's choice."""
    await service.set_share_nudge(account_id, weekday, clock)


@listens_to("shift.started")
async def hold_for_the_shift(account_id: int) -> None:
    """Reminders that respect shifts wait while one runs."""
    await replan_account(account_id)


@listens_to("shift.ended")
async def land_after_the_shift(account_id: int, ended_at: datetime) -> None:
    """After a shift: "two minutes to land?", after-shift commitments, held reminders."""
    await service.land_after_shift(account_id, ended_at)


@listens_to("circle.round_opened")
async def tell_the_circle_a_round_opened(
    circle_id: UUID, name: str, members: list[int], closes_at: datetime
) -> None:
    """Everyone hears the round opened, and again six hours before it closes."""
    await service.tell_circle(members, ReminderKind.CIRCLE_ROUND, circle_id, name)
    warning = closes_at - CLOSING_WARNING
    await service.tell_circle(members, ReminderKind.CIRCLE_CLOSING, circle_id, name, warning)


@listens_to("circle.case_posted")
async def tell_the_circle_of_the_case(circle_id: UUID, name: str, members: list[int]) -> None:
    """The others hear a case is waiting for their answers."""
    await service.tell_circle(members, ReminderKind.CIRCLE_CASE, circle_id, name)


@listens_to("circle.answer_helpful")
async def tell_the_answer_helped(account_id: int, circle_id: UUID, name: str) -> None:
    """Whoever answered hears their answer helped."""
    await service.tell_circle([account_id], ReminderKind.CIRCLE_HELPFUL, circle_id, name)


@listens_to("circle.round_closed")
async def forget_a_closed_round(circle_id: UUID, members: list[int]) -> None:
    """Nothing more is sent about a round once it has closed."""
    for account_id in members:
        await service.forget_reminders_about(account_id, circle_id)


@listens_to("circle.left")
async def forget_a_circle_left(account_id: int, circle_id: UUID) -> None:
    """Someone who left a circle hears nothing more from it."""
    await service.forget_reminders_about(account_id, circle_id)


LISTENERS = (
    follow_up_after_a_hard_moment,
    forget_what_was_deleted,
    keep_a_commitments_reminder,
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
