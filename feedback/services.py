from articles.library import Article
from feedback.models import PageFeedback


def feedback_create(*, article: Article, helpful: bool, comment: str) -> PageFeedback:
    return PageFeedback.objects.create(article=article.slug, helpful=helpful, comment=comment.strip())
