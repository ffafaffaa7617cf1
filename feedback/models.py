from django.db import models

COMMENT_MAX = 500


class PageFeedback(models.Model):
    """One reader's answer to "Was this page helpful?". No cookie, address or account is stored."""

    article = models.SlugField(max_length=100, help_text="The article's slug.")
    helpful = models.BooleanField()
    comment = models.TextField(blank=True, max_length=COMMENT_MAX)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        indexes = [models.Index(fields=["article", "created"])]
        verbose_name = "page feedback"
        verbose_name_plural = "page feedback"

    def __str__(self) -> str:
        return f"{self.article}: {'helpful' if self.helpful else 'not helpful'}"
