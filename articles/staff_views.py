"""Pages for editors only: which articles are due for review."""

from django.shortcuts import render
from django.utils import timezone

from articles.library import get_library
from articles.models import PREVIEW_PERMISSION
from core.staff import staff_page


@staff_page(PREVIEW_PERMISSION)  # editors and superusers: clinic staff work on inquiries and nothing else
def review_report(request):
    """Every article, drafts and scheduled ones included, soonest review first."""
    today = timezone.localdate()
    rows = [
        {
            "article": article,
            "status": "draft" if article.metadata.draft else ("scheduled" if not article.is_public(today) else "live"),
            "overdue": article.is_review_overdue(today),
            "days_left": (article.metadata.next_review - today).days,
        }
        for article in sorted(get_library().articles, key=lambda a: (a.metadata.next_review, a.title.lower()))
    ]
    return render(request, "articles/staff/review_report.html", {"rows": rows, "today": today})
