"""Sam and Alex, connected (the start of most sharing tests), and the push fixtures."""

from __future__ import annotations

import pytest

from tests.helpers import Api
from tests.reminders.conftest import dispatcher, push_service  # noqa: F401
from tests.sharing.helpers import connect


@pytest.fixture
async def peer_id(api: Api, other_api: Api) -> str:
    """Sam (``api``) invited Alex (``other_api``), who accepted: their connection's id."""
    await api.sign_up("sam")
    await other_api.sign_up("alex")
    return await connect(api, other_api)
