"""Delete staff sign-in records past retention: `prune_signin_records [--older-than DAYS] [--dry-run]`."""

from core.commands import RetentionCommand
from operations.signin_records import signin_records_prune


class Command(RetentionCommand):
    help = (
        "Delete django-axes sign-in attempts, access logs and failure logs older than DAYS days "
        "(default ADMIN_SIGNIN_RETENTION_DAYS)."
    )
    retention_setting = "ADMIN_SIGNIN_RETENTION_DAYS"

    def prune(self, *, older_than_days, dry_run):
        counts = signin_records_prune(older_than_days=older_than_days, dry_run=dry_run)
        detail = ", ".join(f"{kind}: {count}" for kind, count in counts.items())
        return f"{sum(counts.values())} sign-in records older than {older_than_days} days ({detail})"
