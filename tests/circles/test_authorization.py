"""Every circle endpoint, for every kind of caller, on both databases: only members see or
change a circle; outsiders, former members and invitees who have not agreed to the rules
get 404 (existence is not revealed) with nothing of the circle in the answer; members get
403 for what only the facilitator (or the case's presenter) may do."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from steady.circles.membership import INVITE_LIFETIME
from tests.circles.conftest import Four
from tests.circles.helpers import invite, post, post_body, renew, said, sealed, start
from tests.clock import Clock
from tests.helpers import Api, NewPerson, new_id

SECRET = "SECRET-SITUATION on ward 7"
ROLES = ("member", "facilitator", "former", "outsider", "invitee")


async def test_every_endpoint_answers_every_role_as_it_should(
    four: Four, new_person: NewPerson
) -> None:
    sam, alex, kim, lee = four.sam, four.alex, four.kim, four.lee
    cid = four.circle_id
    opened = await sam.post(f"/api/circles/{cid}/rounds")
    rid = opened.json()["current"]["id"]
    assert opened.json()["current"]["facilitator"]["name"] == "sam"
    case_id = await post(kim, "case", rid, situation=SECRET, question="What now?")
    answer_id = await post(alex, "answer", rid, noticed="You stayed calm.")
    await post(lee, "energy", rid, energy=2, word="leaving")
    assert (await lee.delete(f"/api/circles/{cid}/membership")).status_code == 204
    epoch = await renew(sam, cid)  # Lee held the key: the others get a new one
    zoe, pat, anonymous = await new_person(), await new_person(), await new_person()
    await zoe.sign_up("zoe")
    await pat.sign_up("pat")
    await start(zoe, "Other circle")
    waiting = await invite(sam, cid)
    assert (
        await pat.post("/api/circles/invites/open", json={"token": waiting["token"]})
    ).status_code == 200
    people = {"member": alex, "facilitator": sam, "former": lee, "outsider": zoe, "invitee": pat}

    outside = dict.fromkeys(("former", "outsider", "invitee"), 404)
    cells: list[tuple[str, str, Any, dict[str, int]]] = [
        ("GET", f"/api/circles/{cid}", None, {"member": 200, "facilitator": 200, **outside}),
        (
            "PUT",
            f"/api/circles/{cid}/settings",
            {"name": "Night nurses"},
            {"member": 200, "facilitator": 200, **outside},
        ),
        (
            "PUT",
            f"/api/circles/{cid}/away",
            {"away_until": None},
            {"member": 200, "facilitator": 200, **outside},
        ),
        (
            "GET",
            f"/api/circles/{cid}/invites",
            None,
            {"member": 200, "facilitator": 200, **outside},
        ),
        (
            "POST",
            f"/api/circles/{cid}/invites",
            None,
            {"member": 201, "facilitator": 201, **outside},
        ),
        (
            "POST",
            f"/api/circles/{cid}/rounds",
            None,
            {"member": 409, "facilitator": 409, **outside},
        ),
        (
            "PUT",
            f"/api/circles/{cid}/rounds/{rid}/case-pick",
            {"member_id": None},
            {"member": 403, "facilitator": 200, **outside},
        ),
        (
            "POST",
            f"/api/circles/{cid}/rounds/{rid}/close",
            {"summary": None},
            {"member": 403, **outside},
        ),
        (
            "PUT",
            f"/api/circles/posts/{new_id()}",
            post_body("energy", rid, epoch, energy=3, word="ok"),
            {"member": 200, **outside},
        ),
        (
            "PUT",
            f"/api/circles/posts/{new_id()}",
            post_body("energy", rid, epoch, energy=4, word="fine"),
            {"facilitator": 200},
        ),
        # Someone else's post id is not yours to write to.
        (
            "PUT",
            f"/api/circles/posts/{answer_id}",
            post_body("energy", rid, epoch, energy=4, word="mine?"),
            {"facilitator": 404},
        ),
        (
            "DELETE",
            f"/api/circles/posts/{case_id}",
            None,
            {"member": 404, "facilitator": 404, **outside},
        ),
        (
            "PUT",
            f"/api/circles/posts/{answer_id}/helpful",
            {"helpful": True},
            {"member": 403, "facilitator": 403, **outside},
        ),
        (
            "DELETE",
            f"/api/circles/invites/{waiting['id']}",
            None,
            {"member": 404, "former": 404, "outsider": 404, "invitee": 404},
        ),
        (
            "POST",
            "/api/circles/invites/open",
            {"token": "not-a-real-invite-token"},
            dict.fromkeys(ROLES, 404),
        ),
    ]
    wrong: list[str] = []
    for method, path, body, expected in cells:
        answer = await anonymous.request(method, path, json=body)
        if answer.status_code != 401:
            wrong.append(f"anonymous {method} {path}: {answer.status_code}")
        for role, status in expected.items():
            answer = await people[role].request(method, path, json=body)
            if answer.status_code != status:
                wrong.append(f"{role} {method} {path}: {answer.status_code}, wanted {status}")
            if answer.status_code >= 400 and (
                SECRET in answer.text or "Night nurses" in answer.text
            ):
                wrong.append(f"{role} {method} {path}: the refusal leaked the circle")
    assert wrong == []

    # Lists and exports show each person only their own.
    for role in ("former", "outsider", "invitee"):
        listed = (await people[role].get("/api/circles")).text
        exported = (await people[role].get("/api/export")).text
        assert cid not in listed and SECRET not in exported and "Night nurses" not in listed
    export = (await alex.get("/api/export")).json()
    assert [p["kind"] for p in export["circle_posts"]] == ["answer", "energy"]
    assert SECRET not in str(export)
    assert [
        said(p)["situation"] for p in (await kim.get("/api/export")).json()["circle_posts"]
    ] == [SECRET]

    # What the former member wrote is gone for the others.
    view = (await alex.get(f"/api/circles/{cid}")).json()
    assert "lee" not in [p["author"]["name"] for p in view["current"]["posts"]]

    # The facilitator's own actions, last (they change the circle).
    assert (await sam.delete(f"/api/circles/invites/{waiting['id']}")).status_code == 204
    closed = await sam.post(
        f"/api/circles/{cid}/rounds/{rid}/close", json={"summary": sealed(epoch, text="Thanks.")}
    )
    assert closed.status_code == 200


async def test_used_and_expired_invites_open_nothing(
    four: Four, new_person: NewPerson, clock: Clock
) -> None:
    pat = await new_person()
    await pat.sign_up("pat")
    expired = await invite(four.sam, four.circle_id)
    clock.advance(INVITE_LIFETIME + timedelta(minutes=1))
    revoked = await invite(four.sam, four.circle_id)
    assert (await four.sam.delete(f"/api/circles/invites/{revoked['id']}")).status_code == 204
    used = await invite(four.sam, four.circle_id)
    zoe = await new_person()
    await zoe.sign_up("zoe")
    joined = await zoe.post(
        "/api/circles/invites/join", json={"token": used["token"], "agree_to_rules": True}
    )
    assert joined.status_code == 200
    quinn = await new_person()
    await quinn.sign_up("quinn")
    # (Two people: tries at invites are limited per person.)
    for person, by in ((pat, "token"), (quinn, "code")):
        for made in (expired, revoked, used):
            for action in ("open", "join"):
                answer = await person.post(
                    f"/api/circles/invites/{action}", json={by: made[by], "agree_to_rules": True}
                )
                assert answer.status_code == 404, (action, by, answer.text)
                assert "Night nurses" not in answer.text
    assert (await pat.get("/api/circles")).json() == []


async def test_a_circle_holds_eight_at_most(api: Api, new_person: NewPerson) -> None:
    await api.sign_up("sam")
    circle = await start(api)
    for n in range(7):
        person = await new_person()
        await person.sign_up(f"nurse{n}")
        made = await invite(api, circle["id"])
        joined = await person.post(
            "/api/circles/invites/join", json={"token": made["token"], "agree_to_rules": True}
        )
        assert joined.status_code == 200
    ninth = await new_person()
    await ninth.sign_up("ninth")
    made = await invite(api, circle["id"])
    full = await ninth.post(
        "/api/circles/invites/join", json={"token": made["token"], "agree_to_rules": True}
    )
    assert full.status_code == 409 and "8" in full.json()["detail"]
