from django.urls import path

from clinics import views

app_name = "clinics"

urlpatterns = [
    path("find-a-clinic/", views.inquiry_form, name="inquiry"),
    path("find-a-clinic/thanks/<str:token>/", views.inquiry_thanks, name="thanks"),
    path("privacy/", views.privacy_notice, name="privacy"),
]
