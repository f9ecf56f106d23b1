"""Bad input gets a 4xx that names the field and the reason, and writes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from steady.accounts.tables import Account, AccountSession
from tests.helpers import PASSPHRASE, Api, field_names

GOOD = {"username": "sam", "passphrase": PASSPHRASE, "time_zone": "UTC"}

SIGN_UP_CASES: list[tuple[str, Any, str, str]] = [
    ("missing username", {"passphrase": PASSPHRASE}, "username", "Your username is needed."),
    ("missing passphrase", {"username": "sam"}, "passphrase", "Your passphrase is needed."),
    (
        "username too short",
        {**GOOD, "username": "ab"},
        "username",
        "Your username needs at least 3 characters.",
    ),
    ("username too long", {**GOOD, "username": "a" * 33}, "username", "at most 32 characters"),
    ("username with spaces", {**GOOD, "username": "sam smith"}, "username", "can use letters"),
    ("passphrase too short", {**GOOD, "passphrase": "short"}, "passphrase", "at least 10"),
    ("passphrase too long", {**GOOD, "passphrase": "x" * 257}, "passphrase", "at most 256"),
    ("username wrong type", {**GOOD, "username": 12345}, "username", "needs to be text"),
    (
        "passphrase wrong type",
        {**GOOD, "passphrase": ["a", "list"]},
        "passphrase",
        "needs to be text",
    ),
    ("unknown field", {**GOOD, "email": "sam@example.com"}, "email", "doesn't know a field"),
    ("unknown time zone", {**GOOD, "time_zone": "Nowhere/Special"}, "time_zone", "time zone"),
    ("body is a list", [GOOD], "body", "needs to be an object"),
]


@pytest.mark.parametrize(
    ("body", "field", "reason"),
    [case[1:] for case in SIGN_UP_CASES],
    ids=[case[0] for case in SIGN_UP_CASES],
)
async def test_sign_up_rejects_bad_input_and_writes_nothing(
    api: Api, body: Any, field: str, reason: str
) -> None:
    response = await api.post("/api/accounts", json=body)
    assert response.status_code == 400, response.text
    errors = response.json()["errors"]
    assert field_names(response) == [field]
    assert reason in errors[0]["message"]
    # A whole sentence, shown as it is: a capital first, a full stop last.
    assert errors[0]["message"][0].isupper() and errors[0]["message"].endswith(".")
    assert errors[0]["message"] in response.json()["detail"]
    assert await Account.count() == 0
    assert await AccountSession.count() == 0


async def test_malformed_json_is_a_400_not_a_500(api: Api) -> None:
    response = await api.post(
        "/api/accounts",
        content=b'{"username": "sam",',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]
    assert await Account.count() == 0


async def test_an_oversized_body_is_refused_with_413(api: Api) -> None:
    response = await api.post("/api/accounts", json={**GOOD, "padding": "x" * 100_000})
    assert response.status_code == 413
    assert await Account.count() == 0


async def test_a_taken_username_is_a_409_naming_the_field(api: Api, other_api: Api) -> None:
    await api.sign_up("sam")
    response = await other_api.post("/api/accounts", json={**GOOD, "username": "SAM"})
    assert response.status_code == 409
    assert field_names(response) == ["username"]
    assert "taken" in response.json()["errors"][0]["message"]
    assert await Account.count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"username": "sam"}, "passphrase"),
        ({"username": "", "passphrase": PASSPHRASE}, "username"),
        ({"username": "sam", "passphrase": PASSPHRASE, "remember": True}, "remember"),
    ],
)
async def test_sign_in_rejects_bad_input_naming_the_field(
    api: Api, body: dict[str, Any], field: str
) -> None:
    response = await api.post("/api/session", json=body)
    assert response.status_code == 400
    assert field_names(response) == [field]
    assert await AccountSession.count() == 0


async def test_a_new_passphrase_must_meet_the_rules(api: Api) -> None:
    await api.sign_up("sam")
    response = await api.put(
        "/api/account/passphrase",
        json={"current_passphrase": PASSPHRASE, "new_passphrase": "tiny"},
    )
    assert response.status_code == 400
    assert field_names(response) == ["new_passphrase"]
    await api.delete("/api/session")
    assert (await api.sign_in("sam", PASSPHRASE)).status_code == 200
