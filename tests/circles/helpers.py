"""Starting circles, joining them, renewing their keys and posting in rounds, in tests.

What a phone seals is opaque to the server, so these tests stand in for it: a "box" here
is base64 of the post's JSON (padded to the size a real one has) and the signature and
sealed keys are random bytes. The real sealing is tested in the browser (e2e/test_sealed.py).
"""

from __future__ import annotations

import base64
import json
import os
from datetime import datetime
from typing import Any

from steady.circles.rounds import advance
from tests.clock import Clock
from tests.helpers import Api, b64, key_bundle, new_id, sealed_sign_up


async def keyed(api: Api, name: str) -> None:
    """Sign up as the phone does, with keys set up (a circle key can be sealed to them)."""
    await sealed_sign_up(api, name)
    answer = await api.put("/api/keys/me", json=key_bundle(os.urandom(20)))
    assert answer.status_code == 204, answer.text


def sealed(epoch: int, **fields: Any) -> dict[str, Any]:
    """A stand-in for what a phone seals under the circle key of ``epoch``."""
    box = b64(json.dumps(fields).encode().ljust(240))
    return {"epoch": epoch, "box": box, "sig": b64(os.urandom(64))}


def said(post: dict[str, Any]) -> dict[str, Any]:
    """What a stand-in sealed post says (as the members' phones would read it)."""
    box = post["sealed"]["box"]
    result: dict[str, Any] = json.loads(base64.urlsafe_b64decode(box + "=" * (-len(box) % 4)))
    return result


async def keys_of(api: Api, circle_id: str) -> dict[str, Any]:
    answer = await api.get(f"/api/circles/{circle_id}/keys")
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()
    return result


def epoch_body(circle_id: str, epoch: int, member_ids: list[int]) -> dict[str, Any]:
    """A new circle key for these members, as a phone sends it."""
    roster = {
        "v": 1,
        "circle": circle_id,
        "epoch": epoch,
        "members": [{"member": i, "fingerprint": b64(os.urandom(32))} for i in member_ids],
    }
    return {
        "roster": json.dumps(roster),
        "keys": {str(i): b64(os.urandom(100)) for i in member_ids},
        "signature": b64(os.urandom(64)),
    }


async def renew(api: Api, circle_id: str) -> int:
    """Make the next circle key for everyone in the circle now; the new epoch."""
    now = await keys_of(api, circle_id)
    epoch = now["epoch"] + 1
    ids = [m["member"] for m in now["members"]]
    answer = await api.put(
        f"/api/circles/{circle_id}/keys/{epoch}", json=epoch_body(circle_id, epoch, ids)
    )
    assert answer.status_code == 204, answer.text
    return int(epoch)


async def _circle_of_round(api: Api, round_id: str) -> str:
    for item in (await api.get("/api/circles")).json():
        current = (await read(api, item["id"]))["current"]
        if current is not None and current["id"] == round_id:
            return str(item["id"])
    return ""


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


async def join(
    inviter: Api, person: Api, circle_id: str, by: str = "token", let_in: bool = True
) -> dict[str, Any]:
    """Invite ``person`` and have them join (by the link's token, or the spoken code); the
    inviter's phone then lets them in with a new circle key (unless ``let_in`` is False)."""
    made = await invite(inviter, circle_id)
    answer = await person.post(
        "/api/circles/invites/join", json={by: made[by], "agree_to_rules": True}
    )
    assert answer.status_code == 200, answer.text
    if let_in:
        await renew(inviter, circle_id)
    result: dict[str, Any] = answer.json()
    return result


async def read(api: Api, circle_id: str) -> dict[str, Any]:
    answer = await api.get(f"/api/circles/{circle_id}")
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()
    return result


def post_body(kind: str, round_id: str, epoch: int, **fields: Any) -> dict[str, Any]:
    """A post as a phone sends it: everything but a linked commitment sealed."""
    commitment = fields.pop("commitment_id", None)
    body = {"kind": kind, "round_id": round_id, "sealed": sealed(epoch, **fields)}
    return body | ({"commitment_id": commitment} if commitment else {})


async def post(
    api: Api, kind: str, round_id: str, post_id: str | None = None, **fields: Any
) -> str:
    """Post in the (open) round, sealed under the circle's current key; the post's id."""
    post_id = post_id or new_id()
    epoch = (await keys_of(api, await _circle_of_round(api, round_id)))["epoch"]
    answer = await api.put(
        f"/api/circles/posts/{post_id}", json=post_body(kind, round_id, epoch, **fields)
    )
    assert answer.status_code == 200, answer.text
    return str(answer.json()["id"])


async def time_passes(clock: Clock, until: datetime) -> None:
    """Move the clock to ``until`` and let the circles' job run, as it does every minute."""
    clock.move_to(until)
    await advance()


async def opened_round(api: Api, circle_id: str, clock: Clock, at: datetime) -> dict[str, Any]:
    """Let the clock reach ``at``; the round then open."""
    await time_passes(clock, at)
    current = (await read(api, circle_id))["current"]
    assert current is not None and current["open"], current
    result: dict[str, Any] = current
    return result
