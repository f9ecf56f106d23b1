"""Every route, offline after one visit, at a Pixel 7 and at 320 px wide, light and dark:
no uncaught page error, no console error, nothing wider than the screen, and nothing for
axe-core to fix. Each route is opened offline once and looked at at both sizes and in both
colour schemes, changed on the open page as a phone turned sideways or switching to dark
at dusk changes them (the layout and the schemes are CSS alone). The routes are checked in
two halves, so the two share the cores."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from .pages import App, wait_until

SOME_ID = "6d3b1f3e-6a0b-4a3f-9d43-5f8b9f1d2c11"
ROUTES = [
    "/",
    "/checkin",
    "/checkin/history",
    "/insights",
    "/leaving-shift",
    "/today",
    "/commitments",
    "/reminders",
    "/your-data",
    "/sign-in",
    "/sign-up",
    "/recover",
    "/what-the-host-sees",
    "/account",
    "/crisis",
    "/toolkit",
    "/toolkit/setup",
    "/ground",
    "/ground/box-breathing",
    "/ground-now",
    "/share",
    f"/share/compose?to={SOME_ID}",
    "/share/inbox",
    f"/share/inbox/{SOME_ID}",
    f"/share/sent/{SOME_ID}",
    "/circles",
    "/circles/join?code=ABCD-EFGH",
    f"/circles/{SOME_ID}",
    "/join",
    "/no-such-page",
]


def _watch(page: Page) -> list[str]:
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))

    def on_console(message: Any) -> None:
        if message.type == "error":
            problems.append(f"console error: {message.text}")

    page.on("console", on_console)
    page.on("requestfailed", lambda request: problems.append(f"request failed: {request.url}"))
    return problems


def _settled(app: App) -> None:
    expect(app.page.locator("html[data-app=ready]")).to_be_attached()
    expect(app.page.locator("main h1")).to_be_visible()
    app.page.wait_for_timeout(300)  # let the page's own lookups (IndexedDB, the API) finish


SIZES = [{"width": 412, "height": 915}, {"width": 320, "height": 640}]
HALVES = {"first-half": ROUTES[: len(ROUTES) // 2], "second-half": ROUTES[len(ROUTES) // 2 :]}


@pytest.mark.parametrize("half", HALVES)
def test_every_route_works_offline_and_fits_and_passes_axe(app: App, page: Page, half: str) -> None:
    routes = HALVES[half]
    app.has_account("every_" + uuid.uuid4().hex[:8])
    app.check_in(2, 3, 4, 3, note="One to show")
    for path in routes:  # one visit online: pages and their code reach the phone
        app.page.goto(path)
        _settled(app)
    app.wait_for_worker()
    app.offline()
    problems = _watch(page)
    for path in routes:
        response = app.page.goto(path)
        assert response is None or response.ok, f"{path} did not open offline"
        _settled(app)
        for size in SIZES:
            page.set_viewport_size(size)
            for scheme in ("light", "dark"):
                page.emulate_media(color_scheme=scheme)
                wide = page.evaluate("document.documentElement.scrollWidth")
                width = size["width"]
                assert wide <= page.evaluate("innerWidth"), f"{path} is {wide} px wide at {width}"
                app.assert_accessible()
                assert problems == [], f"{path} ({scheme}, {width} px): {problems}"
    wait_until(page, "true")
