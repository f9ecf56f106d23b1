"""A change made offline reaches the server exactly once: across reloads and lost answers."""

from __future__ import annotations

import uuid
from typing import Any

from playwright.sync_api import Page, Route, expect

from .pages import App
from .server_db import ServerDatabase


def test_offline_check_ins_reach_the_server_once_even_after_a_reload(
    app: App, page: Page, server_db: ServerDatabase
) -> None:
    name = "medic_" + uuid.uuid4().hex[:8]
    app.has_account(name)
    app.wait_for_worker()
    app.offline()

    app.check_in(2, 2, 4, 3, note="First, from the ambulance bay")
    app.check_in(3, 2, 3, 3, note="Second, at handover")
    expect(app.status).to_contain_text("2 waiting")

    page.reload()
    expect(app.heading()).to_have_text("Check in")
    expect(app.status).to_contain_text("2 waiting")
    expect(app.by_id("checkin-item")).to_have_count(2)
    assert server_db.count("checkin", name) == 0

    app.online()
    app.expect_all_saved()
    assert server_db.count("checkin", name) == 2
    assert server_db.notes("checkin", name) == [
        "First, from the ambulance bay",
        "Second, at handover",
    ]


def test_a_lost_answer_is_replayed_without_a_duplicate(
    new_context: Any, base_url: str, server_db: ServerDatabase
) -> None:
    # Without a service worker every request comes from the page, where the route sees it
    # (the worker's own flush is covered by the Background Sync test below).
    page = new_context(service_workers="block").new_page()
    app = App(page, base_url)
    name = "teacher_" + uuid.uuid4().hex[:8]
    app.has_account(name)
    dropped: list[str] = []

    def deliver_then_drop_answer(route: Route) -> None:
        # The server stores the change, but the phone never hears back (signal lost).
        if route.request.method == "PUT" and not dropped:
            route.fetch()
            dropped.append(route.request.url)
            route.abort("internetdisconnected")
        else:
            route.continue_()

    page.route("**/api/checkins/*", deliver_then_drop_answer)
    app.check_in(4, 3, 2, 4, note="Quiet ward tonight")
    # "All saved" may still be showing from before the change was queued: wait for the send.
    for _ in range(200):
        if dropped:
            break
        page.wait_for_timeout(50)
    assert dropped
    app.expect_all_saved()
    assert server_db.count("checkin", name) == 1


def test_changes_made_signed_out_are_uploaded_on_sign_in(
    app: App, page: Page, server_db: ServerDatabase
) -> None:
    name = "social_" + uuid.uuid4().hex[:8]
    app.open("/checkin")
    app.check_in(3, 3, 3, 3, note="Before I had an account")
    expect(app.status).to_have_text("Saved on this phone")
    app.sign_up(name)
    app.expect_all_saved()
    assert server_db.count("checkin", name) == 1


def test_background_sync_in_the_worker_sends_changes_when_no_page_is_open(
    app: App, page: Page, server_db: ServerDatabase, base_url: str
) -> None:
    name = "chw_" + uuid.uuid4().hex[:8]
    app.has_account(name)
    app.wait_for_worker()
    app.offline()
    app.check_in(2, 3, 4, 2, note="Rural route, no signal")
    page.goto("about:blank")  # the app is closed; only its worker remains
    app.online()

    cdp, registration = app.worker_registration_id()
    cdp.send(
        "ServiceWorker.dispatchSyncEvent",
        {
            "origin": base_url,
            "registrationId": registration,
            "tag": "steady-outbox",
            "lastChance": False,
        },
    )
    for _ in range(200):
        if server_db.count("checkin", name) == 1:
            break
        page.wait_for_timeout(50)
    assert server_db.count("checkin", name) == 1
    assert server_db.notes("checkin", name) == ["Rural route, no signal"]
