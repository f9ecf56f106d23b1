"""A browser-like API client for tests, and small builders of valid bodies."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from litestar import Litestar

from steady import clock as server_clock
from steady.csrf import CSRF_COOKIE, CSRF_HEADER
from steady.settings import Settings
from tests import clock
from tests.environment import FAST_ARGON2

PASSPHRASE = "correct horse battery staple"


@asynccontextmanager
async def lifespan_running(app: Litestar) -> AsyncIterator[Litestar]:
    """Run the app's start-up and shut-down hooks in one background task.

    ``app.lifespan()`` holds an anyio cancel scope, which must be left by the task that
    entered it; pytest runs a fixture's set-up and tear-down in different tasks.
    """
    started, stop = asyncio.Event(), asyncio.Event()

    async def hold_open() -> None:
        async with app.lifespan():
            started.set()
            await stop.wait()

    task = asyncio.create_task(hold_open())
    waiter = asyncio.create_task(started.wait())
    await asyncio.wait([task, waiter], return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        waiter.cancel()
        task.result()
    try:
        yield app
    finally:
        stop.set()
        await task


def http_client(
    app: Litestar, base_url: str = "http://testserver.local", address: str = "127.0.0.1"
) -> httpx.AsyncClient:
    """An HTTP client that calls the app in-process, in the caller's event loop, as if
    from ``address``."""
    transport = httpx.ASGITransport(app=app, client=(address, 52000))
    return httpx.AsyncClient(transport=transport, base_url=base_url)


class Api:
    """Sends requests the way the PWA does: cookies kept, CSRF token echoed."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def csrf_token(self) -> str:
        token = self.client.cookies.get(CSRF_COOKIE)
        if token is None:
            await self.client.get("/api/session")
            token = self.client.cookies.get(CSRF_COOKIE)
        assert token, "the server did not hand out a CSRF cookie"
        return token

    async def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}) or {})
        if method not in {"GET", "HEAD", "OPTIONS"}:
            headers.setdefault(CSRF_HEADER, await self.csrf_token())
        return await self.client.request(method, path, headers=headers, **kwargs)

    async def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return await self.request("GET", path, **kwargs)

    async def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return await self.request("POST", path, **kwargs)

    async def put(self, path: str, **kwargs: Any) -> httpx.Response:
        return await self.request("PUT", path, **kwargs)

    async def patch(self, path: str, **kwargs: Any) -> httpx.Response:
        return await self.request("PATCH", path, **kwargs)

    async def delete(self, path: str, **kwargs: Any) -> httpx.Response:
        return await self.request("DELETE", path, **kwargs)

    async def sign_up(
        self, username: str = "sam", passphrase: str = PASSPHRASE, time_zone: str | None = None
    ) -> httpx.Response:
        """A new account living where the test's people live (``tests.clock``)."""
        zone = time_zone or clock.home()
        response = await self.post(
            "/api/accounts",
            json={"username": username, "passphrase": passphrase, "time_zone": zone},
        )
        assert response.status_code == 201, response.text
        return response

    async def sign_in(self, username: str = "sam", passphrase: str = PASSPHRASE) -> httpx.Response:
        return await self.post(
            "/api/session", json={"username": username, "passphrase": passphrase}
        )

    async def signed_in_as(self) -> str | None:
        body = (await self.get("/api/session")).json()
        return body["account"]["username"] if body["signed_in"] else None


def field_names(response: httpx.Response) -> list[str]:
    """The fields a 4xx answer says were wrong."""
    return [error["field"] for error in response.json().get("errors", [])]


def new_id() -> str:
    return str(uuid.uuid4())


def checkin_body(**overrides: Any) -> dict[str, Any]:
    """A check-in made now, counting for today where the person lives."""
    body: dict[str, Any] = {
        "recorded_at": server_clock.now().isoformat(),
        "local_date": clock.today().isoformat(),
        "mood": 3,
        "energy": 2,
        "stress": 4,
        "connected": 3,
        "context": "after_shift",
        "note": "Long shift. Glad to be heading home.",
    }
    body.update(overrides)
    return body


def toolkit_item(text: str, **extra: Any) -> dict[str, Any]:
    return {"id": new_id(), "text": text, **extra}


def toolkit_body(base_version: int, **sections: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "change_id": new_id(),
        "base_version": base_version,
        "sections": sections,
        "region": "GB",
        "setup_done": True,
    }


def grounding_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "exercise_id": "box-breathing",
        "duration_seconds": 120,
        "completed": True,
        "started_at": "2026-11-20T07:00:00+00:00",
        "ended_at": "2026-11-20T07:02:00+00:00",
    }
    body.update(overrides)
    return body


def commitment_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": "Take my full break",
        "why": "I'm kinder to patients when I've eaten",
        "cadence": "daily",
        "starts_on": clock.today().isoformat(),
    }
    body.update(overrides)
    return body


def completion_body(commitment_id: str, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "commitment_id": commitment_id,
        "local_date": clock.today().isoformat(),
        "completed_at": server_clock.now().isoformat(),
    }
    body.update(overrides)
    return body


def settings_with(settings: Settings, **changes: str) -> Settings:
    """The test settings (same folders, cheap hashing, generous limits) with ``changes``
    (``STEADY_*`` names), for a test that needs its own app with a stricter limit."""
    return Settings.from_env(
        {
            "STEADY_DATA_DIR": str(settings.data_dir),
            "STEADY_FRONTEND_DIR": str(settings.frontend_dir),
            **FAST_ARGON2,
            "STEADY_SIGNIN_PER_MINUTE": "1000",
            "STEADY_SIGNUP_PER_HOUR": "1000",
            **changes,
        }
    )


# The ``new_person`` fixture: each call is another browser with its own cookies.
NewPerson = Callable[[], Awaitable["Api"]]


# ---- keys: what a phone sends, made in Python (the wrapped parts are opaque to the server)


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def public_point() -> str:
    key = ec.generate_private_key(ec.SECP256R1()).public_key()
    return b64(
        key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    )


def key_bundle(proof: bytes) -> dict[str, str]:
    """A bundle as a phone uploads it (the wrapped parts are opaque to the server)."""
    return {
        "signing_public": public_point(),
        "sealing_public": public_point(),
        "wrapped_by_master": b64(os.urandom(60)),
        "wrapped_by_recovery": b64(os.urandom(60)),
        "sealed_identity": b64(os.urandom(300)),
        "recovery_check": hashlib.sha256(proof).hexdigest(),
    }


async def salt_of(api: Api, username: str) -> str:
    answer = await api.get("/api/keys/params", params={"username": username})
    assert answer.status_code == 200, answer.text
    assert answer.json()["argon2"] == {"iterations": 3, "memory_kib": 65536, "parallelism": 1}
    return str(answer.json()["salt"])


async def sealed_sign_up(api: Api, username: str = "sam") -> tuple[str, str]:
    """Sign up as the phone does: the login key in place of the passphrase."""
    salt = await salt_of(api, username)
    login_key = b64(os.urandom(32))
    body = {"username": username, "passphrase": login_key, "key_salt": salt, "time_zone": "UTC"}
    answer = await api.post("/api/accounts", json=body)
    assert answer.status_code == 201, answer.text
    return login_key, salt


async def sign_in_with_key(api: Api, username: str, login_key: str) -> httpx.Response:
    body: dict[str, Any] = {"username": username, "passphrase": login_key, "login_key": True}
    return await api.post("/api/session", json=body)
