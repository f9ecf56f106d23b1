"""The whole life of a circle of four over three rounds, on both databases: joining after
the rules, the energy round, one case with structured answers and a helpful mark, small
changes that become each person's own commitments, appreciations, the facilitator
rotating (skipping someone away), rounds opening and closing on their windows, and old
posts deleted once the circle's keeping period has passed."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from steady.circles.tables import CirclePost
from tests.circles.conftest import Four
from tests.circles.helpers import (
    invite,
    keys_of,
    opened_round,
    post,
    post_body,
    read,
    renew,
    said,
    sealed,
    start,
    time_passes,
)
from tests.clock import Clock
from tests.helpers import Api, NewPerson, commitment_body, field_names, new_id


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _kinds(view: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [p for p in view["current"]["posts"] if p["kind"] == kind]


async def test_joining_shows_the_rules_first_and_needs_agreeing_to_them(
    api: Api, new_person: NewPerson
) -> None:
    await api.sign_up("sam")
    refused = await api.post("/api/circles", json={"name": "Night nurses"})
    assert refused.status_code == 400 and field_names(refused) == ["agree_to_rules"]
    circle = await start(api)
    assert circle["paused"] is True and len(circle["rules"]) == 4
    alex = await new_person()
    await alex.sign_up("alex")
    made = await invite(api, circle["id"])
    preview = await alex.post("/api/circles/invites/open", json={"code": made["code"].lower()})
    assert preview.status_code == 200
    assert preview.json()["name"] == "Night nurses" and preview.json()["inviter_name"] == "sam"
    assert "stays in the circle" in preview.json()["rules"][0]
    # Previewing shows nothing else of the circle, and joining needs the agreement.
    assert (await alex.get(f"/api/circles/{circle['id']}")).status_code == 404
    unagreed = await alex.post("/api/circles/invites/join", json={"token": made["token"]})
    assert unagreed.status_code == 400 and field_names(unagreed) == ["agree_to_rules"]
    joined = await alex.post(
        "/api/circles/invites/join", json={"token": made["token"], "agree_to_rules": True}
    )
    assert joined.status_code == 200 and [m["name"] for m in joined.json()["members"]] == [
        "sam",
        "alex",
    ]
    again = await alex.post(
        "/api/circles/invites/join", json={"token": made["token"], "agree_to_rules": True}
    )
    assert again.status_code == 404  # single use
    # Two people are not a circle yet: no round opens.
    assert (await api.post(f"/api/circles/{circle['id']}/rounds")).status_code == 409


@pytest.mark.calendar_sweep
async def test_four_people_hold_three_rounds(four: Four, clock: Clock) -> None:
    sam, alex, kim, lee, ids = four.sam, four.alex, four.kim, four.lee, four.ids
    circle = await read(sam, four.circle_id)
    assert circle["paused"] is False and circle["current"] is None
    first_opening = _when(circle["next_opens_at"])
    assert circle["facilitator_next"]["name"] == "sam"

    # ---- round 1: opens on schedule, Sam facilitates ----
    round1 = await opened_round(sam, four.circle_id, clock, first_opening + timedelta(minutes=1))
    assert round1["number"] == 1 and round1["facilitator"]["name"] == "sam"
    assert _when(round1["closes_at"]) - _when(round1["opens_at"]) == timedelta(hours=48)
    rid = round1["id"]
    epoch = (await keys_of(sam, four.circle_id))["epoch"]

    energy_id = new_id()
    for person, (level, word) in zip(
        (sam, alex, kim, lee),
        ((3, "steady"), (2, "tired"), (1, "wrung"), (4, "hopeful")),
        strict=True,
    ):
        await post(
            person, "energy", rid, energy_id if person is kim else None, energy=level, word=word
        )
    # Kim's phone sends her post again (a lost answer): still one post, the same one.
    assert await post(kim, "energy", rid, energy_id, energy=1, word="wrung") == energy_id
    # From another phone, a second energy post replaces hers rather than adding one.
    assert await post(kim, "energy", rid, energy=2, word="better", win="slept") == energy_id
    view = await read(alex, four.circle_id)
    assert sorted(p["author"]["name"] for p in _kinds(view, "energy")) == [
        "alex",
        "kim",
        "lee",
        "sam",
    ]
    kims = [said(p) for p in _kinds(view, "energy") if p["author"]["name"] == "kim"]
    assert [p["word"] for p in kims] == ["better"]

    # The facilitator asks Kim to bring the case; nobody else may.
    assert (
        await alex.put(
            f"/api/circles/{four.circle_id}/rounds/{rid}/case-pick", json={"member_id": ids["kim"]}
        )
    ).status_code == 403
    picked = await sam.put(
        f"/api/circles/{four.circle_id}/rounds/{rid}/case-pick", json={"member_id": ids["kim"]}
    )
    assert picked.json()["current"]["case_pick"]["name"] == "kim"
    early = await alex.put(
        f"/api/circles/posts/{new_id()}",
        json=post_body("answer", rid, epoch, noticed="x"),
    )
    assert early.status_code == 400 and field_names(early) == ["round_id"]
    not_picked = await alex.put(
        f"/api/circles/posts/{new_id()}",
        json=post_body("case", rid, epoch, situation="A night", question="How?"),
    )
    assert not_picked.status_code == 403
    case_id = await post(
        kim,
        "case",
        rid,
        situation="A relative shouted at me at 3 a.m. while I was alone on the ward.",
        question="How do I stop carrying it home?",
    )
    own = await kim.put(
        f"/api/circles/posts/{new_id()}", json=post_body("answer", rid, epoch, noticed="x")
    )
    assert own.status_code == 400
    # What a post says reaches the server only sealed: anything else is refused.
    plain = await lee.put(
        f"/api/circles/posts/{new_id()}",
        json={"kind": "answer", "round_id": rid, "noticed": "x"},
    )
    assert plain.status_code == 400 and field_names(plain) == ["noticed"]
    unsealed = post_body("answer", rid, epoch, noticed="x")
    unsealed["sealed"]["box"] = "not base64!"
    bad = await lee.put(f"/api/circles/posts/{new_id()}", json=unsealed)
    assert bad.status_code == 400 and field_names(bad) == ["sealed.box"]
    answers = {
        name: await post(
            person,
            "answer",
            rid,
            noticed=f"{name} noticed how alone you were.",
            question="What did you need right then?",
            might_try="A two-minute debrief before leaving.",
        )
        for name, person in (("sam", sam), ("alex", alex), ("lee", lee))
    }
    assert (
        await lee.put(f"/api/circles/posts/{answers['alex']}/helpful", json={"helpful": True})
    ).status_code == 403
    marked = await kim.put(f"/api/circles/posts/{answers['alex']}/helpful", json={"helpful": True})
    assert marked.status_code == 204

    # Small changes become each person's own commitments.
    for name, person in four.people().items():
        commitment_id = new_id()
        made = await person.put(
            f"/api/commitments/{commitment_id}", json=commitment_body(title=f"{name}: debrief")
        )
        assert made.status_code in {200, 201}
        await post(person, "change", rid, text=f"{name}: debrief", commitment_id=commitment_id)
        mine = (await person.get("/api/commitments")).json()["items"]
        assert [c["title"] for c in mine] == [f"{name}: debrief"]
    stolen = await lee.put(
        f"/api/circles/posts/{new_id()}",
        json=post_body("change", rid, epoch, text="x", commitment_id=case_id),
    )
    assert stolen.status_code == 400 and field_names(stolen) == ["commitment_id"]
    await post(
        lee, "appreciation", rid, text="Thank you for trusting us, Kim.", to_member=ids["kim"]
    )

    view = await read(kim, four.circle_id)
    (case,) = _kinds(view, "case")
    assert case["author"]["name"] == "kim" and case["mine"] is True
    assert {a["author"]["name"]: a["helpful"] for a in _kinds(view, "answer")} == {
        "sam": False,
        "alex": True,
        "lee": False,
    }
    (thanks,) = _kinds(view, "appreciation")
    assert said(thanks)["to_member"] == ids["kim"]

    assert (
        await alex.post(
            f"/api/circles/{four.circle_id}/rounds/{rid}/close",
            json={"summary": sealed(epoch, text="x")},
        )
    ).status_code == 403
    closed = await sam.post(
        f"/api/circles/{four.circle_id}/rounds/{rid}/close",
        json={"summary": sealed(epoch, text="Carrying nights home: a short debrief helps.")},
    )
    assert closed.status_code == 200 and closed.json()["current"]["open"] is False
    late = await lee.put(f"/api/circles/posts/{new_id()}", json=post_body("not_ok", rid, epoch))
    assert late.status_code == 410

    # ---- round 2: Alex is away, so the role passes to Kim; it closes on its window ----
    away = await alex.put(
        f"/api/circles/{four.circle_id}/away",
        json={"away_until": (clock.now() + timedelta(days=30)).isoformat()},
    )
    assert away.status_code == 200
    second_opening = _when((await read(sam, four.circle_id))["next_opens_at"])
    assert second_opening == first_opening + timedelta(days=7)
    round2 = await opened_round(sam, four.circle_id, clock, second_opening)
    assert round2["number"] == 2 and round2["facilitator"]["name"] == "kim"
    await post(
        kim, "energy", round2["id"], energy=3, word="lighter", last_change="Did the debrief twice."
    )
    await time_passes(clock, _when(round2["closes_at"]) + timedelta(minutes=1))
    view = await read(sam, four.circle_id)
    assert view["current"]["number"] == 2 and view["current"]["open"] is False
    assert [said(r["summary"])["text"] for r in view["earlier"]] == [
        "Carrying nights home: a short debrief helps."
    ]
    assert view["earlier"][0]["summary"]["by"] == ids["sam"]

    assert await CirclePost.count().where(CirclePost.round == rid) > 0

    # ---- round 3: after Kim, Lee ----
    round3 = await opened_round(sam, four.circle_id, clock, second_opening + timedelta(days=7))
    assert round3["number"] == 3 and round3["facilitator"]["name"] == "lee"

    # ---- keeping: round 1's posts go 14 days after it closed; its summary stays ----
    await time_passes(
        clock, _when(closed.json()["current"]["closed_at"]) + timedelta(days=14, minutes=1)
    )
    assert await CirclePost.count().where(CirclePost.round == rid) == 0
    earlier = (await read(sam, four.circle_id))["earlier"]
    assert [r["number"] for r in earlier] == [2, 1]
    assert said(earlier[1]["summary"])["text"] == "Carrying nights home: a short debrief helps."


@pytest.mark.calendar_sweep
async def test_summaries_go_too_unless_the_circle_keeps_them(four: Four, clock: Clock) -> None:
    changed = await four.sam.put(
        f"/api/circles/{four.circle_id}/settings",
        json={"name": "Night nurses", "keep_days": 1, "keep_summaries": False, "rhythm": "by_hand"},
    )
    assert changed.status_code == 200 and changed.json()["next_opens_at"] is None
    opened = await four.sam.post(f"/api/circles/{four.circle_id}/rounds")
    assert opened.status_code == 201
    rid = opened.json()["current"]["id"]
    await post(four.alex, "energy", rid, energy=2, word="tired")
    epoch = (await keys_of(four.sam, four.circle_id))["epoch"]
    await four.sam.post(
        f"/api/circles/{four.circle_id}/rounds/{rid}/close",
        json={"summary": sealed(epoch, text="Brief.")},
    )
    await time_passes(clock, clock.now() + timedelta(days=1, minutes=1))
    view = await read(four.sam, four.circle_id)
    assert view["current"] is None and view["earlier"][0]["summary"] is None


async def test_leaving_takes_ones_posts_and_a_small_circle_pauses(four: Four) -> None:
    opened = await four.sam.post(f"/api/circles/{four.circle_id}/rounds")
    rid = opened.json()["current"]["id"]
    for person in (four.sam, four.lee):
        await post(person, "energy", rid, energy=3, word="ok")
    not_ok = await post(four.kim, "not_ok", rid)
    view = await read(four.sam, four.circle_id)
    assert [p["author"]["name"] for p in _kinds(view, "not_ok")] == ["kim"]
    taken = await four.kim.delete(f"/api/circles/posts/{not_ok}")
    assert taken.status_code == 204
    assert _kinds(await read(four.sam, four.circle_id), "not_ok") == []
    left = await four.lee.delete(f"/api/circles/{four.circle_id}/membership")
    assert left.status_code == 204
    view = await read(four.sam, four.circle_id)
    assert [p["author"]["name"] for p in _kinds(view, "energy")] == ["sam"]
    assert (await four.lee.get(f"/api/circles/{four.circle_id}")).status_code == 404
    # Lee still holds the circle key: nothing more is taken under it until a new one is
    # made for those who stay (by whichever of them is online first).
    epoch = (await keys_of(four.sam, four.circle_id))["epoch"]
    stale = await four.sam.put(
        f"/api/circles/posts/{new_id()}", json=post_body("energy", rid, epoch, energy=2)
    )
    assert stale.status_code == 409
    assert (await keys_of(four.sam, four.circle_id))["renew"] is True
    assert await renew(four.kim, four.circle_id) == epoch + 1
    await post(four.sam, "energy", rid, energy=2, word="lighter")
    old = await four.alex.put(
        f"/api/circles/posts/{new_id()}", json=post_body("energy", rid, epoch, energy=2)
    )
    assert old.status_code == 409 and "seals it again" in old.json()["detail"]
    await four.kim.delete(f"/api/circles/{four.circle_id}/membership")
    assert (await read(four.sam, four.circle_id))["paused"] is True
