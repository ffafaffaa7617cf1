"""
The e-mail to clinic staff about a new inquiry: its reference and an admin link, nothing else.

Mail travels through servers we do not control, so it never carries what the visitor wrote.
It is sent by a background task (clinics.tasks), never inside the visitor's request.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.utils.translation import get_language_info


def inquiry_email_send(
    *, reference: str, admin_url: str, recipients: list[str], language: str = settings.LANGUAGE_CODE
) -> None:
    """Send the notification; any mail failure is raised for the task to retry. Staff read English;
    the subject names the visitor's language when it is another, so the inquiry can be answered in it."""
    body = (
        f"A new find-a-clinic inquiry has arrived.\n\n"
        f"Reference: {reference}\n"
        f"Review it (staff sign-in required): {admin_url}\n\n"
        f"For the visitor's privacy this e-mail holds no details of the inquiry.\n"
    )
    in_language = "" if language == settings.LANGUAGE_CODE else f" (in {get_language_info(language)['name']})"
    send_mail(f"New clinic inquiry {reference}{in_language}", body, None, recipients)
