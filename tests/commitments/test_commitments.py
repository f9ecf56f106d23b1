"""Commitments and completions: bounded, owner-scoped, idempotent, and kind about progress."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from steady.commitments.tables import (
    Commitment,
    CommitmentTombstone,
    Completion,
    CompletionTombstone,
)
from tests.clock import current
from tests.helpers import Api, commitment_body, completion_body, field_names, new_id


async def signed_up(api: Api, name: str = "sam") -> date:
    await api.sign_up(name)
    await api.patch("/api/account", json={"time_zone": "UTC"})
    return current().now().date()


async def test_create_edit_archive_and_replay(api: Api) -> None:
    await signed_up(api)
    commitment_id = new_id()
    body = commitment_body(cadence="weekdays", weekdays=[1, 3, 5], reminder_time="18:30")
    assert (await api.put(f"/api/commitments/{commitment_id}", json=body)).status_code == 201
    assert (await api.put(f"/api/commitments/{commitment_id}", json=body)).status_code == 200
    assert await Commitment.count() == 1
    archived = await api.put(f"/api/commitments/{commitment_id}", json={**body, "active": False})
    assert archived.json()["active"] is False
    assert archived.json()["weekdays"] == [1, 3, 5]
    assert archived.json()["reminder_time"] == "18:30"


BAD: list[tuple[str, dict[str, Any], str]] = [
    ("empty title", {"title": ""}, "title"),
    ("long title", {"title": "x" * 81}, "title"),
    ("long why", {"why": "x" * 281}, "why"),
    ("unknown cadence", {"cadence": "monthly"}, "cadence"),
    ("weekday out of range", {"cadence": "weekdays", "weekdays": [0]}, "weekdays[0]"),
    ("weekdays without days", {"cadence": "weekdays", "weekdays": []}, "weekdays"),
    ("once without a date", {"cadence": "once"}, "on_date"),
    ("bad reminder time", {"reminder_time": "25:00"}, "reminder_time"),
    ("missing start", {"starts_on": None}, "starts_on"),
]


@pytest.mark.parametrize(("override", "field"), [c[1:] for c in BAD], ids=[c[0] for c in BAD])
async def test_bad_commitments_are_refused_and_not_written(
    api: Api, override: dict[str, Any], field: str
) -> None:
    await signed_up(api)
    body = {k: v for k, v in {**commitment_body(), **override}.items() if v is not None}
    response = await api.put(f"/api/commitments/{new_id()}", json=body)
    assert response.status_code == 400, response.text
    assert field_names(response) == [field]
    assert await Commitment.count() == 0


async def test_at_most_twenty_active_commitments(api: Api) -> None:
    await signed_up(api)
    for n in range(20):
        response = await api.put(
            f"/api/commitments/{new_id()}", json=commitment_body(title=f"Small thing {n}")
        )
        assert response.status_code == 201
    extra = await api.put(
        f"/api/commitments/{new_id()}", json=commitment_body(title="One too many")
    )
    assert extra.status_code == 409
    assert field_names(extra) == ["active"]
    archived_id = new_id()
    archived = await api.put(f"/api/commitments/{archived_id}", json=commitment_body(active=False))
    assert archived.status_code == 201
    assert await Commitment.count() == 21


async def test_another_person_gets_404_for_my_commitments_and_ticks(
    api: Api, other_api: Api
) -> None:
    await signed_up(api)
    await signed_up(other_api, "alex")
    commitment_id, completion_id = new_id(), new_id()
    await api.put(f"/api/commitments/{commitment_id}", json=commitment_body())
    await api.put(f"/api/completions/{completion_id}", json=completion_body(commitment_id))
    for path in (f"/api/commitments/{commitment_id}", f"/api/completions/{completion_id}"):
        assert (await other_api.get(path)).status_code == 404
        assert (await other_api.delete(path)).status_code == 404
    assert (
        await other_api.put(f"/api/commitments/{commitment_id}", json=commitment_body())
    ).status_code == 404
    # Ticking someone else's commitment is refused as if it did not exist.
    theirs = await other_api.put(
        f"/api/completions/{new_id()}", json=completion_body(commitment_id)
    )
    assert theirs.status_code == 410
    assert await Completion.count() == 1


async def test_completion_replay_undo_and_tombstone_in_the_feed(api: Api) -> None:
    await signed_up(api)
    commitment_id, completion_id = new_id(), new_id()
    await api.put(f"/api/commitments/{commitment_id}", json=commitment_body())
    cursor = (await api.get("/api/completions")).json()["cursor"]
    body = completion_body(commitment_id)
    assert (await api.put(f"/api/completions/{completion_id}", json=body)).status_code == 201
    assert (await api.put(f"/api/completions/{completion_id}", json=body)).status_code == 200
    assert await Completion.count() == 1
    assert (await api.delete(f"/api/completions/{completion_id}")).status_code == 204
    feed = (await api.get("/api/completions", params={"since": cursor})).json()
    assert feed["items"] == [] and feed["deleted"] == [completion_id]


@pytest.mark.calendar_sweep
async def test_a_tick_may_count_for_the_day_before_but_not_further(api: Api) -> None:
    today = await signed_up(api)
    commitment_id = new_id()
    await api.put(
        f"/api/commitments/{commitment_id}",
        json=commitment_body(starts_on=(today - timedelta(days=5)).isoformat()),
    )
    night = completion_body(commitment_id, local_date=(today - timedelta(days=1)).isoformat())
    assert (await api.put(f"/api/completions/{new_id()}", json=night)).status_code == 201
    too_far = completion_body(commitment_id, local_date=(today - timedelta(days=2)).isoformat())
    response = await api.put(f"/api/completions/{new_id()}", json=too_far)
    assert response.status_code == 400
    assert field_names(response) == ["local_date"]


async def test_deleting_a_commitment_takes_its_ticks_with_tombstones(api: Api) -> None:
    today = await signed_up(api)
    commitment_id = new_id()
    await api.put(
        f"/api/commitments/{commitment_id}",
        json=commitment_body(starts_on=(today - timedelta(days=3)).isoformat()),
    )
    ticks = [new_id(), new_id()]
    await api.put(f"/api/completions/{ticks[0]}", json=completion_body(commitment_id))
    yesterday = (today - timedelta(days=1)).isoformat()
    await api.put(
        f"/api/completions/{ticks[1]}", json=completion_body(commitment_id, local_date=yesterday)
    )
    cursor = (await api.get("/api/completions")).json()["cursor"]
    assert (await api.delete(f"/api/commitments/{commitment_id}")).status_code == 204
    assert await Completion.count() == 0
    assert await CompletionTombstone.count() == 2 and await CommitmentTombstone.count() == 1
    feed = (await api.get("/api/completions", params={"since": cursor, "limit": 1})).json()
    rest = (await api.get("/api/completions", params={"since": feed["cursor"]})).json()
    assert sorted(feed["deleted"] + rest["deleted"]) == sorted(ticks)
    late = await api.put(f"/api/completions/{new_id()}", json=completion_body(commitment_id))
    assert late.status_code == 410


@pytest.mark.calendar_sweep
async def test_progress_counts_kept_days_and_forgives_misses(api: Api) -> None:
    today = await signed_up(api)
    commitment_id = new_id()
    start = today - timedelta(days=9)
    await api.put(
        f"/api/commitments/{commitment_id}", json=commitment_body(starts_on=start.isoformat())
    )
    # Kept 8 of the last 10 days (missed 4 and 6 days ago), including today.
    for back in range(10):
        if back in (4, 6):
            continue
        day = today - timedelta(days=back)
        moment = datetime(day.year, day.month, day.day, 20, tzinfo=UTC)
        await api.put(
            f"/api/completions/{new_id()}",
            json=completion_body(
                commitment_id, local_date=day.isoformat(), completed_at=moment.isoformat()
            ),
        )
    report = (await api.get("/api/commitments/progress")).json()
    assert report["today"] == today.isoformat()
    (progress,) = report["commitments"]
    assert (progress["kept_7"], progress["due_7"]) == (5, 7)
    assert (progress["kept_30"], progress["due_30"]) == (8, 10)
    assert progress["completions"] == 8
    assert progress["milestone"] == 7
    assert 0.5 < progress["strength"] < 1


@pytest.mark.calendar_sweep
async def test_after_shift_commitments_are_due_on_shift_days(api: Api) -> None:
    today = await signed_up(api)
    commitment_id = new_id()
    start = today - timedelta(days=6)
    await api.put(
        f"/api/commitments/{commitment_id}",
        json=commitment_body(
            title="Text a colleague", cadence="after_shift", starts_on=start.isoformat()
        ),
    )
    for back in (1, 3):  # two shifts ended: after-shift check-ins
        day = today - timedelta(days=back)
        moment = datetime(day.year, day.month, day.day, 21, tzinfo=UTC)
        await api.put(
            f"/api/checkins/{new_id()}",
            json={
                "recorded_at": moment.isoformat(),
                "local_date": day.isoformat(),
                "mood": 3,
                "energy": 2,
                "stress": 3,
                "connected": 3,
                "context": "after_shift",
            },
        )
    day = today - timedelta(days=1)
    await api.put(
        f"/api/completions/{new_id()}",
        json=completion_body(
            commitment_id,
            local_date=day.isoformat(),
            completed_at=datetime(day.year, day.month, day.day, 22, tzinfo=UTC).isoformat(),
        ),
    )
    (progress,) = (await api.get("/api/commitments/progress")).json()["commitments"]
    assert (progress["kept_7"], progress["due_7"]) == (1, 2)
