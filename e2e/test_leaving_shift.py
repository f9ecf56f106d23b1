"""Leaving shift at 2 a.m.: whatever step someone leaves at, offline or not, what they
entered is kept, the server ends up with exactly one check-in holding it, and finishing the
flow ends a running shift."""

from __future__ import annotations

import json
import uuid

import pytest
from playwright.sync_api import expect

from .pages import App
from .server_db import ServerDatabase


def _check_in_step(app: App) -> None:
    app.open("/leaving-shift")
    app.by_id("skip-breathing").click()
    for name, value in (("mood", 2), ("energy", 1), ("stress", 4), ("connected", 3)):
        app.by_id(f"{name}-{value}").check()
    app.open_more()
    app.by_id("tag-near_miss").check()
    app.expect_draft_kept("leaving-shift", "near_miss")


@pytest.mark.parametrize("leave_at", ["set it down", "tonight"])
def test_leaving_at_a_later_step_keeps_one_check_in_with_everything_entered(
    app: App, server_db: ServerDatabase, leave_at: str
) -> None:
    name = "nurse_" + uuid.uuid4().hex[:8]
    app.has_account(name)
    app.wait_for_worker()
    app.offline()
    _check_in_step(app)
    app.by_id("leaving-next").click()
    expect(app.by_id("leaving-step")).to_contain_text("Set it down")
    app.page.get_by_label("What I'm setting down").fill("The near miss at handover")
    if leave_at == "tonight":
        app.by_id("leaving-save").click()
        expect(app.by_id("leaving-step")).to_contain_text("Tonight")
    app.page.wait_for_timeout(1_000)  # what is typed goes into the check-in as it is typed

    # Away to Home, then a reload with no signal: the flow picks up where it was.
    app.open("/")
    app.page.reload()
    app.open("/leaving-shift")
    expected_step = "Set it down" if leave_at == "set it down" else "Tonight"
    expect(app.by_id("leaving-step")).to_contain_text(expected_step)
    if leave_at == "set it down":
        expect(app.page.get_by_label("What I'm setting down")).to_have_value(
            "The near miss at handover"
        )
    assert server_db.checkins(name) == []

    app.online()
    app.expect_all_saved()
    (stored,) = server_db.checkins(name)
    assert (stored["mood"], stored["energy"], stored["stress"], stored["connected"]) == (2, 1, 4, 3)
    assert stored["context"] == "after_shift"
    assert json.loads(str(stored["tags"])) == ["near_miss"]
    assert stored["setting_down"] == "The near miss at handover"


def test_leaving_at_the_check_in_step_keeps_the_answers_on_the_phone(app: App) -> None:
    app.open("/")
    app.wait_for_worker()
    app.offline()
    _check_in_step(app)
    app.page.reload()
    expect(app.by_id("leaving-step")).to_contain_text("Check in")
    expect(app.by_id("mood-2")).to_be_checked()
    expect(app.by_id("tag-near_miss")).to_be_checked()


def test_finishing_the_flow_ends_a_running_shift(app: App, server_db: ServerDatabase) -> None:
    name = "medic_" + uuid.uuid4().hex[:8]
    app.has_account(name)
    app.open("/")
    app.by_id("shift-toggle").click()
    expect(app.by_id("shift-state")).to_contain_text("On shift since")
    _check_in_step(app)
    app.by_id("leaving-next").click()
    app.by_id("leaving-save").click()
    app.by_id("leaving-finish").click()
    expect(app.by_id("leaving-done")).to_be_visible()
    expect(app.by_id("leaving-shift-ended")).to_contain_text("Your shift is ended")
    app.open("/reminders")
    expect(app.by_id("shift-state")).to_have_text("Not on shift.")
    app.expect_all_saved()
    ((_, _, ended),) = server_db.shifts(name)
    assert ended is not None
    assert len(server_db.checkins(name)) == 1
