"""Rate limits shared by several instances through Redis (and kept over a restart), and the
client address taken from a proxy only when the proxy is trusted."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from litestar import Litestar
from piccolo.engine.base import Engine
from redis.asyncio import Redis

from steady.addresses import ClientAddresses
from steady.app import create_app
from steady.settings import Settings
from tests.clock import Clock
from tests.helpers import PASSPHRASE, Api, http_client, lifespan_running, settings_with

REDIS_URL = os.environ.get("STEADY_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


async def _redis_reachable() -> bool:
    client = Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        return bool(await client.ping())
    except OSError:
        return False
    finally:
        await client.aclose()


@pytest.fixture
async def redis_url() -> AsyncIterator[str]:
    """A Redis for the test (CI machines run one on 127.0.0.1:6379), emptied afterwards."""
    if not await _redis_reachable():
        pytest.fail(f"these tests need Redis at {REDIS_URL} (set STEADY_TEST_REDIS_URL)")
    yield REDIS_URL
    client = Redis.from_url(REDIS_URL)
    await client.flushdb()
    await client.aclose()


def _settings(settings: Settings, **extra: str) -> Settings:
    return settings_with(settings, STEADY_SIGNIN_PER_MINUTE="4", **extra)


async def _sign_in_statuses(app: Litestar, count: int, username: str) -> list[int]:
    async with http_client(app) as client:
        api = Api(client)
        return [(await api.sign_in(username, f"wrong {i}")).status_code for i in range(count)]


async def test_two_instances_count_sign_ins_together_and_a_restart_forgets_nothing(
    settings: Settings, engine: Engine, redis_url: str, clock: Clock
) -> None:
    shared = _settings(settings, STEADY_REDIS_URL=redis_url)
    name = f"sam{uuid.uuid4().hex[:8]}"
    # Attempts are counted per clock minute: start at the top of one, so all land in it.
    clock.move_to(clock.now().replace(second=0, microsecond=0) + timedelta(minutes=1))
    first, second = create_app(shared, engine), create_app(shared, engine)
    async with lifespan_running(first), lifespan_running(second):
        async with http_client(first) as client:
            await Api(client).sign_up(name)
        assert await _sign_in_statuses(first, 2, name) == [401, 401]
        assert await _sign_in_statuses(second, 2, name) == [401, 401]
        # Four attempts from this address in this minute, across both instances: the fifth
        # is refused by either.
        assert await _sign_in_statuses(second, 1, name) == [429]
        assert await _sign_in_statuses(first, 1, name) == [429]
    restarted = create_app(shared, engine)
    async with lifespan_running(restarted):
        assert await _sign_in_statuses(restarted, 1, name) == [429]


async def test_without_redis_each_instance_counts_alone(settings: Settings, engine: Engine) -> None:
    alone = _settings(settings)
    first, second = create_app(alone, engine), create_app(alone, engine)
    async with lifespan_running(first), lifespan_running(second):
        async with http_client(first) as client:
            await Api(client).sign_up("sam")
        assert await _sign_in_statuses(first, 4, "sam") == [401] * 4
        assert await _sign_in_statuses(second, 1, "sam") == [401]


async def test_a_forwarded_address_counts_only_from_a_trusted_proxy(
    settings: Settings, engine: Engine
) -> None:
    app = create_app(_settings(settings, STEADY_TRUSTED_PROXIES="127.0.0.9/32"), engine)
    async with lifespan_running(app):
        async with http_client(app) as client:
            await Api(client).sign_up("sam")
        # Through the trusted proxy, each client is counted on its own address.
        for client_number in range(3):
            async with http_client(app, address="127.0.0.9") as client:
                api = Api(client)
                forwarded = {"x-forwarded-for": f"203.0.113.{client_number}"}
                statuses = [
                    (
                        await api.post(
                            "/api/session",
                            json={"username": f"person{client_number}", "passphrase": "no"},
                            headers=forwarded,
                        )
                    ).status_code
                    for i in range(4)
                ]
                assert statuses == [401] * 4
        # A client talking to Steady directly cannot choose its address with the header.
        async with http_client(app, address="127.0.0.20") as client:
            api = Api(client)
            statuses = [
                (
                    await api.post(
                        "/api/session",
                        json={"username": "nobody", "passphrase": PASSPHRASE},
                        headers={"x-forwarded-for": f"198.51.100.{i}"},
                    )
                ).status_code
                for i in range(5)
            ]
            assert statuses == [401] * 4 + [429]


def test_the_client_address_is_read_from_the_right_past_trusted_proxies() -> None:
    addresses = ClientAddresses("10.0.0.0/8, 192.168.1.1")
    # A client may prepend anything; the proxies append what they saw.
    assert addresses.resolve("10.0.0.2", ["6.6.6.6, 203.0.113.7, 192.168.1.1"]) == "203.0.113.7"
    assert addresses.resolve("10.0.0.2", ["203.0.113.7", "10.0.0.3"]) == "203.0.113.7"
    assert addresses.resolve("203.0.113.50", ["6.6.6.6"]) == "203.0.113.50"
    assert addresses.resolve("10.0.0.2", ["not an address"]) == "10.0.0.2"
    assert addresses.resolve("10.0.0.2", []) == "10.0.0.2"
    assert ClientAddresses("").resolve("10.0.0.2", ["6.6.6.6"]) == "10.0.0.2"
