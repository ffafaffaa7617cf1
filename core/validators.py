"""Text hygiene for anything visitors type: no control characters, no header injection, no bidi tricks,
no invisible characters that make a name look blank or hide text from staff."""

import unicodedata

from django.core.exceptions import ValidationError

# Invisible characters that reorder text (used to disguise names and links in a staff member's view).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# A message may hold line breaks and tabs; nothing else below the printable range.
MULTILINE_ALLOWED = frozenset("\n\r\t")
# Format characters (zero-width spaces and joiners, direction marks, byte-order marks, tag characters)
# and the line and paragraph separators draw nothing, or break lines where staff do not expect it.
INVISIBLE_CATEGORIES = frozenset({"Cf", "Zl", "Zp"})
# Letters and symbols that draw as blank space, so a "name" made of them shows as nothing.
FILLERS = frozenset(
    "\u115f"  # HANGUL CHOSEONG FILLER
    "\u1160"  # HANGUL JUNGSEONG FILLER
    "\u3164"  # HANGUL FILLER
    "\uffa0"  # HALFWIDTH HANGUL FILLER
    "\u2800"  # BRAILLE PATTERN BLANK
    "\u034f"  # COMBINING GRAPHEME JOINER
    "\u17b4"  # KHMER VOWEL INHERENT AQ
    "\u17b5"  # KHMER VOWEL INHERENT AA
)


def _has_control_characters(value: str, allowed: frozenset[str] = frozenset()) -> bool:
    return any((unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS) and char not in allowed for char in value)


def _first_invisible(value: str) -> str | None:
    return next((char for char in value if char in FILLERS or unicodedata.category(char) in INVISIBLE_CATEGORIES), None)


def _reject_invisible(value: str) -> None:
    char = _first_invisible(value)
    if char is not None:
        # Naming the character tells the visitor (or whoever helps them) what to look for.
        label = f"U+{ord(char):04X} {unicodedata.name(char, 'invisible character')}"
        raise ValidationError(
            f"Your answer holds an invisible character ({label}). Remove it, or retype the answer.",
            code="invisible_characters",
        )


def reject_control_characters(value: str) -> None:
    """Single-line fields: line breaks here are how mail-header injection starts, so refuse them."""
    if _has_control_characters(value):
        raise ValidationError("Remove line breaks and hidden characters from this answer.", code="control_characters")
    _reject_invisible(value)


def reject_control_characters_multiline(value: str) -> None:
    if _has_control_characters(value, allowed=MULTILINE_ALLOWED):
        raise ValidationError("Remove hidden characters from your message.", code="control_characters")
    _reject_invisible(value)
