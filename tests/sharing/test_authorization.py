"""Who may do what: every sharing endpoint against every role. The wrong people get 404
(never 403, so nothing reveals that a summary or connection exists) and never see a byte
of what was shared."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from steady.sharing.tables import Invite
from tests.clock import current
from tests.helpers import Api, NewPerson, new_id
from tests.sharing.helpers import NOTE, connect, draft, share

SECRET = "only-for-alex"


@dataclass
class World:
    """sam and alex are connected; kim is connected to lee (someone else's peer); sam and jo
    were connected, shared, then ended it; one of sam's summaries to alex was withdrawn."""

    people: dict[str, Api]
    link: str  # sam <-> alex
    other_link: str  # kim <-> lee
    ended_link: str  # sam <-> jo, ended
    shared: str  # sam -> alex
    withdrawn: str  # sam -> alex, withdrawn
    in_ended: str  # sam -> jo, in the ended connection
    open_invite: dict[str, Any]
    expired_invite: dict[str, Any]
    used_invite: dict[str, Any]


async def _world(api: Api, other_api: Api, third_api: Api, fourth_api: Api, jo: Api) -> World:
    sam, alex, kim, lee = api, other_api, third_api, fourth_api
    for name, person in (("sam", sam), ("alex", alex), ("kim", kim), ("lee", lee), ("jo-p", jo)):
        await person.sign_up(name)
    link = await connect(sam, alex)
    other_link = await connect(lee, kim)
    ended_link = await connect(sam, jo)
    shared = await share(sam, link, note=f"{NOTE} {SECRET}")
    withdrawn = await share(sam, link, note=SECRET)
    await sam.delete(f"/api/sharing/sent/{withdrawn}")
    in_ended = await share(sam, ended_link, note=SECRET)
    await jo.delete(f"/api/sharing/peers/{ended_link}")
    await share(lee, other_link, note="lee to kim")
    open_invite = (await sam.post("/api/sharing/invites")).json()
    expired_invite = (await sam.post("/api/sharing/invites")).json()
    await Invite.update({Invite.expires_at: current().now() - timedelta(seconds=1)}).where(
        Invite.id == expired_invite["id"]
    )
    used_invite = (await sam.post("/api/sharing/invites")).json()
    await kim.post("/api/sharing/invites/decline", json={"token": used_invite["token"]})
    return World(
        people={"sam": sam, "alex": alex, "kim": kim, "lee": lee, "jo": jo},
        link=link,
        other_link=other_link,
        ended_link=ended_link,
        shared=shared,
        withdrawn=withdrawn,
        in_ended=in_ended,
        open_invite=open_invite,
        expired_invite=expired_invite,
        used_invite=used_invite,
    )


def _cells(w: World) -> list[tuple[str, str, str, dict[str, Any] | None, dict[str, int]]]:
    """(method, path, body, expected status by role). "anonymous" is a fresh browser;
    sam owns everything, alex is sam's peer, kim a peer of someone else, jo an ended peer."""
    reply = {"preset": "thinking"}
    sent, inbox = "/api/sharing/sent", "/api/sharing/inbox"
    allowed_nobody = {"sam": 404, "alex": 404, "kim": 404, "jo": 404}
    return [
        # a live summary sam shared with alex
        ("GET", f"{sent}/{w.shared}", None, {"sam": 200, "alex": 404, "kim": 404, "jo": 404}),
        ("GET", f"{inbox}/{w.shared}", None, {"sam": 404, "alex": 200, "kim": 404, "jo": 404}),
        (
            "POST",
            f"{inbox}/{w.shared}/seen",
            None,
            {"sam": 404, "alex": 200, "kim": 404, "jo": 404},
        ),
        (
            "PUT",
            f"{inbox}/{w.shared}/replies/{new_id()}",
            reply,
            {"sam": 404, "alex": 200, "kim": 404, "jo": 404},
        ),
        (
            "PUT",
            f"{sent}/{w.shared}",
            draft(w.link),
            {"sam": 200, "alex": 404, "kim": 404, "jo": 404},
        ),
        (
            "POST",
            f"{sent}/{w.shared}/replies/read",
            None,
            {"sam": 200, "alex": 404, "kim": 404, "jo": 404},
        ),
        # a withdrawn summary, and one in an ended connection: nobody, not even sam
        ("POST", f"{sent}/{w.withdrawn}/replies/read", None, allowed_nobody),
        ("POST", f"{sent}/{w.in_ended}/replies/read", None, allowed_nobody),
        ("GET", f"{sent}/{w.withdrawn}", None, allowed_nobody),
        ("GET", f"{inbox}/{w.withdrawn}", None, allowed_nobody),
        ("POST", f"{inbox}/{w.withdrawn}/seen", None, allowed_nobody),
        ("PUT", f"{inbox}/{w.withdrawn}/replies/{new_id()}", reply, allowed_nobody),
        ("DELETE", f"{sent}/{w.withdrawn}", None, allowed_nobody),
        ("PUT", f"{sent}/{w.withdrawn}", draft(w.link), allowed_nobody),
        ("GET", f"{sent}/{w.in_ended}", None, allowed_nobody),
        ("GET", f"{inbox}/{w.in_ended}", None, allowed_nobody),
        ("PUT", f"{inbox}/{w.in_ended}/replies/{new_id()}", reply, allowed_nobody),
        # connections
        (
            "POST",
            "/api/sharing/preview",
            draft(w.link),
            {"sam": 200, "alex": 200, "kim": 404, "jo": 404},
        ),
        ("POST", "/api/sharing/preview", draft(w.ended_link), allowed_nobody),
        (
            "POST",
            "/api/sharing/preview",
            draft(w.other_link),
            {"sam": 404, "alex": 404, "kim": 200, "jo": 404},
        ),
        ("PUT", f"{sent}/{new_id()}", draft(w.ended_link), allowed_nobody),
        (
            "PUT",
            f"{sent}/{new_id()}",
            draft(w.other_link),
            {"sam": 404, "alex": 404, "kim": 200, "jo": 404},
        ),
        ("GET", f"/api/sharing/peers/{w.ended_link}/keys", None, allowed_nobody),
        (
            "GET",
            f"/api/sharing/peers/{w.other_link}/keys",
            None,
            {"sam": 404, "alex": 404, "jo": 404},
        ),
        ("DELETE", f"/api/sharing/peers/{w.ended_link}", None, allowed_nobody),
        ("POST", f"/api/sharing/peers/{w.ended_link}/block", None, allowed_nobody),
        (
            "DELETE",
            f"/api/sharing/peers/{w.other_link}",
            None,
            {"sam": 404, "alex": 404, "jo": 404},
        ),
        (
            "POST",
            f"/api/sharing/peers/{w.other_link}/block",
            None,
            {"sam": 404, "alex": 404, "jo": 404},
        ),
        # invites: expired and used ones work for nobody; only sam revokes sam's
        (
            "POST",
            "/api/sharing/invites/open",
            {"token": w.expired_invite["token"]},
            {"alex": 404, "kim": 404, "jo": 404},
        ),
        (
            "POST",
            "/api/sharing/invites/accept",
            {"token": w.expired_invite["token"]},
            {"alex": 404, "kim": 404, "jo": 404},
        ),
        (
            "POST",
            "/api/sharing/invites/open",
            {"token": w.used_invite["token"]},
            {"alex": 404, "kim": 404, "jo": 404},
        ),
        (
            "POST",
            "/api/sharing/invites/accept",
            {"code": w.used_invite["code"]},
            {"alex": 404, "kim": 404, "jo": 404},
        ),
        (
            "POST",
            "/api/sharing/invites/open",
            {"token": w.open_invite["token"]},
            {"alex": 200, "kim": 200, "jo": 200},
        ),
        (
            "DELETE",
            f"/api/sharing/invites/{w.open_invite['id']}",
            None,
            {"alex": 404, "kim": 404, "jo": 404},
        ),
        ("DELETE", f"/api/sharing/invites/{w.expired_invite['id']}", None, {"sam": 404}),
        # the last: sam withdraws the live summary; then alex loses it
        ("DELETE", f"{sent}/{w.shared}", None, {"alex": 404, "kim": 404, "jo": 404, "sam": 204}),
        ("GET", f"{inbox}/{w.shared}", None, allowed_nobody),
    ]


LISTS = (
    "/api/sharing/sent",
    "/api/sharing/inbox",
    "/api/sharing/peers",
    "/api/sharing/invites",
    "/api/sharing/unread",
)


async def test_every_endpoint_answers_every_role_as_it_should(
    api: Api, other_api: Api, new_person: NewPerson
) -> None:
    third, fourth, fifth, anonymous = [await new_person() for _ in range(4)]
    w = await _world(api, other_api, third, fourth, fifth)
    wrong: list[str] = []
    for method, path, body, expected in _cells(w):
        answer = await anonymous.request(method, path, json=body)
        if answer.status_code != 401:
            wrong.append(f"anonymous {method} {path}: {answer.status_code}")
        for role, status in expected.items():
            answer = await w.people[role].request(method, path, json=body)
            if answer.status_code != status:
                wrong.append(f"{role} {method} {path}: {answer.status_code}, wanted {status}")
            if answer.status_code >= 400 and SECRET in answer.text:
                wrong.append(f"{role} {method} {path}: the refusal leaked the summary")
    for path in LISTS:
        if (await anonymous.get(path)).status_code != 401:
            wrong.append(f"anonymous GET {path} was not refused")
    assert wrong == []

    # The lists show each person only their own side.
    for role, person in w.people.items():
        seen = " ".join([(await person.get(path)).text for path in LISTS])
        assert (SECRET in seen) is False, f"{role} still sees the withdrawn/ended content"
    kim_inbox = (await w.people["kim"].get("/api/sharing/inbox")).json()
    assert [s["from_name"] for s in kim_inbox] == ["lee"]
    assert [p["name"] for p in (await w.people["jo"].get("/api/sharing/peers")).json()] == []
