"""Daily article statistics: the totals staff see and the pseudonymous readers behind one count."""

from django.db import models


class ArticleDailyViews(models.Model):
    """Page views of one article on one day; unique readers only among visitors who accepted statistics."""

    day = models.DateField()
    slug = models.SlugField(max_length=200)
    views = models.PositiveIntegerField(default=0, help_text="Every view, counted without any cookie.")
    unique_readers = models.PositiveIntegerField(
        default=0, help_text="Different readers that day, among those who accepted statistics cookies."
    )

    class Meta:
        ordering = ["-day", "-views"]
        verbose_name = "article views per day"
        verbose_name_plural = "article views per day"
        db_table = "consent_articledailyviews"  # the table from when consent held the statistics
        constraints = [models.UniqueConstraint(fields=["day", "slug"], name="one_row_per_article_and_day")]

    def __str__(self) -> str:
        return f"{self.slug} on {self.day}"


class DailyReader(models.Model):
    """A pseudonymous reader seen on an article on a day; kept only to count unique readers, pruned after."""

    day = models.DateField()
    slug = models.SlugField(max_length=200)
    reader = models.CharField(max_length=32, help_text="A keyed hash of the day's random visitor id.")

    class Meta:
        db_table = "consent_dailyreader"
        constraints = [models.UniqueConstraint(fields=["day", "slug", "reader"], name="one_row_per_reader")]

    def __str__(self) -> str:
        return f"{self.slug} on {self.day}"
