from django.contrib import admin

from consent.models import ConsentRecord
from core.admin import ReadOnlyAdmin


@admin.register(ConsentRecord)
class ConsentRecordAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "consent_id", "choices", "policy_version", "source"]
    list_filter = ["source", "policy_version"]
    search_fields = ["consent_id"]
    date_hierarchy = "created_at"
