"""Circles sealed on the phone: every kind of post and the facilitator's summary reach the
database only as ciphertext (the SQLite file, its WAL and the server log scanned for each
canary raw, base64 and hex, with a username found as the control), while the members
read them. A member list changed without a member's signature, an old key handed out as
a new one, keys rolled back, an inviter's keys swapped at the join and a joiner's keys
swapped at the inviter are each refused, and nothing is sealed under them."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from playwright.sync_api import Route, expect

from e2e.at_rest import found_at_rest
from e2e.conftest import SERVER_LOG
from e2e.pages import App
from e2e.server_db import ServerDatabase

CIRCLE = "Night nurses"


def _canary(part: str) -> str:
    return f"CANARY-{part}-{uuid.uuid4().hex[:12]}"


def _circle_of_three(app: App, new_context: Any, base_url: str) -> tuple[App, App, str, str]:
    """Sam starts a circle and invites Alex and Kim by link; Sam's phone lets them in and
    a round opens. (Alex, Kim, the circle's page, Sam's username.)"""
    suffix = uuid.uuid4().hex[:6]
    sam = f"sam_{suffix}"
    app.has_account(sam)
    app.start_circle(CIRCLE)
    circle_url = app.page.url
    phones = []
    for name in (f"alex_{suffix}", f"kim_{suffix}"):
        link, _ = app.make_circle_invite()
        phone = App(new_context().new_page(), base_url)
        phone.has_account(name)
        phone.page.goto(link)
        phone.join_circle(CIRCLE)
        expect(phone.by_id("circle-let-in-waiting")).to_be_visible()
        phones.append(phone)
    app.page.reload()  # Sam's phone checks their keys against the links and lets them in
    expect(app.by_id("circle-others-waiting")).to_have_count(0)
    app.by_id("round-start").click()
    expect(app.by_id("round-info")).to_contain_text("You are facilitating")
    return phones[0], phones[1], circle_url, sam


def test_every_kind_of_post_is_stored_sealed(
    app: App, new_context: Any, base_url: str, server_db: ServerDatabase
) -> None:
    alex, kim, circle_url, sam = _circle_of_three(app, new_context, base_url)
    word, win = _canary("w")[:23], _canary("win")
    situation, question = _canary("situation"), _canary("question")
    noticed, change, thanks, summary = (
        _canary("noticed"),
        _canary("change")[:40],
        _canary("thanks"),
        _canary("summary"),
    )

    app.page.get_by_label("A win to celebrate (optional)").fill(win)
    app.post_energy(3, word)
    app.expect_all_saved()
    alex.page.goto(circle_url)
    alex.page.get_by_label("The situation").fill(situation)
    alex.page.get_by_label("What you'd like help with").fill(question)
    alex.by_id("case-post").click()
    alex.expect_all_saved()
    kim.page.goto(circle_url)
    expect(kim.by_id("post-case")).to_contain_text(situation)  # members read it
    expect(kim.by_id("post-energy")).to_contain_text(word)
    kim.page.get_by_label("What I noticed").fill(noticed)
    kim.by_id("answer-post").click()
    kim.expect_all_saved()
    # (Not onto her own Today list: her own records are not sealed yet, by design.)
    kim.by_id("change-to-today").uncheck()
    kim.post_change(change)
    kim.expect_all_saved()
    kim.by_id("not-ok").click()
    kim.expect_all_saved()
    app.page.reload()
    expect(app.by_id("post-answer")).to_contain_text(noticed)
    expect(app.by_id("post-change")).to_contain_text(change)
    expect(app.by_id("not-ok-notice")).to_be_visible()
    app.page.get_by_label("A few words of thanks").fill(thanks)
    app.by_id("thanks-post").click()
    app.expect_all_saved()
    app.page.get_by_label("A short summary for the circle (optional)").fill(summary)
    app.by_id("round-close").click()
    expect(app.by_id("round-summary")).to_have_text(summary)
    alex.page.reload()
    expect(alex.by_id("round-summary")).to_have_text(summary)
    alex.assert_accessible()

    stored = [server_db.path, Path(f"{server_db.path}-wal"), SERVER_LOG]
    for canary in (word, win, situation, question, noticed, change, thanks, summary):
        assert found_at_rest(canary, stored) == [], canary
    assert "db" in " ".join(found_at_rest(sam, stored))  # the control: usernames are plain


def _keys_route(page: Any, change: Any) -> None:
    """Hand this phone the circle's key answer as ``change`` rewrites it."""

    def handle(route: Route) -> None:
        answer = route.fetch()
        route.fulfill(response=answer, json=change(answer.json()))

    page.route("**/api/circles/*/keys", handle)


