"""The safety plan: saved by version, conflicts answered with the current plan, bounded."""

from __future__ import annotations

from typing import Any

import pytest

from steady.toolkit.tables import Toolkit
from tests.helpers import Api, field_names, toolkit_body, toolkit_item


async def test_a_new_account_has_an_empty_plan_at_version_zero(api: Api) -> None:
    await api.sign_up("sam")
    plan = (await api.get("/api/toolkit")).json()
    assert plan["version"] == 0
    assert all(items == [] for items in plan["sections"].values())
    assert set(plan["sections"]) == {
        "warning_signs",
        "on_my_own",
        "distractions",
        "people",
        "professionals",
        "safer_surroundings",
        "what_matters",
    }


async def test_save_edit_reorder_and_remove_items(api: Api) -> None:
    await api.sign_up("sam")
    walk = toolkit_item("Walk round the block", exercise=None)
    breathe = toolkit_item("Box breathing", exercise="box-breathing")
    mum = toolkit_item("Mum", phone="+44 7700 900123")
    first = await api.put(
        "/api/toolkit", json=toolkit_body(0, on_my_own=[walk, breathe], people=[mum])
    )
    assert first.status_code == 200, first.text
    assert first.json()["version"] == 1

    walk["text"] = "Walk to the park"
    second = await api.put("/api/toolkit", json=toolkit_body(1, on_my_own=[breathe, walk]))
    assert second.status_code == 200
    plan = (await api.get("/api/toolkit")).json()
    assert plan["version"] == 2
    assert [i["text"] for i in plan["sections"]["on_my_own"]] == [
        "Box breathing",
        "Walk to the park",
    ]
    assert plan["sections"]["on_my_own"][0]["exercise"] == "box-breathing"
    assert plan["sections"]["people"] == []
    assert plan["region"] == "GB"
    assert plan["setup_done"] is True


async def test_a_stale_version_gets_409_with_the_current_plan_and_changes_nothing(
    api: Api, other_api: Api
) -> None:
    await api.sign_up("sam")
    await other_api.sign_in("sam")
    shared = toolkit_item("Tight chest, snapping at people")
    await api.put("/api/toolkit", json=toolkit_body(0, warning_signs=[shared]))

    phone_a = toolkit_item("Cold water on my face")
    phone_b = toolkit_item("Text Priya")
    saved_a = await api.put(
        "/api/toolkit", json=toolkit_body(1, warning_signs=[shared], on_my_own=[phone_a])
    )
    assert saved_a.json()["version"] == 2

    stale = await other_api.put(
        "/api/toolkit", json=toolkit_body(1, warning_signs=[shared], on_my_own=[phone_b])
    )
    assert stale.status_code == 409
    current = stale.json()["current"]
    assert current["version"] == 2
    assert [i["text"] for i in current["sections"]["on_my_own"]] == ["Cold water on my face"]
    assert (await api.get("/api/toolkit")).json()["version"] == 2

    # The device merges by item id, keeping both sides' new items, and sends again.
    merged = current["sections"]["on_my_own"] + [phone_b]
    retry = await other_api.put(
        "/api/toolkit", json=toolkit_body(2, warning_signs=[shared], on_my_own=merged)
    )
    assert retry.status_code == 200
    texts = [i["text"] for i in (await api.get("/api/toolkit")).json()["sections"]["on_my_own"]]
    assert texts == ["Cold water on my face", "Text Priya"]


async def test_replaying_the_same_write_is_not_a_conflict(api: Api) -> None:
    await api.sign_up("sam")
    body = toolkit_body(0, what_matters=[toolkit_item("My kids")])
    assert (await api.put("/api/toolkit", json=body)).json()["version"] == 1
    again = await api.put("/api/toolkit", json=body)
    assert again.status_code == 200
    assert again.json()["version"] == 1
    assert await Toolkit.count() == 1


def _long(n: int) -> str:
    return "x" * n


BAD_PLANS: list[tuple[str, dict[str, Any], str]] = [
    ("text too long", {"people": [toolkit_item(_long(301))]}, "sections.people[0].text"),
    ("empty text", {"people": [toolkit_item("")]}, "sections.people[0].text"),
    ("bad phone", {"people": [toolkit_item("Sam", phone="call me")]}, "sections.people[0].phone"),
    ("too short phone", {"people": [toolkit_item("Sam", phone="1")]}, "sections.people[0].phone"),
    (
        "bad exercise",
        {"on_my_own": [toolkit_item("x", exercise="Box Breathing!")]},
        "sections.on_my_own[0].exercise",
    ),
    (
        "too many items",
        {"warning_signs": [toolkit_item(f"sign {i}") for i in range(31)]},
        "sections.warning_signs",
    ),
    ("unknown section", {"pets": [toolkit_item("Rex")]}, "sections.pets"),
]


@pytest.mark.parametrize(
    ("sections", "field"), [c[1:] for c in BAD_PLANS], ids=[c[0] for c in BAD_PLANS]
)
async def test_bad_plans_are_refused_naming_the_field(
    api: Api, sections: dict[str, Any], field: str
) -> None:
    await api.sign_up("sam")
    response = await api.put("/api/toolkit", json=toolkit_body(0, **sections))
    assert response.status_code == 400, response.text
    assert field_names(response) == [field]
    assert (await api.get("/api/toolkit")).json()["version"] == 0


async def test_phone_numbers_in_common_formats_are_accepted(api: Api) -> None:
    await api.sign_up("sam")
    people = [
        toolkit_item("Lifeline", phone="13 11 14"),
        toolkit_item("988", phone="988"),
        toolkit_item("Samaritans", phone="116 123"),
        toolkit_item("GP", phone="+44 (0)20 7946-0000"),
    ]
    response = await api.put("/api/toolkit", json=toolkit_body(0, professionals=people))
    assert response.status_code == 200, response.text


async def test_an_item_id_used_twice_is_refused(api: Api) -> None:
    await api.sign_up("sam")
    item = toolkit_item("Same")
    response = await api.put(
        "/api/toolkit", json=toolkit_body(0, warning_signs=[item], what_matters=[item])
    )
    assert response.status_code == 400
    assert field_names(response) == ["sections.what_matters[0].id"]
    assert await Toolkit.count() == 0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"region": "Britain"}, "region"),
        ({"base_version": -1}, "base_version"),
        ({"change_id": "x"}, "change_id"),
    ],
)
async def test_bad_plan_fields_are_refused(api: Api, change: dict[str, Any], field: str) -> None:
    await api.sign_up("sam")
    response = await api.put("/api/toolkit", json={**toolkit_body(0), **change})
    assert response.status_code == 400
    assert field_names(response) == [field]


async def test_each_person_sees_only_their_own_plan(api: Api, other_api: Api) -> None:
    await api.sign_up("sam")
    await other_api.sign_up("alex")
    await api.put(
        "/api/toolkit", json=toolkit_body(0, people=[toolkit_item("Mum", phone="07700 900123")])
    )
    theirs = (await other_api.get("/api/toolkit")).json()
    assert theirs["version"] == 0
    assert theirs["sections"]["people"] == []


async def test_the_plan_needs_a_signed_in_person(api: Api) -> None:
    assert (await api.get("/api/toolkit")).status_code == 401
    assert (await api.put("/api/toolkit", json=toolkit_body(0))).status_code == 401
