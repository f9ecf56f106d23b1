"""Grounding exercises play to the end offline (on Playwright's clock) and are recorded."""

from __future__ import annotations

import uuid

from playwright.sync_api import Page, expect

from .conftest import SERVED
from .pages import App
from .server_db import ServerDatabase


def play_to_the_end(app: App, page: Page, exercise: str, minutes: int) -> None:
    app.open(f"/ground/{exercise}")
    app.by_id(f"length-{minutes}").check()
    app.by_id("start").click()
    expect(app.by_id("player")).to_have_attribute("data-status", "playing")
    page.clock.run_for(minutes * 60_000 + 15_000)
    expect(app.by_id("exercise-done")).to_be_visible()


def test_box_breathing_and_five_senses_play_to_the_end_and_are_recorded(
    app: App, page: Page, server_db: ServerDatabase
) -> None:
    page.clock.install()
    name = "teacher_" + uuid.uuid4().hex[:8]
    app.has_account(name)
    app.wait_for_worker()
    app.offline()

    play_to_the_end(app, page, "box-breathing", 1)
    app.assert_accessible()
    play_to_the_end(app, page, "five-senses", 2)
    expect(app.by_id("minutes-today")).to_contain_text("3 minutes")

    recorded = sorted((s["exercise_id"], s["completed"]) for s in app.local_sessions())
    assert recorded == [("box-breathing", True), ("five-senses", True)]
    assert server_db.grounding(name) == []

    app.online()
    for _ in range(30):  # the page's clock is ours: let its retry timers run
        page.clock.run_for(2_000)
        if app.status.inner_text() == "All saved":
            break
        page.wait_for_timeout(200)
    app.expect_all_saved()
    stored = server_db.grounding(name)
    assert [(exercise, completed) for exercise, _, completed in stored] == [
        ("box-breathing", True),
        ("five-senses", True),
    ]
    assert sum(seconds for _, seconds, _ in stored) >= 170


def test_pause_resume_skip_and_stop(app: App, page: Page) -> None:
    page.clock.install()
    app.open("/ground/feet-on-the-floor")
    app.by_id("start").click()
    first = app.by_id("step-text").inner_text()
    app.by_id("skip").click()
    expect(app.by_id("step-text")).not_to_have_text(first)
    app.by_id("pause").click()
    paused_at = app.page.locator("progress").get_attribute("value")
    page.clock.run_for(20_000)
    assert app.page.locator("progress").get_attribute("value") == paused_at
    app.by_id("resume").click()
    page.clock.run_for(35_000)
    app.by_id("stop").click()
    expect(app.by_id("start")).to_be_visible()
    sessions = app.local_sessions()
    assert len(sessions) == 1 and sessions[0]["completed"] is False
    assert sessions[0]["duration_seconds"] >= 30


def test_reduced_motion_shows_the_text_pacer(app: App, page: Page) -> None:
    page.clock.install()
    page.emulate_media(reduced_motion="reduce")
    app.open("/ground/box-breathing")
    app.by_id("start").click()
    page.clock.run_for(7_000)  # past the opening words, into the first breath
    expect(app.by_id("text-pacer")).to_contain_text("Breathe in")
    expect(app.by_id("visual-pacer")).to_have_count(0)

    page.emulate_media(reduced_motion="no-preference")
    app.open("/ground/box-breathing")
    app.by_id("start").click()
    page.clock.run_for(7_000)
    expect(app.by_id("visual-pacer")).to_be_visible()


def test_ground_now_starts_the_favourite_in_one_tap(app: App, page: Page) -> None:
    app.open("/")
    app.by_id("entry-ground").click()
    expect(app.by_id("player")).to_have_attribute("data-status", "playing")
    expect(app.heading()).to_have_text("Box breathing")

    app.open("/ground/cold-water")
    app.by_id("favourite").click()
    expect(app.by_id("favourite")).to_have_attribute("aria-pressed", "true")
    app.open("/ground-now?source=shortcut")
    expect(app.heading()).to_have_text("Cold water reset")
    expect(app.by_id("player")).to_have_attribute("data-status", "playing")


def test_a_toolkit_item_opens_its_exercise(app: App, page: Page) -> None:
    app.open("/toolkit")
    app.add_to_toolkit("on_my_own", "Look around the room", exercise="orienting")
    app.open("/crisis")
    app.by_id("coping-exercise").click()
    expect(app.heading()).to_have_text("Look around the room")
    expect(app.by_id("player")).to_have_attribute("data-status", "playing")


def test_an_update_waits_until_the_exercise_is_over(app: App, page: Page) -> None:
    app.open("/")
    app.wait_for_worker()
    page.clock.install()
    app.open("/ground/box-breathing")
    app.wait_for_worker()
    app.by_id("start").click()
    worker_file = SERVED / "sw.js"
    original = worker_file.read_text()
    try:
        worker_file.write_text(original + "\n// another release\n")
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        page.wait_for_timeout(1500)
        expect(app.by_id("update-ready")).to_have_count(0)
        page.clock.run_for(75_000)
        expect(app.by_id("exercise-done")).to_be_visible()
        expect(app.by_id("update-ready")).to_be_visible(timeout=15_000)
    finally:
        worker_file.write_text(original)


def test_the_player_has_no_accessibility_violations(app: App, page: Page) -> None:
    page.clock.install()
    app.open("/ground")
    app.assert_accessible()
    app.open("/ground/body-scan")
    app.assert_accessible()
    app.by_id("start").click()
    page.clock.run_for(3_000)
    app.assert_accessible()


def test_skipping_through_counts_only_the_time_actually_spent(app: App, page: Page) -> None:
    page.clock.install()
    app.open("/ground/box-breathing")
    app.by_id("length-1").check()
    app.by_id("start").click()
    for _ in range(40):
        if app.by_id("exercise-done").is_visible():
            break
        page.clock.run_for(300)
        app.by_id("skip").click()
    expect(app.by_id("exercise-done")).to_be_visible()
    expect(app.by_id("exercise-spent")).to_have_text("Well done. Even a few slow breaths count.")
    (session,) = app.local_sessions()
    assert session["duration_seconds"] < 30


def test_the_first_breath_in_grows_the_circle(app: App, page: Page) -> None:
    page.clock.install()
    page.emulate_media(reduced_motion="no-preference")
    app.open("/ground/box-breathing")
    app.by_id("start").click()
    page.clock.run_for(7_000)
    pacer = app.by_id("visual-pacer")
    expect(pacer).to_have_attribute("data-size", "big")
