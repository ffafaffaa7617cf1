"""Bases for the site's management commands: command-line mistakes answered in one plain line with exit
status 2 (instead of argparse's usage block), and the retention commands' shared options."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class OneLineErrorsCommand(BaseCommand):
    """A management command whose bad flags print `manage.py <command>: <what is wrong> (see --help)`."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        if parser.called_from_command_line:
            # Django raises CommandError itself when called from code; only the terminal needs this.
            parser.error = lambda message: parser.exit(2, f"{parser.prog}: {message} (see --help)\n")
        return parser


class RetentionCommand(OneLineErrorsCommand):
    """`--older-than DAYS` (default: the setting named by `retention_setting`) and `--dry-run`, for the
    commands that delete records past their retention; subclasses say what `prune` deletes."""

    retention_setting: str

    def add_arguments(self, parser):
        default = getattr(settings, self.retention_setting)
        parser.add_argument("--older-than", type=int, metavar="DAYS", default=default)
        parser.add_argument("--dry-run", action="store_true", help="count what would be deleted; delete nothing")

    def handle(self, *args, older_than, dry_run, **options):
        if older_than < 0:
            raise CommandError("--older-than must be zero or more days", returncode=2)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {self.prune(older_than_days=older_than, dry_run=dry_run)}.")

    def prune(self, *, older_than_days: int, dry_run: bool) -> str:
        """Delete (or count) what is past retention; return what, e.g. '3 inquiries not updated for 30 days'."""
        raise NotImplementedError
