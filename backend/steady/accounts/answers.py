"""The answers that start or end a session, shared by the sign-in and key routes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from litestar import Request, Response
from litestar.exceptions import NotAuthorizedException
from litestar.status_codes import HTTP_204_NO_CONTENT

from steady.accounts import profiles, sessions
from steady.accounts.schemas import AccountView, SessionView
from steady.cookies import expired_session_cookie, is_https, session_cookie
from steady.csrf import CsrfTokens
from steady.device_labels import device_label
from steady.settings import Settings


async def view_of(account_id: int) -> AccountView:
    """The account as its owner sees it; 401 if it was deleted meanwhile."""
    row = await profiles.account_view(account_id)
    if row is None:
        raise NotAuthorizedException(detail="This account no longer exists.")
    return AccountView(
        username=str(row["username"]),
        time_zone=str(row["time_zone"]),
        created_at=row["created_at"],  # type: ignore[arg-type]
        sealed=row["login_kind"] == "login_key",
    )


async def signed_in(
    request: Request[Any, Any, Any],
    settings: Settings,
    account_id: int,
    status: int,
) -> Response[SessionView]:
    """A new session on this device, its cookie and its CSRF token."""
    lifetime = timedelta(days=settings.session_days)
    token = await sessions.start_session(
        account_id, device_label(request.headers.get("user-agent", "")), lifetime
    )
    # A new session brings a new CSRF token (the middleware sets its cookie to match).
    csrf: CsrfTokens = request.app.state.csrf
    view = SessionView(
        signed_in=True, account=await view_of(account_id), csrf_token=csrf.for_session(token)
    )
    secure = is_https(request.scope, settings.secure_cookies)
    return Response(view, status_code=status, cookies=[session_cookie(token, lifetime, secure)])


def signed_out(request: Request[Any, Any, Any], settings: Settings) -> Response[None]:
    """An answer that clears the session cookie."""
    secure = is_https(request.scope, settings.secure_cookies)
    return Response(None, status_code=HTTP_204_NO_CONTENT, cookies=[expired_session_cookie(secure)])
