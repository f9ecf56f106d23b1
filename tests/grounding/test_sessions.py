"""Grounding sessions are recorded once, owner-scoped and bounded."""

from __future__ import annotations

from typing import Any

import pytest

from steady.grounding.tables import GroundingSession, GroundingSessionTombstone
from tests.helpers import Api, field_names, grounding_body, new_id


async def test_recording_the_same_session_twice_leaves_one(api: Api) -> None:
    await api.sign_up("sam")
    session_id = new_id()
    first = await api.put(f"/api/grounding/sessions/{session_id}", json=grounding_body())
    again = await api.put(f"/api/grounding/sessions/{session_id}", json=grounding_body())
    assert (first.status_code, again.status_code) == (201, 200)
    assert await GroundingSession.count() == 1
    stored = (await api.get(f"/api/grounding/sessions/{session_id}")).json()
    assert stored["exercise_id"] == "box-breathing"
    assert stored["duration_seconds"] == 120


async def test_another_person_gets_404_for_my_session(api: Api, other_api: Api) -> None:
    await api.sign_up("sam")
    await other_api.sign_up("alex")
    session_id = new_id()
    await api.put(f"/api/grounding/sessions/{session_id}", json=grounding_body())
    assert (await other_api.get(f"/api/grounding/sessions/{session_id}")).status_code == 404
    assert (
        await other_api.put(f"/api/grounding/sessions/{session_id}", json=grounding_body())
    ).status_code == 404
    assert (await other_api.delete(f"/api/grounding/sessions/{session_id}")).status_code == 404
    assert (await other_api.get("/api/grounding/sessions")).json()["items"] == []


async def test_deleting_a_session_leaves_a_tombstone_in_the_feed(api: Api) -> None:
    await api.sign_up("sam")
    session_id = new_id()
    await api.put(f"/api/grounding/sessions/{session_id}", json=grounding_body())
    cursor = (await api.get("/api/grounding/sessions")).json()["cursor"]
    assert (await api.delete(f"/api/grounding/sessions/{session_id}")).status_code == 204
    feed = (await api.get("/api/grounding/sessions", params={"since": cursor})).json()
    assert feed["deleted"] == [session_id]
    assert await GroundingSessionTombstone.count() == 1


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"exercise_id": "Box Breathing"}, "exercise_id"),
        ({"exercise_id": "x" * 41}, "exercise_id"),
        ({"duration_seconds": 0}, "duration_seconds"),
        ({"duration_seconds": 3601}, "duration_seconds"),
        ({"completed": "yes"}, "completed"),
        ({"ended_at": "2026-11-20T06:00:00+00:00"}, "ended_at"),
        ({"started_at": "2026-11-20T07:00:00"}, "started_at"),
    ],
)
async def test_bad_sessions_are_refused_and_not_written(
    api: Api, override: dict[str, Any], field: str
) -> None:
    await api.sign_up("sam")
    response = await api.put(f"/api/grounding/sessions/{new_id()}", json=grounding_body(**override))
    assert response.status_code == 400, response.text
    assert field_names(response) == [field]
    assert await GroundingSession.count() == 0
