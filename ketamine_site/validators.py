"""Text hygiene for anything visitors type: no control characters, no header injection, no bidi tricks."""

import unicodedata

from django.core.exceptions import ValidationError

# Invisible characters that reorder text (used to disguise names and links in a staff member's view).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# A message may hold line breaks and tabs; nothing else below the printable range.
MULTILINE_ALLOWED = frozenset("\n\r\t")


def _has_control_characters(value: str, allowed: frozenset[str] = frozenset()) -> bool:
    return any((unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS) and char not in allowed for char in value)


def reject_control_characters(value: str) -> None:
    """Single-line fields: line breaks here are how mail-header injection starts, so refuse them."""
    if _has_control_characters(value):
        raise ValidationError("Remove line breaks and hidden characters from this answer.", code="control_characters")


def reject_control_characters_multiline(value: str) -> None:
    if _has_control_characters(value, allowed=MULTILINE_ALLOWED):
        raise ValidationError("Remove hidden characters from your message.", code="control_characters")
