from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.utils import timezone

from articles.checks import edition_problems
from articles.library import content_dir_for, load_library
from articles.render_cache import cache_from_settings
from core.commands import OneLineErrorsCommand
from core.languages import language_codes


class Command(OneLineErrorsCommand):
    help = "Check content files and print every problem as path:line: message. Exits 1 when there are errors."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="files or folders to report on (default: all)")

    def handle(self, *args, paths, **options):
        content_dir = Path(settings.CONTENT_DIR)
        missing = [str(path) for path in paths if not path.exists()]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}", returncode=2)
        # The whole folder is always loaded: links and duplicate slugs depend on the other files.
        # With the render cache, so a check before deploy also warms it for the servers (README).
        libraries = {
            language: load_library(
                content_dir_for(content_dir, language), cache=cache_from_settings(), language=language
            )
            for language in language_codes()
        }
        problems = edition_problems(libraries, settings.LANGUAGE_CODE, timezone.localdate(), only=paths)
        for problem in problems:
            self.stdout.write(problem.format(relative_to=Path.cwd()))
        errors = sum(problem.is_error for problem in problems)
        warnings = len(problems) - errors
        self.stdout.write(f"{_loaded(libraries)}, {errors} errors, {warnings} warnings")
        if errors:
            raise SystemExit(1)


def _loaded(libraries) -> str:
    """ "80 articles loaded (40 en, 40 es)", or without the parts while there are no translations."""
    total = sum(len(library.articles) for library in libraries.values())
    parts = [f"{len(library.articles)} {language}" for language, library in libraries.items() if library.articles]
    return f"{total} articles loaded" + (f" ({', '.join(parts)})" if len(parts) > 1 else "")
