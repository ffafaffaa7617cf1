from django.db import models


class ConsentRecord(models.Model):
    """One row per choice or change, as evidence of consent. No IP address, no user agent."""

    class Source(models.TextChoices):
        BANNER = "banner", "Banner"
        SETTINGS = "settings", "Cookie settings page"
        EMBED = "embed", "Load button on an embedded video"
        GPC = "gpc", "Banner, rejecting as the browser's Global Privacy Control signal asked"

    consent_id = models.CharField(max_length=32, db_index=True)
    choices = models.JSONField(help_text="The optional categories accepted; the necessary ones are always on.")
    policy_version = models.PositiveIntegerField()
    source = models.CharField(max_length=16, choices=Source.choices)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.consent_id} v{self.policy_version} {self.created_at:%Y-%m-%d %H:%M}"


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
        constraints = [models.UniqueConstraint(fields=["day", "slug"], name="one_row_per_article_and_day")]

    def __str__(self) -> str:
        return f"{self.slug} on {self.day}"


class DailyReader(models.Model):
    """A pseudonymous reader seen on an article on a day; kept only to count unique readers, pruned after."""

    day = models.DateField()
    slug = models.SlugField(max_length=200)
    reader = models.CharField(max_length=32, help_text="A keyed hash of the day's random visitor id.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "slug", "reader"], name="one_row_per_reader")]

    def __str__(self) -> str:
        return f"{self.slug} on {self.day}"
