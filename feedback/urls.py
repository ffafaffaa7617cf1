from django.urls import path

from feedback import views

app_name = "feedback"

urlpatterns = [
    path("feedback/", views.feedback_submit, name="submit"),
    path("staff/feedback/", views.helpfulness_report, name="report"),
]
