"""Sealed on the phone: what a sharer writes to a peer and what the peer writes back reach
the database only as ciphertext — scanned for in the SQLite file and its WAL and in the
server's log, raw, base64 and hex — while a username (plain by design) is found, so the
scan can't pass vacuously. A swapped key answer stops sending, and ciphertext moved from
one summary to another does not open."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from playwright.sync_api import Route, expect

from e2e.at_rest import found_at_rest
from e2e.conftest import SERVER_LOG
from e2e.pages import App
from e2e.server_db import ServerDatabase


def _connected(app: App, new_context: Any, base_url: str) -> tuple[App, str, str]:
    sam, bea_name = f"sam_{uuid.uuid4().hex[:6]}", f"bea_{uuid.uuid4().hex[:6]}"
    app.has_account(sam)
    link = app.make_invite()
    bea = App(new_context().new_page(), base_url)
    bea.has_account(bea_name)
    bea.accept_invite(link, sam)
    return bea, sam, bea_name


def test_notes_and_replies_are_stored_sealed(
    app: App, new_context: Any, base_url: str, server_db: ServerDatabase
) -> None:
    note, words = f"CANARY-note-{uuid.uuid4().hex}", f"CANARY-reply-{uuid.uuid4().hex}"
    bea, sam, bea_name = _connected(app, new_context, base_url)
    summary_id = app.send_note(bea_name, note)
    expect(app.by_id("summary-note")).to_have_text(note)  # the sharer's own copy opens

    bea.open(f"/share/inbox/{summary_id}")
    expect(bea.by_id("summary-note")).to_have_text(note)
    expect(bea.by_id("sealed-note")).to_contain_text(f"only you and {sam}")
    bea.page.get_by_label("Or a few words of your own").fill(words)
    bea.by_id("reply-send").click()
    expect(bea.by_id("reply-status")).to_contain_text("Sent")
    expect(bea.by_id("replies")).to_contain_text(words)
    app.page.reload()
    expect(app.by_id("replies")).to_contain_text(words)
    bea.assert_accessible()

    stored = [server_db.path, Path(f"{server_db.path}-wal"), SERVER_LOG]
    assert found_at_rest(note, stored) == []
    assert found_at_rest(words, stored) == []
    assert "db" in " ".join(found_at_rest(sam, stored))  # the control: usernames are plain


def test_a_swapped_key_stops_sending_and_moved_ciphertext_does_not_open(
    app: App, page: Any, new_context: Any, base_url: str
) -> None:
    bea, _, bea_name = _connected(app, new_context, base_url)
    first = app.send_note(bea_name, "The first one.")
    second = app.send_note(bea_name, "The second one.")

    # The host hands Bea the first summary's envelope under the second one's id.
    moved = json.loads(bea.page.request.get(f"{base_url}/api/sharing/inbox/{first}").text())

    def swap_envelope(route: Route) -> None:
        answer = route.fetch()
        route.fulfill(response=answer, json={**answer.json(), "sealed": moved["sealed"]})

    bea.page.route(f"**/api/sharing/inbox/{second}", swap_envelope)
    bea.open(f"/share/inbox/{second}")
    expect(bea.by_id("received-problem")).to_be_visible()
    expect(bea.by_id("summary-note")).to_have_count(0)

    # The host swaps Bea's keys when Sam sends again: Sam's phone refuses to seal to them.
    stranger = App(new_context().new_page(), base_url)
    stranger.has_account(f"mallory_{uuid.uuid4().hex[:6]}")
    fake = stranger.public_keys()

    def swap_keys(route: Route) -> None:
        answer = route.fetch()
        keys = answer.json()
        keys["signing_public"], keys["sealing_public"] = fake
        route.fulfill(response=answer, json=keys)

    page.route("**/api/sharing/peers/*/keys", swap_keys)
    app.compose_for(bea_name)
    app.page.get_by_label(f"A note for {bea_name} (optional)").fill("Not for the host.")
    app.preview()
    app.by_id("share-send").click()
    expect(app.page.get_by_text("keys have changed")).to_be_visible()
    assert "/share/compose" in app.page.url  # nothing was sent
    page.unroute_all(behavior="ignoreErrors")
    bea.page.unroute_all(behavior="ignoreErrors")
