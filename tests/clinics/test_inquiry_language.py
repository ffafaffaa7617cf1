"""An inquiry records the language the visitor wrote in, so staff can answer in it."""

import pytest
from django.core import mail

from clinics.models import Inquiry
from clinics.tasks import inquiry_notify_staff
from tests.clinics.test_admin import CHANGELIST
from tests.clinics.test_notifications import notify, queued  # noqa: F401 - notify is a fixture
from tests.conftest import shown_seconds_ago

pytestmark = pytest.mark.django_db

SPANISH_FORM_URL = "/es/encontrar-una-clinica/"


def test_the_spanish_form_is_in_spanish_and_records_spanish(client, answers, notify):  # noqa: F811
    form = client.get(SPANISH_FORM_URL).content.decode()
    assert '<html lang="es"' in form and "Send my request" not in form
    response = client.post(SPANISH_FORM_URL, {**answers, "form_token": shown_seconds_ago(10)})
    assert response.status_code == 302 and response["Location"].startswith("/es/encontrar-una-clinica/gracias/")
    assert Inquiry.objects.get().language == "es"
    thanks = client.get(response["Location"]).content.decode()
    assert '<html lang="es"' in thanks and Inquiry.objects.get().reference in thanks


def test_the_english_form_records_english(post_inquiry, notify):  # noqa: F811
    post_inquiry()
    assert Inquiry.objects.get().language == "en"


def test_a_spanish_form_with_an_error_answers_in_spanish_and_keeps_the_answers(client, answers):
    response = client.post(SPANISH_FORM_URL, {**answers, "name": "", "form_token": shown_seconds_ago(10)})
    html = response.content.decode()
    assert response.status_code == 200 and "Escriba su nombre" in html and "Enter your name" not in html
    assert 'value="jordan@example.com"' in html and not Inquiry.objects.exists()


def test_staff_filter_inquiries_by_language(staff_client, make_inquiry):
    make_inquiry(reference="ESPA-0001", language="es")
    make_inquiry(reference="ENGL-0001", language="en")
    spanish = staff_client.get(CHANGELIST, {"language__exact": "es"}).content.decode()
    assert "ESPA-0001" in spanish and "ENGL-0001" not in spanish


def test_the_staff_email_subject_names_a_language_other_than_english(client, answers, notify):  # noqa: F811
    client.post(SPANISH_FORM_URL, {**answers, "form_token": shown_seconds_ago(10)})
    inquiry_notify_staff.call(**queued()[0].args_kwargs["kwargs"])
    [email] = mail.outbox
    assert email.subject == f"New clinic inquiry {Inquiry.objects.get().reference} (in Spanish)"
