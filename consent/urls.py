from django.urls import path

from consent import views

app_name = "consent"

urlpatterns = [
    path("cookies/", views.cookie_settings, name="settings"),
    path("cookies/choose/", views.choose, name="choose"),
    path("preferences/", views.reading_preferences, name="preferences"),
]
