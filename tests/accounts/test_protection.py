"""CSRF on every state-changing request, rate limits, and session expiry."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from piccolo.engine.base import Engine

from steady.accounts.tables import Account, AccountSession
from steady.app import create_app
from steady.settings import Settings
from tests.clock import Clock
from tests.helpers import (
    PASSPHRASE,
    Api,
    checkin_body,
    http_client,
    lifespan_running,
    new_id,
    settings_with,
)


async def test_a_write_without_the_csrf_header_is_refused(api: Api) -> None:
    await api.client.get("/api/session")
    response = await api.client.post(
        "/api/accounts", json={"username": "sam", "passphrase": PASSPHRASE}
    )
    assert response.status_code == 403
    assert await Account.count() == 0


async def test_a_forged_csrf_token_is_refused(api: Api) -> None:
    await api.sign_up("sam")
    response = await api.client.put(
        f"/api/checkins/{new_id()}", json=checkin_body(), headers={"x-csrf-token": "f" * 128}
    )
    assert response.status_code == 403
    response = await api.client.delete("/api/session", headers={"x-csrf-token": "forged"})
    assert response.status_code == 403
    assert await api.signed_in_as() == "sam"


async def test_the_csrf_cookie_is_readable_by_the_page_and_strict(api: Api) -> None:
    response = await api.client.get("/api/session")
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("steady_csrf=")
    assert "HttpOnly" not in cookie
    assert "SameSite=strict" in cookie or "SameSite=Strict" in cookie


@pytest.fixture
def strict_settings(settings: Settings) -> Settings:
    return settings_with(settings, STEADY_SIGNIN_PER_MINUTE="5", STEADY_SIGNUP_PER_HOUR="3")


@pytest.fixture
async def limited_api(strict_settings: Settings, engine: Engine) -> AsyncIterator[Api]:
    app = create_app(strict_settings, engine)
    async with lifespan_running(app), http_client(app) as client:
        yield Api(client)


async def test_sign_in_is_rate_limited(limited_api: Api) -> None:
    await limited_api.sign_up("sam")
    statuses = [
        (await limited_api.sign_in("sam", "wrong guess " + str(i))).status_code for i in range(7)
    ]
    assert statuses[:4] == [401] * 4
    assert statuses[-1] == 429
    limited = await limited_api.sign_in("sam", PASSPHRASE)
    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) >= 1
    assert "wait" in limited.json()["detail"]


async def test_sign_up_is_rate_limited(limited_api: Api) -> None:
    statuses = []
    for index in range(5):
        response = await limited_api.post(
            "/api/accounts", json={"username": f"person{index}", "passphrase": PASSPHRASE}
        )
        statuses.append(response.status_code)
    assert statuses == [201, 201, 201, 429, 429]
    assert await Account.count() == 3


async def test_an_expired_session_is_refused(api: Api, clock: Clock) -> None:
    await api.sign_up("sam")
    await AccountSession.update(
        {AccountSession.expires_at: clock.now() - timedelta(minutes=1)}, force=True
    )
    assert await api.signed_in_as() is None
    assert (await api.put(f"/api/checkins/{new_id()}", json=checkin_body())).status_code == 401


async def test_an_active_session_slides_its_expiry_forward(api: Api, clock: Clock) -> None:
    await api.sign_up("sam")
    two_hours_ago = clock.now() - timedelta(hours=2)
    await AccountSession.update(
        {
            AccountSession.last_seen_at: two_hours_ago,
            AccountSession.expires_at: clock.now() + timedelta(days=1),
        },
        force=True,
    )
    response = await api.get("/api/session")
    assert "steady_session=" in response.headers.get("set-cookie", "")
    row = await AccountSession.select(AccountSession.expires_at).first()
    assert row["expires_at"] > clock.now() + timedelta(days=29)


async def test_the_session_answer_carries_the_csrf_token_for_workers(api: Api) -> None:
    body = (await api.client.get("/api/session")).json()
    assert body["csrf_token"]
    assert body["csrf_token"] == api.client.cookies.get("steady_csrf")
    # A service worker cannot read cookies: the token from the body is enough to write.
    response = await api.client.post(
        "/api/accounts",
        json={"username": "sam", "passphrase": PASSPHRASE},
        headers={"x-csrf-token": body["csrf_token"]},
    )
    assert response.status_code == 201


def _replace_cookie(api: Api, name: str, value: str) -> None:
    api.client.cookies.delete(name)
    api.client.cookies.set(name, value, domain="testserver.local", path="/")


async def test_someone_elses_csrf_token_does_not_work_with_my_session(
    api: Api, other_api: Api
) -> None:
    await api.sign_up("sam")
    await other_api.sign_up("alex")
    theirs = other_api.client.cookies["steady_csrf"]
    mine = api.client.cookies["steady_csrf"]
    assert theirs != mine
    response = await api.client.put(
        f"/api/checkins/{new_id()}", json=checkin_body(), headers={"x-csrf-token": theirs}
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    # Even with their token in my cookie jar too: the token must belong to my session.
    _replace_cookie(api, "steady_csrf", theirs)
    response = await api.client.put(
        f"/api/checkins/{new_id()}", json=checkin_body(), headers={"x-csrf-token": theirs}
    )
    assert response.status_code == 403
    assert (await api.put(f"/api/checkins/{new_id()}", json=checkin_body())).status_code == 403
    _replace_cookie(api, "steady_csrf", mine)
    assert (await api.put(f"/api/checkins/{new_id()}", json=checkin_body())).status_code == 201


async def test_the_csrf_token_changes_at_sign_in_and_at_sign_out(api: Api) -> None:
    await api.sign_up("sam")
    signed_up = api.client.cookies["steady_csrf"]
    await api.delete("/api/session")
    signed_out = api.client.cookies["steady_csrf"]
    assert signed_out != signed_up
    answer = await api.sign_in("sam")
    signed_in = answer.json()["csrf_token"]
    assert signed_in == api.client.cookies["steady_csrf"]
    assert signed_in not in {signed_up, signed_out}
    # The token from before signing in no longer works for writes.
    stale = await api.client.put(
        f"/api/checkins/{new_id()}", json=checkin_body(), headers={"x-csrf-token": signed_out}
    )
    assert stale.status_code == 403
    assert (await api.put(f"/api/checkins/{new_id()}", json=checkin_body())).status_code == 201
