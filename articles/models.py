"""
Articles live in Markdown files, not the database. This table-less model exists only to carry the
editorial permission, so editors' rights are granted like any other (by group, in the admin) and
kept apart from clinic staff's.
"""

from django.db import models

PREVIEW_PERMISSION = "articles.preview_articles"


class EditorialAccess(models.Model):  # noqa: DJ008 (never instantiated: it has no table)
    class Meta:
        managed = False  # no table: nothing is stored
        default_permissions = ()
        permissions = [("preview_articles", "Can preview drafts and scheduled articles and see the review report")]
