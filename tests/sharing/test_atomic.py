"""Writes of several steps happen whole or not at all: a failure in the middle of each leaves
nothing half-written (on SQLite and PostgreSQL), and one connection and one block per pair
are kept by the database itself."""

from __future__ import annotations

from typing import Any

import pytest

from steady import dialect
from steady.reminders import service as reminders
from steady.reminders.tables import Reminder
from steady.sharing.tables import Invite, PeerBlock, PeerLink, SharedSummary, SharingPrefs
from tests.helpers import Api, new_id
from tests.sharing.helpers import connect, draft


class Injected(RuntimeError):
    """The failure a test injects halfway through a write."""


def fail(*_: Any, **__: Any) -> Any:
    raise Injected("the second step failed")


async def test_accepting_an_invite_uses_it_up_only_if_the_connection_is_made(
    api: Api, other_api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    await api.sign_up("sam")
    await other_api.sign_up("alex")
    token = (await api.post("/api/sharing/invites")).json()["token"]
    monkeypatch.setattr(PeerLink, "insert", fail)
    failed = await other_api.post("/api/sharing/invites/accept", json={"token": token})
    assert failed.status_code == 500
    assert await Invite.count().where(Invite.outcome.is_not_null()) == 0
    monkeypatch.undo()
    accepted = await other_api.post("/api/sharing/invites/accept", json={"token": token})
    assert accepted.status_code == 200
    assert await PeerLink.count() == 1


async def test_blocking_ends_the_connection_only_together_with_the_block(
    api: Api, other_api: Api, monkeypatch: pytest.MonkeyPatch, peer_id: str
) -> None:
    monkeypatch.setattr(PeerBlock, "insert", fail)
    failed = await api.post(f"/api/sharing/peers/{peer_id}/block")
    assert failed.status_code == 500
    assert await PeerLink.count().where(PeerLink.ended_at.is_null()) == 1
    assert await PeerBlock.count() == 0
    monkeypatch.undo()
    assert (await api.post(f"/api/sharing/peers/{peer_id}/block")).status_code == 200
    assert await PeerLink.count().where(PeerLink.ended_at.is_null()) == 0
    assert await PeerBlock.count() == 1


async def test_a_summary_is_stored_only_together_with_the_peers_notice(
    api: Api, other_api: Api, monkeypatch: pytest.MonkeyPatch, peer_id: str
) -> None:
    summary_id = new_id()
    monkeypatch.setattr(reminders, "notify_peer", fail)
    failed = await api.put(f"/api/sharing/sent/{summary_id}", json=draft(peer_id))
    assert failed.status_code == 500
    assert await SharedSummary.count() == 0
    monkeypatch.undo()
    assert (
        await api.put(f"/api/sharing/sent/{summary_id}", json=draft(peer_id))
    ).status_code == 200
    assert await SharedSummary.count() == 1
    assert await Reminder.count().where(Reminder.kind == "peer_shared") == 1


async def test_the_nudge_preference_changes_only_together_with_its_reminder(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    await api.sign_up("sam")
    monkeypatch.setattr(reminders, "set_share_nudge", fail)
    failed = await api.put("/api/sharing/nudge", json={"weekday": 5, "clock": "18:00"})
    assert failed.status_code == 500
    assert await SharingPrefs.count() == 0
    monkeypatch.undo()
    saved = await api.put("/api/sharing/nudge", json={"weekday": 5, "clock": "18:00"})
    assert saved.status_code == 200
    assert await Reminder.count().where(Reminder.kind == "share_nudge") == 1


async def test_the_database_keeps_one_live_connection_and_one_block_per_pair(
    api: Api, other_api: Api
) -> None:
    await api.sign_up("sam")
    await other_api.sign_up("alex")
    await connect(api, other_api)
    link = await PeerLink.select().first()
    with pytest.raises(Exception) as twice:
        await PeerLink.insert(PeerLink(id=new_id(), inviter=link["peer"], peer=link["inviter"]))
    assert dialect.is_unique_violation(twice.value)
    await PeerBlock.insert(PeerBlock(blocker=link["inviter"], blocked=link["peer"]))
    with pytest.raises(Exception) as blocked_twice:
        await PeerBlock.insert(PeerBlock(blocker=link["inviter"], blocked=link["peer"]))
    assert dialect.is_unique_violation(blocked_twice.value)


async def test_two_people_who_invited_each_other_end_up_with_one_connection(
    api: Api, other_api: Api
) -> None:
    await api.sign_up("sam")
    await other_api.sign_up("alex")
    theirs = (await other_api.post("/api/sharing/invites")).json()["token"]
    mine = (await api.post("/api/sharing/invites")).json()["token"]
    first = await api.post("/api/sharing/invites/accept", json={"token": theirs})
    second = await other_api.post("/api/sharing/invites/accept", json={"token": mine})
    assert first.status_code == second.status_code == 200
    assert first.json()["id"] == second.json()["id"]
    assert await PeerLink.count() == 1
