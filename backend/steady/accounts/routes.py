"""HTTP routes for signing up, signing in and out, and managing one's own account."""

from __future__ import annotations

import re
from typing import Any

from litestar import Request, Response, Router, delete, get, patch, post, put
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from litestar.exceptions import NotAuthorizedException
from litestar.params import JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED, HTTP_204_NO_CONTENT

from steady.accounts import credentials, sessions, zones
from steady.accounts.answers import signed_in, signed_out, view_of
from steady.accounts.key_routes import KEY_ROUTES
from steady.accounts.keys import LOGIN_KEY
from steady.accounts.passphrases import Passphrases
from steady.accounts.schemas import (
    AccountDeletion,
    AccountUpdate,
    AccountView,
    PassphraseChange,
    SessionView,
    SignIn,
    SignUp,
)
from steady.accounts.strength import passphrase_problem
from steady.addresses import client_address
from steady.auth import Principal, optional_principal
from steady.csrf import csrf_token_of
from steady.domain import Conflict, InvalidField, NotAllowed
from steady.errors import BAD_INPUT
from steady.ratelimit import SigninWaits, enforce_rate_limit
from steady.settings import Settings

WRONG_CREDENTIALS = "That username and passphrase don't match. Please check them and try again."
UNKNOWN_ZONE = "Steady doesn't know that time zone. Please choose one from the list."
LOGIN_KEY_SHAPE = re.compile(r"^[A-Za-z0-9_-]{43}$")
ONCE_MORE = (
    "Steady now keeps your keys on your phone. Your passphrase is checked one last time"
    " to move your account over."
)


def provide_passphrases(state: State) -> Passphrases:
    """The app's argon2id hasher, built once at start-up."""
    passphrases: NamedDependency[Passphrases] = state.passphrases
    return passphrases


@get(
    "/session",
    operation_id="read_session",
    dependencies={"principal": Provide(optional_principal, sync_to_thread=False)},
)
async def read_session(
    request: Request[Any, Any, Any], principal: NamedDependency[Principal | None]
) -> SessionView:
    """Who is signed in on this device, if anyone, and the CSRF token for writes."""
    token = csrf_token_of(request)
    if principal is None:
        return SessionView(signed_in=False, account=None, csrf_token=token)
    return SessionView(signed_in=True, account=await view_of(principal.user_id), csrf_token=token)


@post(
    "/session",
    operation_id="sign_in",
    status_code=HTTP_200_OK,
    responses=BAD_INPUT,
    opt={"answers": (401, 409, 429, 503)},
)
async def sign_in(
    request: Request[Any, Any, Any],
    data: JSONBody[SignIn],
    settings: NamedDependency[Settings],
    passphrases: NamedDependency[Passphrases],
) -> Response[SessionView]:
    """Sign in with username and passphrase; one generic answer for any mismatch.

    After too many wrong passphrases for a username, its sign-in waits (429) before the
    passphrase is even looked at, so the right one gets no further than a wrong one."""
    address = client_address(request)
    await enforce_rate_limit(request, "signin-address", address, settings.signin_per_minute, 60)
    waits: SigninWaits = request.app.state.signin_waits
    username = credentials.normalise_username(data.username)
    await waits.check(username)
    if data.upgrade_to is not None and data.key_salt is None:
        raise InvalidField("key_salt", "Send the salt the login key was derived with.")
    kind = await credentials.login_kind_of(username)
    if data.login_key and kind == "passphrase":
        raise Conflict(ONCE_MORE, "passphrase")
    account_id = await credentials.check_credentials(
        passphrases, username, data.passphrase, address
    )
    if account_id is None:
        await waits.failed(username)
        raise NotAuthorizedException(detail=WRONG_CREDENTIALS)
    await waits.succeeded(username)
    if data.upgrade_to is not None and data.key_salt is not None and kind == "passphrase":
        await credentials.move_to_login_key(
            passphrases, account_id, data.upgrade_to, data.key_salt, address
        )
    return await signed_in(request, settings, account_id, HTTP_200_OK)


