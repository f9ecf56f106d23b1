"""What other features (and the app) use of accounts: who a session is, each person's time
zone, name and public keys, and the revision counter synced records are written by.

The work itself is in modules with one job each: ``credentials.py`` (signing up and in,
changing or deleting), ``passphrases.py`` (argon2id hashing), ``sessions.py``,
``zones.py``, ``profiles.py``, ``keys.py`` and ``revisions.py``; this module is the one
door other features come through.
"""

from steady.accounts.keys import public_keys_of
from steady.accounts.profiles import account_view, usernames_of
from steady.accounts.revisions import account_locked, next_revision, synced_write
from steady.accounts.sessions import principal_for_token
from steady.accounts.zones import time_zone_of, time_zones_of

__all__ = [
    "account_locked",
    "account_view",
    "next_revision",
    "principal_for_token",
    "public_keys_of",
    "synced_write",
    "time_zone_of",
    "time_zones_of",
    "usernames_of",
]
