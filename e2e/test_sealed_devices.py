"""Whose phone can open what was sealed: a person's second device and their phone after a
recovery-key reset read the summaries and circle posts sealed to them before; after the
host's reset (which deletes their keys instead of handing them back) their new keys open
none of it, their peer sees their keys changed, and their circle has let them go."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from typing import Any

from playwright.sync_api import expect

from e2e.conftest import ROOT
from e2e.pages import App

CIRCLE = "Night nurses"
NEW_PASSPHRASE = "copper meadow violin tide"


def _reads_both(phone: App, summary_id: str, note: str, circle_url: str, case: str) -> None:
    phone.open(f"/share/inbox/{summary_id}")
    expect(phone.by_id("summary-note")).to_have_text(note)
    phone.page.goto(circle_url)
    expect(phone.by_id("post-case")).to_contain_text(case)


def _host_resets(username: str) -> str:
    """What the host runs for someone who lost passphrase and recovery key; the one-time
    passphrase it prints."""
    done = subprocess.run(  # noqa: S603 (our own command, a test's username)
        [sys.executable, "-m", "steady", "reset-keys", username],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=os.environ.copy(),
        timeout=60,
    )
    return done.stdout.split("sign in once with: ", 1)[1].split()[0]


def test_other_devices_and_the_recovery_key_read_earlier_words_and_a_host_reset_cannot(
    app: App, new_context: Any, base_url: str
) -> None:
    suffix = uuid.uuid4().hex[:6]
    sam, bea, kim = f"sam_{suffix}", f"bea_{suffix}", f"kim_{suffix}"
    note, case = f"For Bea only {suffix}", f"A night on the ward {suffix}"
    app.sign_up(sam)
    app.start_circle(CIRCLE)
    circle_url = app.page.url
    phones: dict[str, App] = {}
    recovery: dict[str, str] = {}
    for name in (bea, kim):
        link, _ = app.make_circle_invite()
        phones[name] = App(new_context().new_page(), base_url)
        recovery[name] = phones[name].sign_up(name)
        phones[name].page.goto(link)
        phones[name].join_circle(CIRCLE)
    app.page.reload()
    app.by_id("round-start").click()
    expect(app.by_id("round-info")).to_contain_text("You are facilitating")
    b = phones[bea]
    b.page.goto(circle_url)
    b.page.get_by_label("The situation").fill(case)
    b.page.get_by_label("What you'd like help with").fill("How do I let it go?")
    b.by_id("case-post").click()
    b.expect_all_saved()
    b.accept_invite(app.make_invite(), sam)
    summary_id = app.send_note(bea, note)

    # Bea's laptop: the same keys, so the same words.
    laptop = App(new_context().new_page(), base_url)
    laptop.sign_in(bea)
    _reads_both(laptop, summary_id, note, circle_url, case)

    # Bea forgets her passphrase: the recovery key opens the same keys again.
    phone = App(new_context().new_page(), base_url)
    phone.open("/recover")
    phone.page.get_by_label("Username").fill(bea)
    phone.page.get_by_label("Recovery key").fill(recovery[bea])
    phone.page.get_by_label("New passphrase").fill(NEW_PASSPHRASE)
    phone.by_id("recover-submit").click()
    expect(phone.by_id("account-link")).to_be_visible()
    _reads_both(phone, summary_id, note, circle_url, case)

    # Bea loses the recovery key too: the host can let her start over, with new keys
    # that open nothing sealed to the old ones.
    temporary = _host_resets(bea)
    fresh = App(new_context().new_page(), base_url)
    fresh.sign_in_making_new_keys(bea, temporary)
    fresh.open(f"/share/inbox/{summary_id}")
    expect(fresh.by_id("received-problem")).to_be_visible()
    expect(fresh.by_id("summary-note")).to_have_count(0)
    fresh.page.goto(circle_url)
    expect(fresh.by_id("circle-gone")).to_be_visible()
    # Sam's phone sees Bea's keys changed and won't seal to them until they compare again.
    app.compose_for(bea)
    app.page.get_by_label(f"A note for {bea} (optional)").fill("Are you OK?")
    app.preview()
    app.by_id("share-send").click()
    expect(app.page.get_by_text("keys have changed")).to_be_visible()
