"""The whole account lifecycle, as a person would go through it."""

from __future__ import annotations

from litestar import Litestar

from steady.accounts.tables import Account, AccountSession
from steady.checkins.tables import Checkin
from tests.helpers import PASSPHRASE, Api, checkin_body, http_client, new_id


async def test_sign_up_signs_in_and_shows_the_account(api: Api) -> None:
    response = await api.sign_up("Sam_Nurse")
    body = response.json()
    assert body["signed_in"] is True
    assert body["account"]["username"] == "sam_nurse"
    assert body["account"]["time_zone"] == "Europe/London"
    cookie = response.headers["set-cookie"]
    assert "steady_session=" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie or "SameSite=Lax" in cookie
    assert await api.signed_in_as() == "sam_nurse"


async def test_sign_out_then_sign_in_again(api: Api) -> None:
    await api.sign_up("sam")
    assert (await api.delete("/api/session")).status_code == 204
    assert await api.signed_in_as() is None
    assert (await api.get(f"/api/checkins/{new_id()}")).status_code == 401

    response = await api.sign_in("SAM", PASSPHRASE)
    assert response.status_code == 200, response.text
    assert await api.signed_in_as() == "sam"


async def test_the_session_token_is_stored_only_as_a_hash(api: Api) -> None:
    response = await api.sign_up("sam")
    token = response.cookies["steady_session"]
    stored = await AccountSession.select(AccountSession.token_hash)
    assert len(stored) == 1
    assert stored[0]["token_hash"] != token
    assert token not in stored[0]["token_hash"]


async def test_change_passphrase_keeps_this_device_and_signs_out_others(
    api: Api, other_api: Api
) -> None:
    await api.sign_up("sam")
    assert (await other_api.sign_in("sam")).status_code == 200

    response = await api.put(
        "/api/account/passphrase",
        json={"current_passphrase": PASSPHRASE, "new_passphrase": "a brand new river stone"},
    )
    assert response.status_code == 204, response.text
    assert await api.signed_in_as() == "sam"
    assert await other_api.signed_in_as() is None

    assert (await other_api.sign_in("sam", PASSPHRASE)).status_code == 401
    assert (await other_api.sign_in("sam", "a brand new river stone")).status_code == 200


async def test_change_passphrase_needs_the_current_one(api: Api) -> None:
    await api.sign_up("sam")
    response = await api.put(
        "/api/account/passphrase",
        json={"current_passphrase": "not my passphrase", "new_passphrase": "another long phrase"},
    )
    assert response.status_code == 403
    assert response.json()["errors"][0]["field"] == "current_passphrase"
    assert (await api.sign_in("sam", PASSPHRASE)).status_code == 200


async def test_time_zone_can_be_changed(api: Api) -> None:
    await api.sign_up("sam")
    response = await api.patch("/api/account", json={"time_zone": "America/Toronto"})
    assert response.status_code == 200
    assert response.json()["time_zone"] == "America/Toronto"
    bad = await api.patch("/api/account", json={"time_zone": "Mars/Olympus_Mons"})
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "time_zone"


async def test_delete_account_removes_every_row_it_owns(api: Api, other_api: Api) -> None:
    await api.sign_up("sam")
    await other_api.sign_up("alex")
    for _ in range(3):
        assert (await api.put(f"/api/checkins/{new_id()}", json=checkin_body())).status_code == 201
    assert (
        await other_api.put(f"/api/checkins/{new_id()}", json=checkin_body())
    ).status_code == 201

    wrong = await api.post("/api/account/deletion", json={"passphrase": "not it at all"})
    assert wrong.status_code == 403
    assert await Account.count().where(Account.username == "sam") == 1

    response = await api.post("/api/account/deletion", json={"passphrase": PASSPHRASE})
    assert response.status_code == 204
    assert await Account.count().where(Account.username == "sam") == 0
    assert await AccountSession.count() == 1  # alex's session only
    assert await Checkin.count() == 1  # alex's check-in only
    assert await api.signed_in_as() is None
    assert (await api.sign_in("sam")).status_code == 401


async def test_a_cookie_from_a_deleted_account_is_refused(api: Api, other_api: Api) -> None:
    response = await api.sign_up("sam")
    stolen = response.cookies["steady_session"]
    await api.post("/api/account/deletion", json={"passphrase": PASSPHRASE})

    other_api.client.cookies.set("steady_session", stolen)
    assert await other_api.signed_in_as() is None
    assert (
        await other_api.put(f"/api/checkins/{new_id()}", json=checkin_body())
    ).status_code == 401


async def test_sign_out_everywhere_refuses_every_devices_cookie(api: Api, other_api: Api) -> None:
    await api.sign_up("sam")
    await other_api.sign_in("sam")
    kept = api.client.cookies.get("steady_session")

    assert (await other_api.delete("/api/sessions")).status_code == 204
    assert await other_api.signed_in_as() is None
    assert await api.signed_in_as() is None
    api.client.cookies.set("steady_session", kept or "")
    assert (await api.get(f"/api/checkins/{new_id()}")).status_code == 401


async def test_cookies_are_secure_when_served_over_https(running_app: Litestar) -> None:
    async with http_client(running_app, base_url="https://steady.example") as client:
        response = await Api(client).sign_up("sam")
    assert "Secure" in response.headers["set-cookie"]


async def test_signing_in_again_and_again_keeps_twenty_sessions_at_most(api: Api) -> None:
    await api.sign_up("sam")
    for _ in range(25):
        assert (await api.sign_in("sam")).status_code == 200
    assert await AccountSession.count() == 20
    assert await api.signed_in_as() == "sam"
