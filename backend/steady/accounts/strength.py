"""Whether a new passphrase is hard enough to guess, judged by zxcvbn.

zxcvbn estimates how many guesses an attacker would need, knowing common passwords,
words, names, keyboard patterns, repeats and sequences; a score of 3 ("safely unguessable
by an online attacker, moderate protection offline") is the least Steady accepts. The PWA
runs the same estimator (its TypeScript port) before the form is sent, so a person hears
why and what would work without waiting for the server.
"""

from __future__ import annotations

from zxcvbn import zxcvbn

ENOUGH = 3
# Beyond this, a passphrase only gets stronger; the estimate's cost grows with the length.
ESTIMATE_CHARACTERS = 64
TRY_INSTEAD = "Try three or four words that don't belong together."


def passphrase_problem(passphrase: str, username: str) -> str | None:
    """Why ``passphrase`` is too easy to guess for this person, or None when it is fine."""
    name = username.strip().lower()
    if name and name in passphrase.lower():
        return f"Your passphrase must not contain your username. {TRY_INSTEAD}"
    estimate = zxcvbn(passphrase[:ESTIMATE_CHARACTERS], user_inputs=[name, "steady"])
    if estimate["score"] >= ENOUGH:
        return None
    warning = str(estimate["feedback"].get("warning") or "").strip()
    reason = f" {warning.rstrip('.')}." if warning else ""
    return f"That passphrase is too easy to guess.{reason} {TRY_INSTEAD}"
