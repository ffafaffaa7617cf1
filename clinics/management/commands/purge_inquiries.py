"""Delete closed and spam inquiries past retention: `purge_inquiries [--older-than DAYS] [--dry-run]`."""

from clinics.models import FINISHED_STATUSES
from clinics.services import inquiries_purge
from core.commands import RetentionCommand


class Command(RetentionCommand):
    help = "Delete closed and spam inquiries not updated for DAYS days (default INQUIRY_RETENTION_DAYS)."
    retention_setting = "INQUIRY_RETENTION_DAYS"

    def prune(self, *, older_than_days, dry_run):
        counts = inquiries_purge(older_than_days=older_than_days, dry_run=dry_run)
        detail = ", ".join(f"{status.label.lower()}: {counts.get(status.value, 0)}" for status in FINISHED_STATUSES)
        return f"{sum(counts.values())} inquiries not updated for {older_than_days} days ({detail})"
