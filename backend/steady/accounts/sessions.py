"""Sessions: a device signed in under a random token (only its hash is stored), slid
forward while in use, ended one at a time or everywhere."""

from __future__ import annotations

from datetime import timedelta

from steady import clock
from steady.accounts.tables import AccountSession
from steady.auth import Principal
from steady.bounds import keep_newest
from steady.tokens import hash_token, new_session_token

# Slide a session's expiry forward at most this often, so reads do not all become writes.
SESSION_RENEW_AFTER = timedelta(hours=1)
# Devices signed in at once; signing in on one more signs the longest-unused out.
SESSIONS_MAX = 20


async def start_session(account_id: int, device: str, lifetime: timedelta) -> str:
    """Open a session for a device and return its token (only the hash is stored)."""
    token = new_session_token()
    now = clock.now()
    await AccountSession.delete().where(
        (AccountSession.account == account_id) & (AccountSession.expires_at < now)
    )
    # Room for the new one: the newest SESSIONS_MAX - 1 stay.
    await keep_newest(
        AccountSession,
        AccountSession.account,
        account_id,
        AccountSession.last_seen_at,
        SESSIONS_MAX - 1,
    )
    await AccountSession.insert(
        AccountSession(
            account=account_id,
            token_hash=hash_token(token),
            device=device[:120],
            created_at=now,
            last_seen_at=now,
            expires_at=now + lifetime,
        )
    )
    return token


async def principal_for_token(token: str, lifetime: timedelta) -> Principal | None:
    """Who a session token belongs to, sliding its expiry forward while it is in use."""
    # Runs on every request: plain SQL, as Piccolo's join building cost more than the query.
    rows = await AccountSession.raw(
        "SELECT s.id, s.account AS account_id, a.username, s.last_seen_at, s.expires_at"
        " FROM account_session s JOIN account a ON a.id = s.account"
        " WHERE s.token_hash = {}",
        hash_token(token),
    )
    row = rows[0] if rows else None
    now = clock.now()
    if row is None or row["expires_at"] <= now:
        return None
    renewed: str | None = None
    if now - row["last_seen_at"] >= SESSION_RENEW_AFTER:
        await AccountSession.update(
            {AccountSession.last_seen_at: now, AccountSession.expires_at: now + lifetime}
        ).where(AccountSession.id == row["id"])
        renewed = token
    return Principal(
        user_id=int(row["account_id"]),
        session_id=int(row["id"]),
        username=str(row["username"]),
        renewed_token=renewed,
    )


async def end_session(session_id: int) -> None:
    """Sign one device out."""
    await AccountSession.delete().where(AccountSession.id == session_id)


async def end_all_sessions(account_id: int) -> None:
    """Sign out everywhere: every device's cookie stops working at once."""
    await AccountSession.delete().where(AccountSession.account == account_id)
