"""
Inquiries as an Excel workbook (XLSX) for staff.

Every cell is stored as text (type "s", number format "@"), so a spreadsheet never runs what a
visitor typed: `=HYPERLINK(...)` or `Anna;=1+1;` stay text whatever the locale's list separator,
which a CSV cannot promise (a cell is split at ";" in some locales and at "," in others, and any
piece may start a formula).
"""

import io
from collections.abc import Iterable

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from clinics.models import Inquiry

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEXT_FORMAT = "@"

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
    ("language", lambda inquiry: inquiry.get_language_display()),
    ("assigned to", lambda inquiry: inquiry.assigned_to.get_username() if inquiry.assigned_to else ""),
    (
        "contacted at",
        lambda inquiry: inquiry.contacted_at.isoformat(timespec="seconds") if inquiry.contacted_at else "",
    ),
    ("staff notes", lambda inquiry: inquiry.staff_notes),
]


def text_cell(sheet, value: str) -> WriteOnlyCell:
    # XML cannot carry some control characters (a staff note may hold one); show them as U+FFFD.
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("\ufffd", value))
    cell.data_type = "s"  # openpyxl would make a value starting with "=" a formula
    cell.number_format = TEXT_FORMAT
    return cell


def inquiries_xlsx_response(inquiries: Iterable[Inquiry], *, filename: str) -> HttpResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("inquiries")
    sheet.append([text_cell(sheet, title) for title, _ in COLUMNS])
    for inquiry in inquiries:
        sheet.append([text_cell(sheet, read(inquiry)) for _, read in COLUMNS])
    content = io.BytesIO()
    workbook.save(content)
    response = HttpResponse(content.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"  # personal data: no copies in caches along the way
    return response
