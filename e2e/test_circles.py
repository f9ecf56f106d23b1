"""Three phones hold a circle's round: start, two join (by link and by code) after reading
the rules, a round opens, everyone says how they are (one of them offline: sent once when
the signal returns), one brings a case, the others answer, the presenter marks one
helpful, each small change lands on their own Today list, someone leaves and their posts
go with them, and the facilitator closes the round with a summary."""

from __future__ import annotations

import uuid
from typing import Any

from playwright.sync_api import Page, expect

from e2e.pages import App
from e2e.server_db import ServerDatabase

CIRCLE = "Night nurses"


def _phone(new_context: Any, base_url: str, name: str) -> App:
    other = App(new_context().new_page(), base_url)
    other.has_account(name)
    return other


def test_three_nurses_hold_a_round(
    app: App, page: Page, new_context: Any, server_db: ServerDatabase
) -> None:
    suffix = uuid.uuid4().hex[:6]
    sam, alex, kim = f"sam_{suffix}", f"alex_{suffix}", f"kim_{suffix}"
    app.has_account(sam)
    app.open("/circles")
    app.assert_accessible()
    app.start_circle(CIRCLE)
    circle_url = page.url
    expect(app.by_id("circle-paused")).to_be_visible()
    link, _ = app.make_circle_invite()
    app.assert_accessible()

    # Alex opens the link: the rules first; joining needs agreeing to them.
    a = _phone(new_context, app.base_url, alex)
    a.page.goto(link)
    expect(a.by_id("join-circle-name")).to_have_text(CIRCLE)
    a.assert_accessible()
    a.by_id("join-circle").click()
    expect(a.page.locator("#join-agree-error")).to_contain_text("ground rules")
    a.join_circle(CIRCLE)

    # Kim types the code Sam read out.
    _, code = app.make_circle_invite()
    k = _phone(new_context, app.base_url, kim)
    k.open("/circles")
    k.page.get_by_label("Invite code").fill(code.lower())
    k.by_id("circle-code-submit").click()
    k.join_circle(CIRCLE)
    k.wait_for_worker()

    # A round opens; Sam facilitates it.
    page.reload()
    app.by_id("round-start").click()
    expect(app.by_id("round-info")).to_contain_text("You are facilitating")
    expect(app.by_id("facilitator-panel")).to_be_visible()
    app.assert_accessible()

    app.post_energy(3, "steady")
    a.page.reload()
    expect(a.by_id("round-info")).to_contain_text(f"{sam} is facilitating")
    a.post_energy(2, "tired")

    # Kim posts on the bus with no signal: kept, then sent once.
    k.page.reload()
    expect(k.by_id("energy-form")).to_be_visible()
    k.offline()
    k.post_energy(1, "wrung")
    expect(k.by_id("post-waiting")).to_be_visible()
    k.page.wait_for_timeout(500)
    assert server_db.circle_posts(kim, "energy") == 0
    k.online()
    k.expect_all_saved()
    expect(k.by_id("posted-energy")).to_contain_text("you")
    k.page.reload()
    expect(k.by_id("posted-energy")).to_contain_text("you")
    assert server_db.circle_posts(kim, "energy") == 1

    # Alex brings a case; Sam and Kim answer; Alex marks Sam's answer helpful.
    a.page.reload()
    expect(a.by_id("posted-energy")).to_contain_text(kim)
    a.page.get_by_label("The situation").fill("A family member shouted at me at 3 a.m.")
    a.page.get_by_label("What you'd like help with").fill("How do I stop carrying it home?")
    a.by_id("case-post").click()
    a.expect_all_saved()
    for phone in (app, k):
        phone.page.reload()
        phone.page.get_by_label("What I noticed").fill("You stayed kind under pressure.")
        phone.page.get_by_label("What I might try").fill("A two-minute debrief before leaving.")
        phone.expect_draft_kept("circle-answer-")
        phone.page.reload()  # half-written on the bus: nothing typed is lost
        expect(phone.page.get_by_label("What I noticed")).to_have_value(
            "You stayed kind under pressure."
        )
        phone.by_id("answer-post").click()
        phone.expect_all_saved()
    a.page.reload()
    expect(a.by_id("posted-answers")).to_contain_text(sam)
    a.assert_accessible()
    a.by_id("post-answer").filter(has_text=sam).get_by_test_id("mark-helpful").click()
    a.expect_all_saved()
    app.page.reload()
    expect(app.by_id("helpful")).to_have_count(1)

    # Each names a small change, and finds it on their own Today list.
    for phone, change in (
        (app, "Debrief before leaving"),
        (a, "Eat before nights"),
        (k, "Walk home slowly"),
    ):
        phone.page.reload()
        phone.post_change(change)
        phone.expect_all_saved()
        phone.open("/today")
        expect(phone.by_id("today-item").filter(has_text=change)).to_be_visible()

    # Kim leaves: her posts go with her, for everyone.
    k.page.goto(circle_url)
    k.by_id("circle-leave").click()
    k.by_id("circle-leave-confirm").click()
    expect(k.heading()).to_have_text("Circles")
    a.page.goto(circle_url)
    expect(a.by_id("posted-energy")).not_to_contain_text(kim)
    expect(a.by_id("posted-answers")).not_to_contain_text(kim)

    # Sam closes the round with a summary the circle keeps.
    page.goto(circle_url)
    page.get_by_label("A short summary for the circle (optional)").fill("Debriefs help us let go.")
    app.by_id("round-close").click()
    expect(app.by_id("round-summary")).to_have_text("Debriefs help us let go.")
    app.assert_accessible()
    a.page.reload()
    expect(a.by_id("round-summary")).to_have_text("Debriefs help us let go.")
