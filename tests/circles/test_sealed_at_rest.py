"""At rest and on the way to lock screens, on both databases: a post of every kind and a
facilitator's summary, each holding its own canary and sealed by the PWA's own code (run
in Node), are posted through the API, pushes go out through the stand-in push service,
and then no column of any table and no push payload holds a canary — raw, hex or base64 —
while the circle's name (plain by design) is found. What was stored still opens with the
circle key, so what the server kept is what the phone sealed."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from piccolo.engine.base import Engine

from steady.reminders.dispatcher import Dispatcher
from tests.at_rest import at_rest_forms, places_holding
from tests.circles.conftest import Four
from tests.circles.helpers import keys_of, read
from tests.clock import Clock
from tests.helpers import new_id
from tests.reminders.push_service import LocalPushService

Driver = Callable[[dict[str, Any]], Any]


def _canary(part: str) -> str:
    return f"CANARY-{part}-{uuid.uuid4().hex}"


def _opened(key: bytes, sealed: dict[str, Any], where: bytes) -> dict[str, Any]:
    box = base64.urlsafe_b64decode(sealed["box"] + "=" * (-len(sealed["box"]) % 4))
    padded = AESGCM(key).decrypt(box[:12], box[12:], where)
    result: dict[str, Any] = json.loads(padded.rstrip(b"\0")[:-1])
    return result


async def test_no_post_summary_or_push_holds_a_word_written_in_the_circle(
    four: Four,
    engine: Engine,
    sealing_driver: Driver,
    push_service: LocalPushService,
    clock: Clock,
    dispatcher: Dispatcher,
) -> None:
    for person in four.people().values():
        await person.patch("/api/account", json={"time_zone": "UTC"})
        prefs = {"quiet_start": "00:00", "quiet_end": "00:00", "show_details": True}
        assert (await person.put("/api/reminders/prefs", json=prefs)).status_code == 200
        await person.put("/api/reminders/subscriptions", json=push_service.subscribe())
    cid = four.circle_id
    rid = (await four.sam.post(f"/api/circles/{cid}/rounds")).json()["current"]["id"]
    epoch = (await keys_of(four.sam, cid))["epoch"]
    writes = {
        "case": (four.kim, {"situation": _canary("situation"), "question": _canary("question")}),
        "energy": (
            four.sam,
            {"energy": 2, "word": "tired", "win": _canary("win"), "challenge": _canary("hard")},
        ),
        "answer": (
            four.alex,
            {
                "noticed": _canary("noticed"),
                "question": _canary("ask"),
                "might_try": _canary("try"),
            },
        ),
        "change": (four.lee, {"text": _canary("change")}),
        "appreciation": (four.alex, {"text": _canary("thanks"), "to_member": four.ids["kim"]}),
        "not_ok": (four.lee, {}),
    }
    summary = _canary("summary")
    posts = [
        {"id": new_id(), "kind": kind, "fields": fields} for kind, (_, fields) in writes.items()
    ]
    sealed = sealing_driver(
        {
            "command": "circle-posts",
            "circle_id": cid,
            "epoch": epoch,
            "round_id": rid,
            "posts": posts,
            "summary": summary,
        }
    )
    for post, made in zip(posts, sealed["posts"], strict=True):
        person = writes[post["kind"]][0]
        body = {"kind": post["kind"], "round_id": rid, "sealed": made["sealed"]}
        answer = await person.put(f"/api/circles/posts/{post['id']}", json=body)
        assert answer.status_code == 200, answer.text
    clock.advance(timedelta(seconds=1))
    await dispatcher.dispatch_once()
    assert push_service.received  # the circle was told of the round and the case
    closed = await four.sam.post(
        f"/api/circles/{cid}/rounds/{rid}/close", json={"summary": sealed["summary"]}
    )
    assert closed.status_code == 200, closed.text
    clock.advance(timedelta(seconds=1))
    await dispatcher.dispatch_once()

    canaries = [v for _, f in writes.values() for v in f.values() if isinstance(v, str)]
    canaries = [c for c in canaries if c.startswith("CANARY")] + [summary]
    assert len(canaries) == 10
    payloads = json.dumps([received.payload for received in push_service.received])
    for canary in canaries:
        assert await places_holding(engine, canary) == [], canary
        assert not any(form in payloads for form in at_rest_forms(canary)), canary
    assert "circle.name" in await places_holding(engine, "Night nurses")

    # What the server keeps is what the phone sealed: it opens with the circle key.
    key = bytes.fromhex(sealed["key"])
    stored = {p["id"]: p for p in (await read(four.kim, cid))["current"]["posts"]}
    for post, made in zip(posts, sealed["posts"], strict=True):
        where = bytes.fromhex(made["context"])
        assert _opened(key, stored[post["id"]]["sealed"], where) == post["fields"]
    kept = (await read(four.kim, cid))["current"]["summary"]["sealed"]
    assert _opened(key, kept, bytes.fromhex(sealed["summary_context"])) == {"text": summary}
