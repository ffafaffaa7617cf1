"""Text hygiene: invisible characters are refused with a message that names the character."""

import pytest
from django.core.exceptions import ValidationError

from core.validators import reject_control_characters, reject_control_characters_multiline

INVISIBLE = {
    "zero width space": "\u200b",
    "right-to-left mark": "\u200f",
    "arabic letter mark": "\u061c",
    "byte order mark": "\ufeff",
    "line separator": "\u2028",
    "paragraph separator": "\u2029",
    "tag letter a": "\U000e0061",
    "soft hyphen": "\u00ad",
    "hangul filler": "\u3164",
    "hangul choseong filler": "\u115f",
    "hangul jungseong filler": "\u1160",
    "halfwidth hangul filler": "\uffa0",
    "braille blank": "\u2800",
}


@pytest.mark.parametrize("validator", [reject_control_characters, reject_control_characters_multiline])
@pytest.mark.parametrize("character", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_invisible_characters_are_refused_and_named(validator, character):
    with pytest.raises(ValidationError) as raised:
        validator(f"Jordan{character}Rivera")
    assert f"U+{ord(character):04X}" in raised.value.messages[0]
    assert raised.value.code == "invisible_characters"


@pytest.mark.parametrize("text", ["Zoë Ångström", "李小龙", "José-María O'Neil", "Nguyễn Thị", "😀 thanks"])
def test_ordinary_names_and_emoji_pass(text):
    reject_control_characters(text)
    reject_control_characters_multiline(text + "\nsecond line\ttab")
