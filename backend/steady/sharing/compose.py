"""Building a summary from what other features know: only the parts a person chose, over
the period they chose, as plain figures a peer can read."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import msgspec

from steady.accounts.service import time_zone_of, usernames_of
from steady.checkins.service import scores_between
from steady.commitments.service import kept_between
from steady.domain import InvalidField
from steady.grounding.service import minutes_between
from steady.sharing.schemas import HELP_WORDS, Kept, Scores, SummaryContent, SummaryDraft
from steady.shifts.service import latest_shift

CUSTOM_RANGE_DAYS = 31
SHIFT_LOOKBACK = timedelta(hours=24)


@dataclass(frozen=True)
class Span:
    """A period in both clocks: instants for check-ins, local days for commitments."""

    label: str
    start: datetime
    end: datetime
    first_day: date
    last_day: date


def _day_label(day: date) -> str:
    return f"{day.day} {day:%b}"


async def resolve_period(account_id: int, draft: SummaryDraft, now: datetime) -> Span:
    """The period a draft names, in the sharer's own time zone."""
    zone = await time_zone_of(account_id)
    today = now.astimezone(zone).date()
    if draft.period == "shift":
        shift = await latest_shift(account_id, SHIFT_LOOKBACK, now)
        if shift is None:
            raise InvalidField(
                "period",
                "There's no shift in the last day. Tap Start shift next time, or choose the"
                " last 7 days or some dates.",
            )
        end = shift.ended_at or now
        label = "Last shift" if shift.ended_at else "This shift"
        start = shift.started_at
        return Span(label, start, end, start.astimezone(zone).date(), end.astimezone(zone).date())
    if draft.period == "week":
        first = today - timedelta(days=6)
        start = datetime.combine(first, time(), zone)
        return Span("Last 7 days", start, now, first, today)
    if draft.start is None:
        raise InvalidField("start", "Choose the first day.")
    if draft.end is None:
        raise InvalidField("end", "Choose the last day.")
    if draft.end < draft.start:
        raise InvalidField("end", "The last day needs to be on or after the first.")
    if draft.end > today:
        raise InvalidField("end", "The last day can't be in the future.")
    if (draft.end - draft.start).days >= CUSTOM_RANGE_DAYS:
        raise InvalidField("end", f"Choose at most {CUSTOM_RANGE_DAYS} days.")
    start = datetime.combine(draft.start, time(), zone)
    end = min(now, datetime.combine(draft.end + timedelta(days=1), time(), zone))
    label = (
        _day_label(draft.start)
        if draft.start == draft.end
        else f"{_day_label(draft.start)} \u2013 {_day_label(draft.end)}"  # an en dash
    )
    return Span(label, start, end, draft.start, draft.end)


async def compose(account_id: int, draft: SummaryDraft, now: datetime) -> SummaryContent:
    """Exactly what the peer would see for this draft, computed now."""
    note = draft.note.strip()
    parts = draft.parts
    chosen = parts.scores or parts.commitments or parts.grounding or note or draft.help
    if not (chosen or draft.sealed_words):
        raise InvalidField("parts", "Choose at least one thing to share.")
    span = await resolve_period(account_id, draft, now)
    scores = None
    if parts.scores:
        found = await scores_between(account_id, span.start, span.end)
        scores = Scores(
            count=found.count,
            mood=found.averages["mood"],
            energy=found.averages["energy"],
            stress=found.averages["stress"],
            mood_trend=found.trends["mood"],
            energy_trend=found.trends["energy"],
            stress_trend=found.trends["stress"],
        )
    kept = None
    if parts.commitments:
        done, due = await kept_between(account_id, span.first_day, span.last_day)
        kept = Kept(kept=done, due=due)
    minutes = await minutes_between(account_id, span.start, span.end) if parts.grounding else None
    name = (await usernames_of([account_id])).get(account_id, "")
    return SummaryContent(
        sharer_name=name,
        period_label=span.label,
        start=span.start,
        end=span.end,
        scores=scores,
        commitments=kept,
        grounding_minutes=minutes,
        note=note or None,
        help=HELP_WORDS[draft.help] if draft.help else None,
    )


def fingerprint(content: SummaryContent) -> str:
    """A short digest of a preview, so "Send" can tell whether it still matches (the end of
    a period that runs up to now moves on by itself, so it is left out)."""
    steady_part = msgspec.structs.replace(content, end=content.start)
    return hashlib.sha256(msgspec.json.encode(steady_part)).hexdigest()[:32]
