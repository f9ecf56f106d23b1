"""Help now (the crisis screen): one tap away, offline, with no account, calls first."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .pages import App


def test_crisis_mode_opens_offline_from_the_shortcut_with_the_right_numbers(
    app: App, page: Page
) -> None:
    app.open("/")
    app.wait_for_worker()
    app.offline()

    fresh = page.context.new_page()  # a fresh page, as when the shortcut launches the app
    fresh.goto("/crisis?source=shortcut")
    expect(fresh.locator("main h1")).to_have_text("Help now")
    calls = fresh.get_by_test_id("crisis-calls")
    expect(calls.get_by_test_id("emergency")).to_have_attribute("href", "tel:911")
    expect(calls.get_by_test_id("first-line")).to_have_attribute("href", "tel:988")
    lifeline = fresh.get_by_test_id("crisis-line").filter(has_text="988 Suicide & Crisis Lifeline")
    expect(lifeline.get_by_test_id("call")).to_have_attribute("href", "tel:988")
    expect(lifeline.get_by_test_id("text")).to_have_attribute("href", "sms:988")
    # The two calls come before everything else on the page.
    buttons = fresh.locator("main a.button")
    expect(buttons.nth(0)).to_have_attribute("href", "tel:911")
    expect(buttons.nth(1)).to_have_attribute("href", "tel:988")


def test_people_in_the_toolkit_are_one_tap_to_call_or_text(app: App, page: Page) -> None:
    app.open("/toolkit")
    app.add_to_toolkit("people", "Priya (charge nurse)", phone="+44 7700 900 123")
    app.by_id("open-crisis").click()
    person = app.by_id("person").filter(has_text="Priya")
    expect(person.get_by_test_id("call")).to_have_attribute("href", "tel:+447700900123")
    expect(person.get_by_test_id("text")).to_have_attribute("href", "sms:+447700900123")
    # Under "Reach someone now", people the person chose come before the general lines.
    reach = page.get_by_role("region", name="Reach someone now")
    expect(reach.locator("a.button").first).to_have_attribute("href", "tel:+447700900123")


def test_crisis_mode_is_one_tap_from_home(app: App) -> None:
    app.open("/")
    app.by_id("entry-crisis").click()
    expect(app.heading()).to_have_text("Help now")


def test_the_region_can_be_changed_and_offers_text_lines(app: App, page: Page) -> None:
    app.open("/toolkit")
    app.by_id("region").select_option("GB")
    lines = app.by_id("region-lines")
    expect(lines.get_by_test_id("call").first).to_have_attribute("href", "tel:116123")
    expect(lines.get_by_test_id("text").first).to_have_attribute("href", "sms:85258?body=SHOUT")
    app.open("/crisis")
    expect(page.get_by_test_id("emergency")).to_have_attribute("href", "tel:999")


def test_crisis_mode_has_no_accessibility_violations(app: App, page: Page) -> None:
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        app.open("/crisis")
        app.assert_accessible()


def test_help_now_on_the_smallest_phone_shows_the_call_and_the_reasons_first(
    app: App, page: Page
) -> None:
    page.set_viewport_size({"width": 320, "height": 568})
    app.open("/toolkit")
    app.add_to_toolkit("what_matters", "My daughter Ana")
    app.add_to_toolkit("what_matters", "Seeing the sea again")
    app.open("/crisis")
    for locator in (
        page.get_by_test_id("emergency"),
        page.get_by_test_id("first-line"),
        page.get_by_test_id("reason").filter(has_text="My daughter Ana"),
        page.get_by_test_id("open-plan"),
    ):
        expect(locator).to_be_visible()
        assert app.in_first_screen(locator), locator
    expect(page.get_by_test_id("emergency")).to_have_attribute("href", re.compile(r"^tel:\d+$"))
