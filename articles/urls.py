from django.contrib.sitemaps.views import sitemap
from django.urls import path

from articles import feeds, sitemaps, staff_views, views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.article_list, name="list"),
    path("articles/<slug:slug>/", views.article_detail, name="detail"),
    path("topics/<slug:topic>/", views.topic_detail, name="topic"),
    path("tags/<str:tag>/", views.tag_detail, name="tag"),
    path("glossary/", views.glossary, name="glossary"),
    path("search/", views.search, name="search"),
    path("feed/", feeds.ArticleFeed(), name="feed"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps.SITEMAPS}, name="sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
    path("staff/reviews/", staff_views.review_report, name="staff-reviews"),
]
