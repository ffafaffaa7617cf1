"""
The staff review desk. What the visitor sent is read-only; status, assignment, notes and the
contact time are for staff. Bulk actions and the XLSX export go through the services, and every
export is recorded (who, when, which inquiries).
"""

import logging

from django.contrib import admin, messages
from django.utils import timezone

from clinics.models import VISITOR_FIELDS, Inquiry, InquiryExport, Status
from clinics.selectors import inquiries_for_export, inquiry_assignees
from clinics.services import (
    inquiries_assign,
    inquiries_set_status,
    inquiry_export_record,
    inquiry_stamp_contacted,
)
from core.admin import ReadOnlyAdmin

logger = logging.getLogger(__name__)

RECORD_FIELDS = (
    "reference",
    "created",
    "updated",
    "notified_at",
    "privacy_policy_version",
    "source_path",
    "language",
)


class AssignedFilter(admin.SimpleListFilter):
    title = "assigned"
    parameter_name = "assigned"

    def lookups(self, request, model_admin):
        return [("me", "Assigned to me"), ("nobody", "Not assigned")]

    def queryset(self, request, queryset):
        if self.value() == "me":
            return queryset.filter(assigned_to=request.user)
        if self.value() == "nobody":
            return queryset.filter(assigned_to__isnull=True)
        return queryset


@admin.register(Inquiry)
class InquiryAdmin(admin.ModelAdmin):
    list_display = ("reference", "created", "status", "topic", "place", "language", "assigned_to")
    list_filter = ("status", "topic", "language", "created", AssignedFilter)
    search_fields = ("reference", "name", "email", "phone", "location", "country")
    date_hierarchy = "created"
    list_select_related = ("assigned_to",)
    readonly_fields = VISITOR_FIELDS + RECORD_FIELDS
    fieldsets = (
        ("What the visitor sent", {"fields": VISITOR_FIELDS}),
        ("Follow-up", {"fields": ("status", "assigned_to", "contacted_at", "staff_notes")}),
        ("Record", {"fields": RECORD_FIELDS}),
    )
    actions = ["assign_to_me", "mark_contacted", "mark_closed", "mark_spam", "export_xlsx"]

    @admin.display(description="location", ordering="country")
    def place(self, inquiry):
        return ", ".join(part for part in (inquiry.location, inquiry.us_state, inquiry.country) if part)

    def has_add_permission(self, request):
        return False  # inquiries come only from the public form

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assigned_to":
            # Only people who can work on inquiries; the list of every account is not staff business.
            kwargs["queryset"] = inquiry_assignees()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        inquiry_stamp_contacted(inquiry=obj)
        super().save_model(request, obj, form, change)

    def _bulk_status(self, request, queryset, status: Status):
        count = inquiries_set_status(inquiries=queryset, status=status)
        self.message_user(request, f"{count} inquiries marked {status.label.lower()}.", messages.SUCCESS)

    @admin.action(description="Assign selected inquiries to me", permissions=["change"])
    def assign_to_me(self, request, queryset):
        count = inquiries_assign(inquiries=queryset, user=request.user)
        self.message_user(request, f"{count} inquiries assigned to you.", messages.SUCCESS)

    @admin.action(description="Mark selected inquiries contacted", permissions=["change"])
    def mark_contacted(self, request, queryset):
        self._bulk_status(request, queryset, Status.CONTACTED)

    @admin.action(description="Close selected inquiries", permissions=["change"])
    def mark_closed(self, request, queryset):
        self._bulk_status(request, queryset, Status.CLOSED)

    @admin.action(description="Mark selected inquiries as spam", permissions=["change"])
    def mark_spam(self, request, queryset):
        self._bulk_status(request, queryset, Status.SPAM)

    @admin.action(description="Export selected inquiries as a spreadsheet (XLSX)", permissions=["view"])
    def export_xlsx(self, request, queryset):
        # openpyxl takes about 0.1 s to import: paid by the one staff action that needs it, not by
        # every process start.
        from clinics.exports import inquiries_xlsx_response

        inquiries = list(inquiries_for_export(inquiries=queryset))
        export = inquiry_export_record(user=request.user, inquiries=inquiries)
        logger.info("%s exported %d inquiries (export %d)", request.user, len(inquiries), export.pk)
        return inquiries_xlsx_response(inquiries, filename=f"inquiries-{timezone.now():%Y%m%d-%H%M%S}.xlsx")


@admin.register(InquiryExport)
class InquiryExportAdmin(ReadOnlyAdmin):
    """The export log: read-only, so nobody can tidy away a record of taking data out."""

    list_display = ("exported_at", "exported_by_username", "row_count")
    search_fields = ("exported_by_username", "references")
    list_filter = ("exported_at",)
