"""Each field's validation, through real posts: a clear message, nothing stored, everything typed kept."""

import pytest

from clinics.models import Inquiry

pytestmark = pytest.mark.django_db


def errors_of(response) -> dict:
    return {name: list(errors) for name, errors in response.context["form"].errors.items()}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Enter your name"),
        ("name", "x" * 101, "Your name must be 100 characters or fewer"),
        ("name", "Jordan\r\nBcc: victim@example.com", "Remove line breaks and hidden characters from this answer."),
        ("name", "Jordan\u202egnp.exe", "Remove line breaks and hidden characters from this answer."),
        ("email", "", "Enter your email address"),
        ("email", "not-an-email", "Enter an email address in the correct format, like name@example.com"),
        (
            "email",
            "a@example.com\nBcc: b@example.com",
            "Enter an email address in the correct format, like name@example.com",
        ),
        ("phone", "call me maybe", None),
        ("phone", "12345", None),
        ("phone", "1" * 16, None),
        ("preferred_contact", "carrier-pigeon", "Select how a clinic should contact you"),
        ("location", "", "Enter your postal code or city"),
        ("location", "y" * 101, "Your postal code or city must be 100 characters or fewer"),
        ("location", "Springfield\x07", "Remove line breaks and hidden characters from this answer."),
        ("us_state", "XX", "Select a US state from the list, or leave it blank"),
        ("country", "", "Enter your country"),
        ("country", "z" * 61, "Your country must be 60 characters or fewer"),
        ("topic", "", "Select what your inquiry is about"),
        ("topic", "astrology", "Select what your inquiry is about"),
        ("message", "m" * 2001, "Your message must be 2,000 characters or fewer"),
        ("message", "hello\x1b[31m", "Remove hidden characters from your message."),
        ("is_adult", None, "Confirm that you are 18 or older"),
        ("consent_to_contact", None, "Agree to be contacted about this request, or we cannot pass it on"),
    ],
)
def test_bad_answer_gets_its_message_and_nothing_is_stored(post_inquiry, field, value, message):
    response = post_inquiry(**{field: value})
    assert response.status_code == 200
    field_errors = errors_of(response)[field]
    if message is None:  # the phone message is long; check its start
        assert field_errors[0].startswith("Enter a phone number using digits")
    else:
        assert field_errors == [message]
    assert Inquiry.objects.count() == 0


def test_phone_is_required_only_when_it_is_the_chosen_contact_method(post_inquiry):
    response = post_inquiry(preferred_contact="phone", phone="")
    assert errors_of(response) == {"phone": ["Enter a phone number, or choose email as the way to contact you"]}
    assert post_inquiry(preferred_contact="email", phone="").status_code == 302


@pytest.mark.parametrize("phone", ["+44 20 7946 0958", "(212) 555-0123", "212.555.0123"])
def test_common_phone_formats_are_accepted(post_inquiry, phone):
    assert post_inquiry(phone=phone).status_code == 302
    assert Inquiry.objects.get().phone == phone


def test_message_counts_a_line_break_as_one_character_as_the_browser_does(post_inquiry):
    message = "Line one.\r\nLine two.\t" + "m" * 1980
    assert len(message) == 2001  # the browser counted 2,000 and sent CRLF
    assert post_inquiry(message=message).status_code == 302
    stored = Inquiry.objects.get().message
    assert stored == message.replace("\r\n", "\n") and len(stored) == 2000


def test_everything_typed_is_shown_again_escaped_next_to_the_errors(post_inquiry):
    response = post_inquiry(name="<script>alert(1)</script>", email="bad", message="Ring after 6 & <b>not</b> before")
    html = response.content.decode()
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    assert "<script>alert(1)" not in html
    assert 'value="bad"' in html
    assert "Ring after 6 &amp; &lt;b&gt;not&lt;/b&gt; before</textarea>" in html
    assert 'value="10001"' in html and 'value="trd" id="id_topic_1" required checked' in html
    assert 'id="id_consent_to_contact" checked' in html
    assert '<option value="NY" selected>New York</option>' in html and html.count(" selected>") == 1


def test_error_summary_links_to_each_failing_field_and_fields_point_at_their_messages(post_inquiry):
    response = post_inquiry(name="", topic="", consent_to_contact=None)
    html = response.content.decode()
    assert "<title>Error: Find a clinic" in html
    assert '<a href="#id_name">Enter your name</a>' in html
    assert '<a href="#id_topic_0">Select what your inquiry is about</a>' in html
    assert '<a href="#id_consent_to_contact">Agree to be contacted' in html
    assert 'aria-invalid="true" aria-describedby="id_name_error"' in html
    assert '<p class="field-error" id="id_name_error">' in html
    assert '<fieldset aria-describedby="id_topic_error">' in html


@pytest.mark.parametrize("phone", ["212 555\r\n0123", "212\x00555"])
def test_control_characters_in_the_phone_number_are_refused(post_inquiry, phone):
    response = post_inquiry(phone=phone)
    assert response.status_code == 200 and "phone" in errors_of(response)
    assert Inquiry.objects.count() == 0


def test_a_name_of_only_hangul_fillers_is_refused_with_the_answers_kept(post_inquiry):
    response = post_inquiry(name="\u3164\u3164")
    assert response.status_code == 200
    errors = response.context["form"].errors["name"]
    assert errors == [
        "Your answer holds an invisible character (U+3164 HANGUL FILLER). Remove it, or retype the answer."
    ]
    assert response.context["form"]["email"].value() == "jordan@example.com"
    assert Inquiry.objects.count() == 0
