"""Keys on the server: a salt that reveals no usernames, bundles only their owner reads,
older accounts moved to login keys at their next sign-in, passphrase changes that re-wrap,
the recovery key as the only way back to the same keys (throttled like sign-in), and the
host's reset, which lets someone start over with new keys but hands back nothing."""

from __future__ import annotations

import base64
import hashlib
import os

from tests.conftest import NewPerson
from tests.helpers import (
    PASSPHRASE,
    Api,
    b64,
    field_names,
    salt_of,
    sealed_sign_up,
    sign_in_with_key,
)
from tests.helpers import (
    key_bundle as bundle,
)


async def test_the_salt_never_tells_which_usernames_exist(api: Api) -> None:
    before = await salt_of(api, "sam")
    assert before == await salt_of(api, "SAM ")  # usernames are not case-sensitive
    assert before != await salt_of(api, "kim")
    await sealed_sign_up(api, "sam")
    # The phone signed up with the salt it was given, so nothing changed for anyone asking.
    assert await salt_of(api, "sam") == before
    assert len(base64.urlsafe_b64decode(before + "==")) == 16


async def test_a_sealed_account_signs_in_with_its_login_key_only(api: Api) -> None:
    login_key, _ = await sealed_sign_up(api)
    await api.delete("/api/session")
    assert (await sign_in_with_key(api, "sam", login_key)).status_code == 200
    await api.delete("/api/session")
    assert (await api.sign_in("sam", PASSPHRASE)).status_code == 401
    wrong = await sign_in_with_key(api, "sam", b64(os.urandom(32)))
    assert wrong.status_code == 401


async def test_a_login_key_must_look_like_one(api: Api) -> None:
    salt = await salt_of(api, "sam")
    body = {"username": "sam", "passphrase": "short but long enough", "key_salt": salt}
    answer = await api.post("/api/accounts", json=body)
    assert answer.status_code == 400 and field_names(answer) == ["passphrase"]


async def test_only_the_owner_reads_their_keys(api: Api, new_person: NewPerson) -> None:
    proof = os.urandom(32)
    await sealed_sign_up(api)
    assert (await api.get("/api/keys/me")).status_code == 404
    mine = bundle(proof)
    assert (await api.put("/api/keys/me", json=mine)).status_code == 204
    assert (await api.put("/api/keys/me", json=mine)).status_code == 204  # a retried upload
    again = await api.put("/api/keys/me", json=bundle(proof))
    assert again.status_code == 409
    stored = (await api.get("/api/keys/me")).json()
    assert stored["wrapped_by_master"] == mine["wrapped_by_master"]
    assert "wrapped_by_recovery" not in stored and "recovery_check" not in stored
    digest = hashlib.sha256(
        b"steady-identity-v1"
        + base64.urlsafe_b64decode(mine["signing_public"] + "=")
        + base64.urlsafe_b64decode(mine["sealing_public"] + "=")
    ).digest()
    assert stored["fingerprint"] == b64(digest)

    someone = await new_person()
    assert (await someone.get("/api/keys/me")).status_code == 401
    await sealed_sign_up(someone, "kim")
    assert (await someone.get("/api/keys/me")).status_code == 404


async def test_a_bundle_with_a_bad_key_is_refused_by_name(api: Api) -> None:
    await sealed_sign_up(api)
    bad = bundle(os.urandom(32)) | {"signing_public": b64(b"\x04" + os.urandom(64))}
    answer = await api.put("/api/keys/me", json=bad)
    assert answer.status_code == 400 and field_names(answer) == ["signing_public"]
    short = bundle(os.urandom(32)) | {"wrapped_by_master": b64(os.urandom(40))}
    answer = await api.put("/api/keys/me", json=short)
    assert answer.status_code in {400, 422} and field_names(answer) == ["wrapped_by_master"]
    assert (await api.get("/api/keys/me")).status_code == 404


async def test_an_older_account_moves_over_at_its_next_sign_in(api: Api) -> None:
    await api.sign_up("sam", PASSPHRASE)
    assert (await api.put("/api/keys/me", json=bundle(os.urandom(32)))).status_code == 409
    await api.delete("/api/session")
    salt = await salt_of(api, "sam")
    login_key = b64(os.urandom(32))
    asked = await sign_in_with_key(api, "sam", login_key)
    assert asked.status_code == 409 and "one last time" in asked.json()["detail"]
    upgrade = {"username": "sam", "upgrade_to": login_key, "key_salt": salt}
    wrong = await api.post("/api/session", json=upgrade | {"passphrase": "not my passphrase"})
    assert wrong.status_code == 401
    moved = await api.post("/api/session", json=upgrade | {"passphrase": PASSPHRASE})
    assert moved.status_code == 200, moved.text
    assert (await api.put("/api/keys/me", json=bundle(os.urandom(32)))).status_code == 204
    await api.delete("/api/session")
    assert (await api.sign_in("sam", PASSPHRASE)).status_code == 401
    assert (await sign_in_with_key(api, "sam", login_key)).status_code == 200
    assert await salt_of(api, "sam") == salt


