from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("core.urls")),
    # Articles first: they are what readers ask for most, so they are matched with the fewest tries.
    path("", include("articles.urls")),
    path("", include("operations.urls")),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("", include("clinics.urls")),
    path("", include("feedback.urls")),
    path("", include("consent.urls")),
]

handler404 = "core.views.page_not_found"
