"""Connecting people and sharing between them in tests."""

from __future__ import annotations

from typing import Any

from tests.helpers import Api, new_id

NOTE = "Rough night on the ward. Could use a walk tomorrow."


async def connect(inviter: Api, peer: Api) -> str:
    """Invite and accept; the connection's id."""
    invite = await inviter.post("/api/sharing/invites")
    assert invite.status_code == 201, invite.text
    accepted = await peer.post(
        "/api/sharing/invites/accept", json={"token": invite.json()["token"]}
    )
    assert accepted.status_code == 200, accepted.text
    return str(accepted.json()["id"])


def draft(peer_id: str, **overrides: Any) -> dict[str, Any]:
    """A week's summary with every part chosen and a note."""
    body: dict[str, Any] = {
        "peer_id": peer_id,
        "period": "week",
        "parts": {"scores": True, "commitments": True, "grounding": True},
        "note": NOTE,
        "help": "call",
    }
    body.update(overrides)
    return body


async def share(sharer: Api, peer_id: str, **overrides: Any) -> str:
    """Send a summary to a peer; its id."""
    summary_id = new_id()
    sent = await sharer.put(f"/api/sharing/sent/{summary_id}", json=draft(peer_id, **overrides))
    assert sent.status_code == 200, sent.text
    return summary_id
