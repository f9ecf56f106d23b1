"""Taking your data and bringing it back: importing the same file twice says plainly that
nothing new was added, on the phone and into an account."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from playwright.sync_api import expect

from steady import clock

from .pages import App


def _export_file(folder: Path) -> Path:
    now = clock.now()
    checkin = {
        "id": str(uuid.uuid4()),
        "recorded_at": now.isoformat(),
        "local_date": now.date().isoformat(),
        "mood": 3,
        "energy": 2,
        "stress": 4,
        "connected": 3,
        "context": "after_shift",
        "body_signals": [],
        "tags": [],
        "note": "From my old phone",
        "setting_down": "",
    }
    document = {
        "format": "steady-export",
        "version": 1,
        "exported_at": now.isoformat(),
        "checkins": [checkin],
        "commitments": [],
        "completions": [],
        "grounding_sessions": [],
    }
    path = folder / "steady-export.json"
    path.write_text(json.dumps(document))
    return path


def test_importing_the_same_file_twice_on_the_phone_adds_nothing_new(
    app: App, tmp_path: Path
) -> None:
    file = _export_file(tmp_path)
    app.open("/your-data")
    app.by_id("import-file").set_input_files(str(file))
    expect(app.by_id("data-message")).to_have_text("Added 1 item onto this phone.")
    app.by_id("import-file").set_input_files([])
    app.by_id("import-file").set_input_files(str(file))
    expect(app.by_id("data-message")).to_have_text(
        "Nothing new: the one item in that file was already here."
    )


def test_importing_the_same_file_twice_into_an_account_adds_nothing_new(
    app: App, tmp_path: Path
) -> None:
    file = _export_file(tmp_path)
    app.has_account("data_" + uuid.uuid4().hex[:8])
    app.open("/your-data")
    app.by_id("import-file").set_input_files(str(file))
    expect(app.by_id("data-message")).to_have_text("Added 1 item into your account.")
    app.by_id("import-file").set_input_files([])
    app.by_id("import-file").set_input_files(str(file))
    expect(app.by_id("data-message")).to_have_text(
        "Nothing new: the one item in that file was already here."
    )
