"""The sitemap and robots.txt: one of each for the whole site, listing both languages."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from articles import sitemaps

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps.SITEMAPS}, name="sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
]
