"""Reminders on the phone: a push becomes a private notification, and "Done" counts once,
even with no signal. Chromium here cannot reach a real push service, so pushes are handed
to the service worker through the DevTools Protocol with the payload the server sends."""

from __future__ import annotations

import uuid

from playwright.sync_api import Page, expect

from e2e.pages import App
from e2e.server_db import ServerDatabase
from steady import clock
from steady.reminders.notices import notice_for


def _person_with_commitment(app: App, server_db: ServerDatabase, prefix: str) -> tuple[str, str]:
    name = prefix + uuid.uuid4().hex[:8]
    app.page.context.grant_permissions(["notifications"])
    app.has_account(name)
    app.wait_for_worker()
    app.add_commitment("Text a colleague after nights")
    app.expect_all_saved()
    (commitment_id,) = server_db.ids("commitment", name)
    return name, commitment_id


def test_done_on_a_notification_offline_counts_once_when_the_signal_returns(
    app: App, page: Page, server_db: ServerDatabase
) -> None:
    name, commitment_id = _person_with_commitment(app, server_db, "paramedic_")
    payload = notice_for(
        "commitment",
        commitment_id,
        "Text a colleague after nights",
        clock.now().date(),
        show_details=False,
    )
    app.deliver_push(payload)
    (shown,) = app.wait_for_notifications(1)
    assert shown["title"] == "A small thing you planned"
    assert "colleague" not in shown["body"]
    assert shown["actions"] == ["Done", "Snooze 1 h"]

    app.offline()
    app.notification_action(shown["tag"], "done")
    app.wait_for_notifications(0)
    page.wait_for_timeout(500)
    assert server_db.count("completion", name) == 0
    app.open("/today")
    expect(app.status).to_contain_text("1 waiting")

    app.online()
    app.expect_all_saved()
    assert server_db.count("completion", name) == 1
    page.reload()
    app.expect_all_saved()
    page.wait_for_timeout(500)
    assert server_db.count("completion", name) == 1
    expect(app.by_id("today-item").get_by_test_id("undo")).to_be_visible()


def test_done_online_reaches_the_server_at_once_and_a_tap_opens_the_right_screen(
    app: App, page: Page, server_db: ServerDatabase
) -> None:
    name, commitment_id = _person_with_commitment(app, server_db, "nurse_")
    app.open("/")
    app.deliver_push(
        notice_for("commitment", commitment_id, "", clock.now().date(), show_details=False)
    )
    (shown,) = app.wait_for_notifications(1)
    app.notification_action(shown["tag"], "done")
    for _ in range(100):
        if server_db.count("completion", name) == 1:
            break
        page.wait_for_timeout(50)
    assert server_db.count("completion", name) == 1

    app.deliver_push(notice_for("decompress", None, "", clock.now().date(), show_details=False))
    (landing,) = app.wait_for_notifications(1)
    assert landing["title"] == "Shift over — two minutes to land?"
    app.notification_action(landing["tag"], "")
    expect(page).to_have_url(app.base_url + "/leaving-shift", timeout=10_000)


def test_snooze_from_a_notification_waits_in_the_outbox_until_the_signal_returns(
    app: App, page: Page, server_db: ServerDatabase
) -> None:
    name = "midwife_" + uuid.uuid4().hex[:8]
    page.context.grant_permissions(["notifications"])
    app.has_account(name)
    app.wait_for_worker()
    app.open("/commitments")
    form = app.by_id("new-commitment")
    form.get_by_label("What will you do?").fill("Stretch before handover")
    form.get_by_label("Reminder time (optional)").fill("08:00")
    app.by_id("new-commitment-save").click()
    app.expect_all_saved()
    (commitment_id,) = server_db.ids("commitment", name)
    app.deliver_push(
        notice_for("commitment", commitment_id, "", clock.now().date(), show_details=False)
    )
    (shown,) = app.wait_for_notifications(1)

    app.offline()
    app.notification_action(shown["tag"], "snooze")
    app.wait_for_notifications(0)
    app.open("/today")
    expect(app.status).to_contain_text("1 waiting")
    assert server_db.snoozed(name) == []

    app.online()
    app.expect_all_saved()
    assert server_db.snoozed(name) == ["commitment"]


def test_the_reminders_page_never_asks_for_permission_until_asked_and_is_accessible(
    app: App, page: Page
) -> None:
    app.has_account("teacher_" + uuid.uuid4().hex[:8])
    for path in ("/", "/today", "/commitments", "/reminders"):
        app.open(path)
    assert page.evaluate("Notification.permission") == "default"
    expect(app.by_id("push-enable")).to_be_visible()
    app.assert_accessible()

    app.by_id("shift-toggle").click()
    expect(app.by_id("shift-toggle")).to_have_text("End shift")
    page.get_by_label("A daily check-in prompt at (optional)").fill("20:30")
    app.by_id("pattern").select_option("rotation")
    page.get_by_label("Shifts in a row").fill("3")
    page.get_by_label("Then days off").fill("4")
    page.get_by_label("Shift starts at").fill("19:00")
    preview = app.by_id("lock-screen-preview")
    expect(preview).to_contain_text("A small thing you planned")
    page.get_by_label("Show what a reminder is about on the lock screen", exact=False).check()
    app.by_id("prefs-save").click()
    expect(page.get_by_text("Saved. Reminders will follow these settings.")).to_be_visible()
    expect(preview).to_contain_text("Text a colleague after nights")
    app.assert_accessible()
    page.reload()
    expect(page.get_by_label("A daily check-in prompt at (optional)")).to_have_value("20:30")
    expect(app.by_id("shift-toggle")).to_have_text("End shift")
    app.by_id("shift-toggle").click()
    expect(app.by_id("shift-toggle")).to_have_text("Start shift")
