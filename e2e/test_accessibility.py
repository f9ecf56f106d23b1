"""axe-core finds nothing to fix on any page, signed out and signed in, light and dark."""

from __future__ import annotations

import uuid

from playwright.sync_api import Page

from .pages import App

# Controls smaller than 44 x 44 CSS px (inline links in running text are exempt, as in
# WCAG 2.5.8; an input inside a label counts as the label's size).
SMALL_TARGETS = """() =>
  [...document.querySelectorAll('a, button, input, select, textarea, label:has(input)')]
    .filter(el => el.offsetParent !== null && !el.closest('p, .hint'))
    .filter(el => !(el.matches('input') && el.closest('label')))
    .filter(el => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && (r.height < 44 || r.width < 44);
    })
    .map(el => el.outerHTML.slice(0, 80))"""

SIGNED_OUT_PAGES = ["/", "/checkin", "/sign-in", "/sign-up", "/account", "/share", "/no-such-page"]
SIGNED_IN_PAGES = ["/", "/checkin", "/account", "/share", "/share/inbox", "/join"]


def _accessible_in_light_and_dark(app: App, page: Page) -> None:
    """axe on the open page in both colour schemes (switched on the page: they are CSS)."""
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        app.assert_accessible()


def test_every_page_has_no_axe_violations(app: App, page: Page) -> None:
    for path in SIGNED_OUT_PAGES:
        app.open(path)
        _accessible_in_light_and_dark(app, page)
    app.has_account("axe_" + uuid.uuid4().hex[:8])
    app.check_in(3, 3, 3, 3, note="Checking contrast")
    for path in SIGNED_IN_PAGES:
        app.open(path)
        _accessible_in_light_and_dark(app, page)


def test_tap_targets_are_at_least_44_px(app: App, page: Page) -> None:
    for path in ["/", "/checkin", "/sign-in", "/share"]:
        app.open(path)
        small = page.evaluate(SMALL_TARGETS)
        assert small == [], path
    app.has_account("taps_" + uuid.uuid4().hex[:8])
    app.make_invite()
    app.check_in(2, 3, 4, 3, note="Tap sizes")
    for path in [
        "/share",
        "/join",
        "/share/inbox",
        "/crisis",
        "/toolkit",
        "/today",
        "/commitments",
        "/reminders",
        "/checkin/history",
        "/insights",
        "/your-data",
        "/account",
        "/ground",
    ]:
        app.open(path)
        small = page.evaluate(SMALL_TARGETS)
        assert small == [], path


def test_pages_fit_a_320_px_screen_without_sideways_scrolling(app: App, page: Page) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    app.has_account("narrow_" + uuid.uuid4().hex[:8])
    app.make_invite()
    for path in ["/", "/checkin", "/today", "/reminders", "/share", "/join", "/share/inbox"]:
        app.open(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} is {width} px wide"
