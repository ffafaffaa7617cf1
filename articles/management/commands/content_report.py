from pathlib import Path

from django.conf import settings
from django.utils import timezone

from articles.content_report import content_rows, summary
from articles.library import content_dir_for, load_library
from core.commands import OneLineErrorsCommand
from core.languages import language_codes


class Command(OneLineErrorsCommand):
    help = (
        "Print a row per article (words, readability, references, uncited, review due) and a summary, for each edition."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        for language in language_codes():
            content_dir = content_dir_for(Path(settings.CONTENT_DIR), language)
            rows = content_rows(load_library(content_dir, language=language))
            if rows:
                self.edition(language, rows, today)

    def edition(self, language: str, rows, today) -> None:
        """English is scored as a school grade; Spanish as INFLESZ (Szigriszt-Pazos), higher is easier."""
        score_name = "grade" if language == settings.LANGUAGE_CODE else "INFLESZ"
        self.stdout.write(f"{'article':<46} {'words':>6} {score_name:>7} {'refs':>5} {'uncited':>8}  review due")
        for row in rows:
            score = row.grade if row.spanish_scores is None else row.spanish_scores[0]
            grade = f"{score:.1f}" if score is not None else "-"
            due = row.review_due.isoformat() + (" OVERDUE" if row.review_due < today else "")
            name = f"{row.article.metadata.topic}/{row.article.slug}"
            self.stdout.write(f"{name:<46} {row.words:>6} {grade:>7} {row.references:>5} {row.uncited:>8}  {due}")
        self.stdout.write(summary(rows, today))
