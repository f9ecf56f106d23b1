"""Domain errors: what a service says went wrong, in words a person can act on.

Services raise these and know nothing of HTTP; ``create_app`` maps each kind to one
answer in one place (``steady.errors.domain_error_response``).
"""

from __future__ import annotations


class DomainError(Exception):
    """Something a request asked for that Steady will not do; ``message`` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidField(DomainError):
    """One field's value breaks a rule the schema cannot express."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class NotFound(DomainError):
    """Nothing there for this person (existence is never revealed to anyone else)."""


class Conflict(DomainError):
    """The request clashes with the current state (a limit reached, a preview outdated)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class Gone(DomainError):
    """The thing was deleted for good; a late change to it is dropped."""


class Limited(DomainError):
    """Too much at once: try again after ``retry_after`` seconds. ``busy`` means the server
    as a whole is at capacity rather than this person being over their own limit."""

    def __init__(self, message: str, retry_after: int, *, busy: bool = False) -> None:
        super().__init__(message)
        self.retry_after = max(1, retry_after)
        self.busy = busy


class TooLarge(DomainError):
    """More at once than Steady takes in one request."""


class NotAllowed(DomainError):
    """A confirmation that did not match (the current passphrase, say)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class InvalidFields(DomainError):
    """Several fields break their rules at once (an import file): every one is named."""

    def __init__(self, message: str, problems: list[tuple[str, str]]) -> None:
        super().__init__(message)
        self.problems = problems
