"""Fixtures for reminders: a local push service and a dispatcher the test drives."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from litestar import Litestar

from steady.push import VapidAuthorizations
from steady.reminders.dispatcher import Dispatcher, DispatchSettings
from tests.conftest import PUSH_SERVICE_PORT
from tests.reminders.push_service import LocalPushService


@pytest.fixture
async def push_service(running_app: Litestar) -> AsyncIterator[LocalPushService]:
    """A push service that only accepts pushes signed with this server's VAPID key."""
    service = LocalPushService(expected_key=running_app.state.vapid.public_key)
    await service.start(PUSH_SERVICE_PORT)
    yield service
    await service.stop()


@pytest.fixture
async def dispatcher(running_app: Litestar) -> AsyncIterator[Dispatcher]:
    """A dispatcher with quick retries, run by the test one pass at a time."""
    vapid = VapidAuthorizations(running_app.state.vapid, "mailto:care-team@steady.example")
    dispatcher = Dispatcher(
        vapid, DispatchSettings(first_backoff=0.01, batch=200), running_app.state.push_hosts
    )
    yield dispatcher
    await dispatcher.close()
