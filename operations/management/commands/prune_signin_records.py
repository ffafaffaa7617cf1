"""Delete staff sign-in records past retention: `prune_signin_records [--older-than DAYS] [--dry-run]`."""

from django.conf import settings
from django.core.management.base import CommandError

from core.commands import OneLineErrorsCommand
from operations.signin_records import signin_records_prune


class Command(OneLineErrorsCommand):
    help = (
        "Delete django-axes sign-in attempts, access logs and failure logs older than DAYS days "
        "(default ADMIN_SIGNIN_RETENTION_DAYS)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, metavar="DAYS", default=settings.ADMIN_SIGNIN_RETENTION_DAYS)
        parser.add_argument("--dry-run", action="store_true", help="count what would be deleted; delete nothing")

    def handle(self, *args, older_than, dry_run, **options):
        if older_than < 0:
            raise CommandError("--older-than must be zero or more days", returncode=2)
        counts = signin_records_prune(older_than_days=older_than, dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        detail = ", ".join(f"{kind}: {count}" for kind, count in counts.items())
        self.stdout.write(f"{verb} {sum(counts.values())} sign-in records older than {older_than} days ({detail}).")