@post(
    "/accounts",
    operation_id="sign_up",
    status_code=HTTP_201_CREATED,
    responses=BAD_INPUT,
    opt={"answers": (409, 429, 503)},
)
async def sign_up(
    request: Request[Any, Any, Any],
    data: JSONBody[SignUp],
    settings: NamedDependency[Settings],
    passphrases: NamedDependency[Passphrases],
) -> Response[SessionView]:
    """Create an account (a username and a passphrase, nothing more) and sign in."""
    address = client_address(request)
    await enforce_rate_limit(request, "signup-address", address, settings.signup_per_hour, 3600)
    if not zones.is_valid_time_zone(data.time_zone):
        raise InvalidField("time_zone", UNKNOWN_ZONE)
    if data.key_salt is None:  # a login key is random; the phone judged the passphrase
        weak = passphrase_problem(data.passphrase, data.username)
        if weak is not None:
            raise InvalidField("passphrase", weak)
    elif not LOGIN_KEY_SHAPE.match(data.passphrase):
        raise InvalidField("passphrase", "With a key salt, send the 32-byte login key.")
    try:
        account_id = await credentials.create_account(
            passphrases, data.username, data.passphrase, data.time_zone, address, data.key_salt
        )
    except credentials.UsernameTaken as taken:
        raise Conflict("That username is taken. Please choose another.", "username") from taken
    return await signed_in(request, settings, account_id, HTTP_201_CREATED)


@delete("/session", operation_id="sign_out", status_code=HTTP_204_NO_CONTENT)
async def sign_out(
    request: Request[Any, Any, Any],
    principal: NamedDependency[Principal],
    settings: NamedDependency[Settings],
) -> Response[None]:
    """Sign this device out."""
    await sessions.end_session(principal.session_id)
    return signed_out(request, settings)


@delete("/sessions", operation_id="sign_out_everywhere", status_code=HTTP_204_NO_CONTENT)
async def sign_out_everywhere(
    request: Request[Any, Any, Any],
    principal: NamedDependency[Principal],
    settings: NamedDependency[Settings],
) -> Response[None]:
    """Sign out on every device at once (a lost phone, a shared computer)."""
    await sessions.end_all_sessions(principal.user_id)
    return signed_out(request, settings)


@patch("/account", operation_id="update_account", responses=BAD_INPUT)
async def update_account(
    principal: NamedDependency[Principal], data: JSONBody[AccountUpdate]
) -> AccountView:
    """Change account preferences such as the time zone days are counted in."""
    if not zones.is_valid_time_zone(data.time_zone):
        raise InvalidField("time_zone", UNKNOWN_ZONE)
    await zones.set_time_zone(principal.user_id, data.time_zone)
    return await view_of(principal.user_id)


async def _limit_passphrase_checks(
    request: Request[Any, Any, Any], principal: Principal, settings: Settings
) -> None:
    limit = settings.passphrase_checks_per_hour
    await enforce_rate_limit(request, "passphrase-check", str(principal.user_id), limit, 3600)


@put(
    "/account/passphrase",
    operation_id="change_passphrase",
    status_code=HTTP_204_NO_CONTENT,
    responses=BAD_INPUT,
    opt={"answers": (409, 429, 503)},
)
async def change_passphrase(
    request: Request[Any, Any, Any],
    principal: NamedDependency[Principal],
    data: JSONBody[PassphraseChange],
    settings: NamedDependency[Settings],
    passphrases: NamedDependency[Passphrases],
) -> None:
    """Change the passphrase; other devices are signed out, this one stays in."""
    await _limit_passphrase_checks(request, principal, settings)
    if await credentials.login_kind_of(principal.username) == LOGIN_KEY:
        raise Conflict("Change your passphrase in the Steady app: it re-wraps your keys too.")
    weak = passphrase_problem(data.new_passphrase, principal.username)
    if weak is not None:
        raise InvalidField("new_passphrase", weak)
    try:
        await credentials.change_passphrase(
            passphrases,
            principal.user_id,
            data.current_passphrase,
            data.new_passphrase,
            keep_session_id=principal.session_id,
        )
    except credentials.WrongPassphrase as wrong:
        raise NotAllowed("That isn't your current passphrase.", "current_passphrase") from wrong


@post(
    "/account/deletion",
    operation_id="delete_account",
    status_code=HTTP_204_NO_CONTENT,
    responses=BAD_INPUT,
    opt={"answers": (429, 503)},
)
async def delete_account(
    request: Request[Any, Any, Any],
    principal: NamedDependency[Principal],
    data: JSONBody[AccountDeletion],
    settings: NamedDependency[Settings],
    passphrases: NamedDependency[Passphrases],
) -> Response[None]:
    """Delete the account and everything it owns, after confirming the passphrase."""
    await _limit_passphrase_checks(request, principal, settings)
    try:
        await credentials.delete_account(passphrases, principal.user_id, data.passphrase)
    except credentials.WrongPassphrase as wrong:
        raise NotAllowed("That isn't your passphrase.", "passphrase") from wrong
    return signed_out(request, settings)


router = Router(
    path="/api",
    tags=["accounts"],
    dependencies={"passphrases": Provide(provide_passphrases, sync_to_thread=False)},
    route_handlers=[
        read_session,
        sign_in,
        sign_up,
        sign_out,
        sign_out_everywhere,
        update_account,
        change_passphrase,
        delete_account,
        *KEY_ROUTES,
    ],
)
