"""The CSV a phone writes offline is byte for byte the CSV the server writes for the same
data: the PWA's own ``csv.ts`` is bundled (with the generated limits it reads) and run in
Node over the server's JSON export, and each collection is compared with the server's."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import (
    Api,
    checkin_body,
    commitment_body,
    completion_body,
    grounding_body,
    new_id,
    toolkit_body,
    toolkit_item,
)
from tests.node_bundle import ROOT, bundle_for_node, run_node

COLLECTIONS = ("checkins", "commitments", "completions", "grounding_sessions", "toolkit")
RUNNER = """
import { readFileSync } from 'node:fs';
import { csvFor } from './csv.mjs';
const file = JSON.parse(readFileSync(0, 'utf8'));
const out = {};
for (const name of %s) out[name] = csvFor(file, name);
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def client_csv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The PWA's CSV writer, bundled for Node exactly as the build would take it."""
    folder = tmp_path_factory.mktemp("csv")
    csv_ts = ROOT / "frontend" / "src" / "features" / "portability" / "csv.ts"
    bundle_for_node(csv_ts, folder / "csv.mjs")
    (folder / "run.mjs").write_text(RUNNER % json.dumps(list(COLLECTIONS)))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _phone_csv(folder: Path, document: str) -> dict[str, str]:
    result: dict[str, str] = run_node(folder / "run.mjs", json.loads(document))
    return result


async def _awkward_data(api: Api) -> None:
    """Everything CSV finds awkward: commas, quotes, line breaks, tabs, emoji, lists,
    true and false, empty optional fields, times with and without fractions."""
    plan = toolkit_body(
        0,
        warning_signs=[toolkit_item('Snapping at "small" things, then going quiet')],
        people=[toolkit_item("Mum, after 6pm", phone="07700 900123"), toolkit_item("Jo")],
        what_matters=[toolkit_item("My kids 🌙")],
    )
    assert (await api.put("/api/toolkit", json=plan)).status_code < 300
    note = 'Line one,\nsaid "enough"\n\tand then café'
    checkin = checkin_body(note=note, tags=["near_miss", "my own words"], body_signals=[])
    answer = await api.put(f"/api/checkins/{new_id()}", json=checkin)
    assert answer.status_code < 300, answer.text
    quiet = checkin_body(
        recorded_at="2026-11-20T07:00:00.123456+00:00", local_date="2026-11-20", context=None
    )
    assert (await api.put(f"/api/checkins/{new_id()}", json=quiet)).status_code < 300
    kept = new_id()
    weekly = commitment_body(cadence="weekdays", weekdays=[1, 3], reminder_time="08:00")
    assert (await api.put(f"/api/commitments/{kept}", json=weekly)).status_code < 300
    resting = commitment_body(title="Walk, slowly", active=False, why="")
    assert (await api.put(f"/api/commitments/{new_id()}", json=resting)).status_code < 300
    tick = completion_body(kept)
    assert (await api.put(f"/api/completions/{new_id()}", json=tick)).status_code < 300
    for done in (True, False):
        session = grounding_body(completed=done)
        assert (
            await api.put(f"/api/grounding/sessions/{new_id()}", json=session)
        ).status_code < 300


async def test_the_phone_and_the_server_write_the_same_csv(api: Api, client_csv: Path) -> None:
    await api.sign_up("sam")
    await _awkward_data(api)
    document = (await api.get("/api/export")).text
    phone = _phone_csv(client_csv, document)
    for collection in COLLECTIONS:
        server = (await api.get(f"/api/export/csv/{collection}")).content
        assert phone[collection].encode() == server, collection
    # The comparison covered what it should: quoting, booleans and times as the JSON has them.
    checkins = phone["checkins"]
    assert '"Line one,\nsaid ""enough""\n\tand then café"' in checkins
    assert "2026-11-20T07:00:00.123456Z" in checkins and "near_miss; my own words" in checkins
    assert ",false," in phone["commitments"] and ",1; 3," in phone["commitments"]
    assert phone["toolkit"].startswith("section,position,text,phone,exercise\r\nwarning_signs,1,")


async def test_an_empty_account_still_gets_every_column(api: Api, client_csv: Path) -> None:
    await api.sign_up("sam")
    phone = _phone_csv(client_csv, (await api.get("/api/export")).text)
    for collection in COLLECTIONS:
        server = (await api.get(f"/api/export/csv/{collection}")).content
        assert phone[collection].encode() == server, collection
    assert phone["checkins"].startswith("id,body_signals,connected,context,")
