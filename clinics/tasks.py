"""
Background work for inquiries, run by the task worker (`manage.py db_worker`), never in a request.

The staff e-mail is enqueued in the transaction that stores the inquiry (clinics.services), so
both exist or neither does. A failed send enqueues the next attempt, later each time, then fails
itself, so staff see every failed attempt under "Task results" in the admin. `notified_at` on
the inquiry makes delivery happen once: a task for an inquiry already notified sends nothing.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from clinics.models import Inquiry
from clinics.notifications import inquiry_email_send

logger = logging.getLogger(__name__)

LONGEST_RETRY_SECONDS = 3600


def retry_delay(attempt: int) -> timedelta:
    """How long to wait after failed attempt number `attempt` (1, 2, ...): doubling, at most an hour."""
    return timedelta(seconds=min(settings.INQUIRY_NOTIFY_RETRY_SECONDS * 2 ** (attempt - 1), LONGEST_RETRY_SECONDS))


@task()
def inquiry_notify_staff(*, inquiry_id: int, admin_url: str, attempt: int = 1) -> str:
    inquiry = Inquiry.objects.filter(pk=inquiry_id).only("reference", "notified_at", "language").first()
    if inquiry is None:
        return "inquiry deleted before staff were told"
    if inquiry.notified_at is not None:
        return "staff were already told"
    recipients = settings.CLINIC_NOTIFY_EMAILS
    if not recipients:
        logger.info("New inquiry %s; CLINIC_NOTIFY_EMAILS is empty, so no e-mail was sent", inquiry.reference)
        return "no recipients"
    try:
        inquiry_email_send(
            reference=inquiry.reference, admin_url=admin_url, recipients=recipients, language=inquiry.language
        )
    except Exception:  # refused connection, timeout, bad credentials: all worth another try
        _retry_later(inquiry=inquiry, admin_url=admin_url, attempt=attempt)
        raise
    Inquiry.objects.filter(pk=inquiry_id).update(notified_at=timezone.now())
    return "staff told"


def _retry_later(*, inquiry: Inquiry, admin_url: str, attempt: int) -> None:
    if attempt >= settings.INQUIRY_NOTIFY_ATTEMPTS:
        logger.error(
            "Gave up e-mailing staff about inquiry %s after %d attempts; it is saved and waiting in the admin",
            inquiry.reference,
            attempt,
        )
        return
    delay = retry_delay(attempt)
    inquiry_notify_staff.using(run_after=timezone.now() + delay).enqueue(
        inquiry_id=inquiry.pk, admin_url=admin_url, attempt=attempt + 1
    )
    logger.warning(
        "Could not e-mail staff about inquiry %s (attempt %d); trying again in %d s",
        inquiry.reference,
        attempt,
        delay.total_seconds(),
    )
