"""HTTP routes for signing up, signing in and out, and managing one's own account."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from litestar import Request, Response, Router, delete, get, patch, post, put
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from litestar.exceptions import NotAuthorizedException
from litestar.params import JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED, HTTP_204_NO_CONTENT

from steady.accounts import service
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
from steady.cookies import expired_session_cookie, is_https, session_cookie
from steady.csrf import CsrfTokens, csrf_token_of
from steady.device_labels import device_label
from steady.domain import Conflict, InvalidField, NotAllowed
from steady.errors import BAD_INPUT
from steady.ratelimit import SigninWaits, enforce_rate_limit
from steady.settings import Settings

WRONG_CREDENTIALS = "That username and passphrase don't match. Please check them and try again."
UNKNOWN_ZONE = "Steady doesn't know that time zone. Please choose one from the list."


def provide_passphrases(state: State) -> service.Passphrases:
    """The app's argon2id hasher, built once at start-up."""
    passphrases: NamedDependency[service.Passphrases] = state.passphrases
    return passphrases


async def _view(account_id: int) -> AccountView:
    row = await service.account_view(account_id)
    if row is None:
        raise NotAuthorizedException(detail="This account no longer exists.")
    return AccountView(
        username=str(row["username"]),
        time_zone=str(row["time_zone"]),
        created_at=row["created_at"],  # type: ignore[arg-type]
    )


async def _signed_in(
    request: Request[Any, Any, Any],
    settings: Settings,
    account_id: int,
    status: int,
) -> Response[SessionView]:
    lifetime = timedelta(days=settings.session_days)
    token = await service.start_session(
        account_id, device_label(request.headers.get("user-agent", "")), lifetime
    )
    # A new session brings a new CSRF token (the middleware sets its cookie to match).
    csrf: CsrfTokens = request.app.state.csrf
    view = SessionView(
        signed_in=True, account=await _view(account_id), csrf_token=csrf.for_session(token)
    )
    secure = is_https(request.scope, settings.secure_cookies)
    return Response(view, status_code=status, cookies=[session_cookie(token, lifetime, secure)])


def _signed_out(request: Request[Any, Any, Any], settings: Settings) -> Response[None]:
    secure = is_https(request.scope, settings.secure_cookies)
    return Response(None, status_code=HTTP_204_NO_CONTENT, cookies=[expired_session_cookie(secure)])


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
    return SessionView(signed_in=True, account=await _view(principal.user_id), csrf_token=token)


@post(
    "/session",
    operation_id="sign_in",
    status_code=HTTP_200_OK,
    responses=BAD_INPUT,
    opt={"answers": (401, 429, 503)},
)
async def sign_in(
    request: Request[Any, Any, Any],
    data: JSONBody[SignIn],
    settings: NamedDependency[Settings],
    passphrases: NamedDependency[service.Passphrases],
) -> Response[SessionView]:
    """Sign in with username and passphrase; one generic answer for any mismatch.

    After too many wrong passphrases for a username, its sign-in waits (429) before the
    passphrase is even looked at, so the right one gets no further than a wrong one."""
    address = client_address(request)
    await enforce_rate_limit(request, "signin-address", address, settings.signin_per_minute, 60)
    waits: SigninWaits = request.app.state.signin_waits
    username = service.normalise_username(data.username)
    await waits.check(username)
    account_id = await service.check_credentials(passphrases, username, data.passphrase, address)
    if account_id is None:
        await waits.failed(username)
        raise NotAuthorizedException(detail=WRONG_CREDENTIALS)
    await waits.succeeded(username)
    return await _signed_in(request, settings, account_id, HTTP_200_OK)


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
    passphrases: NamedDependency[service.Passphrases],
) -> Response[SessionView]:
    """Create an account (a username and a passphrase, nothing more) and sign in."""
    address = client_address(request)
    await enforce_rate_limit(request, "signup-address", address, settings.signup_per_hour, 3600)
    if not service.is_valid_time_zone(data.time_zone):
        raise InvalidField("time_zone", UNKNOWN_ZONE)
    weak = passphrase_problem(data.passphrase, data.username)
    if weak is not None:
        raise InvalidField("passphrase", weak)
    try:
        account_id = await service.create_account(
            passphrases, data.username, data.passphrase, data.time_zone, address
        )
    except service.UsernameTaken as taken:
        raise Conflict("That username is taken. Please choose another.", "username") from taken
    return await _signed_in(request, settings, account_id, HTTP_201_CREATED)


@delete("/session", operation_id="sign_out", status_code=HTTP_204_NO_CONTENT)
async def sign_out(
    request: Request[Any, Any, Any],
    principal: NamedDependency[Principal],
    settings: NamedDependency[Settings],
) -> Response[None]:
    """Sign this device out."""
    await service.end_session(principal.session_id)
    return _signed_out(request, settings)


@delete("/sessions", operation_id="sign_out_everywhere", status_code=HTTP_204_NO_CONTENT)
async def sign_out_everywhere(
    request: Request[Any, Any, Any],
    principal: NamedDependency[Principal],
    settings: NamedDependency[Settings],
) -> Response[None]:
    """Sign out on every device at once (a lost phone, a shared computer)."""
    await service.end_all_sessions(principal.user_id)
    return _signed_out(request, settings)


@patch("/account", operation_id="update_account", responses=BAD_INPUT)
async def update_account(
    principal: NamedDependency[Principal], data: JSONBody[AccountUpdate]
) -> AccountView:
    """Change account preferences such as the time zone days are counted in."""
    if not service.is_valid_time_zone(data.time_zone):
        raise InvalidField("time_zone", UNKNOWN_ZONE)
    await service.set_time_zone(principal.user_id, data.time_zone)
    return await _view(principal.user_id)


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
    opt={"answers": (429, 503)},
)
async def change_passphrase(
    request: Request[Any, Any, Any],
    principal: NamedDependency[Principal],
    data: JSONBody[PassphraseChange],
    settings: NamedDependency[Settings],
    passphrases: NamedDependency[service.Passphrases],
) -> None:
    """Change the passphrase; other devices are signed out, this one stays in."""
    await _limit_passphrase_checks(request, principal, settings)
    weak = passphrase_problem(data.new_passphrase, principal.username)
    if weak is not None:
        raise InvalidField("new_passphrase", weak)
    try:
        await service.change_passphrase(
            passphrases,
            principal.user_id,
            data.current_passphrase,
            data.new_passphrase,
            keep_session_id=principal.session_id,
        )
    except service.WrongPassphrase as wrong:
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
    passphrases: NamedDependency[service.Passphrases],
) -> Response[None]:
    """Delete the account and everything it owns, after confirming the passphrase."""
    await _limit_passphrase_checks(request, principal, settings)
    try:
        await service.delete_account(passphrases, principal.user_id, data.passphrase)
    except service.WrongPassphrase as wrong:
        raise NotAllowed("That isn't your passphrase.", "passphrase") from wrong
    return _signed_out(request, settings)


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
    ],
)
