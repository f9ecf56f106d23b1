"""More people than the shared fixtures give, someone never signed in, and push fixtures."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from litestar import Litestar

from tests.helpers import Api, http_client


@pytest.fixture
async def third_api(running_app: Litestar) -> AsyncIterator[Api]:
    async with http_client(running_app) as client:
        yield Api(client)


@pytest.fixture
async def fourth_api(running_app: Litestar) -> AsyncIterator[Api]:
    async with http_client(running_app) as client:
        yield Api(client)


@pytest.fixture
async def fifth_api(running_app: Litestar) -> AsyncIterator[Api]:
    async with http_client(running_app) as client:
        yield Api(client)


@pytest.fixture
async def anonymous(running_app: Litestar) -> AsyncIterator[Api]:
    """A browser that never signs in."""
    async with http_client(running_app) as client:
        yield Api(client)


# The push fixtures, for the tests that check what each side is told.
from tests.reminders.conftest import dispatcher, push_service  # noqa: E402, F401
