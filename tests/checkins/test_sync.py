"""Check-ins sync exactly once: idempotent writes, owner scoping, tombstones, the feed."""

from __future__ import annotations

import pytest

from steady.checkins.tables import Checkin, CheckinTombstone
from tests.helpers import Api, checkin_body, field_names, new_id


async def test_the_same_write_twice_leaves_one_check_in(api: Api) -> None:
    await api.sign_up("sam")
    checkin_id = new_id()
    first = await api.put(f"/api/checkins/{checkin_id}", json=checkin_body(mood=2))
    again = await api.put(f"/api/checkins/{checkin_id}", json=checkin_body(mood=2))
    assert first.status_code == 201
    assert again.status_code == 200
    assert await Checkin.count() == 1
    assert (await api.get(f"/api/checkins/{checkin_id}")).json()["mood"] == 2


async def test_an_edit_replaces_the_check_in_and_moves_its_revision(api: Api) -> None:
    await api.sign_up("sam")
    checkin_id = new_id()
    created = (await api.put(f"/api/checkins/{checkin_id}", json=checkin_body())).json()
    edited = (
        await api.put(f"/api/checkins/{checkin_id}", json=checkin_body(note="Better now.", mood=4))
    ).json()
    assert edited["note"] == "Better now."
    assert edited["mood"] == 4
    assert edited["revision"] > created["revision"]


async def test_another_person_cannot_read_overwrite_or_delete_it(api: Api, other_api: Api) -> None:
    await api.sign_up("sam")
    await other_api.sign_up("alex")
    checkin_id = new_id()
    await api.put(f"/api/checkins/{checkin_id}", json=checkin_body(note="mine"))

    assert (await other_api.get(f"/api/checkins/{checkin_id}")).status_code == 404
    assert (
        await other_api.put(f"/api/checkins/{checkin_id}", json=checkin_body())
    ).status_code == 404
    assert (await other_api.delete(f"/api/checkins/{checkin_id}")).status_code == 404
    assert (await other_api.get("/api/checkins")).json()["items"] == []
    assert (await api.get(f"/api/checkins/{checkin_id}")).json()["note"] == "mine"


async def test_delete_leaves_a_tombstone_and_no_content(api: Api) -> None:
    await api.sign_up("sam")
    checkin_id = new_id()
    await api.put(f"/api/checkins/{checkin_id}", json=checkin_body(note="private words"))
    assert (await api.delete(f"/api/checkins/{checkin_id}")).status_code == 204
    assert (await api.delete(f"/api/checkins/{checkin_id}")).status_code == 204  # replayed
    assert await Checkin.count() == 0
    assert await CheckinTombstone.count() == 1
    assert (await api.get(f"/api/checkins/{checkin_id}")).status_code == 404
    late_edit = await api.put(f"/api/checkins/{checkin_id}", json=checkin_body())
    assert late_edit.status_code == 410
    assert await Checkin.count() == 0


async def test_the_feed_returns_changes_after_a_cursor_in_pages(api: Api) -> None:
    await api.sign_up("sam")
    ids = [new_id() for _ in range(5)]
    for checkin_id in ids:
        await api.put(f"/api/checkins/{checkin_id}", json=checkin_body())
    first = (await api.get("/api/checkins", params={"limit": 3})).json()
    assert [item["id"] for item in first["items"]] == ids[:3]
    assert first["more"] is True
    second = (await api.get("/api/checkins", params={"since": first["cursor"], "limit": 3})).json()
    assert [item["id"] for item in second["items"]] == ids[3:]
    assert second["more"] is False

    await api.delete(f"/api/checkins/{ids[0]}")
    await api.put(f"/api/checkins/{ids[1]}", json=checkin_body(note="edited"))
    third = (await api.get("/api/checkins", params={"since": second["cursor"]})).json()
    assert third["deleted"] == [ids[0]]
    assert [item["note"] for item in third["items"]] == ["edited"]


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"mood": 0}, "mood"),
        ({"energy": 6}, "energy"),
        ({"stress": "high"}, "stress"),
        ({"context": "holiday"}, "context"),
        ({"note": "x" * 4001}, "note"),
        ({"recorded_at": "yesterday"}, "recorded_at"),
        ({"recorded_at": "2026-11-20T10:00:00"}, "recorded_at"),
        ({"feeling": "ok"}, "feeling"),
    ],
)
async def test_bad_check_ins_are_refused_and_not_written(
    api: Api, override: dict[str, object], field: str
) -> None:
    await api.sign_up("sam")
    response = await api.put(f"/api/checkins/{new_id()}", json=checkin_body(**override))
    assert response.status_code == 400, response.text
    assert field_names(response) == [field]
    assert await Checkin.count() == 0


async def test_bad_ids_and_cursors_are_4xx(api: Api) -> None:
    await api.sign_up("sam")
    assert (await api.put("/api/checkins/not-a-uuid", json=checkin_body())).status_code in {
        400,
        404,
    }
    response = await api.get("/api/checkins", params={"since": -1})
    assert response.status_code == 400
    assert field_names(response) == ["since"]
    response = await api.get("/api/checkins", params={"limit": 100000})
    assert field_names(response) == ["limit"]


async def test_signed_out_writes_are_refused(api: Api) -> None:
    response = await api.put(f"/api/checkins/{new_id()}", json=checkin_body())
    assert response.status_code == 401
    assert await Checkin.count() == 0
