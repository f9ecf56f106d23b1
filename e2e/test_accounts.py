"""Signing up, out and in from a phone."""

from __future__ import annotations

import uuid

from playwright.sync_api import expect

from .pages import App


def username() -> str:
    return "nurse_" + uuid.uuid4().hex[:8]


def test_sign_up_sign_out_and_sign_in_again(app: App) -> None:
    name = username()
    app.sign_up(name)
    app.expect_all_saved()
    app.by_id("account-link").click()
    expect(app.by_id("account-username")).to_have_text(name)

    app.sign_out()
    expect(app.status).to_have_text("Saved on this phone")

    app.sign_in(name)
    app.by_id("account-link").click()
    expect(app.by_id("account-username")).to_have_text(name)


def test_a_wrong_passphrase_says_so_without_saying_which_part(app: App) -> None:
    name = username()
    app.sign_up(name)
    app.sign_out()
    app.open("/sign-in")
    app.page.get_by_label("Username").fill(name)
    app.page.get_by_label("Passphrase").fill("not the right one")
    app.by_id("auth-submit").click()
    expect(app.by_id("form-error")).to_contain_text("don't match")


def test_sign_up_shows_the_reason_beside_the_field(app: App) -> None:
    app.open("/sign-up")
    app.page.get_by_label("Username").fill("ok_name")
    app.page.get_by_label("Passphrase").fill("short")
    app.by_id("auth-submit").click()
    expect(app.page.locator("#passphrase-error")).to_contain_text("at least 10 characters")
    expect(app.page.get_by_label("Passphrase")).to_have_attribute("aria-invalid", "true")


def test_an_easy_passphrase_is_explained_before_anything_is_sent(app: App) -> None:
    sent: list[str] = []
    app.page.on("request", lambda request: sent.append(request.url))
    app.open("/sign-up")
    app.page.get_by_label("Username").fill("ward_nurse")
    app.page.get_by_label("Passphrase").fill("aaaaaaaaaaaa")
    # Said while typing, in a polite live region...
    expect(app.by_id("passphrase-strength")).to_contain_text("too easy to guess")
    app.by_id("auth-submit").click()
    # ...and beside the field, with what would work, when the form is sent.
    error = app.page.locator("#passphrase-error")
    expect(error).to_contain_text("too easy to guess")
    expect(error).to_contain_text("three or four words")
    expect(app.page.get_by_label("Passphrase")).to_be_focused()
    assert not [url for url in sent if url.endswith("/api/accounts")]
    app.page.get_by_label("Passphrase").fill("ward_nurse and more words")
    app.by_id("auth-submit").click()
    expect(error).to_contain_text("must not contain your username")
    app.page.get_by_label("Passphrase").fill("kettle orbit lemon pine")
    expect(app.by_id("passphrase-strength")).to_contain_text("hard to guess")
    app.by_id("auth-submit").click()
    app.keep_recovery_key()
    expect(app.by_id("account-link")).to_be_visible()
