"""Reader feedback in the admin (feedback/admin.py): evidence staff may read, never edit."""

import pytest

from feedback.models import PageFeedback

pytestmark = pytest.mark.django_db


def test_staff_cannot_edit_or_invent_feedback_in_the_admin(client, articles, django_user_model, send):
    send(client)
    admin = django_user_model.objects.create_superuser("boss", password="x-long-password-1")
    client.force_login(admin)
    assert client.get("/admin/feedback/pagefeedback/").status_code == 200
    assert client.get("/admin/feedback/pagefeedback/add/").status_code == 403
    feedback = PageFeedback.objects.get()
    change_url = f"/admin/feedback/pagefeedback/{feedback.pk}/change/"
    page = client.get(change_url).content.decode()
    assert 'name="_save"' not in page  # shown read-only, with no save button
    edited = client.post(change_url, {"article": "risks", "helpful": "on", "comment": "Edited by staff"})
    assert edited.status_code == 403
    after = PageFeedback.objects.get()
    assert (after.helpful, after.comment) == (feedback.helpful, feedback.comment)


def test_clinic_staff_cannot_read_reader_feedback(client, articles, django_user_model):
    from django.contrib.auth.models import Group

    clinic_staff = django_user_model.objects.create_user("desk", password="x-long-password-1", is_staff=True)
    clinic_staff.groups.add(Group.objects.get(name="Clinic staff"))
    client.force_login(clinic_staff)
    assert client.get("/staff/feedback/").status_code == 403
    index = client.get("/admin/").content.decode()
    assert "Articles by review date" not in index and "answers by article" not in index


def test_the_admin_home_links_the_reports_for_editors(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", password="x-long-password-1"))
    index = client.get("/admin/").content.decode()
    assert 'href="/staff/reviews/"' in index and 'href="/staff/feedback/"' in index
