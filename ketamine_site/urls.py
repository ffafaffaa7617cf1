from django.contrib import admin
from django.urls import include, path

from articles import views as article_views

urlpatterns = [
    path("healthz", article_views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("", include("consent.urls")),
    path("", include("articles.urls")),
]

handler404 = "articles.views.page_not_found"
