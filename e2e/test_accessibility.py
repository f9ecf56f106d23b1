"""axe-core finds nothing to fix on any page, signed out and signed in, light and dark."""

from __future__ import annotations

import uuid

import pytest
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

SIGNED_OUT_PAGES = ["/", "/checkin", "/sign-in", "/sign-up", "/account", "/no-such-page"]
SIGNED_IN_PAGES = ["/", "/checkin", "/account"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_axe_violations(app: App, page: Page, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    for path in SIGNED_OUT_PAGES:
        app.open(path)
        app.assert_accessible()
    app.sign_up("axe_" + uuid.uuid4().hex[:8])
    app.check_in(3, 3, 3, 3, note="Checking contrast")
    for path in SIGNED_IN_PAGES:
        app.open(path)
        app.assert_accessible()


def test_tap_targets_are_at_least_44_px(app: App, page: Page) -> None:
    for path in ["/", "/checkin", "/sign-in"]:
        app.open(path)
        small = page.evaluate(SMALL_TARGETS)
        assert small == [], path
