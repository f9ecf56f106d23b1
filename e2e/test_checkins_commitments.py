"""Check-ins and commitments offline: recorded once, seen on a second phone, deleted there too."""

from __future__ import annotations

import uuid

from playwright.sync_api import Page, expect

from .pages import App
from .server_db import ServerDatabase


def quick_check_in(app: App, n: int) -> None:
    for name, value in (
        ("mood", 1 + n % 5),
        ("energy", 1 + (n + 2) % 5),
        ("stress", 1 + (n + 1) % 5),
        ("connected", 3),
    ):
        app.by_id(f"{name}-{value}").check()
    app.open_more()
    app.by_id("context-after_shift" if n % 2 else "context-day_off").check()
    app.by_id("save-checkin").click()
    expect(app.by_id("checkin-saved")).to_contain_text("Saved")


def test_offline_check_ins_and_ticks_reach_the_server_exactly_once(
    app: App, page: Page, server_db: ServerDatabase, new_context: object
) -> None:
    name = "cn_" + uuid.uuid4().hex[:8]
    app.has_account(name)
    app.open("/checkin")
    app.wait_for_worker()
    app.offline()

    for n in range(10):
        quick_check_in(app, n)
    titles = [f"Small thing {n}" for n in range(10)]
    for title in titles[:5]:
        app.add_commitment(title)
    page.reload()  # first reload, offline

    app.open("/checkin")
    for n in range(10, 20):
        quick_check_in(app, n)
    for title in titles[5:]:
        app.add_commitment(title)
    app.open("/today")
    for title in titles[:5]:
        app.tick(title)
    page.reload()  # second reload, offline
    expect(app.status).to_contain_text("waiting")
    app.open("/today")
    for title in titles[5:]:
        app.tick(title)
    assert server_db.count("checkin", name) == 0

    app.online()
    app.expect_all_saved()
    assert server_db.count("checkin", name) == 20
    assert server_db.count("completion", name) == 10
    assert server_db.count("commitment", name) == 10

    second = new_context()  # type: ignore[operator]
    other = App(second.new_page(), app.base_url)
    other.sign_in(name)
    other.open("/checkin/history")
    expect(other.by_id("history-item")).to_have_count(20, timeout=15_000)
    other.open("/today")
    expect(other.by_id("undo")).to_have_count(10)

    # Delete one on the first phone: it disappears on the second after a pull.
    app.open("/checkin/history")
    first_item = app.by_id("history-item").first
    first_item.get_by_test_id("delete-checkin").click()
    first_item.get_by_test_id("confirm-delete").click()
    expect(app.by_id("history-item")).to_have_count(19)
    app.expect_all_saved()
    assert server_db.count("checkin", name) == 19
    other.open("/checkin/history")  # opening the app pulls what changed elsewhere
    expect(other.by_id("history-item")).to_have_count(19, timeout=15_000)


def test_insights_render_with_a_text_summary(app: App, page: Page) -> None:
    app.open("/insights")
    expect(app.by_id("not-enough")).to_contain_text("insights start at 3")
    app.open("/checkin")
    for n in range(4):
        quick_check_in(app, n)
    app.by_id("insights-link").click()
    summary = app.by_id("summary-mood")
    expect(summary).to_contain_text("Mood averaged")
    expect(summary).to_contain_text("out of 5 over the last 7 days")
    chart = app.by_id("chart-mood").locator("svg")
    expect(chart).to_have_attribute("role", "img")
    assert "Mood averaged" in (chart.locator("desc").text_content() or "")
    app.by_id("window-30").check()
    expect(app.by_id("summary-energy")).to_contain_text("last 30 days")


def test_history_edits_and_filters(app: App, page: Page) -> None:
    app.open("/checkin")
    quick_check_in(app, 0)  # day off
    quick_check_in(app, 1)  # after shift
    app.open("/checkin/history")
    expect(app.by_id("history-item")).to_have_count(2)
    page.get_by_label("When").select_option("after_shift")
    expect(app.by_id("history-item")).to_have_count(1)
    app.by_id("history-item").first.get_by_role("link", name="Edit").click()
    expect(app.heading()).to_have_text("Edit check-in")
    page.get_by_label("A note for yourself (optional)").fill("Added later")
    app.by_id("save-checkin").click()
    expect(app.heading()).to_have_text("Check-in history")
    expect(app.by_id("history-item").filter(has_text="Added later")).to_have_count(1)
    expect(app.by_id("history-item")).to_have_count(2)


