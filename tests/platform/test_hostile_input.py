"""Whatever a client sends — numbers past what the database holds, dates from the year 1,
NUL bytes, JSON nested thousands deep, an import past its caps — gets a clear 4xx that
names the field, on SQLite and PostgreSQL, and writes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from steady.checkins.tables import Checkin
from steady.commitments.tables import Commitment
from steady.portability.schemas import IMPORT_MAX_CHECKINS, IMPORT_MAX_RECORDS
from tests.helpers import Api, checkin_body, commitment_body, field_names, new_id

HUGE = "99999999999999999999"

OVERFLOWING_QUERIES = [
    f"/api/checkins?since={HUGE}",
    f"/api/commitments?since={HUGE}",
    f"/api/completions?since={HUGE}",
    f"/api/grounding/sessions?since={HUGE}",
    f"/api/checkins/history?offset={HUGE}",
    "/api/checkins?since=-1",
    "/api/checkins?limit=100000",
]


@pytest.mark.parametrize("path", OVERFLOWING_QUERIES)
async def test_numbers_past_what_the_database_holds_are_refused(api: Api, path: str) -> None:
    await api.sign_up("sam")
    answer = await api.get(path)
    assert answer.status_code == 400, answer.text
    assert field_names(answer)[0] in {"since", "offset", "limit"}


@pytest.mark.parametrize(
    "path", [f"/api/reminders/subscriptions/{HUGE}", f"/api/sharing/invites/{HUGE}"]
)
async def test_ids_past_what_the_database_holds_are_refused(api: Api, path: str) -> None:
    await api.sign_up("sam")
    answer = await api.delete(path)
    assert answer.status_code == 400, answer.text


BAD_DATES = [
    ("recorded_at in year 1", {"recorded_at": "0001-01-01T00:00:00+00:00"}, "recorded_at"),
    ("recorded_at in year 9999", {"recorded_at": "9999-12-31T23:59:59+00:00"}, "recorded_at"),
    ("local_date in year 1", {"local_date": "0001-01-01"}, "local_date"),
    ("local_date in year 9999", {"local_date": "9999-12-31"}, "local_date"),
    ("local_date a week from recorded_at", {"local_date": "2026-01-01"}, "local_date"),
]


@pytest.mark.parametrize(
    ("change", "field"), [case[1:] for case in BAD_DATES], ids=[case[0] for case in BAD_DATES]
)
async def test_dates_outside_a_sane_range_are_refused(
    api: Api, change: dict[str, str], field: str
) -> None:
    await api.sign_up("sam")
    answer = await api.put(f"/api/checkins/{new_id()}", json=checkin_body(**change))
    assert answer.status_code == 400, answer.text
    assert field_names(answer) == [field]
    imported = await api.post(
        "/api/import",
        json={
            "format": "steady-export",
            "version": 1,
            "exported_at": "2026-11-20T07:00:00+00:00",
            "checkins": [{"id": new_id(), **checkin_body(**change)}],
        },
    )
    assert imported.status_code == 400, imported.text
    assert field_names(imported) == [f"checkins[0].{field}"]
    assert await Checkin.count() == 0


DEEP = "[" * 20_000 + "]" * 20_000


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("PUT", "/api/checkins/{id}"),
        ("PUT", "/api/toolkit"),
        ("PUT", "/api/reminders/prefs"),
        ("POST", "/api/import"),
        ("POST", "/api/accounts"),
    ],
)
@pytest.mark.parametrize("body", [DEEP, '{"schedule": ' + DEEP + "}"], ids=["list", "field"])
async def test_json_nested_thousands_deep_is_refused(
    api: Api, method: str, path: str, body: str
) -> None:
    if path != "/api/accounts":
        await api.sign_up("sam")
    answer = await api.request(
        method,
        path.format(id=new_id()),
        content=body,
        headers={"content-type": "application/json"},
    )
    assert answer.status_code == 400, answer.text
    # Either the depth itself, or the first place the shape goes wrong, is named.
    detail = answer.json()["detail"]
    assert "nested" in detail or "needs to be" in detail or "know a field" in detail


def _with_nul(value: str) -> str:
    return f"before\x00after {value}"


TOOLKIT_ITEM = {"id": "6d3b1f3e-6a0b-4a3f-9d43-5f8b9f1d2c11", "text": "Call my sister"}
# (label, method, path, body with a NUL somewhere, the field the answer must name)
NUL_CASES: list[tuple[str, str, str, Any, str]] = [
    ("check-in note", "PUT", "/api/checkins/{id}", checkin_body(note=_with_nul("x")), "note"),
    (
        "setting down",
        "PUT",
        "/api/checkins/{id}",
        checkin_body(setting_down=_with_nul("x")),
        "setting_down",
    ),
    (
        "body signal",
        "PUT",
        "/api/checkins/{id}",
        checkin_body(body_signals=[_with_nul("x")]),
        "body_signals",
    ),
    ("hard event", "PUT", "/api/checkins/{id}", checkin_body(tags=["a\x07bell"]), "tags"),
    (
        "commitment title",
        "PUT",
        "/api/commitments/{id}",
        commitment_body(title=_with_nul("t")),
        "title",
    ),
    ("commitment why", "PUT", "/api/commitments/{id}", commitment_body(why=_with_nul("w")), "why"),
    (
        "toolkit item",
        "PUT",
        "/api/toolkit",
        {
            "change_id": "0d6c3a57-54f6-4d06-a2a7-7c1c0b6a1f00",
            "base_version": 0,
            "sections": {"people": [{**TOOLKIT_ITEM, "text": _with_nul("Sam")}]},
        },
        "sections.people[0].text",
    ),
    (
        "summary note",
        "POST",
        "/api/sharing/preview",
        {"peer_id": new_id(), "period": "week", "note": _with_nul("n")},
        "note",
    ),
    (
        "reply",
        "PUT",
        f"/api/sharing/inbox/{new_id()}/replies/{new_id()}",
        {"text": _with_nul("kind words")},
        "text",
    ),
    ("invite code", "POST", "/api/sharing/invites/open", {"code": "AB\x00CD"}, "code"),
    ("time zone", "PATCH", "/api/account", {"time_zone": "Europe/\x00London"}, "time_zone"),
    (
        "current passphrase",
        "PUT",
        "/api/account/passphrase",
        {"current_passphrase": _with_nul("p"), "new_passphrase": "maple river compass dawn"},
        "current_passphrase",
    ),
    (
        "new passphrase",
        "PUT",
        "/api/account/passphrase",
        {"current_passphrase": "x", "new_passphrase": _with_nul("maple river compass dawn")},
        "new_passphrase",
    ),
    (
        "sign-in username",
        "POST",
        "/api/session",
        {"username": "s\x00m", "passphrase": "x"},
        "username",
    ),
    (
        "subscription replaces",
        "PUT",
        "/api/reminders/subscriptions",
        {
            "endpoint": "https://fcm.googleapis.com/fcm/send/a",
            "keys": {"p256dh": "BA", "auth": "AA"},
            "replaces": "https://x/\x00",
        },
        "replaces",
    ),
]


@pytest.mark.parametrize(
    ("method", "path", "body", "field"),
    [case[1:] for case in NUL_CASES],
    ids=[case[0] for case in NUL_CASES],
)
async def test_nul_and_control_characters_are_refused_naming_the_field(
    api: Api, method: str, path: str, body: Any, field: str
) -> None:
    await api.sign_up("sam")
    answer = await api.request(method, path.format(id=new_id()), json=body)
    assert answer.status_code == 400, answer.text
    assert field_names(answer) == [field]
    assert "control characters" in answer.json()["errors"][0]["message"]
    assert await Checkin.count() == 0
    assert await Commitment.count() == 0


async def test_new_lines_and_tabs_are_fine_in_free_text(api: Api) -> None:
    await api.sign_up("sam")
    note = "What happened:\n\tA long night.\nWhat mattered: the team."
    answer = await api.put(f"/api/checkins/{new_id()}", json=checkin_body(note=note))
    assert answer.status_code == 201, answer.text
    assert answer.json()["note"] == note


def _export(checkins: int) -> dict[str, Any]:
    body = checkin_body()
    return {
        "format": "steady-export",
        "version": 1,
        "exported_at": "2026-11-20T07:00:00+00:00",
        "checkins": [{"id": new_id(), **body} for _ in range(checkins)],
    }


async def test_an_import_over_a_collection_cap_is_refused_and_stores_nothing(api: Api) -> None:
    await api.sign_up("sam")
    answer = await api.post("/api/import", json=_export(IMPORT_MAX_CHECKINS + 1))
    assert answer.status_code == 400, answer.text[:300]
    assert field_names(answer) == ["checkins"]
    assert await Checkin.count() == 0


async def test_an_import_over_the_total_cap_is_refused_and_stores_nothing(api: Api) -> None:
    await api.sign_up("sam")
    document = _export(IMPORT_MAX_CHECKINS)
    tick = {"commitment_id": new_id(), "local_date": "2026-11-20"}
    tick["completed_at"] = "2026-11-20T07:00:00+00:00"
    document["completions"] = [
        {"id": new_id(), **tick} for _ in range(IMPORT_MAX_RECORDS - IMPORT_MAX_CHECKINS + 1)
    ]
    answer = await api.post("/api/import", json=document)
    assert answer.status_code == 413, answer.text[:300]
    assert str(IMPORT_MAX_RECORDS) in answer.json()["detail"]
    assert await Checkin.count() == 0
