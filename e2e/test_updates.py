"""A new version waits for the person: "Update ready", never a reload out of nowhere."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .conftest import SERVED
from .pages import App, wait_until


def test_a_new_version_waits_until_the_person_chooses_to_update(app: App, page: Page) -> None:
    app.open("/checkin")
    app.wait_for_worker()
    app.by_id("mood-2").check()  # something on screen the person would not want to lose
    first_worker = page.evaluate("navigator.serviceWorker.controller.scriptURL")
    worker_file = SERVED / "sw.js"
    original = worker_file.read_text()
    try:
        worker_file.write_text(original + "\n// a new release\n")
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        expect(app.by_id("update-ready")).to_be_visible(timeout=15_000)
        # Nothing reloaded under the person: their half-made check-in is still there.
        expect(app.by_id("mood-2")).to_be_checked()

        with page.expect_navigation():
            app.by_id("update-ready").get_by_role("button", name="Update now").click()
        wait_until(page, "navigator.serviceWorker.controller !== null")
        assert page.evaluate("navigator.serviceWorker.controller.scriptURL") == first_worker
        waiting = page.evaluate(
            "navigator.serviceWorker.getRegistration().then(r => r.waiting === null)"
        )
        assert waiting is True
        expect(app.by_id("update-ready")).to_have_count(0)
    finally:
        worker_file.write_text(original)
