"""Writing inquiries: every change to an Inquiry goes through one of these functions."""

import secrets
from datetime import timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils import timezone

from clinics.models import Inquiry, InquiryExport, Status
from clinics.selectors import inquiries_past_retention, inquiry_token_used
from clinics.tasks import inquiry_notify_staff

# Crockford's base-32: no I, L, O or U, so a reference read aloud over the phone is not misheard.
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_ATTEMPTS = 3


class FormAlreadySentError(Exception):
    """The form token's nonce is already on a stored inquiry: another worker took it first."""


def new_reference() -> str:
    """Like 7K2M-9QXD: 40 random bits, so references cannot be guessed or counted."""
    characters = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{characters[:4]}-{characters[4:]}"


def inquiry_create(*, fields: dict, site_root: str) -> Inquiry:
    """Store a visitor's inquiry and, in the same transaction, the task that tells clinic staff."""
    for attempt in range(1, REFERENCE_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                inquiry = Inquiry.objects.create(
                    reference=new_reference(), privacy_policy_version=settings.PRIVACY_POLICY_VERSION, **fields
                )
                admin_url = urljoin(site_root, reverse("admin:clinics_inquiry_change", args=[inquiry.pk]))
                inquiry_notify_staff.enqueue(inquiry_id=inquiry.pk, admin_url=admin_url)
        except IntegrityError:
            if fields.get("form_nonce") and inquiry_token_used(nonce=fields["form_nonce"]):
                raise FormAlreadySentError from None
            # A reference collision is a one-in-a-trillion event; anything else fails on the last try.
            if attempt == REFERENCE_ATTEMPTS:
                raise
        else:
            break
    return inquiry


def inquiries_assign(*, inquiries: QuerySet[Inquiry], user) -> int:
    return inquiries.update(assigned_to=user, updated=timezone.now())


def inquiries_set_status(*, inquiries: QuerySet[Inquiry], status: Status) -> int:
    now = timezone.now()
    if status == Status.CONTACTED:
        inquiries.filter(contacted_at__isnull=True).update(contacted_at=now)
    return inquiries.update(status=status, updated=now)


def inquiry_stamp_contacted(*, inquiry: Inquiry) -> None:
    """When staff set "contacted" by hand, record when (unless they gave a time themselves)."""
    if inquiry.status == Status.CONTACTED and inquiry.contacted_at is None:
        inquiry.contacted_at = timezone.now()


def inquiry_export_record(*, user, inquiries: list[Inquiry]) -> InquiryExport:
    return InquiryExport.objects.create(
        exported_by=user,
        exported_by_username=user.get_username(),
        row_count=len(inquiries),
        references=[inquiry.reference for inquiry in inquiries],
    )


def inquiries_purge(*, older_than_days: int, dry_run: bool = False) -> dict[str, int]:
    """Delete closed and spam inquiries untouched for `older_than_days`; return how many of each."""
    doomed = inquiries_past_retention(cutoff=timezone.now() - timedelta(days=older_than_days))
    counts = {row["status"]: row["n"] for row in doomed.values("status").annotate(n=Count("id")).order_by()}
    if not dry_run:
        doomed.delete()
    return counts
