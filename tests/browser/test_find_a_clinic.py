"""A person sends the find-a-clinic form with a mistake, fixes it, and gets a reference number."""

import re

import pytest

from clinics.models import Inquiry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def focused_element(page) -> dict:
    return page.evaluate("({id: document.activeElement.id, cls: document.activeElement.className})")


def test_error_summary_takes_focus_links_to_fields_keeps_answers_then_the_form_is_sent(live_server, page, settings):
    settings.INQUIRY_MIN_SECONDS = 0  # the timing token has its own tests; a person here is simulated
    page.goto(f"{live_server.url}/find-a-clinic/")
    page.get_by_label("Your name").fill("Jordan Rivera")
    page.get_by_label("Email address").fill("jordan-at-example.com")
    page.get_by_label("Postal code or city").fill("Portland")
    page.get_by_label("US state (optional)").select_option("OR")
    page.get_by_label("Country").fill("United States")
    page.get_by_label("Anything else a clinic should know (optional)").fill("Mornings <b>please</b>")
    page.get_by_label("I am 18 or older").check()
    page.get_by_label("I agree to be contacted about this request").check()
    page.get_by_role("button", name="Send my request").click()

    # The page comes back with the summary focused, so a screen reader announces it first.
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert page.title().startswith("Error: ")
    assert "error-summary" in focused_element(page)["cls"]
    assert summary.get_by_role("link").all_inner_texts() == [
        "Enter an email address in the correct format, like name@example.com",
        "Select what your inquiry is about",
    ]
    # What was typed is all still there.
    assert page.get_by_label("Your name").input_value() == "Jordan Rivera"
    assert page.get_by_label("Email address").input_value() == "jordan-at-example.com"
    assert page.get_by_label("US state (optional)").input_value() == "OR"
    assert page.get_by_label("Anything else a clinic should know (optional)").input_value() == "Mornings <b>please</b>"
    assert page.get_by_label("I agree to be contacted about this request").is_checked()
    assert Inquiry.objects.count() == 0

    # Each summary link leads to its field.
    summary.get_by_role("link", name=re.compile("Enter an email address")).click()
    assert focused_element(page)["id"] == "id_email"
    summary.get_by_role("link", name="Select what your inquiry is about").click()
    assert focused_element(page)["id"] == "id_topic_0"

    page.get_by_label("Email address").fill("jordan@example.com")
    page.get_by_label("Chronic pain").check()
    page.get_by_role("button", name="Send my request").click()

    assert page.get_by_role("heading", level=1).inner_text() == "We have your request"
    reference = page.locator(".reference").inner_text()
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}", reference)
    assert page.url.startswith(f"{live_server.url}/find-a-clinic/thanks/")
    inquiry = Inquiry.objects.get()
    assert (inquiry.reference, inquiry.email, inquiry.topic) == (reference, "jordan@example.com", "chronic_pain")
    assert inquiry.message == "Mornings <b>please</b>"