def test_a_reflection_becomes_a_commitment_in_one_tap(app: App, page: Page) -> None:
    app.open("/checkin")
    for name in ("mood", "energy", "stress", "connected"):
        app.by_id(f"{name}-3").check()
    app.open_more()
    page.get_by_label("A note for yourself (optional)").fill("What worked: eating before nights.")
    app.by_id("save-checkin").click()
    page.get_by_label("One small change I'll try").fill("Eat before the night shift")
    app.by_id("make-commitment").click()
    expect(app.by_id("small-change-made")).to_be_visible()
    app.open("/today")
    expect(app.by_id("today-item").filter(has_text="Eat before the night shift")).to_be_visible()


def test_leaving_shift_takes_three_minutes_and_sets_the_context(app: App, page: Page) -> None:
    app.open("/")
    app.by_id("entry-leaving").click()
    expect(app.by_id("leaving-step")).to_contain_text("Step 1 of 4")
    app.by_id("skip-breathing").click()
    for name in ("mood", "energy", "stress", "connected"):
        app.by_id(f"{name}-2").check()
    app.by_id("leaving-next").click()
    page.get_by_label("What I'm setting down").fill("The shouting in bay 4")
    app.by_id("leaving-save").click()
    page.get_by_role("button", name="Eat something warm").click()
    app.by_id("leaving-finish").click()
    expect(app.by_id("leaving-done")).to_be_visible()
    app.open("/checkin/history")
    item = app.by_id("history-item").first
    expect(item).to_contain_text("After shift")
    expect(item).to_contain_text("Setting down: The shouting in bay 4")
    app.open("/today")
    expect(app.by_id("today-item").filter(has_text="Eat something warm")).to_be_visible()


def test_a_gentle_note_above_three_commitments_and_starters(app: App) -> None:
    app.open("/today")
    expect(app.by_id("no-commitments")).to_be_visible()
    app.open("/commitments")
    for _ in range(4):
        app.by_id("starter").first.click()
    expect(app.by_id("commitment-row")).to_have_count(4)
    expect(app.by_id("gentle-note")).to_be_visible()
    app.open("/today")
    expect(app.by_id("gentle-note")).to_contain_text("Three or fewer")


def test_issue_four_pages_have_no_accessibility_violations(app: App) -> None:
    app.open("/checkin")
    for n in range(4):
        quick_check_in(app, n)
    app.open("/commitments")
    app.by_id("starter").first.click()
    for path in [
        "/checkin",
        "/checkin/history",
        "/insights",
        "/today",
        "/commitments",
        "/leaving-shift",
        "/your-data",
    ]:
        app.open(path)
        app.assert_accessible()


def test_a_check_in_is_four_taps_and_save_all_in_the_first_screen(
    app: App, page: Page, server_db: ServerDatabase
) -> None:
    name = "taps_" + uuid.uuid4().hex[:8]
    app.has_account(name)
    app.open("/checkin")
    # A Pixel 7: 412 x 915 CSS px of screen, 839 of them left by the browser's own bars.
    assert page.viewport_size == {"width": 412, "height": 839}
    for testid in ("mood-1", "energy-5", "stress-3", "connected-5", "save-checkin"):
        assert app.in_first_screen(app.by_id(testid)), f"{testid} is below the first screen"
    taps = 0
    for testid in ("mood-2", "energy-3", "stress-4", "connected-2", "save-checkin"):
        app.by_id(testid).click()  # a tap each
        taps += 1
    expect(app.by_id("checkin-saved")).to_contain_text("Saved")
    assert taps <= 5
    app.expect_all_saved()
    (stored,) = server_db.checkins(name)
    assert (stored["mood"], stored["energy"], stored["stress"], stored["connected"]) == (2, 3, 4, 2)


def test_a_check_in_in_progress_survives_a_reload(app: App) -> None:
    app.open("/checkin")
    app.by_id("mood-4").check()
    app.by_id("stress-2").check()
    app.page.reload()
    expect(app.by_id("mood-4")).to_be_checked()
    expect(app.by_id("stress-2")).to_be_checked()
    app.by_id("save-checkin").click()
    # Both missing scales are named at once, and focus goes to the first of them.
    expect(app.by_id("energy-missing")).to_have_text("Choose your energy, from 1 to 5.")
    expect(app.by_id("connected-missing")).to_have_text(
        "Choose how connected you feel, from 1 to 5."
    )
    expect(app.by_id("energy-1")).to_be_focused()
