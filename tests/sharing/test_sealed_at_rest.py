"""At rest, on both databases: a summary and a reply sealed by the PWA's own code (run in
Node) are sent through the API, then every text column of every table is searched for
the words inside them — raw, hex and base64 — and none is found, while a username (plain
by design) is, so the search can't pass vacuously. The stored envelope still opens for
the person it was sealed to, so what was stored is what the phone sealed."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable
from typing import Any

from cryptography.hazmat.primitives import hpke, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from piccolo.engine.base import Engine

from tests.at_rest import places_holding
from tests.helpers import Api, NewPerson, new_id
from tests.sharing.helpers import connect, draft

Driver = Callable[[dict[str, Any]], Any]
SUITE = hpke.Suite(hpke.KEM.P256, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


def _sealed_by_the_phone(
    sealing_driver: Driver, summary_id: str, link: str, document: dict[str, Any]
) -> dict[str, Any]:
    result: dict[str, Any] = sealing_driver(
        {"command": "envelope", "summary_id": summary_id, "link_id": link, "document": document}
    )
    envelope = result["envelope"]
    # The driver seals to two test people named "sam" and "alex": the API wants to/from.
    envelope["keys"] = {"to": envelope["keys"]["sam"], "from": envelope["keys"]["alex"]}
    return result


async def test_nothing_sealed_is_readable_in_any_column(
    api: Api, new_person: NewPerson, engine: Engine, sealing_driver: Driver
) -> None:
    note, words = f"CANARY-{uuid.uuid4().hex}", f"CANARY-{uuid.uuid4().hex}"
    sam, alex = api, await new_person()
    username = f"sam{uuid.uuid4().hex[:10]}"
    await sam.sign_up(username)
    await alex.sign_up("alex")
    link = await connect(sam, alex)
    summary, reply = new_id(), new_id()

    sealed = _sealed_by_the_phone(sealing_driver, summary, link, {"note": note})
    body = draft(link, note="", help=None, sealed=sealed["envelope"])
    assert (await sam.put(f"/api/sharing/sent/{summary}", json=body)).status_code == 200
    answer = _sealed_by_the_phone(sealing_driver, summary, link, {"text": words})
    sent = await alex.put(
        f"/api/sharing/inbox/{summary}/replies/{reply}", json={"sealed": answer["envelope"]}
    )
    assert sent.status_code == 200, sent.text

    assert await places_holding(engine, note) == []
    assert await places_holding(engine, words) == []
    assert "account.username" in await places_holding(engine, username)

    # What is stored is what the phone sealed: it opens with the right key (test keys).
    stored = (await alex.get(f"/api/sharing/inbox/{summary}")).json()["sealed"]
    private = serialization.load_der_private_key(
        bytes.fromhex(sealed["alex_sealing_private"]), None
    )
    assert isinstance(private, ec.EllipticCurvePrivateKey)
    where = bytes.fromhex(sealed["context"])
    unb64 = lambda text: base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))  # noqa: E731
    key = SUITE.decrypt(unb64(stored["keys"]["from"]), private, where)
    box = unb64(stored["box"])
    padded = AESGCM(key).decrypt(box[:12], box[12:], where)
    assert json.loads(padded.rstrip(b"\0")[:-1]) == {"note": note}
