"""Delete closed and spam inquiries past retention: `purge_inquiries [--older-than DAYS] [--dry-run]`."""

from django.conf import settings
from django.core.management.base import CommandError

from clinics.models import FINISHED_STATUSES
from clinics.services import inquiries_purge
from core.commands import OneLineErrorsCommand


class Command(OneLineErrorsCommand):
    help = "Delete closed and spam inquiries not updated for DAYS days (default INQUIRY_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, metavar="DAYS", default=settings.INQUIRY_RETENTION_DAYS)
        parser.add_argument("--dry-run", action="store_true", help="count what would be deleted; delete nothing")

    def handle(self, *args, older_than, dry_run, **options):
        if older_than < 0:
            raise CommandError("--older-than must be zero or more days", returncode=2)
        counts = inquiries_purge(older_than_days=older_than, dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        detail = ", ".join(f"{status.label.lower()}: {counts.get(status.value, 0)}" for status in FINISHED_STATUSES)
        self.stdout.write(f"{verb} {sum(counts.values())} inquiries not updated for {older_than} days ({detail}).")
