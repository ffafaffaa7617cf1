"""The staff e-mail: sent after commit, reference and admin link only, and a failing mail server loses nothing."""

import logging
import socket

import pytest
from django.core import mail

from clinics.models import Inquiry

pytestmark = pytest.mark.django_db


@pytest.fixture
def notify(settings):
    settings.CLINIC_NOTIFY_EMAILS = ["desk@example.org", "lead@example.org"]
    settings.SITE_URL = "https://guide.example"


def test_staff_are_told_the_reference_and_link_and_nothing_about_the_visitor(
    post_inquiry, notify, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        post_inquiry(message="I have severe depression and take sertraline")
    assert len(callbacks) == 1
    inquiry = Inquiry.objects.get()
    [email] = mail.outbox
    assert email.to == ["desk@example.org", "lead@example.org"]
    assert inquiry.reference in email.subject
    assert f"https://guide.example/admin/clinics/inquiry/{inquiry.pk}/change/" in email.body
    sent = email.subject + email.body
    for private in ["Jordan", "jordan@example.com", "555", "10001", "depression", "Treatment-resistant", "sertraline"]:
        assert private not in sent


def test_the_admin_link_comes_from_site_url_never_from_the_host_header(
    client, answers, settings, notify, django_capture_on_commit_callbacks
):
    settings.ALLOWED_HOSTS = ["*"]  # even a too-wide host list must not let a visitor choose the link
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/find-a-clinic/", answers, HTTP_HOST="phish.example")
    [email] = mail.outbox
    assert "phish.example" not in email.body
    assert f"https://guide.example/admin/clinics/inquiry/{Inquiry.objects.get().pk}/change/" in email.body


def test_nothing_is_sent_before_the_transaction_commits(post_inquiry, notify, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post_inquiry()
    assert len(callbacks) == 1 and mail.outbox == []


def test_refused_post_sends_nothing(post_inquiry, notify, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        post_inquiry(homepage="spam")
    assert callbacks == [] and mail.outbox == []


def test_failing_mail_server_keeps_the_inquiry_and_logs_the_failure(
    post_inquiry, notify, settings, caplog, django_capture_on_commit_callbacks
):
    with socket.socket() as closed:  # a port nobody listens on: the SMTP connection is refused
        closed.bind(("127.0.0.1", 0))
        settings.EMAIL_PORT = closed.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    caplog.set_level(logging.ERROR, logger="clinics.notifications")
    with django_capture_on_commit_callbacks(execute=True):
        response = post_inquiry()
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert f"Could not send the notification for inquiry {inquiry.reference}" in caplog.text
    assert "ConnectionRefusedError" in caplog.text


def test_no_recipients_means_no_mail(post_inquiry, settings, django_capture_on_commit_callbacks):
    settings.CLINIC_NOTIFY_EMAILS = []
    with django_capture_on_commit_callbacks(execute=True):
        assert post_inquiry().status_code == 302
    assert mail.outbox == []
