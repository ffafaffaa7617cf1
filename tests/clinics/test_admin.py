"""The staff review desk: who may see what, read-only visitor data, bulk actions, the logged XLSX export."""

import io
import zipfile

import openpyxl
import pytest
from django.contrib.auth.models import Group

from clinics.models import Inquiry, InquiryExport, Status

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/clinics/inquiry/"


def test_migration_creates_the_clinic_staff_group_with_only_view_and_change_on_inquiries():
    group = Group.objects.get(name="Clinic staff")
    assert sorted(group.permissions.values_list("codename", flat=True)) == ["change_inquiry", "view_inquiry"]


def test_anonymous_visitors_are_sent_to_the_login_page(client, make_inquiry):
    make_inquiry()
    for url in [CHANGELIST, f"{CHANGELIST}{Inquiry.objects.get().pk}/change/"]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_clinic_staff_see_inquiries_but_not_users_or_groups(staff_client, make_inquiry):
    inquiry = make_inquiry()
    listing = staff_client.get(CHANGELIST)
    assert listing.status_code == 200 and b"AAAA-0001" in listing.content
    assert staff_client.get(f"{CHANGELIST}{inquiry.pk}/change/").status_code == 200
    for url in ["/admin/auth/user/", "/admin/auth/group/", "/admin/clinics/inquiryexport/", f"{CHANGELIST}add/"]:
        assert staff_client.get(url).status_code == 403, url
    assert staff_client.post(f"{CHANGELIST}{inquiry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Inquiry.objects.filter(pk=inquiry.pk).exists()


def test_staff_without_the_group_see_nothing(client, django_user_model, make_inquiry):
    make_inquiry()
    client.force_login(django_user_model.objects.create_user("temp", password="a-long-password-1", is_staff=True))
    assert client.get(CHANGELIST).status_code == 403


def test_visitor_answers_are_read_only_and_staff_fields_are_editable(staff_client, clinic_staff, make_inquiry):
    inquiry = make_inquiry(message="Original words")
    url = f"{CHANGELIST}{inquiry.pk}/change/"
    page = staff_client.get(url).content.decode()
    assert 'name="staff_notes"' in page and 'name="status"' in page and 'name="assigned_to"' in page
    assert 'name="message"' not in page and 'name="email"' not in page
    response = staff_client.post(
        url,
        {
            "status": "contacted",
            "assigned_to": clinic_staff.pk,
            "staff_notes": "Called on Tuesday",
            "contacted_at_0": "",
            "contacted_at_1": "",
            "message": "Tampered",
            "email": "attacker@example.com",
        },
    )
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == Status.CONTACTED and inquiry.assigned_to == clinic_staff
    assert inquiry.staff_notes == "Called on Tuesday"
    assert inquiry.contacted_at is not None  # stamped when staff set "contacted"
    assert inquiry.message == "Original words" and inquiry.email == "sam@example.com"


def run_action(client, action, inquiries):
    return client.post(CHANGELIST, {"action": action, "_selected_action": [inquiry.pk for inquiry in inquiries]})


def test_bulk_actions_assign_contact_close_and_mark_spam(staff_client, clinic_staff, make_inquiry):
    first, second, untouched = (make_inquiry(reference=f"AAAA-000{n}") for n in (1, 2, 3))
    run_action(staff_client, "assign_to_me", [first, second])
    run_action(staff_client, "mark_contacted", [first])
    run_action(staff_client, "mark_closed", [second])
    for inquiry in (first, second, untouched):
        inquiry.refresh_from_db()
    assert first.assigned_to == clinic_staff and first.status == Status.CONTACTED and first.contacted_at
    assert second.assigned_to == clinic_staff and second.status == Status.CLOSED and second.contacted_at is None
    assert untouched.assigned_to is None and untouched.status == Status.NEW
    run_action(staff_client, "mark_spam", [untouched])
    untouched.refresh_from_db()
    assert untouched.status == Status.SPAM


def test_assigned_to_me_filter(staff_client, clinic_staff, django_user_model, make_inquiry):
    colleague = django_user_model.objects.create_user("robin", is_staff=True)
    make_inquiry(reference="MINE-0001", assigned_to=clinic_staff)
    make_inquiry(reference="THEM-0001", assigned_to=colleague)
    make_inquiry(reference="NONE-0001")
    mine = staff_client.get(CHANGELIST, {"assigned": "me"}).content.decode()
    assert "MINE-0001" in mine and "THEM-0001" not in mine and "NONE-0001" not in mine
    nobody = staff_client.get(CHANGELIST, {"assigned": "nobody"}).content.decode()
    assert "NONE-0001" in nobody and "MINE-0001" not in nobody


def test_search_finds_by_email_and_reference(staff_client, make_inquiry):
    make_inquiry(reference="FIND-0001", email="needle@example.com")
    make_inquiry(reference="HAYS-0001", email="hay@example.com")
    found = staff_client.get(CHANGELIST, {"q": "needle@"}).content.decode()
    assert "FIND-0001" in found and "HAYS-0001" not in found


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Cells a spreadsheet would run as formulas, in locales whose separator is "," and in those using ";".
FORMULA_NAMES = ['=HYPERLINK("http://evil.example")', "Anna;=1+1;", "Anna,=1+1,", "+1+1", "@SUM(A1)", "-2+3"]


def export(client, *inquiries):
    return client.post(CHANGELIST, {"action": "export_xlsx", "_selected_action": [i.pk for i in inquiries]})


def sheet_rows(response) -> list[tuple]:
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [tuple(cell for cell in row) for row in sheet.iter_rows()]


def test_export_is_an_xlsx_of_the_selected_rows_every_cell_text_and_logged(staff_client, clinic_staff, make_inquiry):
    chosen = make_inquiry(reference="XLS0-0001", name="Anna;=1+1;", message="Line 1\nLine 2", phone="+1 212 555 0123")
    make_inquiry(reference="XLS0-0002")
    response = export(staff_client, chosen)
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"].startswith('attachment; filename="inquiries-')
    assert response["Content-Disposition"].endswith('.xlsx"')
    rows = sheet_rows(response)
    assert len(rows) == 2
    header, values = [cell.value for cell in rows[0]], [cell.value for cell in rows[1]]
    assert header[:4] == ["reference", "created", "status", "topic"]
    record = dict(zip(header, values, strict=True))
    assert record["reference"] == "XLS0-0001" and record["topic"] == "PTSD (post-traumatic stress disorder)"
    assert record["name"] == "Anna;=1+1;" and record["phone"] == "+1 212 555 0123"
    assert record["message"] == "Line 1\nLine 2"
    cells = [cell for row in rows for cell in row]
    assert {cell.number_format for cell in cells} == {"@"}  # typed as text, empty ones too
    assert {cell.data_type for cell in cells if cell.value is not None} == {"s"}
    export_record = InquiryExport.objects.get()
    assert export_record.exported_by == clinic_staff and export_record.row_count == 1


def test_no_cell_of_the_export_is_a_formula_under_either_separator(staff_client, make_inquiry):
    inquiries = [make_inquiry(reference=f"XLS1-000{n}", name=name) for n, name in enumerate(FORMULA_NAMES)]
    response = export(staff_client, *inquiries)
    with zipfile.ZipFile(io.BytesIO(response.content)) as package:
        sheet_xml = package.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    names = sorted(row[4].value for row in sheet_rows(response)[1:])
    assert names == sorted(FORMULA_NAMES)  # exactly as typed: no apostrophe, nothing dropped


def test_export_keeps_text_that_xml_cannot_carry_readable(staff_client, make_inquiry):
    inquiry = make_inquiry(reference="XLS2-0001", staff_notes="called\x0bback")
    assert sheet_rows(export(staff_client, inquiry))[1][-1].value == "called\ufffdback"


def test_export_log_keeps_who_exported_and_which_inquiries_after_the_account_is_deleted(
    staff_client, clinic_staff, make_inquiry
):
    first, second = make_inquiry(reference="LOG0-0001"), make_inquiry(reference="LOG0-0002")
    export(staff_client, first, second)
    clinic_staff.delete()
    record = InquiryExport.objects.get()
    assert record.exported_by is None
    assert record.exported_by_username == "casey"
    assert sorted(record.references) == ["LOG0-0001", "LOG0-0002"]


def test_export_log_cannot_be_edited_or_deleted_even_by_a_superuser(
    client, django_user_model, staff_client, make_inquiry
):
    make_inquiry()
    staff_client.post(CHANGELIST, {"action": "export_xlsx", "_selected_action": [Inquiry.objects.get().pk]})
    export = InquiryExport.objects.get()
    client.force_login(django_user_model.objects.create_superuser("root", password="a-long-password-1"))
    assert client.get("/admin/clinics/inquiryexport/").status_code == 200
    assert client.post(f"/admin/clinics/inquiryexport/{export.pk}/delete/", {"post": "yes"}).status_code == 403
    assert InquiryExport.objects.filter(pk=export.pk).exists()


def test_inquiries_can_be_assigned_only_to_people_who_can_work_on_them(
    staff_client, clinic_staff, django_user_model, make_inquiry
):
    django_user_model.objects.create_user("editor-only", is_staff=True)
    django_user_model.objects.create_user("visitor-account")
    django_user_model.objects.create_superuser("root", password="a-long-password-1")
    page = staff_client.get(f"{CHANGELIST}{make_inquiry().pk}/change/").content.decode()
    assert ">casey</option>" in page and ">root</option>" in page
    assert "editor-only" not in page and "visitor-account" not in page
