from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.utils import timezone

from articles.library import load_library
from articles.scaffold import ScaffoldError, new_article, write_new_article
from articles.topics import TOPICS_BY_SLUG
from core.commands import OneLineErrorsCommand


class Command(OneLineErrorsCommand):
    help = (
        "Create content/<topic>/<slug>.md: a draft with today's dates, a references stub and a Key points "
        "section, which passes check_content as it is. Never overwrites a file."
    )

    def add_arguments(self, parser):
        parser.add_argument("title", help='the article\'s title, in quotes: "Nausea after a session"')
        parser.add_argument("--topic", required=True, help=f"one of: {', '.join(TOPICS_BY_SLUG)}")
        parser.add_argument("--slug", default="", help="the file name without .md (default: made from the title)")

    def handle(self, *args, title, topic, slug, **options):
        content_dir = Path(settings.CONTENT_DIR)
        if not content_dir.is_dir():
            raise CommandError(f"the content folder {content_dir} does not exist (see CONTENT_DIR)", returncode=2)
        try:
            article = new_article(
                load_library(content_dir), content_dir, topic=topic, title=title, today=timezone.localdate(), slug=slug
            )
            write_new_article(article)
        except ScaffoldError as error:
            raise CommandError(str(error), returncode=2) from None
        shown = article.path.relative_to(Path.cwd()) if article.path.is_relative_to(Path.cwd()) else article.path
        self.stdout.write(f"created {shown} (a draft: readers see it once you delete 'draft: true')")
