from django.db import transaction

from articles.library import Article
from feedback.models import PageFeedback


def feedback_create(*, article: Article, helpful: bool, comment: str) -> PageFeedback:
    with transaction.atomic():  # if the database refuses, the caller shows the form again; nothing else is spoilt
        return PageFeedback.objects.create(article=article.slug, helpful=helpful, comment=comment.strip())
