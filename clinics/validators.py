"""Clinic-form validators: real phone numbers. (Text hygiene lives in core.validators.)"""

import re

from django.core.exceptions import ValidationError

PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ().\-]+$")
PHONE_MIN_DIGITS = 7
PHONE_MAX_DIGITS = 15  # the E.164 maximum


def validate_phone(value: str) -> None:
    digits = sum(char.isdigit() for char in value)
    if not PHONE_CHARACTERS.match(value) or not PHONE_MIN_DIGITS <= digits <= PHONE_MAX_DIGITS:
        raise ValidationError(
            "Enter a phone number using digits, spaces and an optional + at the start, like 212 555 0123 "
            "or +44 20 7946 0958.",
            code="invalid_phone",
        )
