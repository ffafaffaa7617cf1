from django.contrib import admin

from core.admin import ReadOnlyAdmin
from feedback.models import PageFeedback


@admin.register(PageFeedback)
class PageFeedbackAdmin(ReadOnlyAdmin):
    """What readers said is evidence, not something staff edit; abusive answers may be deleted."""

    list_display = ["created", "article", "helpful", "short_comment"]
    list_filter = ["helpful", "created"]
    search_fields = ["article", "comment"]
    date_hierarchy = "created"

    @admin.display(description="comment")
    def short_comment(self, feedback: PageFeedback) -> str:
        return feedback.comment[:80] + ("…" if len(feedback.comment) > 80 else "")

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm("feedback.delete_pagefeedback")
