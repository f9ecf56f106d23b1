"""Keys on real phones: the passphrase never leaves the phone, private keys can't be read
out of the browser, a second device and a recovery-key reset open the same keys, a new
passphrase re-wraps them, and an account made before sealing moves over at sign-in."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from playwright.sync_api import Page, Route, expect

from e2e.pages import PASSPHRASE, App
from e2e.server_db import ServerDatabase

DEVICE_KEYS = """
new Promise(done => {
  const open = indexedDB.open('steady');
  open.onsuccess = () => {
    const db = open.result;
    const read = db.transaction('keys').objectStore('keys').get('mine');
    read.onsuccess = () => {
      const keys = read.result;
      db.close();
      done(keys ? {
        fingerprint: keys.fingerprint,
        public: [keys.signingPublic, keys.sealingPublic],
        extractable: [keys.signing.privateKey.extractable, keys.sealing.privateKey.extractable],
        usable: keys.signing.privateKey.usages,
      } : null);
    };
  };
})
"""
NEW_PASSPHRASE = "copper meadow violin tide"


def _name(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:6]}"


def _device_keys(app: App) -> dict[str, Any] | None:
    keys: dict[str, Any] | None = app.page.evaluate(DEVICE_KEYS)
    return keys


def _bodies(page: Page) -> list[str]:
    """Every request body the page sends to the API from now on."""
    sent: list[str] = []

    def keep(route: Route) -> None:
        body = route.request.post_data_buffer
        if body:
            sent.append(body.decode(errors="replace"))
        route.continue_()

    page.route("**/api/**", keep)
    return sent


def test_the_passphrase_stays_on_the_phone_and_keys_cannot_be_read_out(
    app: App, page: Page, new_context: Any, base_url: str, server_db: ServerDatabase
) -> None:
    sam = _name("sam")
    sent = _bodies(page)
    app.open("/sign-up")
    app.page.get_by_label("Username").fill(sam)
    app.page.get_by_label("Passphrase").fill(PASSPHRASE)
    app.by_id("auth-submit").click()
    expect(app.by_id("recovery-key")).to_be_visible(timeout=30_000)
    app.assert_accessible()
    app.keep_recovery_key()
    keys = _device_keys(app)
    assert keys is not None and keys["extractable"] == [False, False]
    assert keys["usable"] == ["sign"]
    stored = server_db.key_bundle(sam)
    assert stored is not None and stored["fingerprint"] == keys["fingerprint"]
    assert server_db.login_kind(sam) == "login_key"
    app.sign_out()
    assert _device_keys(app) is None  # signing out takes the keys off the phone
    app.sign_in(sam)
    assert _device_keys(app) == keys
    assert sent and not [body for body in sent if PASSPHRASE in body]
    for secret in (stored["wrapped_by_master"], stored["sealed_identity"]):
        assert PASSPHRASE not in secret

    laptop = App(new_context().new_page(), base_url)
    laptop.sign_in(sam)
    assert _device_keys(laptop) == keys


def test_a_recovery_key_opens_the_same_keys_under_a_new_passphrase(
    app: App, new_context: Any, base_url: str
) -> None:
    kim = _name("kim")
    recovery_key = app.sign_up(kim)
    keys = _device_keys(app)

    phone = App(new_context().new_page(), base_url)
    phone.open("/sign-in")
    phone.by_id("recover-link").click()
    phone.assert_accessible()
    phone.page.get_by_label("Username").fill(kim)
    phone.page.get_by_label("Recovery key").fill("not a key at all")
    phone.page.get_by_label("New passphrase").fill(NEW_PASSPHRASE)
    phone.by_id("recover-submit").click()
    expect(phone.by_id("form-error")).to_contain_text("32 letters and numbers")
    # Typed as people type things: lower case, spaces instead of dashes.
    phone.page.get_by_label("Recovery key").fill(recovery_key.lower().replace("-", " "))
    phone.by_id("recover-submit").click()
    expect(phone.by_id("account-link")).to_be_visible()
    expect(phone.page).to_have_url(f"{base_url}/")
    assert _device_keys(phone) == keys

    app.page.reload()  # every other device was signed out
    expect(app.by_id("sign-in-link")).to_be_visible()
    app.open("/sign-in")
    app.page.get_by_label("Username").fill(kim)
    app.page.get_by_label("Passphrase").fill(PASSPHRASE)
    app.by_id("auth-submit").click()
    expect(app.by_id("form-error")).to_contain_text("don't match")
    app.sign_in(kim, NEW_PASSPHRASE)
    assert _device_keys(app) == keys


def test_a_new_passphrase_rewraps_the_keys(app: App, new_context: Any, base_url: str) -> None:
    lee = _name("lee")
    app.sign_up(lee)
    keys = _device_keys(app)
    app.open("/account")
    app.page.get_by_label("Current passphrase").fill("not my passphrase")
    app.page.get_by_label("New passphrase").fill(NEW_PASSPHRASE)
    app.page.get_by_role("button", name="Change passphrase").click()
    expect(app.page.locator("#current_passphrase-error")).to_contain_text("isn't your current")
    app.page.get_by_label("Current passphrase").fill(PASSPHRASE)
    app.page.get_by_role("button", name="Change passphrase").click()
    expect(app.page.get_by_text("Passphrase changed.")).to_be_visible(timeout=30_000)

    laptop = App(new_context().new_page(), base_url)
    laptop.sign_in(lee, NEW_PASSPHRASE)
    assert _device_keys(laptop) == keys


def test_an_older_account_moves_over_at_its_next_sign_in(
    app: App, new_context: Any, server_db: ServerDatabase
) -> None:
    ana = _name("ana")
    # Made as accounts were before sealing: the passphrase itself sent and hashed.
    older = new_context().request
    token = older.get(f"{app.base_url}/api/session").json()["csrf_token"]
    made = older.post(
        f"{app.base_url}/api/accounts",
        data={"username": ana, "passphrase": PASSPHRASE, "time_zone": "UTC"},
        headers={"x-csrf-token": token},
    )
    assert made.status == 201
    assert server_db.login_kind(ana) == "passphrase"

    app.sign_in_making_new_keys(ana, PASSPHRASE)
    assert server_db.login_kind(ana) == "login_key"
    keys = _device_keys(app)
    assert keys is not None and keys["extractable"] == [False, False]
    assert server_db.key_bundle(ana) is not None


def test_code_joined_peers_compare_safety_numbers_and_a_swapped_key_shows(
    app: App, page: Page, new_context: Any, base_url: str
) -> None:
    sam, bea = _name("sam"), _name("bea")
    app.sign_up(sam)
    app.make_invite()
    code = app.by_id("invite-code").last.inner_text().strip()
    other = App(new_context().new_page(), base_url)
    other.sign_up(bea)
    # Joined by the spoken code: nothing vouches for the keys until numbers are compared.
    other.open("/join")
    other.page.get_by_label("Invite code").fill(code)
    other.by_id("invite-code-submit").click()
    other.by_id("invite-accept").click()
    expect(other.by_id("peer-row")).to_contain_text(sam)

    numbers = {}
    for phone, peer in ((app, bea), (other, sam)):
        phone.open("/share")
        row = phone.by_id("peer-row").filter(has_text=peer)
        expect(row.get_by_test_id("peer-trust")).to_contain_text("Not verified")
        row.get_by_test_id("peer-trust").click()
        expect(phone.by_id("peer-trust-state")).to_have_text("Not verified yet.")
        numbers[peer] = phone.by_id("safety-number").inner_text()
        phone.assert_accessible()
    assert numbers[bea] == numbers[sam] and len(numbers[sam].split()) == 12
    app.by_id("numbers-match").click()
    expect(app.by_id("peer-trust-state")).to_contain_text("Verified")
    app.open("/share")
    expect(app.by_id("peer-row").get_by_test_id("peer-trust")).to_contain_text("Verified")

    # The host swaps Bea's keys for its own (the fingerprint it sends left as Bea's): Sam's
    # phone computes the fingerprint itself, says so, and the numbers differ.
    peer_url = app.by_id("peer-row").get_by_test_id("peer-trust").get_attribute("href")
    fake = _mallory_keys(new_context, base_url)
    page.route(
        "**/api/sharing/peers/*/keys", _answering_with(["signing_public", "sealing_public"], fake)
    )
    app.open(str(peer_url))
    expect(app.by_id("peer-trust-state")).to_contain_text("keys have changed")
    assert app.by_id("safety-number").inner_text() != numbers[sam]
    page.unroute_all(behavior="ignoreErrors")


def _answering_with(fields: list[str], values: list[str]) -> Callable[[Route], None]:
    """A route handler that passes the server's answer on with ``fields`` swapped for
    ``values``: the host handing out keys of its own."""

    def swap(route: Route) -> None:
        answer = route.fetch()
        body = answer.json()
        body.update(zip(fields, values, strict=True))
        route.fulfill(response=answer, json=body)

    return swap


def _mallory_keys(new_context: Any, base_url: str) -> list[str]:
    mallory = App(new_context().new_page(), base_url)
    mallory.sign_up(_name("mallory"))
    keys = mallory.page.evaluate(DEVICE_KEYS)
    assert keys is not None
    return list(keys["public"])


def test_a_link_vouches_for_both_sides_keys(app: App, new_context: Any, base_url: str) -> None:
    sam, bea = _name("sam"), _name("bea")
    app.sign_up(sam)
    link = app.make_invite()
    assert "#f=" in link and "&s=" in link
    other = App(new_context().new_page(), base_url)
    other.sign_up(bea)
    other.accept_invite(link, sam)
    other.open("/share")
    expect(other.by_id("peer-row").get_by_test_id("peer-trust")).to_contain_text("Verified")
    app.open("/share")
    expect(app.by_id("peer-row").get_by_test_id("peer-trust")).to_contain_text("Verified")


def test_a_link_refuses_swapped_keys_either_way(app: App, new_context: Any, base_url: str) -> None:
    sam, bea, kim = _name("sam"), _name("bea"), _name("kim")
    fake = _mallory_keys(new_context, base_url)
    app.sign_up(sam)

    # The host answers Bea's phone with its own keys for Sam: the link says otherwise.
    link = app.make_invite()
    other = App(new_context().new_page(), base_url)
    other.sign_up(bea)

    swap_inviter = _answering_with(["inviter_signing_public", "inviter_sealing_public"], fake)
    other.page.route("**/api/sharing/invites/open", swap_inviter)
    other.page.goto(link)
    expect(other.by_id("invite-keys-mismatch")).to_be_visible()
    expect(other.by_id("invite-accept")).to_have_count(0)

    # The host swaps Kim's keys as Sam's phone fetches them: Kim's MAC doesn't match them.
    link = app.make_invite()
    third = App(new_context().new_page(), base_url)
    third.sign_up(kim)

    app.page.route(
        "**/api/sharing/peers/*/keys", _answering_with(["signing_public", "sealing_public"], fake)
    )
    third.accept_invite(link, sam)
    app.open("/share")
    row = app.by_id("peer-row").filter(has_text=kim)
    expect(row.get_by_test_id("peer-trust")).to_contain_text("Not verified")
    app.page.unroute_all(behavior="ignoreErrors")
    other.page.unroute_all(behavior="ignoreErrors")


def test_an_account_made_for_other_tests_opens_like_one_made_on_a_phone(
    app: App, new_context: Any, base_url: str
) -> None:
    """``App.has_account`` (e2e/accounts.py) makes keys in Python for tests that are not
    about signing up: a phone must open them with the passphrase and with the recovery key
    exactly as it opens its own, or those tests would test a different account."""
    lee = _name("lee")
    recovery_key = app.has_account(lee)
    keys = _device_keys(app)
    assert keys is not None and keys["extractable"] == [False, False]

    phone = App(new_context().new_page(), base_url)
    phone.sign_in(lee)
    assert _device_keys(phone) == keys

    again = App(new_context().new_page(), base_url)
    again.open("/sign-in")
    again.by_id("recover-link").click()
    again.page.get_by_label("Username").fill(lee)
    again.page.get_by_label("Recovery key").fill(recovery_key)
    again.page.get_by_label("New passphrase").fill(NEW_PASSPHRASE)
    again.by_id("recover-submit").click()
    expect(again.by_id("account-link")).to_be_visible()
    assert _device_keys(again) == keys
