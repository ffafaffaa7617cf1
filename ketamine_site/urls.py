from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

# Addresses with one answer for the whole site, whatever the language.
urlpatterns = [
    path("", include("core.urls")),
    path("", include("operations.urls")),
    path("", include("articles.site_urls")),
    path(settings.ADMIN_PATH, admin.site.urls),
]

# Reader pages: English at the root, Spanish under /es/ with translated paths (core/languages.py).
urlpatterns += i18n_patterns(
    # Articles first: they are what readers ask for most, so they are matched with the fewest tries.
    path("", include("articles.urls")),
    path("", include("clinics.urls")),
    path("", include("feedback.urls")),
    path("", include("consent.urls")),
    prefix_default_language=False,
)

handler404 = "core.views.page_not_found"
