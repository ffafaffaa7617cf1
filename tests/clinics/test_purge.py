"""purge_inquiries: closed and spam inquiries past retention go; everything else stays."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from clinics.models import Inquiry, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def aged(make_inquiry):
    """One inquiry of each kind, last updated 200 days ago, plus a recently closed one."""
    old = timezone.now() - timedelta(days=200)
    for number, status in enumerate(Status, start=1):
        make_inquiry(reference=f"OLD0-{number:04}", status=status)
    Inquiry.objects.update(updated=old)
    make_inquiry(reference="NEW0-0001", status=Status.CLOSED)


def purge(*args) -> str:
    out = StringIO()
    call_command("purge_inquiries", *args, stdout=out)
    return out.getvalue().strip()


def test_purge_deletes_only_closed_and_spam_past_retention(aged):
    assert purge("--older-than", "180") == "Deleted 2 inquiries not updated for 180 days (closed: 1, spam: 1)."
    remaining = set(Inquiry.objects.values_list("status", flat=True))
    assert remaining == {"new", "in_progress", "contacted", "referred", "closed"}
    assert Inquiry.objects.filter(status=Status.CLOSED).get().reference == "NEW0-0001"


def test_dry_run_counts_and_deletes_nothing(aged):
    assert purge("--older-than", "180", "--dry-run").startswith("Would delete 2 inquiries")
    assert Inquiry.objects.count() == 7


def test_default_retention_comes_from_settings(aged, settings):
    settings.INQUIRY_RETENTION_DAYS = 365
    assert purge() == "Deleted 0 inquiries not updated for 365 days (closed: 0, spam: 0)."


def test_negative_days_are_refused(aged):
    with pytest.raises(CommandError, match="zero or more"):
        purge("--older-than", "-1")
