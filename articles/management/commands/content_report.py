from pathlib import Path

from django.conf import settings
from django.utils import timezone

from articles.content_report import content_rows, summary
from articles.library import load_library
from core.commands import OneLineErrorsCommand


class Command(OneLineErrorsCommand):
    help = "Print a row per article (words, reading grade, references, uncited, review due) and a summary."

    def handle(self, *args, **options):
        rows = content_rows(load_library(Path(settings.CONTENT_DIR)))
        today = timezone.localdate()
        self.stdout.write(f"{'article':<46} {'words':>6} {'grade':>6} {'refs':>5} {'uncited':>8}  review due")
        for row in rows:
            grade = f"{row.grade:.1f}" if row.grade is not None else "-"
            due = row.review_due.isoformat() + (" OVERDUE" if row.review_due < today else "")
            name = f"{row.article.metadata.topic}/{row.article.slug}"
            self.stdout.write(f"{name:<46} {row.words:>6} {grade:>6} {row.references:>5} {row.uncited:>8}  {due}")
        self.stdout.write(summary(rows, today))
