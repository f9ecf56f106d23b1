"""Accounts and their sessions."""

from piccolo.columns import UUID, BigInt, ForeignKey, OnDelete, Serial, Text, Timestamptz, Varchar
from piccolo.table import Table

from steady.clock import StampNow


class Account(Table, tablename="account"):
    """A person using Steady: a chosen username, no email and no real name."""

    id = Serial(primary_key=True)

    username = Varchar(length=32, unique=True, index=True)
    passphrase_hash = Varchar(length=255)
    # "passphrase": the hash is of the passphrase itself (accounts made before sealing);
    # "login_key": of the login key the phone derives, so the passphrase never arrives.
    login_kind = Varchar(length=16, default="passphrase")
    # The Argon2id salt the phone used (base64url); empty until the phone first derived keys.
    key_salt = Varchar(length=32, default="")
    time_zone = Varchar(length=64, default="UTC")
    # A per-account change counter: every synced write takes the next value, so a device
    # can ask for "everything after revision N" without missing a concurrent write.
    revision = BigInt(default=0)
    created_at = Timestamptz(default=StampNow())


class AccountSession(Table, tablename="account_session"):
    """A signed-in device. Only the token's hash is stored."""

    id = Serial(primary_key=True)

    account = ForeignKey(references=Account, on_delete=OnDelete.cascade, null=False, index=True)
    token_hash = Varchar(length=64, unique=True, index=True)
    device = Varchar(length=120, default="")
    created_at = Timestamptz(default=StampNow())
    last_seen_at = Timestamptz(default=StampNow())
    expires_at = Timestamptz(default=StampNow())


class KeyBundle(Table, tablename="key_bundle"):
    """A person's keys as the server holds them: public keys in the clear, and everything
    secret only wrapped or encrypted by keys that never reach the server (the master key
    from the passphrase, the recovery key written down, the account key they wrap)."""

    id = Serial(primary_key=True)

    account = ForeignKey(
        references=Account, on_delete=OnDelete.cascade, null=False, unique=True, index=True
    )
    signing_public = Varchar(length=100)
    sealing_public = Varchar(length=100)
    fingerprint = Varchar(length=64)
    wrapped_by_master = Varchar(length=200)
    wrapped_by_recovery = Varchar(length=200)
    sealed_identity = Text()
    recovery_check = Varchar(length=64)
    updated_at = Timestamptz(default=StampNow())


def owner(*, unique: bool = False, index: bool = False) -> ForeignKey[Account]:
    """The account a row belongs to (every feature's tables point here): deleting the
    account deletes the row."""
    return ForeignKey(
        references=Account, on_delete=OnDelete.cascade, null=False, unique=unique, index=index
    )


class SyncedRecord:
    """Columns every record a phone syncs shares, and its tombstone too: the id the device
    chose, its owner, and its place in the owner's change feed (``(account, revision)`` is
    indexed by each feature's migrations). Piccolo gives each table its own copy."""

    id = UUID(primary_key=True)
    account = owner()
    revision = BigInt()
