"""Two people, two phones: one invites, the other accepts; a summary is previewed, sent,
pushed, read and answered; then taken back, and it is gone, online and offline."""

from __future__ import annotations

import re
import uuid
from typing import Any

from playwright.sync_api import Page, expect

from e2e.pages import App
from e2e.server_db import ServerDatabase
from steady import clock
from steady.reminders.notices import notice_for

NOTE = "Lost a patient tonight. Walking home now."


def _sign_up_from_invite(bea: App, name: str) -> None:
    """Someone new opens the link: an account in seconds, then straight back to the invite."""
    bea.by_id("share-sign-up").click()
    bea.page.get_by_label("Username").fill(name)
    bea.page.get_by_label("Passphrase").fill("a calm long passphrase")
    bea.by_id("auth-submit").click()
    bea.keep_recovery_key()


def test_two_colleagues_connect_share_reply_and_the_summary_can_be_taken_back(
    app: App, page: Page, new_context: Any, server_db: ServerDatabase
) -> None:
    sam, bea_name = "sam_" + uuid.uuid4().hex[:6], "bea_" + uuid.uuid4().hex[:6]
    page.on("dialog", lambda dialog: dialog.accept())
    app.has_account(sam)
    app.check_in(2, 2, 4, 3, note="Hard one")
    app.expect_all_saved()
    link = app.make_invite()
    expect(app.by_id("invite-code")).to_have_text(re.compile(r"^[A-Z2-9]{4}-[A-Z2-9]{4}$"))
    app.assert_accessible()

    bea_context = new_context()
    bea_context.grant_permissions(["notifications"])
    bea = App(bea_context.new_page(), app.base_url)
    bea.page.goto(link)
    expect(bea.by_id("share-sign-up")).to_be_visible()
    bea.assert_accessible()
    _sign_up_from_invite(bea, bea_name)
    expect(bea.by_id("invite-from")).to_have_text(f"{sam} would like to share with you")
    bea.assert_accessible()
    bea.by_id("invite-accept").click()
    expect(bea.by_id("peer-row")).to_contain_text(sam)
    bea.wait_for_worker()

    # Sam chooses exactly what to share, sees it, sends it.
    app.compose_for(bea_name)
    app.by_id("part-scores").check()
    app.page.get_by_label(f"A note for {bea_name} (optional)").fill(NOTE)
    app.by_id("help-call").check()
    card = app.preview()
    expect(card.get_by_test_id("summary-note")).to_have_text(NOTE)
    expect(card.get_by_test_id("summary-scores")).to_contain_text("Stress 4.0 of 5")
    expect(card.get_by_test_id("summary-help")).to_have_text("A call after my shift would help")
    expect(card.get_by_test_id("summary-commitments")).to_have_count(0)
    expect(card.get_by_test_id("summary-grounding")).to_have_count(0)
    app.assert_accessible()
    app.by_id("share-send").click()
    expect(app.by_id("sent-status")).to_contain_text("not seen yet")
    summary_id = app.page.url.rsplit("/", 1)[1]

    # Bea's phone gets the push the server queued: a name, nothing private.
    ((about, title),) = server_db.queued_notices(bea_name, "peer_shared")
    assert about == summary_id
    bea.deliver_push(
        notice_for("peer_shared", about, title, clock.now().date(), show_details=False)
    )
    (shown,) = bea.wait_for_notifications(1)
    assert shown["title"] == f"{sam} shared a check-in with you"
    assert NOTE not in shown["body"] and "Stress" not in shown["body"]
    bea.notification_action(shown["tag"], "")
    expect(bea.page).to_have_url(f"{app.base_url}/share/inbox/{summary_id}", timeout=10_000)
    expect(bea.by_id("summary-note")).to_have_text(NOTE)
    bea.assert_accessible()
    # Choosing a ready-made reply sends nothing yet: it asks first.
    bea.by_id("reply-call").click()
    expect(bea.by_id("reply-call")).to_have_attribute("aria-pressed", "true")
    expect(bea.by_id("reply")).to_have_count(0)
    bea.by_id("reply-send").click()
    expect(bea.by_id("reply-status")).to_contain_text("Sent")
    expect(bea.by_id("reply")).to_contain_text("That sounds hard. Call after shift?")

    # Sam sees it was seen, and the reply beside the summary.
    app.page.reload()
    expect(app.by_id("sent-status")).to_contain_text("seen")
    expect(app.by_id("sent-status")).not_to_contain_text("not seen")
    expect(app.by_id("reply")).to_contain_text(f"{bea_name}: That sounds hard. Call after shift?")
    app.assert_accessible()

    bea.open("/share/inbox")
    expect(bea.by_id("inbox-row")).to_have_count(1)
    bea.assert_accessible()

    # Sam changes their mind: the summary is gone for Bea at once, offline and online.
    app.by_id("withdraw").click()
    expect(app.heading()).to_have_text("Share with a peer")
    expect(app.by_id("sent-row")).to_have_count(0)

    bea.offline()
    for path in ("/share/inbox", f"/share/inbox/{summary_id}"):
        bea.open(path)
        expect(bea.page.get_by_role("alert")).to_contain_text("offline")
        expect(bea.page.get_by_text(NOTE)).to_have_count(0)
    bea.online()
    bea.open("/share/inbox")
    expect(bea.by_id("inbox-empty")).to_be_visible()
    bea.open(f"/share/inbox/{summary_id}")
    expect(bea.by_id("received-problem")).to_contain_text("isn't available any more")
    expect(bea.page.get_by_text(NOTE)).to_have_count(0)
    bea.assert_accessible()


