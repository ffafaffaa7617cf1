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
