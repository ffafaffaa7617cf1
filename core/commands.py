"""Command-line mistakes answered in one plain line with exit status 2, instead of argparse's usage block."""

from django.core.management.base import BaseCommand


class OneLineErrorsCommand(BaseCommand):
    """A management command whose bad flags print `manage.py <command>: <what is wrong> (see --help)`."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        if parser.called_from_command_line:
            # Django raises CommandError itself when called from code; only the terminal needs this.
            parser.error = lambda message: parser.exit(2, f"{parser.prog}: {message} (see --help)\n")
        return parser
