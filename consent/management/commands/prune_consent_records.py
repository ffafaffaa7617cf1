from django.conf import settings
from django.core.management.base import CommandError

from consent.services import consent_records_prune
from core.commands import OneLineErrorsCommand


class Command(OneLineErrorsCommand):
    help = "Delete consent records older than the retention period (CONSENT_RECORD_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=settings.CONSENT_RECORD_RETENTION_DAYS, help="keep records this many days"
        )

    def handle(self, *args, days: int, **options):
        if days < 1:
            raise CommandError("--days must be at least 1", returncode=2)
        deleted = consent_records_prune(older_than_days=days)
        self.stdout.write(f"Deleted {deleted} consent record{'s' if deleted != 1 else ''} older than {days} days.")
