from django.urls import path
from django.utils.translation import gettext_lazy as _

from consent import views

app_name = "consent"

urlpatterns = [
    path("cookies/", views.cookie_settings, name="settings"),
    path(_("cookies/choose/"), views.choose, name="choose"),
    path(_("preferences/"), views.reading_preferences, name="preferences"),
]
