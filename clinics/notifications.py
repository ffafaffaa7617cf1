"""
The e-mail to clinic staff about a new inquiry: its reference and an admin link, nothing else.

Mail travels through servers we do not control, so it never carries what the visitor wrote.
It is sent after the inquiry is committed; if sending fails the inquiry is safe and the
failure is logged for staff to notice.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail

logger = logging.getLogger(__name__)


def inquiry_notify_staff(*, reference: str, admin_url: str) -> None:
    recipients = settings.CLINIC_NOTIFY_EMAILS
    if not recipients:
        logger.info("New inquiry %s; CLINIC_NOTIFY_EMAILS is empty, so no e-mail was sent", reference)
        return
    body = (
        f"A new find-a-clinic inquiry has arrived.\n\n"
        f"Reference: {reference}\n"
        f"Review it (staff sign-in required): {admin_url}\n\n"
        f"For the visitor's privacy this e-mail holds no details of the inquiry.\n"
    )
    try:
        send_mail(f"New clinic inquiry {reference}", body, None, recipients)
    except Exception:
        # Any mail failure (refused connection, bad credentials, timeout) must not lose the inquiry.
        logger.exception(
            "Could not send the notification for inquiry %s; it is saved and waiting in the admin", reference
        )
