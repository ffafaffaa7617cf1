from django.contrib import admin

from core.admin import ReadOnlyAdmin
from readerstats.models import ArticleDailyViews


@admin.register(ArticleDailyViews)
class ArticleDailyViewsAdmin(ReadOnlyAdmin):
    list_display = ["day", "slug", "views", "unique_readers"]
    list_filter = ["day"]
    search_fields = ["slug"]
    date_hierarchy = "day"
