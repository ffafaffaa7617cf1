"""The staff e-mail: a task stored with the inquiry, run by the worker, retried later, sent once."""

import logging
import socket
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from clinics.models import Inquiry
from clinics.services import inquiry_create
from clinics.tasks import inquiry_notify_staff, retry_delay

pytestmark = pytest.mark.django_db

TASK_PATH = "clinics.tasks.inquiry_notify_staff"


@pytest.fixture
def notify(settings):
    settings.CLINIC_NOTIFY_EMAILS = ["desk@example.org", "lead@example.org"]
    settings.SITE_URL = "https://guide.example"


@pytest.fixture
def mail_refused(settings):
    """The SMTP backend pointed at a loopback port nobody listens on: every send is refused."""
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        settings.EMAIL_PORT = closed.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"


def run_worker():
    """What `manage.py db_worker` does, until no task is ready."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0", verbosity=0)


def queued() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path=TASK_PATH).order_by("enqueued_at"))


def test_the_task_is_stored_with_the_inquiry_and_nothing_is_sent_in_the_request(post_inquiry, notify):
    assert post_inquiry().status_code == 302
    inquiry = Inquiry.objects.get()
    [task] = queued()
    assert task.status == "READY" and task.args_kwargs["kwargs"]["inquiry_id"] == inquiry.pk
    assert mail.outbox == [] and inquiry.notified_at is None


def test_the_admin_link_comes_from_site_url_never_from_the_host_header(client, answers, settings, notify):
    settings.ALLOWED_HOSTS = ["*"]  # even a too-wide host list must not let a visitor choose the link
    assert client.post("/find-a-clinic/", answers, HTTP_HOST="phish.example").status_code == 302
    [task] = queued()
    pk = Inquiry.objects.get().pk
    assert task.args_kwargs["kwargs"]["admin_url"] == f"https://guide.example/admin/clinics/inquiry/{pk}/change/"


def test_a_rolled_back_inquiry_leaves_no_task(answers, notify):
    fields = {key: answers[key] for key in ("name", "email", "location", "country", "topic")}
    with pytest.raises(RuntimeError), transaction.atomic():
        inquiry_create(fields=fields, site_root="http://testserver/")
        raise RuntimeError("something after the insert failed")
    assert not Inquiry.objects.exists() and queued() == []


def test_refused_post_enqueues_nothing(post_inquiry, notify):
    post_inquiry(homepage="spam")
    assert queued() == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker commits, as in production
def test_the_worker_tells_staff_the_reference_and_link_and_nothing_about_the_visitor(post_inquiry, notify):
    post_inquiry(message="I have severe depression and take sertraline")
    run_worker()
    inquiry = Inquiry.objects.get()
    [email] = mail.outbox
    assert email.to == ["desk@example.org", "lead@example.org"]
    assert inquiry.reference in email.subject
    assert f"https://guide.example/admin/clinics/inquiry/{inquiry.pk}/change/" in email.body
    sent = email.subject + email.body
    for private in ["Jordan", "jordan@example.com", "555", "10001", "depression", "Treatment-resistant", "sertraline"]:
        assert private not in sent
    assert inquiry.notified_at is not None and [task.status for task in queued()] == ["SUCCESSFUL"]


def test_a_second_run_for_the_same_inquiry_sends_nothing(post_inquiry, notify):
    post_inquiry()
    kwargs = queued()[0].args_kwargs["kwargs"]
    assert inquiry_notify_staff.call(**kwargs) == "staff told"
    assert inquiry_notify_staff.call(**kwargs) == "staff were already told"
    assert len(mail.outbox) == 1 and Inquiry.objects.get().notified_at is not None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_refused_mail_fails_visibly_and_is_tried_again_later(post_inquiry, notify, mail_refused, admin_client):
    post_inquiry()
    started = timezone.now()
    run_worker()  # the retry waits 30 s, so this run ends after the first attempt
    first, retry = queued()
    assert first.status == "FAILED" and first.exception_class_path == "builtins.ConnectionRefusedError"
    assert retry.status == "READY" and retry.args_kwargs["kwargs"]["attempt"] == 2
    assert started + timedelta(seconds=29) < retry.run_after < timezone.now() + timedelta(seconds=31)
    assert Inquiry.objects.get().notified_at is None
    failed = admin_client.get("/admin/django_tasks_database/dbtaskresult/?status__exact=FAILED")
    assert failed.status_code == 200 and "inquiry_notify_staff" in failed.content.decode()


def test_the_last_attempt_gives_up_and_says_so(post_inquiry, notify, mail_refused, settings, caplog):
    settings.INQUIRY_NOTIFY_ATTEMPTS = 3
    post_inquiry()
    kwargs = queued()[0].args_kwargs["kwargs"]
    caplog.set_level(logging.ERROR, logger="clinics.tasks")
    with pytest.raises(ConnectionRefusedError):
        inquiry_notify_staff.call(**{**kwargs, "attempt": 3})
    assert len(queued()) == 1
    assert "Gave up e-mailing staff about inquiry" in caplog.text and "after 3 attempts" in caplog.text


def test_retries_wait_twice_as_long_each_time_at_most_an_hour(settings):
    settings.INQUIRY_NOTIFY_RETRY_SECONDS = 30
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 7, 8, 20)] == [30, 60, 120, 1920, 3600, 3600]


def test_no_recipients_means_no_mail(post_inquiry, settings):
    settings.CLINIC_NOTIFY_EMAILS = []
    post_inquiry()
    assert inquiry_notify_staff.call(**queued()[0].args_kwargs["kwargs"]) == "no recipients"
    assert mail.outbox == []
