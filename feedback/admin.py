from django.contrib import admin

from feedback.models import PageFeedback


@admin.register(PageFeedback)
class PageFeedbackAdmin(admin.ModelAdmin):
    """Read-only: what readers said is evidence, not something staff edit."""

    list_display = ["created", "article", "helpful", "short_comment"]
    list_filter = ["helpful", "created"]
    search_fields = ["article", "comment"]
    date_hierarchy = "created"

    @admin.display(description="comment")
    def short_comment(self, feedback: PageFeedback) -> str:
        return feedback.comment[:80] + ("…" if len(feedback.comment) > 80 else "")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
