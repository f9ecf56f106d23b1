"""A peer's public keys: handed to the two people in a live connection only, so each can
seal to the other and both can compare safety numbers; everyone else gets 404."""

from __future__ import annotations

import os

from tests.helpers import Api, NewPerson, b64, field_names, key_bundle, sealed_sign_up
from tests.sharing.helpers import connect


async def test_each_side_gets_the_others_keys_and_nobody_else_does(
    api: Api, new_person: NewPerson
) -> None:
    sam, alex, kim = api, await new_person(), await new_person()
    bundles = {}
    for name, person in (("sam", sam), ("alex", alex), ("kim", kim)):
        await sealed_sign_up(person, name)
        bundles[name] = key_bundle(os.urandom(32))
        assert (await person.put("/api/keys/me", json=bundles[name])).status_code == 204
    link = await connect(sam, alex)

    for me, them in ((sam, "alex"), (alex, "sam")):
        answer = await me.get(f"/api/sharing/peers/{link}/keys")
        assert answer.status_code == 200, answer.text
        keys = answer.json()
        assert keys["name"] == them
        assert keys["sealing_public"] == bundles[them]["sealing_public"]
        assert keys["signing_public"] == bundles[them]["signing_public"]
        assert "wrapped_by_master" not in keys and "sealed_identity" not in keys

    assert (await kim.get(f"/api/sharing/peers/{link}/keys")).status_code == 404
    anonymous = await new_person()
    assert (await anonymous.get(f"/api/sharing/peers/{link}/keys")).status_code == 401
    await alex.delete(f"/api/sharing/peers/{link}")
    for person in (sam, alex):
        assert (await person.get(f"/api/sharing/peers/{link}/keys")).status_code == 404


async def test_a_peer_without_keys_yet_is_said_plainly_to_the_other_side_only(
    api: Api, new_person: NewPerson
) -> None:
    sam, jo, kim = api, await new_person(), await new_person()
    await sealed_sign_up(sam, "sam")
    await sam.put("/api/keys/me", json=key_bundle(os.urandom(32)))
    await jo.sign_up("jo_older")  # an account from before keys, not signed in since
    await kim.sign_up("kim")
    link = await connect(sam, jo)
    waiting = await sam.get(f"/api/sharing/peers/{link}/keys")
    assert waiting.status_code == 404 and "next sign in" in waiting.json()["detail"]
    outsider = await kim.get(f"/api/sharing/peers/{link}/keys")
    assert outsider.status_code == 404 and "sign in" not in outsider.json()["detail"]


async def test_a_link_join_carries_keys_one_way_and_a_mac_the_other(
    api: Api, new_person: NewPerson
) -> None:
    sam, alex = api, await new_person()
    bundles = {}
    for name, person in (("sam", sam), ("alex", alex)):
        await sealed_sign_up(person, name)
        bundles[name] = key_bundle(os.urandom(32))
        await person.put("/api/keys/me", json=bundles[name])
    invite = (await sam.post("/api/sharing/invites")).json()
    opened = (await alex.post("/api/sharing/invites/open", json={"token": invite["token"]})).json()
    assert opened["inviter_sealing_public"] == bundles["sam"]["sealing_public"]
    assert opened["inviter_signing_public"] == bundles["sam"]["signing_public"]
    mac = b64(os.urandom(32))
    bad = await alex.post(
        "/api/sharing/invites/accept", json={"token": invite["token"], "key_mac": "short"}
    )
    assert bad.status_code == 400 and field_names(bad) == ["key_mac"]
    joined = await alex.post(
        "/api/sharing/invites/accept", json={"token": invite["token"], "key_mac": mac}
    )
    assert joined.status_code == 200 and joined.json()["key_mac"] is None  # not for the joiner
    (seen_by_sam,) = (await sam.get("/api/sharing/peers")).json()
    assert seen_by_sam["key_mac"] == mac
    (seen_by_alex,) = (await alex.get("/api/sharing/peers")).json()
    assert seen_by_alex["key_mac"] is None
