"""Shifts one tap from Home, with no signal: the server later holds the shift with the
phone's own times, and the reminders page shows what the phone knows, offline, at once."""

from __future__ import annotations

import time
import uuid
from datetime import datetime

from playwright.sync_api import expect

from steady import clock

from .pages import App
from .server_db import ServerDatabase


def _moment(stored: str) -> float:
    return datetime.fromisoformat(stored).timestamp()


def test_a_shift_started_and_ended_offline_reaches_the_server_with_the_phones_times(
    app: App, server_db: ServerDatabase
) -> None:
    name = "paramedic_" + uuid.uuid4().hex[:8]
    app.has_account(name)
    app.wait_for_worker()
    app.open("/")
    app.offline()
    started = clock.epoch_seconds()
    app.by_id("shift-toggle").click()
    expect(app.by_id("shift-state")).to_contain_text("On shift since")
    app.page.reload()
    expect(app.by_id("shift-state")).to_contain_text("On shift since")
    app.page.wait_for_timeout(1_500)
    app.by_id("shift-toggle").click()
    ended = clock.epoch_seconds()
    expect(app.by_id("shift-state")).to_have_text("Not on shift.")
    assert server_db.shifts(name) == []

    app.online()
    app.expect_all_saved()
    ((_, stored_start, stored_end),) = server_db.shifts(name)
    assert stored_end is not None
    # The phone's times, not the moment the server heard about it.
    assert started - 2 < _moment(stored_start) < started + 2
    assert ended - 2 < _moment(stored_end) < ended + 2
    assert _moment(stored_end) - _moment(stored_start) >= 1


def test_the_reminders_page_renders_offline_within_two_seconds(app: App) -> None:
    app.has_account("porter_" + uuid.uuid4().hex[:8])
    app.open("/reminders")
    expect(app.by_id("prefs-save")).to_be_enabled()
    app.wait_for_worker()
    app.offline()
    errors: list[str] = []
    app.page.on("pageerror", lambda error: errors.append(str(error)))
    started = time.monotonic()
    app.page.reload()
    expect(app.by_id("prefs-need-connection")).to_be_visible(timeout=2_000)
    expect(app.by_id("shift-toggle")).to_be_enabled(timeout=2_000)
    assert time.monotonic() - started < 2.5
    expect(app.page.get_by_text("Loading your reminder settings")).to_have_count(0)
    expect(app.by_id("devices-need-connection")).to_be_visible()
    expect(app.by_id("prefs-save")).to_be_disabled()
    assert errors == []


def test_today_has_the_shift_button_too(app: App) -> None:
    app.open("/today")
    app.by_id("shift-toggle").click()
    expect(app.by_id("shift-state")).to_contain_text("On shift since")
    app.nav("home")
    expect(app.by_id("shift-state")).to_contain_text("On shift since")
