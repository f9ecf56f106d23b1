"""Guessing passphrases is throttled honestly, and passphrase work cannot be flooded."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from litestar import Litestar
from piccolo.engine.base import Engine

from steady.accounts.passphrases import Passphrases
from steady.app import create_app
from steady.domain import Limited
from steady.settings import Settings
from steady.tokens import hash_token
from tests.clock import Clock
from tests.helpers import PASSPHRASE, Api, http_client, lifespan_running, settings_with


def _settings(settings: Settings, **extra: str) -> Settings:
    return settings_with(
        settings,
        STEADY_SIGNIN_FAILURES_BEFORE_WAIT="5",
        STEADY_PASSPHRASE_CHECKS_PER_HOUR="3",
        **extra,
    )


@pytest.fixture
async def guarded_app(settings: Settings, engine: Engine) -> AsyncIterator[Litestar]:
    app = create_app(_settings(settings), engine)
    async with lifespan_running(app):
        yield app


async def test_past_the_cap_even_the_right_passphrase_waits_from_every_address(
    guarded_app: Litestar,
) -> None:
    async with http_client(guarded_app) as client:
        owner = Api(client)
        await owner.sign_up("sam")
        await owner.delete("/api/session")
    for attempt in range(5):
        async with http_client(guarded_app, address=f"127.0.0.{10 + attempt}") as client:
            wrong = await Api(client).sign_in("sam", f"guess number {attempt}")
            assert wrong.status_code == 401
    for address in ("127.0.0.30", "127.0.0.31", "127.0.0.1"):
        async with http_client(guarded_app, address=address) as client:
            right = await Api(client).sign_in("sam", PASSPHRASE)
            assert right.status_code == 429, right.text
            assert 1 <= int(right.headers["retry-after"]) <= 60
            assert "paused" in right.json()["detail"]
            assert await Api(client).signed_in_as() is None


async def test_the_wait_grows_with_each_further_failure_and_never_locks_forever(
    guarded_app: Litestar, clock: Clock
) -> None:
    waits = guarded_app.state.signin_waits
    assert [waits.wait_after(n) for n in (4, 5, 6, 7, 8)] == [0, 60, 120, 240, 480]
    assert waits.wait_after(40) == 3600  # an hour at most
    async with http_client(guarded_app) as client:
        api = Api(client)
        await api.sign_up("sam")
        for attempt in range(5):
            await api.sign_in("sam", f"wrong {attempt}")
        # Once the wait is over, the right passphrase gets in and the count starts afresh.
        clock.advance(timedelta(seconds=61))
        await waits.check("sam")
        key = "signin-last-failure:" + hash_token("sam")
        assert (await api.sign_in("sam", PASSPHRASE)).status_code == 200
        assert await guarded_app.state.attempts.read(key) == 0


async def test_a_username_that_does_not_exist_is_throttled_the_same_way(
    guarded_app: Litestar,
) -> None:
    async with http_client(guarded_app) as client:
        api = Api(client)
        statuses = [(await api.sign_in("nobody", f"guess {i}")).status_code for i in range(7)]
    assert statuses == [401] * 5 + [429] * 2


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("PUT", "/api/account/passphrase", {"current_passphrase": "nope", "new_passphrase": "x"}),
        ("POST", "/api/account/deletion", {"passphrase": "not my passphrase"}),
    ],
    ids=["passphrase change", "account deletion"],
)
async def test_passphrase_checks_have_their_own_limit_per_account(
    guarded_app: Litestar, method: str, path: str, body: dict[str, Any]
) -> None:
    if "new_passphrase" in body:
        body = {**body, "new_passphrase": "maple river compass dawn"}
    async with http_client(guarded_app) as client:
        api = Api(client)
        await api.sign_up("sam")
        statuses = [(await api.request(method, path, json=body)).status_code for _ in range(5)]
        assert statuses == [403, 403, 403, 429, 429]
        limited = await api.request(method, path, json=body)
        assert int(limited.headers["retry-after"]) >= 1
        assert await api.signed_in_as() == "sam"


class _HeldHasher:
    """Holds each passphrase check (in its worker thread) until the test lets it go."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.gate = threading.Event()

    def verify(self, *args: Any) -> bool:
        self.gate.wait(timeout=10)
        return bool(self.real.verify(*args))


async def test_the_bounded_pool_refuses_at_once_when_full() -> None:
    passphrases = Passphrases(time_cost=1, memory_kib=8, parallelism=1, slots=1)
    stored = await passphrases.hash(PASSPHRASE, "setup")
    held = _HeldHasher(passphrases._hasher)
    passphrases._hasher = held  # type: ignore[assignment]
    holding = asyncio.create_task(passphrases.verify(stored, PASSPHRASE, "flooder"))
    await asyncio.sleep(0.05)
    with pytest.raises(Limited) as same_client:
        await passphrases.verify(stored, PASSPHRASE, "flooder")
    assert not same_client.value.busy
    with pytest.raises(Limited) as everyone:
        await passphrases.verify(stored, PASSPHRASE, "someone else")
    assert everyone.value.busy and everyone.value.retry_after >= 1
    held.gate.set()
    assert await holding
    assert await passphrases.verify(stored, PASSPHRASE, "someone else")


async def test_a_full_pool_answers_503_with_retry_after(settings: Settings, engine: Engine) -> None:
    app = create_app(_settings(settings, STEADY_ARGON2_SLOTS="1"), engine)
    async with lifespan_running(app), http_client(app) as client:
        api = Api(client)
        await api.sign_up("sam")
        passphrases = app.state.passphrases
        with passphrases._slot("someone flooding"):
            answer = await api.sign_in("sam", PASSPHRASE)
        assert answer.status_code == 503
        assert int(answer.headers["retry-after"]) >= 1
        assert (await api.sign_in("sam", PASSPHRASE)).status_code == 200
