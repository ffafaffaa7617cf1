"""
The form's timing token: a signed record of when the form was shown.

Sending a form within `INQUIRY_MIN_SECONDS` of seeing it is what scripts do, not people; a token
older than `INQUIRY_MAX_SECONDS` belongs to a page left open too long. Either way the form is
shown again with a fresh token and everything the visitor typed, and nothing is stored.
"""

import enum
import time

from django.conf import settings
from django.core import signing

SALT = "clinics.inquiry-form-token"


class TokenProblem(enum.Enum):
    MISSING = "missing"
    TOO_FAST = "too_fast"
    EXPIRED = "expired"


def form_token_issue(*, now: float | None = None) -> str:
    return signing.dumps(round(time.time() if now is None else now, 3), salt=SALT)


def form_token_problem(token: str, *, now: float | None = None) -> TokenProblem | None:
    """What is wrong with a posted token, or None when the post may go ahead."""
    now = time.time() if now is None else now
    try:
        shown_at = float(signing.loads(token, salt=SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return TokenProblem.MISSING
    age = now - shown_at
    if age < settings.INQUIRY_MIN_SECONDS:
        return TokenProblem.TOO_FAST
    if age > settings.INQUIRY_MAX_SECONDS:
        return TokenProblem.EXPIRED
    return None
