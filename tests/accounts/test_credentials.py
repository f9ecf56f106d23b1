"""Sign-in answers: one generic message, the same work whether the username exists or not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher

from steady.accounts.passphrases import Passphrases
from tests.helpers import PASSPHRASE, Api


@pytest.fixture
def verify_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Record every argon2 verification the server performs."""
    calls: list[str] = []
    original = PasswordHasher.verify

    def counting(self: PasswordHasher, hash: str, password: str) -> bool:
        calls.append(hash)
        return original(self, hash, password)

    monkeypatch.setattr(PasswordHasher, "verify", counting)
    yield calls


async def test_unknown_user_and_wrong_passphrase_get_the_same_answer(api: Api) -> None:
    await api.sign_up("sam")
    await api.delete("/api/session")

    unknown = await api.sign_in("nobody_here", PASSPHRASE)
    wrong = await api.sign_in("sam", "definitely not it")
    assert unknown.status_code == wrong.status_code == 401
    assert unknown.json()["detail"] == wrong.json()["detail"]
    assert "username" not in unknown.json()["detail"].split("match")[1]


async def test_an_unknown_username_costs_the_same_argon2_work(
    api: Api, verify_calls: list[str]
) -> None:
    await api.sign_up("sam")
    await api.delete("/api/session")
    verify_calls.clear()

    await api.sign_in("nobody_here", PASSPHRASE)
    await api.sign_in("sam", "definitely not it")
    assert len(verify_calls) == 2
    # Both hashes carry the same argon2id parameters, so both checks take the same time.
    params = [h.split("$")[3] for h in verify_calls]
    assert params[0] == params[1]
    assert all(h.startswith("$argon2id$") for h in verify_calls)


async def test_passphrases_are_stored_as_argon2id() -> None:
    passphrases = Passphrases(time_cost=1, memory_kib=8, parallelism=1, slots=2)
    stored = await passphrases.hash(PASSPHRASE, "test")
    assert stored.startswith("$argon2id$")
    assert PASSPHRASE not in stored
    assert await passphrases.verify(stored, PASSPHRASE, "test")
    assert not await passphrases.verify(stored, PASSPHRASE + "!", "test")
    assert not await passphrases.verify(None, PASSPHRASE, "test")
