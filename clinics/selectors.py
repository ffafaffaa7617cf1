"""Reading inquiries."""

from datetime import datetime

from django.db.models import QuerySet

from clinics.models import FINISHED_STATUSES, Inquiry


def inquiries_past_retention(*, cutoff: datetime) -> QuerySet[Inquiry]:
    """Closed and spam inquiries last changed before `cutoff`. Open ones are kept until staff finish them."""
    return Inquiry.objects.filter(status__in=FINISHED_STATUSES, updated__lt=cutoff)


def inquiries_for_export(*, inquiries: QuerySet[Inquiry]) -> QuerySet[Inquiry]:
    return inquiries.select_related("assigned_to").order_by("created")
