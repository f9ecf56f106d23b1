"""The app shell: installable, works offline after one visit, talks only to its own origin."""

from __future__ import annotations

import tempfile
from typing import Any

from playwright.sync_api import Page, Playwright, expect

from .conftest import CHROMIUM
from .pages import App, wait_until


def test_after_one_visit_the_app_opens_and_navigates_offline(app: App, page: Page) -> None:
    app.open("/")
    app.wait_for_worker()
    app.offline()

    response = page.reload()
    assert response is not None and response.from_service_worker
    expect(app.heading()).to_be_visible()
    expect(app.status).to_contain_text("Offline")

    app.nav("checkin")
    expect(app.heading()).to_have_text("Check in")
    response = page.reload()
    assert response is not None and response.from_service_worker
    expect(app.heading()).to_have_text("Check in")
    app.nav("home")
    expect(app.by_id("entry-crisis")).to_be_visible()


def test_a_fresh_page_opens_offline_at_a_deep_link(app: App, page: Page) -> None:
    app.open("/")
    app.wait_for_worker()
    app.offline()
    fresh = page.context.new_page()
    fresh.goto("/sign-in")
    expect(fresh.locator("main h1")).to_have_text("Sign in")


def test_chromium_reports_no_installability_errors(
    playwright: Playwright, phone: dict[str, Any], base_url: str
) -> None:
    with tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=["--disable-quic"], headless=True, **phone
        )
        try:
            page = context.new_page()
            page.goto(base_url + "/")
            wait_until(page, "navigator.serviceWorker.controller !== null")
            cdp = context.new_cdp_session(page)
            errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
            manifest = cdp.send("Page.getAppManifest")
        finally:
            context.close()
    assert errors == []
    assert manifest["errors"] == []
    assert '"display":"standalone"' in manifest["data"].replace(" ", "")


def test_the_manifest_offers_crisis_and_grounding_shortcuts(page: Page) -> None:
    manifest = page.request.get("/manifest.webmanifest").json()
    names = [shortcut["name"] for shortcut in manifest["shortcuts"]]
    assert names == ["Help now", "Ground now"]
    purposes = {icon["purpose"] for icon in manifest["icons"]}
    assert {"any", "maskable"} <= purposes
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes


def test_the_page_requests_nothing_from_other_origins_and_breaks_no_csp(
    app: App, page: Page, base_url: str
) -> None:
    requested: list[str] = []
    violations: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    response = page.goto("/")
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]
    app.wait_for_worker()
    app.nav("checkin")
    app.nav("home")
    page.goto("/sign-up")
    expect(app.heading()).to_be_visible()
    outside = [
        url for url in requested if not url.startswith(base_url) and not url.startswith("data:")
    ]
    assert outside == []
    assert violations == []


def test_the_api_is_never_answered_from_the_worker(app: App, page: Page) -> None:
    app.open("/")
    app.wait_for_worker()
    app.offline()
    status = page.evaluate(
        "() => fetch('/api/session').then(r => r.status).catch(() => 'network-error')"
    )
    assert status == "network-error"
