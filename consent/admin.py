from django.contrib import admin

from consent.models import ArticleDailyViews, ConsentRecord
from ketamine_site.admin import ReadOnlyAdmin


@admin.register(ConsentRecord)
class ConsentRecordAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "consent_id", "choices", "policy_version", "source"]
    list_filter = ["source", "policy_version"]
    search_fields = ["consent_id"]
    date_hierarchy = "created_at"


@admin.register(ArticleDailyViews)
class ArticleDailyViewsAdmin(ReadOnlyAdmin):
    list_display = ["day", "slug", "views", "unique_readers"]
    list_filter = ["day"]
    search_fields = ["slug"]
    date_hierarchy = "day"