async def test_changing_the_passphrase_rewraps_and_signs_out_elsewhere(
    api: Api, new_person: NewPerson
) -> None:
    login_key, _ = await sealed_sign_up(api)
    await api.put("/api/keys/me", json=bundle(os.urandom(32)))
    laptop = await new_person()
    assert (await sign_in_with_key(laptop, "sam", login_key)).status_code == 200
    old_api = await api.put(
        "/api/account/passphrase",
        json={"current_passphrase": login_key, "new_passphrase": "another fine passphrase"},
    )
    assert old_api.status_code == 409

    new_key, new_wrap = b64(os.urandom(32)), b64(os.urandom(60))
    change = {"new_login_key": new_key, "wrapped_by_master": new_wrap}
    wrong = await api.put(
        "/api/keys/login-key", json=change | {"current_login_key": b64(os.urandom(32))}
    )
    assert wrong.status_code == 403 and field_names(wrong) == ["current_passphrase"]
    done = await api.put("/api/keys/login-key", json=change | {"current_login_key": login_key})
    assert done.status_code == 204
    assert (await api.get("/api/keys/me")).json()["wrapped_by_master"] == new_wrap
    assert await laptop.signed_in_as() is None
    assert await api.signed_in_as() == "sam"
    await api.delete("/api/session")
    assert (await sign_in_with_key(api, "sam", login_key)).status_code == 401
    assert (await sign_in_with_key(api, "sam", new_key)).status_code == 200


async def test_the_recovery_key_is_the_only_way_back(api: Api, new_person: NewPerson) -> None:
    proof = os.urandom(32)
    login_key, _ = await sealed_sign_up(api)
    mine = bundle(proof)
    await api.put("/api/keys/me", json=mine)
    phone = await new_person()
    asked = {"username": "sam", "recovery_proof": b64(os.urandom(32))}
    wrong = await phone.post("/api/keys/recovery", json=asked)
    unknown = await phone.post("/api/keys/recovery", json=asked | {"username": "nobody"})
    assert wrong.status_code == unknown.status_code == 403
    assert wrong.json()["detail"] == unknown.json()["detail"]

    right = await phone.post("/api/keys/recovery", json=asked | {"recovery_proof": b64(proof)})
    assert right.status_code == 200
    assert right.json()["wrapped_by_recovery"] == mine["wrapped_by_recovery"]
    new_key, new_wrap = b64(os.urandom(32)), b64(os.urandom(60))
    reset = {
        "username": "sam",
        "recovery_proof": b64(proof),
        "new_login_key": new_key,
        "wrapped_by_master": new_wrap,
    }
    answer = await phone.post("/api/keys/recovery/reset", json=reset)
    assert answer.status_code == 200, answer.text
    assert await phone.signed_in_as() == "sam"
    assert await api.signed_in_as() is None  # every other device signed out
    assert (await phone.get("/api/keys/me")).json()["wrapped_by_master"] == new_wrap
    await phone.delete("/api/session")
    assert (await sign_in_with_key(phone, "sam", login_key)).status_code == 401
    assert (await sign_in_with_key(phone, "sam", new_key)).status_code == 200


async def test_guessing_recovery_keys_is_throttled(api: Api, new_person: NewPerson) -> None:
    await sealed_sign_up(api)
    await api.put("/api/keys/me", json=bundle(os.urandom(32)))
    guesser = await new_person()
    answers = []
    for _ in range(40):
        guess = {"username": "sam", "recovery_proof": b64(os.urandom(32))}
        answers.append((await guesser.post("/api/keys/recovery", json=guess)).status_code)
        if answers[-1] == 429:
            break
    assert answers[-1] == 429 and set(answers[:-1]) == {403}


async def test_the_host_can_let_someone_start_over_but_never_hands_back_their_keys(
    api: Api, new_person: NewPerson
) -> None:
    from steady.accounts.keys import start_over_with_new_keys
    from steady.accounts.passphrases import Passphrases
    from tests.circles.helpers import join, keyed, keys_of, start

    login_key, _ = await sealed_sign_up(api, "sam")
    old = bundle(os.urandom(32))
    assert (await api.put("/api/keys/me", json=old)).status_code == 204
    alex, kim = await new_person(), await new_person()
    await keyed(alex, "alex")
    await keyed(kim, "kim")
    circle = (await start(alex))["id"]
    await join(alex, api, circle)
    await join(alex, kim, circle)

    passphrases = Passphrases(time_cost=1, memory_kib=8, parallelism=1, slots=1)
    temporary = await start_over_with_new_keys(passphrases, "Sam")
    # Signed out everywhere; the login key is gone and so are the keys, not handed back.
    assert (await api.get("/api/keys/me")).status_code == 401
    assert (await sign_in_with_key(api, "sam", login_key)).status_code in {401, 409}
    # The one-time passphrase signs in the way an older account moves over: new keys.
    salt = await salt_of(api, "sam")
    fresh = b64(os.urandom(32))
    upgrade = {"username": "sam", "upgrade_to": fresh, "key_salt": salt, "passphrase": temporary}
    assert (await api.post("/api/session", json=upgrade)).status_code == 200
    assert (await api.get("/api/keys/me")).status_code == 404
    new = bundle(os.urandom(32))
    assert (await api.put("/api/keys/me", json=new)).status_code == 204
    assert (await api.get("/api/keys/me")).json()["signing_public"] == new["signing_public"]
    await api.delete("/api/session")
    assert (await api.post("/api/session", json=upgrade)).status_code == 401  # used up
    # No circle key can reach the new keys: the circle let Sam go, for a new invite.
    assert (await sign_in_with_key(api, "sam", fresh)).status_code == 200
    assert (await api.get(f"/api/circles/{circle}")).status_code == 404
    left = await keys_of(alex, circle)
    assert [m["name"] for m in left["members"]] == ["alex", "kim"] and left["renew"] is True
