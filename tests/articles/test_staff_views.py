import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(write_article):
    write_article("basics/late.md", topic="basics", title="Late one", updated="2024-01-01", published="2024-01-01",
                  next_review="2024-06-01")  # fmt: skip
    write_article("basics/fine.md", topic="basics", title="Fine one")
    write_article("basics/wip.md", topic="basics", title="Work in progress", draft="true")


def test_review_report_lists_every_article_soonest_first(client, django_user_model, articles):
    client.force_login(django_user_model.objects.create_user("editor", password="x-long-password-1", is_staff=True))
    html = client.get("/staff/reviews/").content.decode()
    assert html.index("Late one") < html.index("Fine one")
    assert "overdue" in html and "Work in progress" in html and ">draft<" in html


def test_review_report_is_for_staff_only(client, django_user_model, articles):
    assert client.get("/staff/reviews/")["Location"].startswith("/admin/login/")
    client.force_login(django_user_model.objects.create_user("reader", password="x-long-password-1"))
    assert client.get("/staff/reviews/").status_code == 302
