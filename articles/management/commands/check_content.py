from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles.checks import all_problems
from articles.library import load_library
from articles.render_cache import cache_from_settings


class Command(BaseCommand):
    help = "Check content files and print every problem as path:line: message. Exits 1 when there are errors."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="files or folders to report on (default: all)")

    def handle(self, *args, paths, **options):
        content_dir = Path(settings.CONTENT_DIR)
        missing = [str(path) for path in paths if not path.exists()]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}")
        # The whole folder is always loaded: links and duplicate slugs depend on the other files.
        # With the render cache, so a check before deploy also warms it for the servers (README).
        library = load_library(content_dir, cache=cache_from_settings())
        problems = all_problems(library, timezone.localdate(), only=paths)
        for problem in problems:
            self.stdout.write(problem.format(relative_to=Path.cwd()))
        errors = sum(problem.is_error for problem in problems)
        warnings = len(problems) - errors
        self.stdout.write(f"{len(library.articles)} articles loaded, {errors} errors, {warnings} warnings")
        if errors:
            raise SystemExit(1)
