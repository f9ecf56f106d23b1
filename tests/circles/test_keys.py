"""Circle keys on the server, on both databases: a newcomer waits for the member who
invited them to seal the next key to them and sees no key made before they joined; the
first new epoch wins and any other is refused; a roster can't drop someone still in the
circle, name an outsider or let in someone another member invited; posts under any key but
the current one are refused; and nobody outside the circle learns anything of its keys."""

from __future__ import annotations

from tests.circles.conftest import Four
from tests.circles.helpers import (
    epoch_body,
    invite,
    join,
    keyed,
    keys_of,
    post,
    post_body,
    renew,
    start,
)
from tests.helpers import Api, NewPerson, b64, field_names, new_id


async def test_a_newcomer_is_let_in_by_their_inviter_and_reads_no_earlier_key(
    four: Four, new_person: NewPerson
) -> None:
    sam, alex, cid = four.sam, four.alex, four.circle_id
    before = await keys_of(sam, cid)
    assert before["renew"] is False and [e["epoch"] for e in before["epochs"]] == [1, 2, 3]
    assert all(m["on_roster"] and m["signing_public"] for m in before["members"])
    rid = (await sam.post(f"/api/circles/{cid}/rounds")).json()["current"]["id"]
    await post(alex, "energy", rid, energy=3, word="before")

    zoe = await new_person()
    await keyed(zoe, "zoe")
    made = await invite(alex, cid)
    preview = (await zoe.post("/api/circles/invites/open", json={"token": made["token"]})).json()
    alex_keys = next(m for m in before["members"] if m["name"] == "alex")
    assert preview["inviter_signing_public"] == alex_keys["signing_public"]
    mac = b64(b"m" * 32)
    joined = await zoe.post(
        "/api/circles/invites/join",
        json={"token": made["token"], "agree_to_rules": True, "key_mac": mac},
    )
    assert joined.status_code == 200
    waiting = await keys_of(sam, cid)
    (newcomer,) = [m for m in waiting["members"] if not m["on_roster"]]
    assert waiting["renew"] is True and newcomer["name"] == "zoe"
    assert newcomer["invited_by"] == four.ids["alex"] and newcomer["key_mac"] == mac
    # Zoe sees the circle's members but no key made before she came, and can't post yet.
    hers = await keys_of(zoe, cid)
    assert hers["epochs"] == [] and hers["epoch"] == 3
    early = await zoe.put(
        f"/api/circles/posts/{new_id()}", json=post_body("energy", rid, 3, energy=3)
    )
    assert early.status_code == 409
    # Posts go on under the current key meanwhile: Zoe simply can't read them.
    await post(sam, "energy", rid, energy=2, word="meanwhile")

    # Only Alex, who invited her, lets her in.
    ids = [m["member"] for m in waiting["members"]]
    refused = await sam.put(f"/api/circles/{cid}/keys/4", json=epoch_body(cid, 4, ids))
    assert refused.status_code == 400 and "who invited them" in refused.text
    assert await renew(alex, cid) == 4
    hers = await keys_of(zoe, cid)
    assert [e["epoch"] for e in hers["epochs"]] == [4] and hers["renew"] is False
    assert str(newcomer["member"]) in hers["epochs"][0]["keys"]
    assert hers["epochs"][0]["signer"] == four.ids["alex"]
    await post(zoe, "energy", rid, energy=4, word="in")


async def test_the_first_new_key_wins_and_rosters_keep_the_circle_whole(four: Four) -> None:
    sam, kim, lee, cid, ids = four.sam, four.kim, four.lee, four.circle_id, four.ids
    assert (await lee.delete(f"/api/circles/{cid}/membership")).status_code == 204
    staying = [ids["sam"], ids["alex"], ids["kim"]]
    # A roster for another epoch, another circle, or with someone missing is refused.
    skipped = await sam.put(f"/api/circles/{cid}/keys/5", json=epoch_body(cid, 5, staying))
    assert skipped.status_code == 409
    wrong = epoch_body(cid, 4, staying)
    wrong["roster"] = wrong["roster"].replace(cid, new_id())
    misplaced = await sam.put(f"/api/circles/{cid}/keys/4", json=wrong)
    assert misplaced.status_code == 400 and field_names(misplaced) == ["roster"]
    dropped = await sam.put(
        f"/api/circles/{cid}/keys/4", json=epoch_body(cid, 4, [ids["sam"], ids["alex"]])
    )
    assert dropped.status_code == 400 and "Keep everyone" in dropped.text
    outsider = await sam.put(
        f"/api/circles/{cid}/keys/4", json=epoch_body(cid, 4, [*staying, ids["lee"]])
    )
    assert outsider.status_code == 400 and "not in the circle" in outsider.text
    unsealed = epoch_body(cid, 4, staying)
    del unsealed["keys"][str(ids["kim"])]
    missing = await sam.put(f"/api/circles/{cid}/keys/4", json=unsealed)
    assert missing.status_code == 400 and field_names(missing) == ["keys"]
    # Two phones renew at once: the first wins, the second is told to fetch it.
    first = await sam.put(f"/api/circles/{cid}/keys/4", json=epoch_body(cid, 4, staying))
    second = await kim.put(f"/api/circles/{cid}/keys/4", json=epoch_body(cid, 4, staying))
    assert (first.status_code, second.status_code) == (204, 409)
    assert "renewed this circle's keys" in second.json()["detail"]
    now = await keys_of(kim, cid)
    assert now["epoch"] == 4 and now["renew"] is False and now["epochs"][-1]["signer"] == ids["sam"]


async def test_outsiders_learn_nothing_of_a_circles_keys(four: Four, new_person: NewPerson) -> None:
    zoe = await new_person()
    await zoe.sign_up("zoe")
    cid = four.circle_id
    assert (await zoe.get(f"/api/circles/{cid}/keys")).status_code == 404
    body = epoch_body(cid, 5, list(four.ids.values()))
    assert (await zoe.put(f"/api/circles/{cid}/keys/5", json=body)).status_code == 404
    assert (await four.lee.delete(f"/api/circles/{cid}/membership")).status_code == 204
    assert (await four.lee.get(f"/api/circles/{cid}/keys")).status_code == 404


async def test_an_account_without_keys_can_join_but_not_make_a_key(
    api: Api, new_person: NewPerson
) -> None:
    await keyed(api, "sam")
    circle = await start(api)
    plain = await new_person()
    await plain.sign_up("pat")
    await join(api, plain, circle["id"])
    keys = await keys_of(plain, circle["id"])
    pat = next(m for m in keys["members"] if m["name"] == "pat")
    assert pat["signing_public"] is None and pat["on_roster"] is True
    body = epoch_body(circle["id"], 3, [m["member"] for m in keys["members"]])
    refused = await plain.put(f"/api/circles/{circle['id']}/keys/3", json=body)
    assert refused.status_code == 409 and "Set up your keys" in refused.text
