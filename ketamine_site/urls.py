from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from articles import sitemaps, staff_views
from articles import views as article_views

urlpatterns = [
    path("healthz", article_views.healthz, name="healthz"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
    path("", include("operations.urls")),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("staff/reviews/", staff_views.review_report, name="staff-reviews"),
    path("", include("clinics.urls")),
    path("", include("feedback.urls")),
    path("", include("consent.urls")),
    path("", include("articles.urls")),
]

handler404 = "articles.views.page_not_found"
