"""The shapes of an invite as its maker sees it, shared by sharing and circles: both invite
with the same one-time link and spoken code (``tokens.py``), so one shape serves both
(plumbing: it knows neither feature)."""

from datetime import datetime

from steady.structs import Output


class InviteCreated(Output):
    """Shown once: only hashes of the token and the code are stored."""

    id: int
    token: str
    code: str
    expires_at: datetime


class InviteView(Output):
    id: int
    created_at: datetime
    expires_at: datetime
