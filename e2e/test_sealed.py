"""Sealed on the phone: what a sharer writes to a peer and what the peer writes back reach
the database only as ciphertext — scanned for in the SQLite file and its WAL and in the
server's log, raw, base64 and hex — while a username (plain by design) is found, so the
scan can't pass vacuously. A swapped key answer stops sending, and ciphertext moved from
one summary to another does not open."""

from __future__ import annotations

import base64
import json
import uuid
from pathlib import Path
from typing import Any

from playwright.sync_api import Route, expect

from e2e.conftest import SERVER_LOG
from e2e.pages import App
from e2e.server_db import ServerDatabase


def _forms(canary: str) -> list[bytes]:
    """The canary as it could sit at rest: raw, hex, and base64 at each of the three byte
    alignments (its characters that don't depend on what came before it)."""
    raw = canary.encode()
    forms = [raw, raw.hex().encode(), raw.hex().upper().encode()]
    for pad in range(3):
        for encode in (base64.b64encode, base64.urlsafe_b64encode):
            encoded = encode(b"\0" * pad + raw)
            skip = (pad * 4 + 2) // 3
            forms.append(encoded[skip + 1 : -3])
    return forms


def _found(canary: str, files: list[Path]) -> list[str]:
    blobs = {path.name: path.read_bytes() for path in files if path.exists()}
    return [name for name, blob in blobs.items() for form in _forms(canary) if form in blob]


def _connected(app: App, new_context: Any, base_url: str) -> tuple[App, str, str]:
    sam, bea_name = f"sam_{uuid.uuid4().hex[:6]}", f"bea_{uuid.uuid4().hex[:6]}"
    app.sign_up(sam)
    link = app.make_invite()
    bea = App(new_context().new_page(), base_url)
    bea.sign_up(bea_name)
    bea.accept_invite(link, sam)
    return bea, sam, bea_name


def _send_note(app: App, peer: str, note: str) -> str:
    app.compose_for(peer)
    app.page.get_by_label(f"A note for {peer} (optional)").fill(note)
    expect(app.preview().get_by_test_id("summary-note")).to_have_text(note)
    app.by_id("share-send").click()
    expect(app.by_id("sealed-note")).to_be_visible()
    return app.page.url.rsplit("/", 1)[1]


def test_notes_and_replies_are_stored_sealed(
    app: App, new_context: Any, base_url: str, server_db: ServerDatabase
) -> None:
    note, words = f"CANARY-note-{uuid.uuid4().hex}", f"CANARY-reply-{uuid.uuid4().hex}"
    bea, sam, bea_name = _connected(app, new_context, base_url)
    summary_id = _send_note(app, bea_name, note)
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
    assert _found(note, stored) == []
    assert _found(words, stored) == []
    assert "db" in " ".join(_found(sam, stored))  # the control: usernames are plain


def test_a_swapped_key_stops_sending_and_moved_ciphertext_does_not_open(
    app: App, page: Any, new_context: Any, base_url: str
) -> None:
    bea, _, bea_name = _connected(app, new_context, base_url)
    first = _send_note(app, bea_name, "The first one.")
    second = _send_note(app, bea_name, "The second one.")

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
    stranger.sign_up(f"mallory_{uuid.uuid4().hex[:6]}")
    fake = stranger.page.evaluate(
        "new Promise(d => { const o = indexedDB.open('steady'); o.onsuccess = () => {"
        " const r = o.result.transaction('keys').objectStore('keys').get('mine');"
        " r.onsuccess = () => d([r.result.signingPublic, r.result.sealingPublic]); }; })"
    )

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