def test_an_invite_code_read_aloud_connects_and_either_side_can_end_it(
    app: App, page: Page, new_context: Any
) -> None:
    kim, lee = "kim_" + uuid.uuid4().hex[:6], "lee_" + uuid.uuid4().hex[:6]
    page.on("dialog", lambda dialog: dialog.accept())
    app.has_account(kim)
    app.make_invite()
    code = app.by_id("invite-code").inner_text()

    lee_app = App(new_context().new_page(), app.base_url)
    lee_app.has_account(lee)
    lee_app.open("/join")
    lee_app.assert_accessible()
    lee_app.page.get_by_label("Invite code").fill(code.lower().replace("-", " "))
    lee_app.by_id("invite-code-submit").click()
    expect(lee_app.by_id("invite-from")).to_contain_text(kim)
    lee_app.by_id("invite-accept").click()
    expect(lee_app.by_id("peer-row")).to_contain_text(kim)

    app.open("/share")
    expect(app.by_id("peer-row")).to_contain_text(lee)
    app.assert_accessible()
    app.page.get_by_role("button", name=f"End sharing with {lee}").click()
    expect(app.by_id("peer-row")).to_have_count(0)
    lee_app.open("/share")
    expect(lee_app.by_id("peer-row")).to_have_count(0)


def test_an_invite_stays_on_the_phone_that_made_it_until_it_is_used(
    app: App, new_context: Any
) -> None:
    app.has_account("inv_" + uuid.uuid4().hex[:8])
    link = app.make_invite()
    code = app.by_id("invite-code").last.inner_text()
    app.page.reload()
    expect(app.by_id("invite-link").last).to_have_text(link)
    expect(app.by_id("invite-code").last).to_have_text(code)
    expect(app.by_id("invite-copy").last).to_be_visible()
    app.assert_accessible()

    friend = App(new_context().new_page(), app.base_url)
    friend.has_account("friend_" + uuid.uuid4().hex[:8])
    friend.page.goto(link)
    friend.by_id("invite-accept").click()
    expect(friend.by_id("peer-row")).to_have_count(1)
    app.page.reload()
    expect(app.by_id("peer-row")).to_have_count(1)
    expect(app.by_id("invite-link")).to_have_count(0)


def test_home_shows_a_badge_for_a_new_summary(app: App, new_context: Any) -> None:
    sam, bea_name = "sam_" + uuid.uuid4().hex[:6], "bea_" + uuid.uuid4().hex[:6]
    app.has_account(sam)
    link = app.make_invite()
    bea = App(new_context().new_page(), app.base_url)
    bea.has_account(bea_name)
    bea.accept_invite(link, sam)
    bea.open("/")
    expect(bea.by_id("unread-badge")).to_have_count(0)
    app.compose_for(bea_name)
    app.by_id("part-scores").check()
    app.preview()
    app.by_id("share-send").click()
    expect(app.by_id("sent-status")).to_contain_text("not seen yet")
    bea.open("/")
    expect(bea.by_id("unread-badge")).to_contain_text("1")
    expect(bea.by_id("entry-share")).to_contain_text("1 new from your people")
