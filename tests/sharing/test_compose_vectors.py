"""The phone and the server compose the same summary from the same records: each case in
vectors/compose.json (time zones with and without daylight saving, period boundaries,
averages that tie when rounded, commitments of every cadence, shifts, refusals) is
composed by the server's steady/sharing/compose.py, on both databases, and by the PWA's
features/sharing/compose.ts in Node, and both must give the case's expected card (or
refuse with its field). The phone composes what it seals; this keeps it honest."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec
import pytest

from steady.accounts.tables import Account
from steady.domain import InvalidField
from steady.sharing.compose import compose
from steady.sharing.schemas import SummaryDraft
from steady.shifts.tables import Shift
from tests.helpers import Api, checkin_body, commitment_body, grounding_body, new_id

CASES = json.loads((Path(__file__).parent / "vectors" / "compose.json").read_text())["cases"]
Driver = Callable[[dict[str, Any]], Any]


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _comparable(card: dict[str, Any]) -> dict[str, Any]:
    """A card with its period's ends as instants (the two sides write them differently)."""
    if "error" in card:
        return card
    return card | {"start": _instant(card["start"]), "end": _instant(card["end"])}


async def _hold(api: Api, case: dict[str, Any]) -> int:
    """An account in the case's time zone holding the case's records; its id."""
    await api.sign_up("sam")
    assert (await api.patch("/api/account", json={"time_zone": case["zone"]})).status_code == 200
    records = case["records"]
    for checkin in records["checkins"]:
        body = checkin_body(**checkin, note="")
        assert (await api.put(f"/api/checkins/{new_id()}", json=body)).status_code == 201
    for commitment in records["commitments"]:
        fields = {k: v for k, v in commitment.items() if k != "id"}
        body = commitment_body(**fields)
        answer = await api.put(f"/api/commitments/{commitment['id']}", json=body)
        assert answer.status_code in {200, 201}, answer.text
    for completion in records["completions"]:
        body = completion | {"completed_at": f"{completion['local_date']}T12:00:00+00:00"}
        answer = await api.put(f"/api/completions/{new_id()}", json=body)
        assert answer.status_code in {200, 201}, answer.text
    for session in records["grounding"]:
        ended = _instant(session["ended_at"])
        started = ended - timedelta(seconds=session["duration_seconds"])
        body = grounding_body(
            started_at=started.isoformat(),
            ended_at=ended.isoformat(),
            duration_seconds=session["duration_seconds"],
        )
        answer = await api.put(f"/api/grounding/sessions/{new_id()}", json=body)
        assert answer.status_code in {200, 201}, answer.text
    account = await Account.select(Account.id).where(Account.username == "sam").first()
    for shift in records["shifts"]:
        ended = _instant(shift["ended_at"]) if shift["ended_at"] else None
        await Shift.insert(
            Shift(account=account["id"], started_at=_instant(shift["started_at"]), ended_at=ended)
        )
    return int(account["id"])


def _server_card(content: Any) -> dict[str, Any]:
    card: dict[str, Any] = msgspec.to_builtins(content)
    return card


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
async def test_the_phone_and_the_server_compose_the_same_card(
    api: Api, case: dict[str, Any], sealing_driver: Driver
) -> None:
    account_id = await _hold(api, case)
    draft = msgspec.convert({**case["draft"], "peer_id": new_id()}, SummaryDraft)
    try:
        server = _server_card(await compose(account_id, draft, _instant(case["now"])))
    except InvalidField as refused:
        server = {"error": refused.field}
    phone = sealing_driver({"command": "compose", "case": case, "sharer_name": "sam"})
    assert _comparable(server) == _comparable(phone)
    assert _comparable(server) == _comparable(case["expected"])
