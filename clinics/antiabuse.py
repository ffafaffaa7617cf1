"""
The form's timing token: a signed record of when the form was shown, and a nonce that makes it
single-use.

Sending a form within `INQUIRY_MIN_SECONDS` of seeing it is what scripts do, not people; a token
older than `INQUIRY_MAX_SECONDS` belongs to a page left open too long. Either way the form is
shown again with a fresh token and everything the visitor typed, and nothing is stored.

The nonce is stored with the inquiry it sent, under a unique constraint, so a token is accepted
once across every worker and machine: the database decides, not a per-process memory or a cache
that may be down. A replay gets the form back with the answers and a fresh token.
"""

import enum
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

SALT = "clinics.inquiry-form-token"


class TokenProblem(enum.Enum):
    MISSING = "missing"
    TOO_FAST = "too_fast"
    EXPIRED = "expired"
    REPLAYED = "replayed"


@dataclass(frozen=True)
class TokenCheck:
    problem: TokenProblem | None  # None: the post may go ahead
    nonce: str = ""


def form_token_issue(*, now: float | None = None) -> str:
    shown_at = round(time.time() if now is None else now, 3)
    return signing.dumps({"shown_at": shown_at, "nonce": secrets.token_urlsafe(16)}, salt=SALT)


def form_token_check(token: str, *, now: float | None = None) -> TokenCheck:
    """What is wrong with a posted token's timing (never whether it was used: see clinics.selectors)."""
    now = time.time() if now is None else now
    try:
        payload = signing.loads(token, salt=SALT)
        shown_at, nonce = float(payload["shown_at"]), str(payload["nonce"])
    except (signing.BadSignature, TypeError, ValueError, KeyError):
        return TokenCheck(TokenProblem.MISSING)
    age = now - shown_at
    if age < settings.INQUIRY_MIN_SECONDS:
        return TokenCheck(TokenProblem.TOO_FAST)
    if age > settings.INQUIRY_MAX_SECONDS:
        return TokenCheck(TokenProblem.EXPIRED)
    return TokenCheck(None, nonce)
