from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles import sitemaps, staff_views
from articles import views as article_views

urlpatterns = [
    path("healthz", article_views.healthz, name="healthz"),
    # Articles first: they are what readers ask for most, so they are matched with the fewest tries.
    path("", include("articles.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps.SITEMAPS}, name="sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
    path("", include("operations.urls")),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("staff/reviews/", staff_views.review_report, name="staff-reviews"),
    path("", include("clinics.urls")),
    path("", include("feedback.urls")),
    path("", include("consent.urls")),
]

handler404 = "articles.views.page_not_found"
