"""Nothing acknowledged is lost when the server dies: a stream of check-in writes to a real
served process, SIGKILL in the middle, a restart — every write that got a 2xx is there,
and the SQLite file passes its integrity check. The same against PostgreSQL."""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from pathlib import Path

import httpx
import pytest

from tests.conftest import BACKENDS, POSTGRES_URL
from tests.helpers import checkin_body, new_id
from tests.served import ServedSteady, signed_in_client

WRITERS = 4
KILL_AFTER = 120  # acknowledged writes before the kill (more keep arriving meanwhile)
PASSPHRASE = "steady tide lantern orchard"


def _write_until_refused(url: str, cookies: httpx.Cookies, token: str, acked: list[str]) -> None:
    """Send check-ins one after another until the server stops answering."""
    with httpx.Client(base_url=url, cookies=cookies, timeout=5) as client:
        while True:
            checkin_id = new_id()
            try:
                answer = client.put(
                    f"/api/checkins/{checkin_id}",
                    json=checkin_body(note=f"write {checkin_id}"),
                    headers={"x-csrf-token": token},
                )
            except httpx.HTTPError:
                return
            if answer.status_code not in {200, 201}:
                return
            acked.append(checkin_id)


def _stored_ids(client: httpx.Client) -> set[str]:
    found: set[str] = set()
    since = 0
    while True:
        page = client.get("/api/checkins", params={"since": since, "limit": 500}).json()
        found.update(item["id"] for item in page["items"])
        if not page["more"]:
            return found
        since = page["cursor"]


def _kill_mid_stream(tmp_path: Path, **settings: str) -> tuple[list[str], set[str]]:
    server = ServedSteady(tmp_path / "data", **settings)
    server.start()
    try:
        client = signed_in_client(server.url, f"nurse-{uuid.uuid4().hex[:8]}", PASSPHRASE)
        acked: list[str] = []
        writers = [
            threading.Thread(
                target=_write_until_refused,
                args=(server.url, client.cookies, client.headers["x-csrf-token"], acked),
            )
            for _ in range(WRITERS)
        ]
        for writer in writers:
            writer.start()
        deadline = time.monotonic() + 60
        while len(acked) < KILL_AFTER and time.monotonic() < deadline:
            time.sleep(0.01)
        server.kill()
        for writer in writers:
            writer.join(timeout=30)
        server.start()
        stored = _stored_ids(client)
    finally:
        server.stop()
    return acked, stored


@pytest.mark.parametrize("backend", BACKENDS)
def test_every_acknowledged_write_survives_sigkill(tmp_path: Path, backend: str) -> None:
    settings = {"STEADY_DATABASE_URL": POSTGRES_URL} if backend == "postgres" else {}
    acked, stored = _kill_mid_stream(tmp_path, **settings)
    assert len(acked) >= KILL_AFTER
    assert set(acked) <= stored
    if backend == "sqlite":
        with sqlite3.connect(tmp_path / "data" / "steady.db") as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
