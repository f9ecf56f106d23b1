"""One typed settings object, read from ``STEADY_*`` environment variables.

Every knob an operator can turn lives here and ``Settings.from_env`` is the only reader
of the environment; ``tests/platform/test_readme_settings.py`` fails when the README's
configuration table and these fields (or their defaults) disagree.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import msgspec

ENV_PREFIX = "STEADY_"
# The public Web Push services browsers subscribe with (a leading dot: any subdomain).
PUBLIC_PUSH_SERVICES = (
    "fcm.googleapis.com,updates.push.services.mozilla.com,.push.services.mozilla.com,"
    ".push.apple.com,.notify.windows.com"
)


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    """Runtime configuration; field names map to ``STEADY_<NAME>`` variables."""

    host: str = "127.0.0.1"
    port: int = 8000
    data_dir: Path = Path("data")
    database_url: str = ""
    # PostgreSQL connections per instance (keep instances x pool under max_connections).
    db_pool_size: int = 30
    frontend_dir: Path = Path("frontend/dist")
    # Cookies are Secure when served over HTTPS; force it on behind a TLS proxy.
    secure_cookies: bool = False
    session_days: int = 30
    # argon2id cost; the defaults follow the argon2-cffi recommendation (RFC 9106 low-memory).
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 65536
    argon2_parallelism: int = 4
    # Passphrase hashes computed at once; past that, new checks are refused, not queued.
    argon2_slots: int = 2
    signin_per_minute: int = 10
    # Wrong passphrases for one username before its sign-in waits (for every address);
    # each further one doubles the wait, from a minute up to an hour.
    signin_failures_before_wait: int = 10
    # Passphrase checks (change, deletion) one signed-in person may make per hour.
    passphrase_checks_per_hour: int = 10
    signup_per_hour: int = 20
    # Peer invites: made per person per hour; tried (opened, accepted, declined) per person
    # per 10 minutes (a spoken code is short, so guessing must stay hopeless).
    invites_per_hour: int = 10
    invite_tries_per_10_minutes: int = 10
    max_body_bytes: int = 64 * 1024
    # Where pushes may go: hosts (".example.com": any subdomain), over https only, or
    # "http://HOST:PORT" for a plain-HTTP stand-in (tests, local development).
    push_hosts: str = PUBLIC_PUSH_SERVICES
    # Rate limits in Redis (shared by instances, kept over restarts); in memory when empty.
    redis_url: str = ""
    # Proxies (addresses or CIDRs) whose X-Forwarded-For names the real client.
    trusted_proxies: str = ""
    log_level: str = "info"
    vapid_subject: str = "mailto:admin@localhost"
    # The push dispatcher: on in every instance (they share the work safely on PostgreSQL).
    dispatcher_enabled: bool = True
    dispatch_interval_seconds: float = 10.0
    dispatch_batch: int = 500
    push_concurrency: int = 200
    # Processes that encrypt pushes beside the event loop (0: in the loop), started with it.
    push_encrypt_workers: int = 1
    # A reminder missed by less than this (server down) is still sent once; older are skipped.
    reminder_grace_minutes: int = 30
    # How often circles' rounds are opened, closed and tidied (0: only when a circle is read).
    circle_tick_seconds: float = 60
    # Summaries and replies stored readable (sent before sealing, or by an older client)
    # are taken off after this many days; looked for every `tidy_seconds` (0: never).
    plaintext_grace_days: int = 14
    tidy_seconds: float = 3600

    @property
    def resolved_database_url(self) -> str:
        """The database URL, defaulting to the embedded SQLite file in the data folder."""
        return self.database_url or f"sqlite:///{self.data_dir / 'steady.db'}"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Build settings from the environment so tests and operators use one path."""
        env = os.environ if environ is None else environ
        raw: dict[str, Any] = {}
        for field in msgspec.structs.fields(cls):
            value = env.get(ENV_PREFIX + field.name.upper())
            if value is not None and value != "":
                raw[field.name] = value
        try:
            return msgspec.convert(raw, cls, strict=False, dec_hook=_decode_path)
        except msgspec.ValidationError as error:
            raise SystemExit(f"Steady configuration error: {error}") from error


def _decode_path(kind: type, value: Any) -> Any:
    if kind is Path and isinstance(value, str):
        return Path(value)
    raise NotImplementedError(f"cannot read {kind!r} from the environment")
