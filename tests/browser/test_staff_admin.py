"""Clinic staff work in the Django admin under the site's strict Content-Security-Policy."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ADMIN_PAGES = ["/admin/", "/admin/clinics/inquiry/", "/admin/auth/user/add/", "/admin/consent/consentrecord/"]


def test_admin_pages_work_without_csp_violations(page, site_url, django_user_model):
    django_user_model.objects.create_superuser("boss", "boss@example.invalid", "a-very-long-password-1")
    blocked = []
    page.on(
        "console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("boss")
    page.get_by_label("Password").fill("a-very-long-password-1")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="Site administration").wait_for()
    for path in ADMIN_PAGES:
        response = page.goto(path)
        assert response.status == 200, path
    assert blocked == []
