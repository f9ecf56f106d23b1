"""Sealed summaries and replies: the server stores an envelope it can't open, hands it to
the two people only, and taking a summary back leaves no ciphertext, sealed key or reply."""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any

import pytest

from steady.sharing.service import take_off_plaintext
from steady.sharing.tables import SharedSummary, SummaryReply
from tests.clock import Clock
from tests.helpers import Api, NewPerson, b64, field_names, key_bundle, new_id, sealed_sign_up
from tests.sharing.helpers import connect, draft


def envelope(**overrides: Any) -> dict[str, Any]:
    """Shaped as the phone makes one (lib/crypto/envelope.ts); opaque to the server."""
    body: dict[str, Any] = {
        "v": 1,
        "box": b64(os.urandom(12 + 256 + 16)),
        "keys": {"to": b64(os.urandom(65 + 48)), "from": b64(os.urandom(65 + 48))},
        "sig": b64(os.urandom(64)),
    }
    body.update(overrides)
    return body


def sealed_draft(link: str, sealed: dict[str, Any]) -> dict[str, Any]:
    return draft(link, note="", help=None, sealed=sealed)


async def _pair(api: Api, new_person: NewPerson) -> tuple[Api, Api, Api, str]:
    sam, alex, kim = api, await new_person(), await new_person()
    for name, person in (("sam", sam), ("alex", alex), ("kim", kim)):
        await person.sign_up(name)
    return sam, alex, kim, await connect(sam, alex)


async def test_a_sealed_summary_is_stored_and_handed_over_unopened(
    api: Api, new_person: NewPerson
) -> None:
    sam, alex, kim, link = await _pair(api, new_person)
    sealed = envelope()
    summary = new_id()
    sent = await sam.put(f"/api/sharing/sent/{summary}", json=sealed_draft(link, sealed))
    assert sent.status_code == 200, sent.text
    assert sent.json()["content"] is None and sent.json()["sealed"] == sealed
    received = await alex.get(f"/api/sharing/inbox/{summary}")
    assert received.json()["sealed"] == sealed and received.json()["content"] is None
    assert (await kim.get(f"/api/sharing/inbox/{summary}")).status_code == 404
    row = await SharedSummary.select().where(SharedSummary.id == summary).first()
    assert row is not None and row["content"] == "" and sealed["box"] in row["sealed"]


async def test_sealed_sends_keep_their_words_inside(api: Api, new_person: NewPerson) -> None:
    sam, _, _, link = await _pair(api, new_person)
    with_note = draft(link, sealed=envelope())
    answer = await sam.put(f"/api/sharing/sent/{new_id()}", json=with_note)
    assert answer.status_code == 400 and field_names(answer) == ["note"]
    one_key = envelope(keys={"to": b64(os.urandom(113))})
    answer = await sam.put(f"/api/sharing/sent/{new_id()}", json=sealed_draft(link, one_key))
    assert answer.status_code == 400 and "keys" in answer.text
    short_sig = envelope(sig=b64(os.urandom(20)))
    answer = await sam.put(f"/api/sharing/sent/{new_id()}", json=sealed_draft(link, short_sig))
    assert answer.status_code == 400 and "sig" in answer.text
    assert await SharedSummary.count() == 0


async def test_sealed_replies_and_taking_back_leaves_nothing(
    api: Api, new_person: NewPerson
) -> None:
    sam, alex, _, link = await _pair(api, new_person)
    summary = new_id()
    await sam.put(f"/api/sharing/sent/{summary}", json=sealed_draft(link, envelope()))
    reply = envelope()
    mixed = await alex.put(
        f"/api/sharing/inbox/{summary}/replies/{new_id()}",
        json={"sealed": reply, "preset": "thinking"},
    )
    assert mixed.status_code == 400 and field_names(mixed) == ["text"]
    answer = await alex.put(
        f"/api/sharing/inbox/{summary}/replies/{new_id()}", json={"sealed": reply}
    )
    assert answer.status_code == 200, answer.text
    seen_by_sam = (await sam.get(f"/api/sharing/sent/{summary}")).json()["replies"]
    assert [r["sealed"] for r in seen_by_sam] == [reply] and seen_by_sam[0]["words"] == ""

    assert (await sam.delete(f"/api/sharing/sent/{summary}")).status_code == 204
    row = await SharedSummary.select().where(SharedSummary.id == summary).first()
    assert row is not None and row["sealed"] == "" and row["content"] == ""
    assert await SummaryReply.count().where(SummaryReply.summary == summary) == 0
    assert (await alex.get(f"/api/sharing/inbox/{summary}")).status_code == 404