def _refused(phone: App, circle_url: str, words: str, problem: str) -> None:
    """The phone says why the circle's keys are refused, and seals nothing under them."""
    phone.page.goto(circle_url)
    expect(phone.by_id("circle-keys-problem")).to_contain_text(problem)
    phone.page.get_by_label("A few words of thanks").fill(words)
    phone.by_id("thanks-post").click()
    expect(phone.by_id("circle-seal-problem")).to_contain_text(problem)
    expect(phone.by_id("post-waiting")).to_have_count(0)
    phone.page.unroute_all(behavior="ignoreErrors")


def test_a_host_cannot_change_replay_or_roll_back_a_circles_keys(
    app: App, new_context: Any, base_url: str
) -> None:
    alex, _, circle_url, _ = _circle_of_three(app, new_context, base_url)
    alex.page.goto(circle_url)  # Alex's phone believes the roster it was let in by
    expect(alex.by_id("energy-form")).to_be_visible()

    def add_someone(keys: dict[str, Any]) -> dict[str, Any]:
        last = keys["epochs"][-1]
        roster = json.loads(last["roster"])
        roster["epoch"] += 1
        roster["members"].append(
            {"member": 999, "fingerprint": roster["members"][0]["fingerprint"]}
        )
        forged = {**last, "epoch": roster["epoch"], "roster": json.dumps(roster)}
        return {**keys, "epoch": roster["epoch"], "epochs": [*keys["epochs"], forged]}

    _keys_route(alex.page, add_someone)
    _refused(alex, circle_url, "To the host.", "without the signature of anyone in it")

    def replay(keys: dict[str, Any]) -> dict[str, Any]:
        last = keys["epochs"][-1]
        again = {**last, "epoch": last["epoch"] + 1}
        return {**keys, "epoch": again["epoch"], "epochs": [*keys["epochs"], again]}

    _keys_route(alex.page, replay)
    _refused(alex, circle_url, "To the host.", "old key of this circle")

    def roll_back(keys: dict[str, Any]) -> dict[str, Any]:
        return {**keys, "epoch": keys["epochs"][-1]["epoch"] - 1, "epochs": keys["epochs"][:-1]}

    _keys_route(alex.page, roll_back)
    _refused(alex, circle_url, "To the host.", "went back to an older set")

    # With the host's answers honest again, Alex posts as before.
    alex.page.goto(circle_url)
    expect(alex.by_id("circle-keys-problem")).to_have_count(0)
    alex.post_energy(4, "fine")
    alex.expect_all_saved()


def test_swapped_keys_at_a_circle_invite_are_refused(
    app: App, page: Any, new_context: Any, base_url: str
) -> None:
    suffix = uuid.uuid4().hex[:6]
    app.has_account(f"sam_{suffix}")
    app.start_circle(CIRCLE)
    circle_url = app.page.url
    stranger = App(new_context().new_page(), base_url)
    stranger.has_account(f"mallory_{suffix}")
    fake = stranger.public_keys()

    # The host swaps Sam's keys in the invite Alex opens: Alex's phone won't join.
    link, _ = app.make_circle_invite()
    alex = App(new_context().new_page(), base_url)
    alex.has_account(f"alex_{suffix}")

    def swap_inviter(route: Route) -> None:
        answer = route.fetch()
        preview = answer.json()
        preview["inviter_signing_public"], preview["inviter_sealing_public"] = fake
        route.fulfill(response=answer, json=preview)

    alex.page.route("**/api/circles/invites/open", swap_inviter)
    alex.page.goto(link)
    expect(alex.by_id("join-circle-mismatch")).to_be_visible()
    expect(alex.by_id("join-circle")).to_have_count(0)
    alex.page.unroute_all(behavior="ignoreErrors")

    # Kim joins by link, but the host swaps her keys as Sam's phone fetches them: her MAC
    # doesn't match them, so Sam's phone doesn't seal the circle key to the host's keys.
    link, _ = app.make_circle_invite()
    kim = App(new_context().new_page(), base_url)
    kim.has_account(f"kim_{suffix}")
    kim.page.goto(link)
    kim.join_circle(CIRCLE)

    def swap_joiner(keys: dict[str, Any]) -> dict[str, Any]:
        for member in keys["members"]:
            if member["name"] == f"kim_{suffix}":
                member["signing_public"], member["sealing_public"] = fake
        return keys

    _keys_route(page, swap_joiner)
    page.goto(circle_url)
    expect(app.by_id("circle-keys-notice")).to_contain_text("don't match your invite link")
    page.unroute_all(behavior="ignoreErrors")
    kim.page.reload()
    expect(kim.by_id("circle-let-in-waiting")).to_be_visible()  # still not let in
    # Honest keys again: Sam's phone checks Kim's MAC and lets her in.
    page.reload()
    expect(app.by_id("circle-others-waiting")).to_have_count(0)
    kim.page.reload()
    expect(kim.by_id("circle-let-in-waiting")).to_have_count(0)
