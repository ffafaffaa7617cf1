"""
Inquiries as CSV for staff.

Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula, so
such values are prefixed with an apostrophe: a visitor's "=HYPERLINK(...)" stays text.
"""

import csv
from collections.abc import Iterable

from django.http import HttpResponse

from clinics.models import Inquiry

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = [
    ("reference", lambda inquiry: inquiry.reference),
    ("created", lambda inquiry: inquiry.created.isoformat(timespec="seconds")),
    ("status", lambda inquiry: inquiry.get_status_display()),
    ("topic", lambda inquiry: inquiry.get_topic_display()),
    ("name", lambda inquiry: inquiry.name),
    ("email", lambda inquiry: inquiry.email),
    ("phone", lambda inquiry: inquiry.phone),
    ("preferred contact", lambda inquiry: inquiry.get_preferred_contact_display()),
    ("postal code or city", lambda inquiry: inquiry.location),
    ("US state", lambda inquiry: inquiry.us_state),
    ("country", lambda inquiry: inquiry.country),
    ("message", lambda inquiry: inquiry.message),
    ("assigned to", lambda inquiry: inquiry.assigned_to.get_username() if inquiry.assigned_to else ""),
    (
        "contacted at",
        lambda inquiry: inquiry.contacted_at.isoformat(timespec="seconds") if inquiry.contacted_at else "",
    ),
    ("staff notes", lambda inquiry: inquiry.staff_notes),
]


def spreadsheet_safe(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def inquiries_csv_response(inquiries: Iterable[Inquiry], *, filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"  # personal data: no copies in caches along the way
    response.write("\ufeff")  # a byte-order mark, so Excel reads the file as UTF-8
    writer = csv.writer(response)
    writer.writerow([title for title, _ in COLUMNS])
    for inquiry in inquiries:
        writer.writerow([spreadsheet_safe(read(inquiry)) for _, read in COLUMNS])
    return response
