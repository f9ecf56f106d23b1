"""Connecting: one-time invites (link or spoken code) that expire, can be revoked and
declined; connections either side can end; blocks that stick."""

from __future__ import annotations

from datetime import datetime, timedelta

from steady.sharing.tables import Invite
from tests.clock import Clock
from tests.helpers import Api, NewPerson, field_names
from tests.sharing.helpers import connect, share


async def test_an_invite_connects_two_people_once(
    api: Api, other_api: Api, new_person: NewPerson, clock: Clock
) -> None:
    third_api = await new_person()
    await api.sign_up("sam")
    await other_api.sign_up("alex")
    await third_api.sign_up("kim")
    invite = (await api.post("/api/sharing/invites")).json()
    assert len(invite["token"]) >= 32 and len(invite["code"]) == 9  # "ABCD-EFGH"
    expires = datetime.fromisoformat(invite["expires_at"])
    assert timedelta(hours=71) < expires - clock.now() <= timedelta(hours=72)

    seen = await other_api.post("/api/sharing/invites/open", json={"token": invite["token"]})
    assert seen.status_code == 200 and seen.json()["inviter_name"] == "sam"
    accepted = await other_api.post("/api/sharing/invites/accept", json={"token": invite["token"]})
    assert accepted.status_code == 200
    assert accepted.json()["name"] == "sam" and not accepted.json()["invited_by_me"]

    mine = (await api.get("/api/sharing/peers")).json()
    assert [(p["name"], p["invited_by_me"]) for p in mine] == [("alex", True)]
    assert mine[0]["id"] == accepted.json()["id"]
    # Single use: nobody else (and not alex again) gets in with it.
    for person in (third_api, other_api):
        again = await person.post("/api/sharing/invites/accept", json={"token": invite["token"]})
        assert again.status_code == 404
    assert (await third_api.get("/api/sharing/peers")).json() == []
    assert (await api.get("/api/sharing/invites")).json() == []


async def test_the_spoken_code_works_however_it_is_typed(api: Api, other_api: Api) -> None:
    await api.sign_up("sam")
    await other_api.sign_up("alex")
    code = (await api.post("/api/sharing/invites")).json()["code"]
    typed = code.lower().replace("-", " ")
    accepted = await other_api.post("/api/sharing/invites/accept", json={"code": typed})
    assert accepted.status_code == 200 and accepted.json()["name"] == "sam"


async def test_expired_revoked_declined_and_own_invites_do_not_connect(
    api: Api, other_api: Api, clock: Clock
) -> None:
    await api.sign_up("sam")
    await other_api.sign_up("alex")
    expired = (await api.post("/api/sharing/invites")).json()
    await Invite.update({Invite.expires_at: clock.now() - timedelta(minutes=1)}).where(
        Invite.id == expired["id"]
    )
    revoked = (await api.post("/api/sharing/invites")).json()
    assert (await api.delete(f"/api/sharing/invites/{revoked['id']}")).status_code == 204
    declined = (await api.post("/api/sharing/invites")).json()
    answer = await other_api.post("/api/sharing/invites/decline", json={"token": declined["token"]})
    assert answer.status_code == 200

    for invite in (expired, revoked, declined):
        for step in ("open", "accept"):  # (declining is the same lookup)
            tried = await other_api.post(
                f"/api/sharing/invites/{step}", json={"token": invite["token"]}
            )
            assert tried.status_code == 404, (step, tried.text)
            assert "sam" not in tried.text
    assert (await other_api.get("/api/sharing/peers")).json() == []

    own = (await api.post("/api/sharing/invites")).json()
    answer = await api.post("/api/sharing/invites/accept", json={"token": own["token"]})
    assert answer.status_code == 400 and field_names(answer) == ["token"]
    empty = await other_api.post("/api/sharing/invites/accept", json={})
    assert empty.status_code == 400 and field_names(empty) == ["token"]


async def test_only_the_inviter_can_revoke_and_only_open_invites_are_listed(
    api: Api, other_api: Api
) -> None:
    await api.sign_up("sam")
    await other_api.sign_up("alex")
    invite = (await api.post("/api/sharing/invites")).json()
    assert (await other_api.delete(f"/api/sharing/invites/{invite['id']}")).status_code == 404
    assert [i["id"] for i in (await api.get("/api/sharing/invites")).json()] == [invite["id"]]
    assert (await other_api.get("/api/sharing/invites")).json() == []


async def test_guessing_codes_and_making_invites_are_rate_limited(api: Api, other_api: Api) -> None:
    await api.sign_up("sam")
    await other_api.sign_up("alex")
    answers = [
        (await other_api.post("/api/sharing/invites/open", json={"code": f"AAAA-AA{n:02d}"}))
        for n in range(11)
    ]
    assert [a.status_code for a in answers] == [404] * 10 + [429]
    assert int(answers[-1].headers["retry-after"]) > 0
    made = [(await api.post("/api/sharing/invites")).status_code for _ in range(11)]
    assert made == [201] * 10 + [429]


async def test_either_side_can_end_a_connection_and_what_was_shared_goes_with_it(
    api: Api, other_api: Api, peer_id: str
) -> None:
    summary_id = await share(api, peer_id)
    assert (await other_api.delete(f"/api/sharing/peers/{peer_id}")).status_code == 204
    assert (await api.get("/api/sharing/peers")).json() == []
    assert (await api.get("/api/sharing/sent")).json() == []
    assert (await other_api.get("/api/sharing/inbox")).json() == []
    assert (await other_api.get(f"/api/sharing/inbox/{summary_id}")).status_code == 404
    assert (await api.delete(f"/api/sharing/peers/{peer_id}")).status_code == 404
    # They can connect again later, from a fresh invite; the old summary stays gone.
    again = await connect(other_api, api)
    assert again != peer_id
    assert (await other_api.get("/api/sharing/inbox")).json() == []


async def test_a_blocked_person_cannot_connect_again_either_way(
    api: Api, other_api: Api, peer_id: str
) -> None:
    assert (await api.post(f"/api/sharing/peers/{peer_id}/block")).status_code == 200
    assert (await other_api.get("/api/sharing/peers")).json() == []
    for inviter, invitee in ((api, other_api), (other_api, api)):
        token = (await inviter.post("/api/sharing/invites")).json()["token"]
        answer = await invitee.post("/api/sharing/invites/accept", json={"token": token})
        assert answer.status_code == 404
    assert (await api.get("/api/sharing/peers")).json() == []


async def test_accepting_twice_from_two_invites_keeps_one_connection(
    api: Api, other_api: Api, peer_id: str
) -> None:
    second = await connect(other_api, api)
    assert peer_id == second
    assert len((await api.get("/api/sharing/peers")).json()) == 1
