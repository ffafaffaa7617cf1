from django.urls import path
from django.utils.translation import gettext_lazy as _

from clinics import views

app_name = "clinics"

urlpatterns = [
    path(_("find-a-clinic/"), views.inquiry_form, name="inquiry"),
    path(_("find-a-clinic/thanks/<str:token>/"), views.inquiry_thanks, name="thanks"),
    path(_("privacy/"), views.privacy_notice, name="privacy"),
]
