"""Request and response bodies for accounts and sessions."""

from datetime import datetime
from typing import Annotated

import msgspec

from steady.accounts.key_schemas import KeySalt, LoginKey
from steady.structs import Input, Output

Username = Annotated[
    str,
    msgspec.Meta(
        min_length=3,
        max_length=32,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
        description="3-32 letters, digits, dots, dashes or underscores; not case-sensitive.",
    ),
]
NewPassphrase = Annotated[
    str,
    msgspec.Meta(
        min_length=10,
        max_length=256,
        description="At least 10 characters; a few unrelated words work well.",
    ),
]
AnyPassphrase = Annotated[str, msgspec.Meta(min_length=1, max_length=256)]
TimeZone = Annotated[
    str, msgspec.Meta(min_length=1, max_length=64, description="An IANA zone, e.g. Europe/London.")
]


class SignUp(Input):
    """With ``key_salt`` the passphrase field carries the phone's login key (sealed
    accounts: the passphrase itself never leaves the phone)."""

    username: Username
    passphrase: NewPassphrase
    time_zone: TimeZone = "UTC"
    key_salt: KeySalt | None = None


class SignIn(Input):
    """``login_key``: the passphrase field is the phone's login key. An account made
    before sealing answers that with 409 once; the phone then sends the passphrase one
    last time with ``upgrade_to`` (its login key) and ``key_salt``."""

    username: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    passphrase: AnyPassphrase
    login_key: bool = False
    upgrade_to: LoginKey | None = None
    key_salt: KeySalt | None = None


class PassphraseChange(Input):
    current_passphrase: AnyPassphrase
    new_passphrase: NewPassphrase


class AccountDeletion(Input):
    passphrase: AnyPassphrase


class AccountUpdate(Input):
    time_zone: TimeZone


class AccountView(Output):
    username: str
    time_zone: str
    created_at: datetime
    # Signs in with the phone's login key and has keys (false: made before sealing and
    # not signed in since; it moves over at its next sign-in).
    sealed: bool


class SessionView(Output):
    """Who is signed in here, and the CSRF token to echo on writes (also in a cookie)."""

    signed_in: bool
    account: AccountView | None
    csrf_token: str = ""
