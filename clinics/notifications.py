"""
The e-mail to clinic staff about a new inquiry: its reference and an admin link, nothing else.

Mail travels through servers we do not control, so it never carries what the visitor wrote.
It is sent by a background task (clinics.tasks), never inside the visitor's request.
"""

from django.core.mail import send_mail


def inquiry_email_send(*, reference: str, admin_url: str, recipients: list[str]) -> None:
    """Send the notification; any mail failure is raised for the task to retry."""
    body = (
        f"A new find-a-clinic inquiry has arrived.\n\n"
        f"Reference: {reference}\n"
        f"Review it (staff sign-in required): {admin_url}\n\n"
        f"For the visitor's privacy this e-mail holds no details of the inquiry.\n"
    )
    send_mail(f"New clinic inquiry {reference}", body, None, recipients)
