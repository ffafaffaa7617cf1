import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(write_article):
    write_article("basics/late.md", topic="basics", title="Late one", updated="2024-01-01", published="2024-01-01",
                  next_review="2024-06-01")  # fmt: skip
    write_article("basics/fine.md", topic="basics", title="Fine one")
    write_article("basics/wip.md", topic="basics", title="Work in progress", draft="true")


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="x-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_review_report_lists_every_article_soonest_first(client, editor, articles):
    client.force_login(editor)
    html = client.get("/staff/reviews/").content.decode()
    assert html.index("Late one") < html.index("Fine one")
    assert "overdue" in html and "Work in progress" in html and ">draft<" in html


def test_review_report_is_for_editors_only(client, django_user_model, articles):
    assert client.get("/staff/reviews/").status_code == 404
    client.force_login(django_user_model.objects.create_user("reader", password="x-long-password-1"))
    assert client.get("/staff/reviews/").status_code == 404
    client.force_login(django_user_model.objects.create_user("staff", password="x-long-password-1", is_staff=True))
    assert client.get("/staff/reviews/").status_code == 403


def test_migration_creates_the_editors_group_with_editorial_permissions_only():
    codenames = set(Group.objects.get(name="Editors").permissions.values_list("content_type__app_label", "codename"))
    assert codenames == {("articles", "preview_articles"), ("feedback", "view_pagefeedback")}
