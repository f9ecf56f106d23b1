"""Page objects: what a person does in Steady, addressed by data-testid."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, expect

from .accounts import hand_to_phone, make_account
from .notifications import Notifications
from .page_scripts import DRAFT_KEPT, KEYS_STORE_MADE, OUTBOX_EMPTY

AXE_SOURCE = (
    Path(__file__).resolve().parent.parent / "node_modules/axe-core/axe.min.js"
).read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PASSPHRASE = "calm harbour lantern seven"


def wait_until(page: Page, expression: str, timeout_ms: int = 20_000) -> None:
    """Poll ``expression`` in the page until it is truthy.

    ``page.wait_for_function`` compiles its predicate with eval, which Steady's CSP
    (rightly) forbids; ``page.evaluate`` goes through the DevTools protocol instead.
    """
    waited = 0
    while not page.evaluate(expression):
        if waited >= timeout_ms:
            raise AssertionError(f"timed out waiting for: {expression}")
        page.wait_for_timeout(50)
        waited += 50


class App(Notifications):
    """The PWA as one person sees it on one phone."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url

    def by_id(self, testid: str) -> Locator:
        return self.page.get_by_test_id(testid)

    def open(self, path: str = "/") -> None:
        """Go to ``path`` and wait for the app to take over the (prerendered) page."""
        self.page.goto(path)
        expect(self.page.locator("html[data-app=ready]")).to_be_attached()
        expect(self.page.locator("main h1")).to_be_visible()

    def wait_for_worker(self) -> None:
        """Wait until the service worker controls the page (the shell is precached)."""
        try:
            wait_until(self.page, "navigator.serviceWorker.controller !== null")
        except AssertionError as timeout:
            state = self.page.evaluate(
                "navigator.serviceWorker.getRegistration().then(r => r ? "
                "[r.installing?.state, r.waiting?.state, r.active?.state, location.href] : 'none')"
            )
            raise AssertionError(f"worker never took control: {state}") from timeout
        self.page.evaluate("navigator.serviceWorker.ready.then(() => true)")

    def offline(self) -> None:
        self.page.context.set_offline(True)

    def online(self) -> None:
        self.page.context.set_offline(False)

    def expect_all_saved(self, timeout_ms: int = 30_000) -> None:
        """Wait until every queued change has reached the server, then for the status to say so.

        The status alone is not enough: right after a change it can still show "All saved"
        from before the change was queued.
        """
        wait_until(self.page, OUTBOX_EMPTY, timeout_ms)
        expect(self.status).to_have_text("All saved", timeout=timeout_ms)

    def expect_draft_kept(self, key_prefix: str, holding: str = "") -> None:
        """Wait until what is being entered under ``key_prefix`` (with ``holding`` in it)
        is kept on the phone."""
        wait_until(self.page, DRAFT_KEPT % (key_prefix, holding))

    def in_first_screen(self, locator: Locator) -> bool:
        """Whether ``locator`` is wholly on the first screen, not under the header or the
        bottom navigation, without scrolling."""
        box = locator.bounding_box()
        top = self.page.evaluate(
            "document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0"
        )
        bottom = self.page.evaluate(
            "document.querySelector('.bottom-nav')?.getBoundingClientRect().top ?? innerHeight"
        )
        scrolled = self.page.evaluate("scrollY")
        return (
            box is not None
            and scrolled == 0
            and box["y"] >= top
            and box["y"] + box["height"] <= bottom
        )

    def heading(self) -> Locator:
        return self.page.locator("main h1")

    @property
    def status(self) -> Locator:
        return self.by_id("sync-status")

    def nav(self, name: str) -> None:
        self.by_id(f"nav-{name}").click()

    # ---- accounts ----

    def sign_up(self, username: str, passphrase: str = PASSPHRASE) -> str:
        """A new account; returns the recovery key it was shown."""
        self.page.goto("/sign-up")
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Passphrase").fill(passphrase)
        self.by_id("auth-submit").click()
        recovery_key = self.keep_recovery_key()
        expect(self.by_id("account-link")).to_be_visible()
        return recovery_key

    def has_account(self, username: str, passphrase: str = PASSPHRASE) -> str:
        """Signed up already, as if on this phone, for tests that are not about signing up
        (e2e/accounts.py says why and how); returns the recovery key."""
        self.open("/")
        wait_until(self.page, KEYS_STORE_MADE)
        zone = self.page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone")
        made = make_account(self.base_url, username, passphrase, zone)
        hand_to_phone(made, self.page)
        self.page.reload()
        expect(self.by_id("account-link")).to_be_visible()
        return made.recovery_key

    def keep_recovery_key(self) -> str:
        """Read the recovery key shown once after keys are made, and confirm it was kept."""
        shown = self.by_id("recovery-key")
        expect(shown).to_be_visible(timeout=30_000)
        recovery_key = shown.inner_text().strip()
        self.page.get_by_label("type its last four characters").fill(recovery_key[-4:])
        self.by_id("recovery-kept").click()
        expect(shown).to_be_hidden()
        return recovery_key

    def sign_in_making_new_keys(self, username: str, passphrase: str) -> str:
        """Sign in to an account without keys (made before sealing, or reset by the host):
        the phone makes keys and shows a new recovery key, which is returned."""
        self.page.goto("/sign-in")
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Passphrase").fill(passphrase)
        self.by_id("auth-submit").click()
        recovery_key = self.keep_recovery_key()
        expect(self.by_id("account-link")).to_be_visible()
        return recovery_key

    def public_keys(self) -> list[str]:
        """This phone's published keys (signing, sealing), as a host could hand them out."""
        keys: list[str] = self.page.evaluate(
            "new Promise(d => { const o = indexedDB.open('steady'); o.onsuccess = () => {"
            " const r = o.result.transaction('keys').objectStore('keys').get('mine');"
            " r.onsuccess = () => d([r.result.signingPublic, r.result.sealingPublic]); }; })"
        )
        return keys

    def sign_in(self, username: str, passphrase: str = PASSPHRASE) -> None:
        self.page.goto("/sign-in")
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Passphrase").fill(passphrase)
        self.by_id("auth-submit").click()
        expect(self.by_id("account-link")).to_be_visible()
        expect(self.by_id("sign-in-form")).to_be_hidden(timeout=30_000)

    def sign_out(self) -> None:
        self.by_id("account-link").click()
        self.by_id("sign-out").click()
        expect(self.by_id("sign-in-link")).to_be_visible()

    # ---- check-ins ----

    def check_in(self, mood: int, energy: int, stress: int, connected: int, note: str = "") -> None:
        if not self.page.url.endswith("/checkin"):
            self.nav("checkin")
        for name, value in (
            ("mood", mood),
            ("energy", energy),
            ("stress", stress),
            ("connected", connected),
        ):
            self.by_id(f"{name}-{value}").check()
        if note:
            self.open_more()
            self.page.get_by_label("A note for yourself (optional)").fill(note)
        self.by_id("save-checkin").click()
        expect(self.by_id("checkin-saved")).to_contain_text("Saved")

    def open_more(self) -> None:
        """Show the check-in's optional parts (when, body, hard moments, a note)."""
        more = self.by_id("checkin-more")
        expect(more.or_(self.by_id("checkin-more-fields"))).to_be_visible()
        if more.is_visible():
            more.click()
        expect(self.by_id("checkin-more-fields")).to_be_visible()

    # ---- commitments ----

    def add_commitment(self, title: str) -> None:
        """Add a daily commitment on the commitments page."""
        if not self.page.url.endswith("/commitments"):
            self.open("/commitments")
        form = self.by_id("new-commitment")
        form.get_by_label("What will you do?").fill(title)
        self.by_id("new-commitment-save").click()
        expect(self.by_id("commitment-row").filter(has_text=title)).to_be_visible()

    def tick(self, title: str) -> None:
        """Mark a commitment done on the Today page."""
        item = self.by_id("today-item").filter(has_text=title)
        item.get_by_test_id("done").click()
        expect(item.get_by_test_id("undo")).to_be_visible()

    # ---- toolkit ----

    def add_to_toolkit(self, section: str, text: str, phone: str = "", exercise: str = "") -> None:
        """Add an item on the toolkit page (or a setup step) showing ``section``."""
        form = self.by_id(f"{section}-form").last
        form.locator("input[type=text]").fill(text)
        if phone:
            form.locator("input[type=tel]").fill(phone)
        if exercise:
            form.locator("select").select_option(exercise)
        self.by_id(f"{section}-submit").last.click()
        expect(
            self.by_id(f"section-{section}").get_by_test_id("toolkit-item").filter(has_text=text)
        ).to_be_visible()

    def toolkit_texts(self, section: str, count: int | None = None) -> list[str]:
        """The items of a section, once the plan has loaded from this phone's storage."""
        expect(self.by_id(f"section-{section}")).to_be_attached()
        items = (
            self.by_id(f"section-{section}").get_by_test_id("toolkit-item").locator(".item-text")
        )
        if count is not None:
            expect(items).to_have_count(count)
        return [text.split("\n")[0].strip() for text in items.all_inner_texts()]

    # ---- grounding ----

    def local_sessions(self) -> list[dict[str, Any]]:
        return list(
            self.page.evaluate(
                """() => new Promise((resolve) => {
                    const open = indexedDB.open('steady');
                    open.onsuccess = () => {
                        const request = open.result.transaction('grounding_sessions')
                            .objectStore('grounding_sessions').getAll();
                        request.onsuccess = () => { open.result.close(); resolve(request.result); };
                    };
                })"""
            )
        )

    # ---- sharing with a peer ----

    def make_invite(self) -> str:
        """Make an invite on /share; the link to send."""
        self.open("/share")
        self.by_id("invite-create").click()
        link = self.by_id("invite-link").last
        expect(link).to_contain_text(re.compile(r"/join\?t="))
        return str(link.inner_text()).strip()

    def accept_invite(self, link: str, inviter: str) -> None:
        """Open an invite link, check who sent it, and accept."""
        self.page.goto(link)
        expect(self.by_id("invite-from")).to_contain_text(inviter)
        self.by_id("invite-accept").click()
        expect(self.by_id("peer-row")).to_contain_text(inviter)

    def compose_for(self, peer: str) -> None:
        self.open("/share")
        self.by_id("peer-row").filter(has_text=peer).get_by_test_id("share-with").click()
        expect(self.heading()).to_have_text(f"Share with {peer}")

    def send_note(self, peer: str, note: str) -> str:
        """Share a summary holding just a note with ``peer``; the summary's id."""
        self.compose_for(peer)
        self.page.get_by_label(f"A note for {peer} (optional)").fill(note)
        expect(self.preview().get_by_test_id("summary-note")).to_have_text(note)
        self.by_id("share-send").click()
        expect(self.by_id("sealed-note")).to_be_visible()
        return self.page.url.rsplit("/", 1)[1]

    def preview(self) -> Locator:
        self.by_id("share-preview").click()
        card = self.by_id("preview-card")
        expect(card).to_be_visible()
        return card

    # ---- circles ----

    def start_circle(self, name: str) -> str:
        """Start a circle whose rounds start by hand (agreeing to the rules); its id."""
        self.open("/circles")
        self.page.get_by_label("Name of the circle").fill(name)
        self.by_id("circle-rhythm").select_option("by_hand")
        self.by_id("start-agree").check()
        self.by_id("circle-start").click()
        expect(self.heading()).to_have_text(name)
        return self.page.url.rsplit("/", 1)[1]

    def make_circle_invite(self) -> tuple[str, str]:
        """On a circle's page: make an invite; its link and spoken code."""
        message = self.by_id("circle-invite-message")
        before = message.inner_text() if message.count() else ""
        self.by_id("circle-invite-create").click()
        expect(message).to_contain_text(re.compile(r"Invite [A-Z2-9]{4}-[A-Z2-9]{4} is ready"))
        expect(message).not_to_have_text(before)
        code = message.inner_text().split()[1]
        invite = self.by_id("open-invite").filter(has_text=code)
        link = invite.get_by_test_id("invite-link")
        expect(link).to_contain_text(re.compile(r"/circles/join\?t="))
        return str(link.inner_text()).strip(), code

    def join_circle(self, name: str) -> None:
        """On the join page: read the rules, agree, join."""
        expect(self.by_id("join-circle-name")).to_have_text(name)
        expect(self.by_id("circle-rules")).to_contain_text("stays in the circle")
        self.by_id("join-agree").check()
        self.by_id("join-circle").click()
        expect(self.heading()).to_have_text(name)

    def post_energy(self, level: int, word: str) -> None:
        form = self.by_id("energy-form")
        form.get_by_test_id(f"energy-{level}").check()
        form.get_by_label("One word for how you are").fill(word)
        self.by_id("energy-post").click()

    def post_change(self, text: str) -> None:
        form = self.by_id("change-form")
        form.get_by_label("One small change I'll try before the next round").fill(text)
        self.by_id("change-post").click()

    # ---- the service worker and notifications ----

    # ---- checks ----

    def axe_violations(self) -> list[dict[str, Any]]:
        """Run axe-core in the page (page.evaluate is not subject to the page's CSP), put
        there once per loaded page."""
        if not self.page.evaluate("typeof axe !== 'undefined'"):
            self.page.evaluate(AXE_SOURCE)
        result = self.page.evaluate(
            "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
            ".violations",
            AXE_TAGS,
        )
        return list(result)

    def assert_accessible(self) -> None:
        violations = self.axe_violations()
        summary = [
            {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in violations
        ]
        assert violations == [], json.dumps(summary, indent=2)