async def test_ending_the_connection_leaves_no_ciphertext(api: Api, new_person: NewPerson) -> None:
    sam, alex, _, link = await _pair(api, new_person)
    summary = new_id()
    await sam.put(f"/api/sharing/sent/{summary}", json=sealed_draft(link, envelope()))
    await alex.put(f"/api/sharing/inbox/{summary}/replies/{new_id()}", json={"sealed": envelope()})
    assert (await alex.delete(f"/api/sharing/peers/{link}")).status_code == 204
    row = await SharedSummary.select().where(SharedSummary.id == summary).first()
    assert row is not None and row["sealed"] == ""
    assert await SummaryReply.count() == 0


async def test_someone_with_keys_can_only_share_sealed(api: Api, new_person: NewPerson) -> None:
    sam, alex = api, await new_person()
    await sealed_sign_up(sam, "sam")
    await sam.put("/api/keys/me", json=key_bundle(os.urandom(32)))
    await alex.sign_up("alex")
    link = await connect(sam, alex)
    plain = await sam.put(f"/api/sharing/sent/{new_id()}", json=draft(link))
    assert plain.status_code == 400 and field_names(plain) == ["sealed"]
    summary = new_id()
    sealed = await sam.put(f"/api/sharing/sent/{summary}", json=sealed_draft(link, envelope()))
    assert sealed.status_code == 200
    # Alex's account is from before keys: a plain reply is still taken until they move over.
    words = {"text": "Here for you"}
    assert (
        await alex.put(f"/api/sharing/inbox/{summary}/replies/{new_id()}", json=words)
    ).status_code == 200
    await alex.put(f"/api/sharing/sent/{new_id()}", json=draft(link))  # older client, plain
    received = (await sam.get("/api/sharing/inbox")).json()
    assert received and received[0]["content"] is not None


@pytest.mark.calendar_sweep
async def test_readable_summaries_and_replies_go_after_the_grace_period(
    api: Api, new_person: NewPerson, clock: Clock
) -> None:
    sam, alex, _, link = await _pair(api, new_person)
    plain, sealed = new_id(), new_id()
    assert (await sam.put(f"/api/sharing/sent/{plain}", json=draft(link))).status_code == 200
    await sam.put(f"/api/sharing/sent/{sealed}", json=sealed_draft(link, envelope()))
    for summary in (plain, sealed):
        await alex.put(f"/api/sharing/inbox/{summary}/replies/{new_id()}", json={"text": "Here"})
    await alex.put(f"/api/sharing/inbox/{sealed}/replies/{new_id()}", json={"sealed": envelope()})
    long_ago = clock.now() - timedelta(days=15)
    await SharedSummary.update({SharedSummary.created_at: long_ago}, force=True)
    await SummaryReply.update({SummaryReply.created_at: long_ago}, force=True)

    assert await take_off_plaintext(clock.now() - timedelta(days=14)) == 1
    assert (await alex.get(f"/api/sharing/inbox/{plain}")).status_code == 404
    row = await SharedSummary.select().where(SharedSummary.id == plain).first()
    assert row is not None and row["content"] == ""
    kept = (await alex.get(f"/api/sharing/inbox/{sealed}")).json()
    assert kept["sealed"] is not None and [r["words"] for r in kept["replies"]] == [""]
    assert await SummaryReply.count() == 1
