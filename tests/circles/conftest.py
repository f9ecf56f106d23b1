"""A circle of four (Sam started it; Alex, Kim and Lee joined), and the push fixtures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from tests.circles.helpers import join, keyed, read, start
from tests.helpers import Api, NewPerson
from tests.reminders.conftest import dispatcher, push_service  # noqa: F401


@dataclass
class Four:
    """The circle and its people, in join order, with their member ids."""

    circle_id: str
    sam: Api
    alex: Api
    kim: Api
    lee: Api
    ids: dict[str, int]

    def people(self) -> dict[str, Api]:
        return {"sam": self.sam, "alex": self.alex, "kim": self.kim, "lee": self.lee}


@pytest.fixture
async def four(api: Api, other_api: Api, new_person: NewPerson) -> Four:
    kim, lee = await new_person(), await new_person()
    for person, name in ((api, "sam"), (other_api, "alex"), (kim, "kim"), (lee, "lee")):
        await keyed(person, name)
    circle = await start(api, window_hours=48)
    circle_id = circle["id"]
    await join(api, other_api, circle_id)
    await join(api, kim, circle_id, by="code")
    await join(other_api, lee, circle_id)
    view: dict[str, Any] = await read(api, circle_id)
    ids = {m["name"]: m["id"] for m in view["members"]}
    return Four(circle_id, api, other_api, kim, lee, ids)
