"""HTTP routes for keys: the salt before signing in, one's own bundle, changing the
passphrase (which re-wraps the account key) and starting again with the recovery key."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Request, Response, get, post, put
from litestar.di import NamedDependency
from litestar.params import JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_204_NO_CONTENT

from steady.accounts import credentials, keys
from steady.accounts.answers import signed_in
from steady.accounts.key_schemas import (
    Argon2Params,
    KeyBundleIn,
    KeyBundleView,
    KeyParams,
    LoginKeyChange,
    RecoveredBundle,
    RecoveryRequest,
    RecoveryReset,
    Username,
)
from steady.accounts.passphrases import Passphrases
from steady.accounts.schemas import SessionView
from steady.addresses import client_address
from steady.auth import Principal
from steady.domain import NotAllowed, NotFound
from steady.errors import BAD_INPUT
from steady.ratelimit import SigninWaits, enforce_rate_limit
from steady.settings import Settings

WRONG_RECOVERY = "That recovery key doesn't match this username. Please check both."


@get("/keys/params", operation_id="read_key_params", responses=BAD_INPUT)
async def read_key_params(request: Request[Any, Any, Any], username: Username) -> KeyParams:
    """The salt and Argon2id cost a phone needs to turn a passphrase into keys. Answers
    the same way for a username no one has, so it tells nobody which names exist."""
    salt = await keys.key_salt(request.app.state.secret_key, username)
    cost = Argon2Params(
        iterations=keys.ARGON2_ITERATIONS,
        memory_kib=keys.ARGON2_MEMORY_KIB,
        parallelism=keys.ARGON2_PARALLELISM,
    )
    return KeyParams(salt=salt, argon2=cost)


@get("/keys/me", operation_id="read_own_keys", opt={"answers": (404,)})
async def read_own_keys(principal: NamedDependency[Principal]) -> KeyBundleView:
    """One's keys as stored, for a device to unwrap with the passphrase."""
    bundle = await keys.own_keys(principal.user_id)
    if bundle is None:
        raise NotFound("No keys are set up for this account yet.")
    # Only the view's fields go out (the recovery-wrapped key and check stay here).
    return msgspec.convert(bundle, KeyBundleView)


@put(
    "/keys/me",
    operation_id="publish_own_keys",
    status_code=HTTP_204_NO_CONTENT,
    responses=BAD_INPUT,
    opt={"answers": (409,)},
)
async def publish_own_keys(
    principal: NamedDependency[Principal], data: JSONBody[KeyBundleIn]
) -> None:
    """Store the keys the phone made at sign-up (or when moving an older account over);
    sending the same bundle again is harmless."""
    await keys.publish_keys(principal.user_id, _fields(data))


def _fields(bundle: KeyBundleIn) -> dict[str, str]:
    return {name: getattr(bundle, name) for name in bundle.__struct_fields__}


@put(
    "/keys/login-key",
    operation_id="change_login_key",
    status_code=HTTP_204_NO_CONTENT,
    responses=BAD_INPUT,
    opt={"answers": (403, 404, 429, 503)},
)
async def change_login_key(
    request: Request[Any, Any, Any],
    principal: NamedDependency[Principal],
    data: JSONBody[LoginKeyChange],
    settings: NamedDependency[Settings],
    passphrases: NamedDependency[Passphrases],
) -> None:
    """A new passphrase, as the phone sends it: the new login key and the account key
    re-wrapped by the new master key. Other devices are signed out."""
    limit = settings.passphrase_checks_per_hour
    await enforce_rate_limit(request, "passphrase-check", str(principal.user_id), limit, 3600)
    if await keys.own_keys(principal.user_id) is None:
        raise NotFound("No keys are set up for this account yet.")
    checked = await credentials.check_credentials(
        passphrases, principal.username, data.current_login_key, f"account:{principal.user_id}"
    )
    if checked != principal.user_id:
        raise NotAllowed("That isn't your current passphrase.", "current_passphrase")
    await keys.replace_login_key(
        passphrases,
        principal.user_id,
        data.new_login_key,
        data.wrapped_by_master,
        keep_session_id=principal.session_id,
    )


async def _recovered(
    request: Request[Any, Any, Any], settings: Settings, username: str, proof: str
) -> tuple[int, dict[str, str]]:
    """The account a recovery key opens; throttled as sign-in is, per address and name."""
    address = client_address(request)
    await enforce_rate_limit(request, "signin-address", address, settings.signin_per_minute, 60)
    waits: SigninWaits = request.app.state.signin_waits
    name = credentials.normalise_username(username)
    await waits.check(name)
    found = await keys.recovered_keys(name, proof)
    if found is None:
        await waits.failed(name)
        raise NotAllowed(WRONG_RECOVERY, "recovery_key")
    await waits.succeeded(name)
    return found


@post(
    "/keys/recovery",
    operation_id="open_with_recovery_key",
    status_code=HTTP_200_OK,
    responses=BAD_INPUT,
    opt={"answers": (403, 429)},
)
async def open_with_recovery_key(
    request: Request[Any, Any, Any],
    data: JSONBody[RecoveryRequest],
    settings: NamedDependency[Settings],
) -> RecoveredBundle:
    """For a forgotten passphrase: the account key wrapped by the recovery key, which only
    the phone holding that key can unwrap."""
    _, bundle = await _recovered(request, settings, data.username, data.recovery_proof)
    return msgspec.convert(bundle, RecoveredBundle)


@post(
    "/keys/recovery/reset",
    operation_id="reset_with_recovery_key",
    status_code=HTTP_200_OK,
    responses=BAD_INPUT,
    opt={"answers": (403, 429, 503)},
)
async def reset_with_recovery_key(
    request: Request[Any, Any, Any],
    data: JSONBody[RecoveryReset],
    settings: NamedDependency[Settings],
    passphrases: NamedDependency[Passphrases],
) -> Response[SessionView]:
    """A new passphrase after a recovery key proved itself: every device is signed out and
    this one signed in; keys and everything sealed to them carry on."""
    account_id, _ = await _recovered(request, settings, data.username, data.recovery_proof)
    await keys.replace_login_key(
        passphrases, account_id, data.new_login_key, data.wrapped_by_master, keep_session_id=None
    )
    return await signed_in(request, settings, account_id, HTTP_200_OK)


KEY_ROUTES = (
    read_key_params,
    read_own_keys,
    publish_own_keys,
    change_login_key,
    open_with_recovery_key,
    reset_with_recovery_key,
)
