from django.urls import path
from django.utils.translation import gettext_lazy as _

from feedback import views

app_name = "feedback"

urlpatterns = [
    path(_("feedback/"), views.feedback_submit, name="submit"),
    path("staff/feedback/", views.helpfulness_report, name="report"),
]
