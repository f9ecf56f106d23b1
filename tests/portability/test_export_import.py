"""Your data is yours: export everything, and import it back without duplicates."""

from __future__ import annotations

import csv
import io
from typing import Any

from steady.checkins.tables import Checkin
from steady.commitments.tables import Commitment, Completion
from steady.grounding.tables import GroundingSession
from tests.helpers import (
    Api,
    checkin_body,
    commitment_body,
    completion_body,
    field_names,
    grounding_body,
    new_id,
    toolkit_body,
    toolkit_item,
)


async def fill(api: Api) -> dict[str, str]:
    ids = {"checkin": new_id(), "commitment": new_id(), "completion": new_id(), "session": new_id()}
    await api.put(
        "/api/toolkit", json=toolkit_body(0, people=[toolkit_item("Mum", phone="07700 900123")])
    )
    await api.put(
        f"/api/checkins/{ids['checkin']}", json=checkin_body(note="Hard night", tags=["near_miss"])
    )
    await api.put(f"/api/commitments/{ids['commitment']}", json=commitment_body())
    await api.put(f"/api/completions/{ids['completion']}", json=completion_body(ids["commitment"]))
    await api.put(f"/api/grounding/sessions/{ids['session']}", json=grounding_body())
    return ids


async def test_export_holds_everything_and_only_mine(api: Api, other_api: Api) -> None:
    await api.sign_up("sam")
    await other_api.sign_up("alex")
    ids = await fill(api)
    await other_api.put(f"/api/checkins/{new_id()}", json=checkin_body(note="not sam's"))
    response = await api.get("/api/export")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    document = response.json()
    assert document["format"] == "steady-export" and document["version"] == 1
    assert document["account"]["username"] == "sam"
    assert document["toolkit"]["sections"]["people"][0]["text"] == "Mum"
    assert [c["id"] for c in document["checkins"]] == [ids["checkin"]]
    assert document["checkins"][0]["note"] == "Hard night"
    assert "revision" not in document["checkins"][0]
    assert [c["id"] for c in document["commitments"]] == [ids["commitment"]]
    assert document["completions"][0]["commitment_id"] == ids["commitment"]
    assert [s["id"] for s in document["grounding_sessions"]] == [ids["session"]]


async def test_each_collection_exports_as_csv(api: Api) -> None:
    await api.sign_up("sam")
    ids = await fill(api)
    response = await api.get("/api/export/csv/checkins")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows[0]["id"] == ids["checkin"] and rows[0]["tags"] == "near_miss"
    toolkit = list(csv.DictReader(io.StringIO((await api.get("/api/export/csv/toolkit")).text)))
    assert toolkit == [
        {
            "section": "people",
            "position": "1",
            "text": "Mum",
            "phone": "07700 900123",
            "exercise": "",
        }
    ]
    for name in ("commitments", "completions", "grounding_sessions"):
        assert (
            len(list(csv.DictReader(io.StringIO((await api.get(f"/api/export/csv/{name}")).text))))
            == 1
        )
    assert (await api.get("/api/export/csv/secrets")).status_code in {400, 404}


async def test_import_into_a_new_account_twice_never_duplicates(api: Api, other_api: Api) -> None:
    await api.sign_up("sam")
    await fill(api)
    document = (await api.get("/api/export")).json()
    await other_api.sign_up("sam_new_phone")
    first = (await other_api.post("/api/import", json=document)).json()
    added = first["added"]
    assert (
        added["checkins"],
        added["commitments"],
        added["completions"],
        added["grounding_sessions"],
    ) == (1, 1, 1, 1)
    assert added["toolkit_items"] == 1
    assert first["unchanged"] == 0
    again = await other_api.post("/api/import", json=document)
    assert again.status_code == 200
    # The second time, nothing is new: everything was already here.
    assert set(again.json()["added"].values()) == {0}
    assert set(again.json()["updated"].values()) == {0}
    assert again.json()["unchanged"] == 4
    assert await Checkin.count() == 2  # sam's and the new account's copy, not three
    assert await Completion.count() == 2 and await Commitment.count() == 2
    assert await GroundingSession.count() == 2
    mine = (await other_api.get("/api/export")).json()
    assert len(mine["checkins"]) == 1 and len(mine["toolkit"]["sections"]["people"]) == 1
    # The tick still points at the (re-keyed) commitment in the new account.
    assert mine["completions"][0]["commitment_id"] == mine["commitments"][0]["id"]


async def test_import_into_the_same_account_changes_nothing(api: Api) -> None:
    await api.sign_up("sam")
    await fill(api)
    document = (await api.get("/api/export")).json()
    summary = (await api.post("/api/import", json=document)).json()
    assert summary["added"]["toolkit_items"] == 0
    assert summary["unchanged"] == 4
    assert await Checkin.count() == 1 and await Completion.count() == 1


async def test_deleted_records_stay_deleted_on_reimport(api: Api) -> None:
    await api.sign_up("sam")
    ids = await fill(api)
    document = (await api.get("/api/export")).json()
    await api.delete(f"/api/checkins/{ids['checkin']}")
    summary = (await api.post("/api/import", json=document)).json()
    assert summary["skipped"] >= 1
    assert await Checkin.count() == 0


async def test_a_bad_file_names_the_place_and_writes_nothing(api: Api) -> None:
    await api.sign_up("sam")
    await fill(api)
    document: dict[str, Any] = (await api.get("/api/export")).json()
    document["checkins"].append({**document["checkins"][0], "id": new_id(), "mood": 9})
    document["commitments"][0]["id"] = new_id()
    before = await Commitment.count()
    response = await api.post("/api/import", json=document)
    assert response.status_code == 400
    assert field_names(response) == ["checkins[1].mood"]
    assert await Commitment.count() == before and await Checkin.count() == 1
    not_export = await api.post(
        "/api/import",
        json={"format": "something-else", "version": 1, "exported_at": "2026-01-01T00:00:00Z"},
    )
    assert field_names(not_export) == ["format"]


async def test_commitments_over_the_active_limit_come_in_archived(api: Api, other_api: Api) -> None:
    await api.sign_up("sam")
    for n in range(20):
        await api.put(f"/api/commitments/{new_id()}", json=commitment_body(title=f"Thing {n}"))
    document = (await api.get("/api/export")).json()
    await other_api.sign_up("alex")
    await other_api.put(f"/api/commitments/{new_id()}", json=commitment_body(title="Alex's own"))
    summary = (await other_api.post("/api/import", json=document)).json()
    assert summary["added"]["commitments"] == 20 and summary["archived_commitments"] == 1
    assert await Commitment.count().where(Commitment.active.eq(True)) == 40
