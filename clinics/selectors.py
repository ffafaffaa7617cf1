"""Reading inquiries."""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from clinics.models import FINISHED_STATUSES, Inquiry


def inquiries_past_retention(*, cutoff: datetime) -> QuerySet[Inquiry]:
    """Closed and spam inquiries last changed before `cutoff`. Open ones are kept until staff finish them."""
    return Inquiry.objects.filter(status__in=FINISHED_STATUSES, updated__lt=cutoff)


def inquiry_token_used(*, nonce: str) -> bool:
    """Whether an inquiry was already sent with the form token carrying `nonce`."""
    return Inquiry.objects.filter(form_nonce=nonce).exists()


def inquiries_for_export(*, inquiries: QuerySet[Inquiry]) -> QuerySet[Inquiry]:
    return inquiries.select_related("assigned_to").order_by("created")


def inquiry_assignees() -> QuerySet:
    """Active staff who may change inquiries: superusers and members of a group that grants it."""
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename="change_inquiry", groups__permissions__content_type__app_label="clinics")
            | Q(user_permissions__codename="change_inquiry", user_permissions__content_type__app_label="clinics")
        )
        .distinct()
        .order_by("username")
    )
