"""Starting circles, joining them and posting in rounds, in tests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from steady.circles.rounds import advance
from tests.helpers import Api, new_id


async def start(api: Api, name: str = "Night nurses", **settings: Any) -> dict[str, Any]:
    """Start a circle (agreeing to the rules); the circle as its starter sees it."""
    body = {"name": name, "agree_to_rules": True, **settings}
    answer = await api.post("/api/circles", json=body)
    assert answer.status_code == 201, answer.text
    result: dict[str, Any] = answer.json()
    return result


async def invite(api: Api, circle_id: str) -> dict[str, Any]:
    answer = await api.post(f"/api/circles/{circle_id}/invites")
    assert answer.status_code == 201, answer.text
    result: dict[str, Any] = answer.json()
    return result


async def join(inviter: Api, person: Api, circle_id: str, by: str = "token") -> dict[str, Any]:
    """Invite ``person`` and have them join (by the link's token, or the spoken code)."""
    made = await invite(inviter, circle_id)
    answer = await person.post(
        "/api/circles/invites/join", json={by: made[by], "agree_to_rules": True}
    )
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()
    return result


async def read(api: Api, circle_id: str) -> dict[str, Any]:
    answer = await api.get(f"/api/circles/{circle_id}")
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()
    return result


async def post(
    api: Api, kind: str, round_id: str, post_id: str | None = None, **fields: Any
) -> str:
    """Post in a round; the post's id."""
    post_id = post_id or new_id()
    answer = await api.put(
        f"/api/circles/posts/{post_id}", json={"kind": kind, "round_id": round_id, **fields}
    )
    assert answer.status_code == 200, answer.text
    return str(answer.json()["id"])


async def opened_round(api: Api, circle_id: str, at: datetime) -> dict[str, Any]:
    """Let the circle's clock reach ``at``; the round then open."""
    await advance(at)
    current = (await read(api, circle_id))["current"]
    assert current is not None and current["open"], current
    result: dict[str, Any] = current
    return result
